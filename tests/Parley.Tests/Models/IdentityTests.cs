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
    public void Market_clearing_holds_for_every_country_when_recomputed_from_the_reported_flows(string variant)
    {
        // Factor income Y′_i = ŵ_i L̂_i Y_i must equal what i's producers keep of their sales, β Σ_j (1 − ν_j) X′_ij, plus
        // what accrues to i's factors from its purchases, ν_i Σ_k X′_ki — recomputed here from the reported flows, wages and
        // employment, not from the solver's arrays. It holds for the numéraire country too (Walras' law), whose own
        // equation the solver replaced by the price normalisation.
        var (e, p) = Setup(variant);
        var t = TariffShocks.Reciprocal(TariffShocks.AnnouncedUs(Data), e.N, Data.Countries.Require("USA"));
        var r = EquilibriumSolver.Solve("reciprocal", e, t, p);
        var n = e.N;
        var eq = r.Equilibrium;
        for (var i = 0; i < n; i++)
        {
            double sales = 0, purchases = 0;
            for (var j = 0; j < n; j++)
            {
                sales += (1 - e.DestinationShare[j]) * eq.Flows[i * n + j];
                purchases += eq.Flows[j * n + i];
            }
            var income = eq.Wage[i] * eq.Employment[i] * e.Income[i];
            var earned = e.ValueAddedShare * sales + e.DestinationShare[i] * purchases;
            Assert.True(Math.Abs(income - earned) <= 1e-9 * Math.Max(e.Income[i], 1),
                $"{e.Countries[i].Iso3}: Y′ = {income}, earned = {earned}");
        }
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
