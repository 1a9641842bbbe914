// Optimal-tariff and optimal-retaliation formulas of Ignatenko et al. (2025) (docs/models/one-sector.md (OS-41)–(OS-44)).
// Why formulas rather than an optimiser: in this model the unilaterally optimal uniform tariff has the closed form
// t* = 1/((1 + ε δ_i) φ_i − 1), where δ_i measures how much of i's export revenue accrues abroad and how exposed
// i's exports are to competition; the paper's tables apply these closed forms, with two denominators (docs/models/one-sector.md (OS-41)–(OS-42)).
namespace Parley.Models.OneSector;

/// <summary>Which denominator δ uses: the paper uses absorption for Table 1 and income for Table 2 (docs/models/one-sector.md (OS-41)).</summary>
public enum OptimalTariffBase
{
    /// <summary>Z = E (absorption): formula A, Table 1 case 3 (21.8% for the US).</summary>
    Absorption,

    /// <summary>Z = Y (factor income): formula B, Table 2 case 4 (18.5% for the US; the abstract's "19%").</summary>
    Income,
}

/// <summary>Closed-form optimal tariffs (docs/models/one-sector.md (OS-41)–(OS-44)).</summary>
public static class OptimalTariffs
{
    /// <summary>δ_i(Z) = Σ_{j≠i} (1 − ν_j) X_ij (1 − λ_ij) / [(1 − ν_i)(Z_i − X_ii)].</summary>
    public static double Delta(Economy e, int i, OptimalTariffBase basis)
    {
        var n = e.N;
        double num = 0;
        for (var j = 0; j < n; j++)
        {
            if (j == i) continue;
            num += (1 - e.DestinationShare[j]) * e.Flows[i * n + j] * (1 - e.Shares[i * n + j]);
        }
        var z = basis == OptimalTariffBase.Absorption ? e.Absorption[i] : e.Income[i];
        return num / ((1 - e.DestinationShare[i]) * (z - e.Flows[i * n + i]));
    }

    /// <summary>Optimal uniform import tariff of country <paramref name="i"/>: t* = 1/((1 + ε δ_i) φ_i − 1).</summary>
    public static double Uniform(Economy e, int i, double tradeElasticity, OptimalTariffBase basis) =>
        1 / ((1 + tradeElasticity * Delta(e, i, basis)) * e.PassThrough[i] - 1);

    /// <summary>
    /// δ of the two-region aggregation (the focal country vs everyone else) with Z = Y (docs/models/one-sector.md (OS-43), optimal retaliation).
    /// Returns (δ_rest, δ_focal).
    /// </summary>
    public static (double RestOfWorld, double Focal) TwoRegionDelta(Economy e, int focal)
    {
        var n = e.N;
        double xRR = 0, xRU = 0, xUR = 0, xUU = 0, yR = 0, yU = 0;
        for (var i = 0; i < n; i++)
        {
            if (i == focal) yU += e.Income[i]; else yR += e.Income[i];
            for (var j = 0; j < n; j++)
            {
                var v = e.Flows[i * n + j];
                if (i != focal && j != focal) xRR += v;
                else if (i != focal) xRU += v;
                else if (j != focal) xUR += v;
                else xUU += v;
            }
        }
        var rest = focal == 0 ? 1 : 0;
        double nuR = e.DestinationShare[rest], nuU = e.DestinationShare[focal];
        var lamRU = xRU / (xRU + xUU);
        var lamUR = xUR / (xRR + xUR);
        var deltaR = (1 - nuU) * xRU * (1 - lamRU) / ((1 - nuR) * (yR - xRR));
        var deltaU = (1 - nuR) * xUR * (1 - lamUR) / ((1 - nuU) * (yU - xUU));
        return (deltaR, deltaU);
    }

    /// <summary>
    /// The retaliation rate every non-focal country levies on the focal country (docs/models/one-sector.md (OS-43)): 1/((1 + ε δ_R) φ_R − 1),
    /// with φ_R the pass-through of a non-focal country (the paper uses position 1).
    /// </summary>
    public static double Retaliation(Economy e, int focal, double tradeElasticity)
    {
        var (deltaR, _) = TwoRegionDelta(e, focal);
        var phiR = e.PassThrough[focal == 0 ? 1 : 0];
        return 1 / ((1 + tradeElasticity * deltaR) * phiR - 1);
    }
}
