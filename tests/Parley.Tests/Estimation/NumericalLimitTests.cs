using Parley.Gravity;
using Parley.Models.Estimation;
using Parley.Models.Gravity;
using Parley.Models.Numerics;
using Xunit;

namespace Parley.Tests.Estimation;

/// <summary>σ close to 1, the fixed-effect sweep cap and estimator options: errors with diagnostics, never NaN or silence.</summary>
public class NumericalLimitTests
{
    private static string Experiment(TempFolder tmp, double sigma, string variant = "gegravity")
    {
        var text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "examples", "can-jpn-pta.yaml"))
            .Replace("sigma: 5", FormattableString.Invariant($"sigma: {sigma}"))
            .Replace("variant: gegravity", $"variant: {variant}")
            .Replace("monte_carlo: { trials: 1000, seed: 1 }", "");
        var path = Path.Combine(tmp.Path, "pta.yaml");
        File.WriteAllText(path, text);
        return path;
    }

    [Theory]
    [InlineData("gegravity")]
    [InlineData("textbook")]
    public void Sigma_too_close_to_one_is_an_input_error_naming_the_bound_never_NaN(string variant)
    {
        // Before: σ = 1.0001 gave NaN real GDP for every country (P = a^(1/(σ−1)) overflowed, ∞/∞).
        using var tmp = new TempFolder();
        var path = Experiment(tmp, 1.0001, variant);
        var e = Assert.Throws<ParleyInputException>(() => GravityExperiment.Read(path).Run());
        Assert.Equal("sigma", e.Field);
        Assert.Equal(path, e.File);
        Assert.Contains("σ ≥ 1.0", e.Message);
        Assert.DoesNotContain("NaN", e.Message);
    }

    [Fact]
    public void Sigma_just_above_the_bound_gives_finite_results_that_keep_the_gegravity_identities()
    {
        using var tmp = new TempFolder();
        var r = GravityExperiment.Read(Experiment(tmp, 1.05)).Run();
        foreach (var c in r.Countries)
        {
            Assert.True(double.IsFinite(c.RealGdpChange) && double.IsFinite(c.OmrChange) && double.IsFinite(c.ImrChange), c.Country);
            Assert.Equal(1.0, (1 + c.FactoryGatePriceChange / 100) * (1 + c.OmrChange / 100), 10);
            Assert.Equal(1 / c.WelfareStatistic, 1 + c.RealGdpChange / 100, 10);
        }
        // Closer to 1 the same PTA moves prices more: |Δp| at σ = 1.05 exceeds |Δp| at σ = 5 for Japan.
        var five = GravityExperiment.Read(Experiment(tmp, 5)).Run();
        Assert.True(Math.Abs(r["JPN"].FactoryGatePriceChange) > Math.Abs(five["JPN"].FactoryGatePriceChange));
    }

    private static RegressionInput TwoWayPanel(int countries)
    {
        var rng = new Random(3);
        var y = new List<double>(); var x = new List<double>(); var ex = new List<int>(); var im = new List<int>();
        for (var i = 0; i < countries; i++)
            for (var j = 0; j < countries; j++)
            {
                if (i == j) continue;
                var d = rng.NextDouble() * 3;
                x.Add(d);
                y.Add(Math.Exp(1 + 0.1 * i - 0.05 * j - 0.7 * d) * (0.5 + rng.NextDouble()));
                ex.Add(i); im.Add(j);
            }
        return new RegressionInput("capped", EstimationMethod.Ppml, y.ToArray(), [("dist", x.ToArray())], [("exporter", ex.ToArray()), ("importer", im.ToArray())],
            [], false, SingletonPolicy.Error, VceConvention.Stata, "synthetic", Enumerable.Range(2, y.Count).ToArray());
    }

    [Fact]
    public void Fixed_effect_demeaning_that_hits_its_sweep_cap_is_a_non_convergence_error()
    {
        // Before: the alternating projections stopped at 100,000 sweeps and the estimate was used as if converged.
        var ex = Assert.Throws<EquilibriumNotConvergedException>(() => GravityEstimator.Estimate(TwoWayPanel(8), new PpmlOptions { MaxDemeanSweeps = 1 }));
        Assert.Contains("fixed-effect demeaning of PPML column 'capped'", ex.Message);
        Assert.Equal(1, ex.Diagnostics.Iterations);
        Assert.True(ex.Diagnostics.ResidualNorm > ex.Diagnostics.Tolerance);
        // The default cap leaves the same regression converged.
        Assert.True(GravityEstimator.Estimate(TwoWayPanel(8)).Converged);
    }

    [Theory]
    [InlineData("Tolerance", 0)]
    [InlineData("InnerToleranceFloor", -1)]
    [InlineData("MaxIterations", 0)]
    [InlineData("MaxDemeanSweeps", 0)]
    public void Impossible_estimator_options_are_input_errors_when_set(string option, double value)
    {
        Assert.Throws<ParleyInputException>(() => option switch
        {
            "Tolerance" => new PpmlOptions { Tolerance = value },
            "InnerToleranceFloor" => new PpmlOptions { InnerToleranceFloor = value },
            "MaxIterations" => new PpmlOptions { MaxIterations = (int)value },
            _ => new PpmlOptions { MaxDemeanSweeps = (int)value },
        });
    }
}
