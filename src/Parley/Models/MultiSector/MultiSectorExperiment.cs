// A tariff experiment in the Caliendo–Parro (2015) model (paper §5.1; docs/models/multi-sector.md (MS-12)–(MS-21)): solve a baseline
// (data-year tariffs) and a counterfactual, both relative to the data, and read effects as counterfactual / baseline.
// Welfare is CP's decomposition evaluated at the baseline: terms of trade Σ[E(ĉ_n − 1) − M(ĉ_i − 1)] and volume of trade
// Σ τ [M′ − M ĉ_i], each over baseline income — a first-order measure that the paper reports; the exact real-income
// change Î/P̂ is reported beside it.
using Parley.Data;
using Parley.Models.Numerics;

namespace Parley.Models.MultiSector;

/// <summary>How deficits enter both solves of an experiment.</summary>
public enum MultiSectorDeficits
{
    /// <summary>D′ = 0 in baseline and counterfactual (the paper's NAFTA setup).</summary>
    Zero,

    /// <summary>D′ = the data-year deficits in both solves (the cp2015 package's alternative).</summary>
    DataYear,
}

/// <summary>Runs baseline + counterfactual and computes the reported statistics.</summary>
public static class MultiSectorExperiment
{
    /// <summary>Runs the experiment. The counterfactual is warm-started from the baseline.</summary>
    public static MultiSectorResult Run(string scenario, MultiSectorDataset d, ReadOnlySpan<double> baselineTariffs, ReadOnlySpan<double> counterfactualTariffs,
        MultiSectorDeficits deficits, AndersonOptions? options = null)
    {
        var dPrime = deficits == MultiSectorDeficits.Zero ? new double[d.N] : d.Deficits.ToArray();
        var b = MultiSectorModel.Solve(scenario + " (baseline)", d, baselineTariffs, dPrime, options);
        var c = MultiSectorModel.Solve(scenario, d, counterfactualTariffs, dPrime, options, b);
        return Effects(scenario, d, b, c);
    }

    /// <summary>Effects of <paramref name="c"/> relative to <paramref name="b"/>.</summary>
    public static MultiSectorResult Effects(string scenario, MultiSectorDataset d, MultiSectorEquilibrium b, MultiSectorEquilibrium c)
    {
        int n = d.N, jn = d.J;
        var regions = new RegionOutcome[n];
        var decompositions = new WelfareDecomposition[n];
        var sectorOutput = new double[n * jn];
        var sectorPrice = new double[n * jn];
        var sectorExports = new double[n * jn];
        var bilateral = new double[n * n];
        var exportsB = new double[n * jn];
        var exportsC = new double[n * jn];
        var pairB = new double[n * n];
        var pairC = new double[n * n];
        for (var j = 0; j < jn; j++)
            for (var i = 0; i < n; i++)
                for (var r = 0; r < n; r++)
                {
                    if (i == r) continue;
                    var mb = b.Flow(j, i, r);
                    var mc = c.Flow(j, i, r);
                    exportsB[i * jn + j] += mb;
                    exportsC[i * jn + j] += mc;
                    pairB[i * n + r] += mb;
                    pairC[i * n + r] += mc;
                }
        for (var k = 0; k < n * n; k++) bilateral[k] = pairB[k] > 0 ? 100 * (pairC[k] / pairB[k] - 1) : 0;

        for (var r = 0; r < n; r++)
        {
            var totPartner = new double[n];
            var votPartner = new double[n];
            var totSector = new double[jn];
            var votSector = new double[jn];
            var income = b.Income[r];
            for (var j = 0; j < jn; j++)
            {
                var cHatOwn = c.Cost[r * jn + j] / b.Cost[r * jn + j];
                for (var i = 0; i < n; i++)
                {
                    if (i == r) continue;
                    var cHatPartner = c.Cost[i * jn + j] / b.Cost[i * jn + j];
                    var exports = b.Flow(j, r, i);
                    var imports = b.Flow(j, i, r);
                    var termsOfTrade = exports * (cHatOwn - 1) - imports * (cHatPartner - 1);
                    var volume = b.Tariffs[(j * n + i) * n + r] * (c.Flow(j, i, r) - imports * cHatPartner);
                    totPartner[i] += 100 * termsOfTrade / income;
                    votPartner[i] += 100 * volume / income;
                    totSector[j] += 100 * termsOfTrade / income;
                    votSector[j] += 100 * volume / income;
                }
                sectorOutput[r * jn + j] = b.GrossOutput[r * jn + j] > 0 ? 100 * (c.GrossOutput[r * jn + j] / b.GrossOutput[r * jn + j] - 1) : 0;
                sectorPrice[r * jn + j] = 100 * (c.Price[r * jn + j] / b.Price[r * jn + j] - 1);
                sectorExports[r * jn + j] = exportsB[r * jn + j] > 0 ? 100 * (exportsC[r * jn + j] / exportsB[r * jn + j] - 1) : 0;
            }
            double lnP = 0;
            for (var j = 0; j < jn; j++) lnP += d.FinalShares[r * jn + j] * Math.Log(c.Price[r * jn + j] / b.Price[r * jn + j]);
            var pHat = Math.Exp(lnP);
            var wHat = c.Wage[r] / b.Wage[r];
            double ex0 = 0, ex1 = 0, im0 = 0, im1 = 0;
            for (var i = 0; i < n; i++)
            {
                ex0 += pairB[r * n + i]; ex1 += pairC[r * n + i];
                im0 += pairB[i * n + r]; im1 += pairC[i * n + r];
            }
            var tot = totPartner.Sum();
            var vot = votPartner.Sum();
            regions[r] = new RegionOutcome(d.Regions[r].Iso3, d.Regions[r].Name, tot + vot, tot, vot,
                100 * (c.Income[r] / b.Income[r] / pHat - 1), 100 * (wHat / pHat - 1), 100 * (wHat - 1), 100 * (pHat - 1),
                ex0 > 0 ? 100 * (ex1 / ex0 - 1) : 0, im0 > 0 ? 100 * (im1 / im0 - 1) : 0, b.TariffRevenue[r], c.TariffRevenue[r]);
            decompositions[r] = new WelfareDecomposition(totPartner, votPartner, totSector, votSector);
        }
        return new MultiSectorResult(scenario, d.Name, b, c, regions, decompositions, sectorOutput, sectorPrice, sectorExports, bilateral);
    }
}
