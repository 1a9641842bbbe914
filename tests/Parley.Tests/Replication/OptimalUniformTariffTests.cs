using Parley.Data;
using Parley.Models.Numerics;
using Parley.Replication;
using Parley.Replication.Internals;
using Xunit;

namespace Parley.Tests.Replication;

public class OptimalUniformTariffTests
{
    private static BracketedMaximum Max(Func<double, double> f, double lo = 0, double hi = 1, int scan = 11, double tol = 1e-6, int iterations = 100) =>
        BracketedMaximiser.Maximise(f, lo, hi, scan, tol, iterations);

    [Theory]
    [InlineData(0.3)]
    [InlineData(0.123456)]
    [InlineData(0.95)]
    public void Maximiser_finds_the_peak_of_a_parabola_within_the_tolerance(double peak)
    {
        var r = Max(x => -(x - peak) * (x - peak));
        Assert.True(r.Converged);
        Assert.True(Math.Abs(r.X - peak) <= 1e-6, $"{r.X} vs {peak}");
        Assert.True(r.Evaluations <= 11 + 10, $"{r.Evaluations} evaluations"); // a parabola is fitted exactly
    }

    [Fact]
    public void Maximiser_finds_an_asymmetric_peak_that_parabolas_only_approximate()
    {
        // x·e^(−3x) peaks at 1/3; so does a welfare curve of the optimal-tariff kind (steep left, flat right) only roughly.
        var r = Max(x => x * Math.Exp(-3 * x), tol: 1e-8);
        Assert.True(Math.Abs(r.X - 1.0 / 3) <= 1e-8, $"{r.X}");
        Assert.True(r.BracketUpper - r.BracketLower <= 2e-8);
    }

    [Fact]
    public void Maximiser_takes_the_higher_of_two_humps_that_the_scan_separates()
    {
        // Humps at 0.2 (height 1) and 0.7 (height 2): a local search started left would stop at 0.2.
        double F(double x) => Math.Exp(-Math.Pow((x - 0.2) / 0.05, 2)) + 2 * Math.Exp(-Math.Pow((x - 0.7) / 0.05, 2));
        var r = Max(F, scan: 21);
        Assert.True(Math.Abs(r.X - 0.7) <= 1e-5, $"{r.X}");
        // Oracle: a dense grid agrees on the argument to its spacing.
        var grid = Enumerable.Range(0, 100_001).Select(k => k / 100_000.0).MaxBy(F);
        Assert.True(Math.Abs(r.X - grid) <= 1e-5);
    }

    [Fact]
    public void A_falling_function_has_its_maximum_at_the_lower_end()
    {
        var r = Max(x => -x);
        Assert.True(r.Converged);
        Assert.True(r.X <= 1e-6, $"{r.X}");
    }

    [Fact]
    public void Running_out_of_iterations_is_reported_as_not_converged()
    {
        var r = Max(x => x * Math.Exp(-3 * x), tol: 1e-10, iterations: 2);
        Assert.False(r.Converged);
        Assert.Equal(11 + 2, r.Evaluations);
    }

    [Theory]
    [InlineData(nameof(UniformTariffSearchOptions.Tolerance), 0.0)]
    [InlineData(nameof(UniformTariffSearchOptions.Tolerance), double.NaN)]
    [InlineData(nameof(UniformTariffSearchOptions.UpperRate), -1.0)]
    [InlineData(nameof(UniformTariffSearchOptions.LowerRate), -0.1)]
    public void Invalid_search_options_are_rejected_by_name(string option, double value)
    {
        var o = option switch
        {
            nameof(UniformTariffSearchOptions.Tolerance) => new UniformTariffSearchOptions { Tolerance = value },
            nameof(UniformTariffSearchOptions.UpperRate) => new UniformTariffSearchOptions { UpperRate = value },
            _ => new UniformTariffSearchOptions { LowerRate = value },
        };
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => o.Validated());
        Assert.Equal(option, e.ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => new UniformTariffSearchOptions { ScanPoints = 2 }.Validated());
        Assert.Throws<ArgumentOutOfRangeException>(() => new UniformTariffSearchOptions { MaxIterations = 0 }.Validated());
    }

    [Fact]
    public void A_search_range_that_stops_below_the_optimum_is_an_error_not_an_answer()
    {
        // The IO optimum lies near 0.18; a range ending at 0.02 must not return 0.02 as "optimal" (3 solves).
        var s = new Jie2025Scenarios(BundledData.World2023);
        var e = Assert.Throws<EquilibriumNotConvergedException>(() =>
            s.RoundaboutOptimum(new UniformTariffSearchOptions { UpperRate = 0.02, ScanPoints = 3, Tolerance = 0.05 }));
        Assert.Equal(3, e.Diagnostics.Iterations);
        Assert.Contains("upper end", e.Diagnostics.WorstEquation, StringComparison.Ordinal);
        Assert.False(e.Diagnostics.Converged);
        Assert.True(double.IsFinite(e.Diagnostics.ResidualNorm));
    }
}
