using Parley.Gravity;
using Parley.Models.Gravity;
using Xunit;

namespace Parley.Tests.Estimation;

public class StructuralGravityTests
{
    private static readonly GravityExperiment Experiment = GravityExperiment.Read(Path.Combine(AppContext.BaseDirectory, "examples", "can-jpn-pta.yaml"));

    [Fact]
    public void Baseline_outward_resistance_of_the_reference_importer_matches_gegravity()
    {
        // Published check value (gegravity documentation): Π_DEU = 0.050346 (6 decimals; tolerance half a unit).
        var r = Experiment.Run();
        Assert.Equal(0.050346, r.Baseline.Outward[Experiment.Data.IndexOf("DEU")], 5e-7);
        Assert.Equal(1.0, r.Baseline.Inward[Experiment.Data.IndexOf("DEU")], 12);
    }

    [Fact]
    public void PTA_raises_the_CAN_JPN_cost_index_by_60_18_percent_and_nothing_else()
    {
        var betas = Experiment.Coefficients.ToDictionary(c => c.Variable, c => c.Beta);
        var t0 = Experiment.Data.CostIndex(betas);
        var t1 = Experiment.Data.CostIndex(betas, Experiment.CounterfactualVariables());
        int can = Experiment.Data.IndexOf("CAN"), jpn = Experiment.Data.IndexOf("JPN"), n = Experiment.Data.N;
        Assert.Equal(60.18165, 100 * (t1[can * n + jpn] / t0[can * n + jpn] - 1), 5e-6);
        Assert.Equal(11305.165, t0[can * n + jpn], 5e-4);
        Assert.Equal(2, Enumerable.Range(0, n * n).Count(k => t1[k] != t0[k]));
    }

    [Fact]
    public void Gegravity_variant_prices_follow_the_outward_resistance_and_the_reference_IMR_stays_fixed()
    {
        var r = Experiment.Run();
        foreach (var c in r.Countries)
        {
            // p′ = Π/Π′ (docs/models/structural-gravity.md (G-10)), so the factory-gate and OMR changes are reciprocal; real GDP = 1/welfare statistic.
            Assert.Equal(1.0, (1 + c.FactoryGatePriceChange / 100) * (1 + c.OmrChange / 100), 10);
            Assert.Equal(1 / c.WelfareStatistic, 1 + c.RealGdpChange / 100, 10);
        }
        Assert.Equal(0, r["DEU"].ImrChange, 10);
        Assert.True(r["CAN"].RealGdpChange > 0 && r["JPN"].RealGdpChange > 0);
        Assert.True(r["CAN"].ForeignExportsChange > 0 && r["USA"].ForeignExportsChange < 0);
    }

    [Fact]
    public void Textbook_variant_converges_and_differs_by_a_few_percent_from_gegravity()
    {
        var g = Experiment.Run();
        var t = (Experiment with { Variant = GravityVariant.Textbook }).Run();
        var relative = Math.Abs(t["CAN"].RealGdpChange / g["CAN"].RealGdpChange - 1);
        Assert.InRange(relative, 0.001, 0.10);
        Assert.True(t.PriceIterations > 1);
    }

    [Fact]
    public void Monte_Carlo_replays_recorded_draws_exactly_and_draws_have_the_right_moments()
    {
        var point = Experiment.Coefficients.Select(c => c.Beta).ToArray();
        var replay = MonteCarlo.Replay(Experiment, [point, point]);
        var single = Experiment.Run();
        var can = replay.Summaries.Single(s => s.Country == "CAN" && s.Statistic == "real_gdp_change");
        Assert.Equal(single["CAN"].RealGdpChange, can.Mean, 12);
        Assert.Equal(0, can.StdDev, 12);
        Assert.Equal(0, replay.Failed);

        var draws = MonteCarlo.Draw(point, Experiment.Covariance!, 20_000, 7);
        for (var k = 0; k < point.Length; k++)
        {
            var sd = Math.Sqrt(Experiment.Covariance![k, k]);
            var mean = draws.Average(d => d[k]);
            var sampleSd = Math.Sqrt(draws.Sum(d => (d[k] - mean) * (d[k] - mean)) / (draws.Length - 1));
            Assert.True(Math.Abs(mean - point[k]) < 4 * sd / Math.Sqrt(draws.Length), $"mean of {Experiment.Coefficients[k].Variable}");
            Assert.InRange(sampleSd / sd, 0.97, 1.03);
        }
    }

    [Fact]
    public void Parley_PPML_reproduces_ppmlhdfe_estimates_of_the_gegravity_example()
    {
        // gegravity's example states ppmlhdfe's estimates (7 significant digits): Parley's PPML on the same 900 rows with
        // exporter and importer effects must agree to within rounding (tolerance 1e-6).
        var spec = Parley.Gravity.EstimationFile.Read(Path.Combine(AppContext.BaseDirectory, "examples", "gegravity-ppml.yaml"));
        var fit = Parley.Models.Estimation.GravityEstimator.Estimate(spec.Columns[0]);
        foreach (var (variable, beta, se) in new[]
                 {
                     ("lndist", -0.3898623, 0.0729915), ("contiguity", 0.891577, 0.1327354), ("common_language", 0.0326249, 0.0840702),
                     ("pta", 0.4711383, 0.1076578), ("international", -3.412584, 0.2151235),
                 })
        {
            Assert.Equal(beta, fit[variable].Estimate, 1e-6);
            Assert.Equal(se, fit[variable].StdError, 1e-6);
        }
    }

    [Fact]
    public void Estimated_coefficients_feed_the_GE_and_give_the_same_result_as_typed_ones()
    {
        var estimated = GravityExperiment.Read(Path.Combine(AppContext.BaseDirectory, "examples", "can-jpn-pta-estimated.yaml"));
        Assert.Equal(Experiment.Run()["CAN"].RealGdpChange, estimated.Run()["CAN"].RealGdpChange, 1e-5);
        Assert.NotEqual(0, estimated.Covariance![0, 1]); // full covariance from the fit, not a diagonal
    }

    [Theory]
    [InlineData("sigma: 5", "sigma: 0.5", "sigma")]
    [InlineData("reference_importer: DEU", "reference_importer: XXX", "reference_importer")]
    [InlineData("  pta: 0.4711383\n", "  ptaa: 0.4711383\n", "coefficients.ptaa")]
    [InlineData("variable: pta, exporter: JPN", "variable: pta, exporter: JPX", "counterfactual[0].exporter")]
    public void Bad_experiment_files_are_input_errors(string find, string replace, string field)
    {
        using var tmp = new TempFolder();
        var text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "examples", "can-jpn-pta.yaml")).Replace(find, replace);
        var e = Assert.Throws<ParleyInputException>(() => GravityExperiment.Read(tmp.Write("x.yaml", text)));
        Assert.Equal(field, e.Field);
    }
}
