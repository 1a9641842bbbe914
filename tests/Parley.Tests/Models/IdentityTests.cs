using Parley.Data;
using Parley.Models.OneSector;
using Xunit;

namespace Parley.Tests.Models;

/// <summary>Accounting identities that must hold in every solved equilibrium, whatever the tariffs.</summary>
public class IdentityTests
{
    private static readonly WorldDataset Data = BundledData.World2023;

    public static TheoryData<string> Variants => new() { "baseline", "eaton-kortum", "roundabout", "lump-sum" };

    private static (Economy E, OneSectorParameters P) Setup(string variant)
    {
        var p = new OneSectorParameters();
        var e = Calibration.Baseline(Data, p);
        return variant switch
        {
            "eaton-kortum" => (Calibration.EatonKortum(e), p),
            "roundabout" => (Calibration.Baseline(Data, p, new CalibrationOptions { ValueAddedShare = 0.49 }), p),
            "lump-sum" => (e, p with { Recycling = RevenueRecycling.LumpSumRebate }),
            _ => (e, p),
        };
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public void No_change_scenario_returns_the_baseline_to_1e9(string variant)
    {
        var (e, p) = Setup(variant);
        var r = EquilibriumSolver.Solve("no change", e, TariffShocks.Zero(e.N), p);
        for (var i = 0; i < e.N; i++)
        {
            Assert.Equal(1, r.Equilibrium.Wage[i], 1e-9);
            Assert.Equal(1, r.Equilibrium.Spending[i], 1e-9);
            Assert.Equal(1, r.Equilibrium.Employment[i], 1e-9);
            Assert.Equal(1, r.Equilibrium.PriceIndex[i], 1e-9);
            Assert.Equal(0, r.Countries[i].Welfare, 1e-7);
            Assert.Equal(0, r.Countries[i].TariffRevenue);
        }
        for (var k = 0; k < e.N * e.N; k++)
            Assert.Equal(e.Flows[k], r.Equilibrium.Flows[k], 1e-9 * Math.Max(1, e.Flows[k]));
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public void World_exports_equal_world_imports_and_deficits_sum_to_zero(string variant)
    {
        var (e, p) = Setup(variant);
        var t = TariffShocks.Reciprocal(TariffShocks.AnnouncedUs(Data), e.N, Data.Countries.Require("USA"));
        var r = EquilibriumSolver.Solve("reciprocal", e, t, p);
        var n = e.N;
        double exports = 0, imports = 0, deficits = 0;
        for (var i = 0; i < n; i++)
        {
            double ex = 0, im = 0;
            for (var k = 0; k < n; k++)
            {
                if (k == i) continue;
                ex += r.Equilibrium.Flows[i * n + k];
                im += r.Equilibrium.Flows[k * n + i];
            }
            exports += ex;
            imports += im;
            deficits += im - ex;
        }
        Assert.Equal(exports, imports, exports * 1e-12);
        Assert.Equal(0, deficits, exports * 1e-12);
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public void Income_equals_expenditure_plus_deficit_country_by_country(string variant)
    {
        // Budget: E′_i = Y′_i + R_i + T_i g (+ intermediate purchases under roundabout production), i.e. spending equals
        // factor income plus tariff revenue plus the transfer (deficit) received, which scales with world income.
        var (e, p) = Setup(variant);
        var r = EquilibriumSolver.Solve("USTR", e, TariffShocks.AnnouncedUs(Data), p);
        var n = e.N;
        var eq = r.Equilibrium;
        for (var i = 0; i < n; i++)
        {
            var yp = eq.Wage[i] * eq.Employment[i] * e.Income[i];
            double intermediates = 0;
            for (var j = 0; j < n; j++) intermediates += (1 - e.ValueAddedShare) * (1 - e.DestinationShare[j]) * eq.Flows[i * n + j];
            var spending = eq.Spending[i] * e.Absorption[i];
            Assert.Equal(spending, yp + eq.TariffRevenue[i] + e.Transfers[i] * eq.WorldIncomeGrowth + intermediates, spending * 1e-10);
            // Spending at consumer prices = producer-price purchases + tariff revenue.
            double purchases = 0;
            for (var k = 0; k < n; k++) purchases += eq.Flows[k * n + i];
            Assert.Equal(spending, purchases + eq.TariffRevenue[i], spending * 1e-10);
        }
        Assert.Equal(0, e.Transfers.Sum(), e.Absorption.Sum() * 1e-12);
    }
}
