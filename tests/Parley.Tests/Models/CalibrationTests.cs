using Parley.Data;
using Parley.Models.OneSector;
using Xunit;

namespace Parley.Tests.Models;

public class CalibrationTests
{
    private static WorldDataset Data => BundledData.World2023;

    [Fact]
    public void World2023_loads_as_194_square_matrix_with_published_US_totals()
    {
        Assert.Equal(194, Data.Countries.Count);
        var us = Data.Countries.Require("USA");
        Assert.Equal(184, us);
        Assert.Equal(1.858726e9, Data.Trade.RowSum(us), 1.858726e9 * 1e-6);
        Assert.Equal(2.902610e9, Data.Trade.ColumnSum(us), 2.902610e9 * 1e-6);
        var zeros = 0;
        foreach (var v in Data.Trade.Values) if (v == 0) zeros++;
        Assert.Equal(12238, zeros);
    }

    [Fact]
    public void Destination_shares_match_spec_check_values()
    {
        var (rest, focal) = Calibration.DestinationShares(Data);
        Assert.Equal(0.11433521, rest, 1e-7);
        Assert.Equal(0.27047098, focal, 1e-7);
    }

    [Fact]
    public void Baseline_calibration_matches_spec_check_values()
    {
        var e = Calibration.Baseline(Data, new OneSectorParameters());
        var us = Data.Countries.Require("USA");
        Assert.Equal(2.875987e10, e.Absorption[us], 2.875987e10 * 1e-6);
        Assert.Equal(2.828853e10, e.Income[us], 2.828853e10 * 1e-6);
        Assert.Equal(4.713303e8, e.Transfers[us], 4.713303e8 * 1e-6);
        Assert.Equal(2.585726e10, e.Flows[us * e.N + us], 2.585726e10 * 1e-6);
        Assert.Equal(0.89907429, e.Shares[us * e.N + us], 1e-8);
        Assert.Equal(1.077209e11, e.Absorption.Sum(), 1.077209e11 * 1e-6);
        Assert.Equal(0, e.Transfers.Sum(), 1e-3 * e.Absorption.Sum() * 1e-9);
        Assert.Equal(1.15071883, e.PassThrough[0], 1e-8);
        Assert.Equal(1.43284758, e.PassThrough[us], 1e-8);
        Assert.Equal(0, e.Flows[Data.Countries.Require("GMB") * e.N + Data.Countries.Require("GMB")]);
        Assert.Equal(0, e.Flows[Data.Countries.Require("MHL") * e.N + Data.Countries.Require("MHL")]);
    }

    [Fact]
    public void Table1_case1_US_wage_matches_spec_and_needs_at_most_two_Jacobians()
    {
        var e = Calibration.Baseline(Data, new OneSectorParameters());
        var n = e.N;
        var us = Data.Countries.Require("USA");
        var t = new double[n * n];
        for (var i = 0; i < n; i++) if (i != us) t[i * n + us] = Math.Max(0.10, Data.AnnouncedUsTariffs!.Value[i]);
        var r = EquilibriumSolver.Solve("case1", e, t, new OneSectorParameters());
        Assert.Equal(1.12363676, r.Equilibrium.Wage[us], 1e-7);
        Assert.Equal(1.13071, r["USA"].Welfare, 1e-4);
        Assert.True(r.Equilibrium.Diagnostics.JacobianEvaluations <= 2, r.Equilibrium.Diagnostics.ToString());
    }
}

/// <summary>Calibration never adjusts the data silently (issue 9 §2): what it changes travels into every run's manifest.</summary>
public class CalibrationAdjustmentTests
{
    [Fact]
    public void Negative_rebuilt_domestic_sales_are_listed_by_country_in_the_economy_and_the_manifest()
    {
        var data = Parley.Data.BundledData.World2023;
        var economy = Calibration.Baseline(data, new OneSectorParameters());
        // The countries listed are exactly those whose rebuilt domestic sales (OS-5) were negative, i.e. set to 0.
        var zeroDomestic = Enumerable.Range(0, economy.N).Where(i => economy.Flows[i * economy.N + i] == 0)
            .Select(i => data.Countries[i].Iso3).ToArray();
        Assert.NotEmpty(zeroDomestic);
        Assert.Equal(zeroDomestic, economy.Adjustments.Select(a => a[..3]).ToArray());
        Assert.Equal(economy.Adjustments, Calibration.EatonKortum(economy).Adjustments);
        var scenario = Parley.Scenarios.ScenarioFile.Read(Path.Combine(AppContext.BaseDirectory, "examples", "liberation-day.yaml"));
        var result = Parley.Application.ScenarioRunner.Run(scenario);
        Assert.All(zeroDomestic, iso => Assert.Contains(iso + ": domestic sales", result.Manifest.Options["data_notes"]));
    }
}
