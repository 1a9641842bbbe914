using CsCheck;
using Xunit;
using Xunit.Abstractions;

namespace Parley.Tests.Fuzz;

/// <summary>Property: any command line built from Parley's verbs, options and hostile values (unknown options, NUL,
/// negative counts, bad dates, missing files) exits 0, 2 or 3 with a one-line error — never 1 or an abort.</summary>
[Collection("Fuzz")]
public class CliFuzzTests(ITestOutputHelper output)
{
    private static readonly string[][] Verbs =
    [
        ["simulate", "{scenario}"], ["negotiate", "{negotiation}", "--no-sensitivity"], ["estimate", "{estimation}"], ["gravity", "simulate", "{gravity}"],
        ["tariffs", "rate"], ["tariffs", "timeline"], ["tariffs", "diff"], ["tariffs", "security"], ["replicate"], ["gravity"], ["tariffs"], ["data"],
    ];

    private static readonly string[] Options =
    [
        "--date", "--country", "--hts", "--from", "--to", "--format", "--limit", "--tolerance", "--max-iterations", "--max-enumerate", "--max-packages",
        "--monte-carlo", "--max-trials", "--variant", "--overlay", "--group", "--prefixes", "--bogus", "-x", "--", "--help",
    ];

    private static readonly string[] Values =
    [
        "", "0", "-1", "1", "3", "1e308", "NaN", "abc", "2025-05-01", "2025-13-40", "9999-12-31", "JPN", "XX", "8703.23.01", "99999999999",
        "table", "csv", "json", "textbook", "a\0b", "/nonexistent/file.yaml", "{scenario}", "rare-earths", "8507,",
    ];

    [Fact]
    public void Random_command_lines_exit_0_2_or_3_with_one_line_errors()
    {
        using var tmp = new TempFolder();
        Fixtures.World(tmp);
        Fixtures.Panel(tmp);
        var files = new Dictionary<string, string>
        {
            ["{scenario}"] = tmp.Write("scenario.yaml", Fixtures.Scenario), ["{negotiation}"] = tmp.Write("negotiation.yaml", Fixtures.Negotiation),
            ["{estimation}"] = tmp.Write("estimation.yaml", Fixtures.Estimation), ["{gravity}"] = tmp.Write("gravity.yaml", Fixtures.Gravity),
        };
        var gen = Gen.Select(Mutations.Pick(Verbs), Gen.Select(Mutations.Pick(Options), Mutations.Pick(Values)).Array[0, 3]);
        string[] Args((string[] Verb, (string, string)[] Options) x) =>
            x.Verb.Concat(x.Options.SelectMany(o => new[] { o.Item1, o.Item2 })).Select(a => files.GetValueOrDefault(a, a)).ToArray();
        var r = FuzzHarness.Run("command line", gen, x => InputFuzzTests.Cli(Args(x)), iterations: 60, budgetSeconds: 10,
            print: x => string.Join(' ', Args(x).Select(a => $"'{a.Replace("\0", "\\0")}'")));
        output.WriteLine($"command line: {r.Cases} cases: " + string.Join(", ", r.Outcomes.Select(kv => $"{kv.Key} {kv.Value}")));
        foreach (var s in r.Skipped) output.WriteLine("  skipped " + s);
        Assert.True(r.Cases > 0);
    }
}
