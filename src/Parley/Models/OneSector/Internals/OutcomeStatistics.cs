// Reported statistics of the one-sector model (Ignatenko et al. 2025; docs/models/one-sector.md (OS-28)–(OS-35)): welfare with the
// labour-disutility weight Δ, deficits, trade-to-income ratios at producer prices, employment, prices, revenue,
// and the world aggregates of Table 11.
namespace Parley.Models.OneSector.Internals;

internal static class OutcomeStatistics
{
    public static (CountryOutcome[] Countries, WorldOutcome World) Compute(
        Economy e, double[] tariffs, OneSectorParameters p, Equilibrium eq)
    {
        var n = e.N;
        var x = e.Flows;
        var xp = eq.Flows;
        var kappa = p.LaborSupplyElasticity;
        var result = new CountryOutcome[n];
        var (exports0, imports0) = ForeignTrade(x, n);
        var (exports1, imports1) = ForeignTrade(xp, n);
        for (var i = 0; i < n; i++)
        {
            double exp0 = exports0[i], imp0 = imports0[i], exp1 = exports1[i], imp1 = imports1[i];
            var y = e.Income[i];
            var yp = eq.Wage[i] * eq.Employment[i] * y;
            var tau = eq.IncomeTaxRate[i];
            double budget, budgetHat;
            if (e.HasRoundabout)
            {
                budget = e.FinalDemand(i);
                budgetHat = (eq.TariffRevenue[i] + yp + e.Transfers[i] * eq.WorldIncomeGrowth) / budget;
            }
            else
            {
                budget = e.Absorption[i];
                budgetHat = eq.Spending[i];
            }
            var delta = budget / (budget - kappa * (1 - tau) * y / (1 + kappa));
            var p1 = eq.PriceIndex[i];
            var welfareHat = delta * budgetHat / p1 + (1 - delta) * eq.Wage[i] * eq.Employment[i] / p1;
            var d0 = imp0 - exp0;
            var d1 = imp1 - exp1;
            result[i] = new CountryOutcome(
                e.Countries[i].Iso3,
                e.Countries[i].Name,
                100 * (welfareHat - 1),
                d0 != 0 ? 100 * (d1 - d0) / Math.Abs(d0) : null,
                exp0 > 0 && y > 0 ? 100 * (exp1 / yp / (exp0 / y) - 1) : null,
                imp0 > 0 && y > 0 ? 100 * (imp1 / yp / (imp0 / y) - 1) : null,
                100 * (eq.Employment[i] - 1),
                100 * (p1 - 1),
                e.Absorption[i] > 0 ? eq.TariffRevenue[i] / e.Absorption[i] : 0,
                eq.TariffRevenue[i],
                100 * (eq.Wage[i] / p1 - 1));
        }
        double trade0 = 0, trade1 = 0, sumY = 0, empl = 0, sumE = 0, welfare = 0;
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                if (i == j) continue;
                trade0 += x[i * n + j];
                trade1 += (1 + tariffs[i * n + j]) * xp[i * n + j];
            }
            sumY += e.Income[i];
            empl += e.Income[i] * 100 * (eq.Employment[i] - 1);
            sumE += e.Absorption[i];
            welfare += e.Absorption[i] * result[i].Welfare;
        }
        var world = new WorldOutcome(100 * (trade1 / trade0 / eq.WorldIncomeGrowth - 1), empl / sumY, welfare / sumE);
        return (result, world);
    }

    /// <summary>Each country's exports Σ_{k≠i} X_ik and imports Σ_{k≠i} X_ki, in one pass over the rows.</summary>
    private static (double[] Exports, double[] Imports) ForeignTrade(double[] x, int n)
    {
        var exports = new double[n];
        var imports = new double[n];
        for (var i = 0; i < n; i++)
        {
            double row = 0;
            for (var k = 0; k < n; k++)
            {
                if (k == i) continue;
                var v = x[i * n + k];
                row += v;
                imports[k] += v;
            }
            exports[i] = row;
        }
        return (exports, imports);
    }
}
