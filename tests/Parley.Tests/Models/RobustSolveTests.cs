using Parley.Data;
using Parley.Models.Numerics;
using Parley.Models.OneSector;
using Parley.Tests.Cli;
using Xunit;

namespace Parley.Tests.Models;

/// <summary>Valid input converges or fails with diagnostics (issue 9 §2–§3): high uniform tariffs, roundabout retaliation,
/// solver limits on the command line, and the ν calibration on extreme data.</summary>
public class RobustSolveTests
{
    private static readonly WorldDataset Data = BundledData.World2023;

    private static double[] Uniform(int n, double rate)
    {
        var t = new double[n * n];
        for (var i = 0; i < n; i++)
            for (var j = 0; j < n; j++) if (i != j) t[i * n + j] = rate;
        return t;
    }

    [Theory]
    [InlineData(0.3)]
    [InlineData(0.5)]
    public void A_uniform_tariff_on_every_pair_converges_through_the_tariff_continuation(double rate)
    {
        // Before: at z = 1 tariff revenue exceeded factor income somewhere (τ = R/Y′ ≥ 1), the residual was infinite
        // and the solver stopped at iteration 0 (exit 3) for rate ≥ 0.3.
        var p = new OneSectorParameters();
        var e = Calibration.Baseline(Data, p);
        var r = EquilibriumSolver.Solve($"uniform {rate}", e, Uniform(e.N, rate), p);
        var d = r.Equilibrium.Diagnostics;
        Assert.True(d.Converged, d.ToString());
        Assert.Contains("continuation", d.Method);
        Assert.All(r.Equilibrium.IncomeTaxRate, tau => Assert.InRange(tau, 0, 1 - 1e-9));
        Assert.All(r.Countries, c => Assert.True(double.IsFinite(c.Welfare), c.Iso3));
    }

    [Fact]
    public void A_uniform_tariff_of_one_on_every_pair_has_no_equilibrium_with_fixed_transfers_and_fails_with_diagnostics()
    {
        // With transfers fixed as a share of world income, Guinea (which sends 42% of its income abroad) sees its
        // spending fall to 9% of the factual at a uniform 51%; beyond that no equilibrium with positive spending exists.
        var p = new OneSectorParameters();
        var e = Calibration.Baseline(Data, p);
        var ex = Assert.Throws<EquilibriumNotConvergedException>(() => EquilibriumSolver.Solve("uniform 1", e, Uniform(e.N, 1.0), p,
            new NewtonOptions { ContinuationStages = 12 }));
        Assert.False(ex.Diagnostics.Converged);
        Assert.Contains("continuation", ex.Diagnostics.Method);
        Assert.Contains("reached s = 0.", ex.Diagnostics.Method);
        Assert.NotEmpty(ex.Diagnostics.WorstEquation);
    }

    [Fact]
    public void Optimal_retaliation_against_the_USA_in_the_roundabout_variant_is_the_value_added_closed_form_and_converges()
    {
        // Before: δ on gross domestic flows was negative, the rate −55.6, and the solver refused the tariffs (exit 1).
        var p = new OneSectorParameters();
        var baseline = Calibration.Baseline(Data, p);
        var roundabout = Calibration.Baseline(Data, p, new CalibrationOptions { ValueAddedShare = 0.49 });
        var us = Data.Countries.Require("USA");
        var rate = OptimalTariffs.Retaliation(roundabout, us, p.TradeElasticity);
        Assert.Equal(OptimalTariffs.Retaliation(baseline, us, p.TradeElasticity), rate, 1e-12);
        Assert.Equal(0.22742195, rate, 1e-8); // the baseline model's rate (Jie2025Scenarios.OptimalRetaliation)
        var t = TariffShocks.AnnouncedUs(Data);
        for (var j = 0; j < roundabout.N; j++) if (j != us) t[us * roundabout.N + j] = rate;
        var r = EquilibriumSolver.Solve("IO + optimal retaliation", roundabout, t, p);
        Assert.True(r.Equilibrium.Diagnostics.Converged);
        Assert.True(r["USA"].Welfare < 0, $"US welfare {r["USA"].Welfare}");
    }

    [Fact]
    public void Roundabout_optimal_retaliation_scenario_file_exits_0()
    {
        using var tmp = new TempFolder();
        var file = Path.Combine(tmp.Path, "io-retaliation.yaml");
        File.WriteAllText(file, "name: io retaliation\ndataset: world-2023\nmodel:\n  variant: roundabout\ntariffs:\n  base: announced-us\n" +
                                "retaliation:\n  mode: optimal\n  against: USA\n  by: [ALL]\nreport: [USA]\n");
        var (code, _, err) = CliTests.Run("simulate", file);
        Assert.True(code == 0, err);
    }

    [Fact]
    public void Multi_sector_simulate_honours_max_iterations_and_exits_3_with_diagnostics()
    {
        // Before: --tolerance and --max-iterations were not passed to the multi-sector model; --max-iterations 1 exited 0.
        var nafta = Path.Combine(AppContext.BaseDirectory, "examples", "nafta-1993-2005.yaml");
        var (code, _, err) = CliTests.Run("simulate", nafta, "--max-iterations", "1");
        Assert.Equal(3, code);
        Assert.Contains("NOT converged in 1 iterations", err);
        Assert.Contains("worst:", err);
        var loose = CliTests.Run("simulate", nafta, "--tolerance", "1e-3");
        Assert.Equal(0, loose.Code);
        Assert.Contains("tolerance 1E-003", loose.Out);
    }

    [Fact]
    public void Destination_share_calibration_reports_an_overflowing_trade_total_as_input_error()
    {
        // Before: a trade value of 1e308 made the sums infinite and the calibration threw InvalidOperationException (exit 1).
        var trade = Data.Trade.ToArray();
        var us = Data.Countries.Require("USA");
        trade[us * Data.Countries.Count + 3] = 1e308;
        trade[us * Data.Countries.Count + 4] = 1e308;
        var extreme = Data with { Name = "extreme", Trade = new TradeMatrix(Data.Countries.Count, trade) };
        var e = Assert.Throws<ParleyInputException>(() => Calibration.DestinationShares(extreme));
        Assert.Equal("extreme", e.File);
        Assert.Equal("trade", e.Field);
    }

    [Fact]
    public void Destination_share_calibration_that_cannot_reach_its_tolerance_is_a_non_convergence_error()
    {
        var ex = Assert.Throws<EquilibriumNotConvergedException>(() =>
            Calibration.DestinationShares(Data, new CalibrationOptions { DestinationShareMaxIterations = 1 }));
        Assert.False(ex.Diagnostics.Converged);
        Assert.Equal(1, ex.Diagnostics.Iterations);
        Assert.Contains("sales-weighted ν", ex.Diagnostics.WorstEquation);
        Assert.True(ex.Diagnostics.ResidualNorm > 1e-14);
    }

    [Fact]
    public void Destination_share_targets_unreachable_below_one_are_an_input_error()
    {
        var e = Assert.Throws<ParleyInputException>(() => Calibration.DestinationShares(Data, new CalibrationOptions { RestTarget = 1.5, FocalTarget = 1.6 }));
        Assert.Contains("below 1", e.Message);
    }
}
