// Optimal-tariff and optimal-retaliation formulas of Ignatenko et al. (2025) (docs/models/one-sector.md (OS-44)–(OS-47)).
// Why formulas rather than an optimiser: in this model the unilaterally optimal uniform tariff has the closed form
// t* = 1/((1 + ε δ_i) φ_i − 1), where δ_i measures how much of i's export revenue accrues abroad and how exposed
// i's exports are to competition; the paper's tables apply these closed forms, with two denominators (docs/models/one-sector.md (OS-44)–(OS-45)).
// The closed forms are derived for the value-added model (β = 1). An economy with roundabout production (β < 1) keeps
// gross domestic sales X_ii/β on its diagonal, which can exceed factor income and turn δ negative (the rate came out
// as −55.6 for the US on the bundled data); the formulas are therefore evaluated on the value-added accounting of the
// same data (diagonal β·X_ii, the calibration before grossing up), and a rate that is still not finite and
// non-negative is refused with an input error instead of reaching the solver.
namespace Parley.Models.OneSector;

/// <summary>Which denominator δ uses: the paper uses absorption for Table 1 and income for Table 2 (docs/models/one-sector.md (OS-44)).</summary>
public enum OptimalTariffBase
{
    /// <summary>Z = E (absorption): formula A, Table 1 case 3 (21.8% for the US).</summary>
    Absorption,

    /// <summary>Z = Y (factor income): formula B, Table 2 case 4 (18.5% for the US; the abstract's "19%").</summary>
    Income,
}

/// <summary>Closed-form optimal tariffs (docs/models/one-sector.md (OS-44)–(OS-47)).</summary>
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
    public static double Uniform(Economy e, int i, double tradeElasticity, OptimalTariffBase basis)
    {
        var va = ValueAdded(e);
        return Checked(e, "optimal tariff of " + e.Countries[i].Iso3, 1 / ((1 + tradeElasticity * Delta(va, i, basis)) * va.PassThrough[i] - 1));
    }

    /// <summary>
    /// δ of the two-region aggregation (the focal country vs everyone else) with Z = Y (docs/models/one-sector.md (OS-46), optimal retaliation).
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
    /// The retaliation rate every non-focal country levies on the focal country (docs/models/one-sector.md (OS-46)): 1/((1 + ε δ_R) φ_R − 1),
    /// with φ_R the pass-through of a non-focal country (the paper uses position 1).
    /// </summary>
    public static double Retaliation(Economy e, int focal, double tradeElasticity)
    {
        var va = ValueAdded(e);
        var (deltaR, _) = TwoRegionDelta(va, focal);
        var phiR = va.PassThrough[focal == 0 ? 1 : 0];
        return Checked(e, "optimal retaliation against " + e.Countries[focal].Iso3, 1 / ((1 + tradeElasticity * deltaR) * phiR - 1));
    }

    /// <summary>
    /// The value-added (β = 1) accounting of an economy: itself when it has no roundabout production, else the same
    /// flows with the gross domestic sales X_ii/β of (OS-5) with β &lt; 1 brought back to β·X_ii, and E, Y, T, λ rebuilt from them.
    /// </summary>
    public static Economy ValueAdded(Economy e)
    {
        if (!e.HasRoundabout) return e;
        var n = e.N;
        var flows = (double[])e.Flows.Clone();
        for (var i = 0; i < n; i++) flows[i * n + i] *= e.ValueAddedShare;
        return Calibration.FromFlows(e.Variant + "+value-added", e.Countries, flows, e.DestinationShare, e.PassThrough, 1.0, Numeraire.WorldPriceIndex);
    }

    private static double Checked(Economy e, string what, double rate) =>
        double.IsFinite(rate) && rate >= 0 ? rate
            : throw new ParleyInputException($"economy '{e.Variant}'", null, "retaliation/optimal tariff", rate.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
                $"data for which the closed form of the {what}, 1/((1 + ε δ) φ − 1), is a finite non-negative rate ((1 + ε δ) φ > 1); use a uniform rate instead");
}
