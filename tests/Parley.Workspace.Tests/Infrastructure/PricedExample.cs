using Parley.Workspace.Pricing;

using Xunit;

namespace Parley.Workspace.Tests.Infrastructure;

/// <summary>examples/us-japan-2025.yaml priced once per test run (≈6 s) and shared by every test.</summary>
public static class PricedExample
{
    private static readonly Lazy<PricedNegotiation> Lazy = new(() => PricedNegotiation.Price(Path.Combine(AppContext.BaseDirectory, "examples", "us-japan-2025.yaml")));

    /// <summary>The priced US–Japan negotiation.</summary>
    public static PricedNegotiation UsJapan => Lazy.Value;
}

/// <summary>Environment the service-backed tests need (COMMON: skip with a reason unless CI=true).</summary>
public static class TestServices
{
    /// <summary>True on CI, where a missing service is a failure, not a skip.</summary>
    public static bool OnCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>PARLEY_TEST_POSTGRES, or skip.</summary>
    public static string Postgres() => Require("PARLEY_TEST_POSTGRES", "PostgreSQL");

    /// <summary>PARLEY_CHROMIUM, or skip.</summary>
    public static string Chromium() => Require("PARLEY_CHROMIUM", "chromium");

    private static string Require(string variable, string what)
    {
        var value = Environment.GetEnvironmentVariable(variable);
        if (string.IsNullOrWhiteSpace(value))
        {
            if (OnCi) throw new InvalidOperationException($"{variable} is not set on CI ({what} is required; run .ci/services start)");
            Skip.If(true, $"{variable} is not set: {what} tests skipped (eval \"$(bash .ci/services env)\")");
        }
        return value!;
    }
}
