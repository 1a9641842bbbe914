// Caliendo & Parro's (2015, section 4) estimator of the sector trade elasticity θ^j from one cross-section of trade and
// tariffs (docs/models/uncertainty.md (U-15)–(U-17)). For every triad of economies i < j < n of the sector's sample, the
// product of trade around the triangle in one direction divided by the product in the other direction cancels every
// importer term (price indices, expenditure) and every exporter term (unit costs, technology) and any symmetric trade
// cost, leaving ln(trade ratio) = −θ ln(tariff ratio) + ε (U-15). θ is minus the OLS slope through the origin (U-16), its
// standard error the heteroskedasticity-robust one of Stata's `regress, nocons robust`, q = N/(N−1) (U-17), as CP's
// Estimation.do computes Table 1. The variant with a dummy for each economy of the triad (CP's robustness table) is
// estimated alongside. Why through GravityEstimator: one OLS and one sandwich in the code base.
using Parley.Data.Build;

namespace Parley.Models.Estimation;

/// <summary>One sector's triad regression: observations and estimates.</summary>
/// <param name="Index">CP sector number.</param>
/// <param name="Name">Sector name.</param>
/// <param name="Countries">Economies in the sample.</param>
/// <param name="Triads">Triads the sample has, C(Countries, 3).</param>
/// <param name="Observations">Triads used: with positive, recorded trade and a tariff on all six links, less the dropped outlier.</param>
/// <param name="Outliers">Triads dropped as the lowest tariff ratio (CP's sector-16 rule), 0 or 1.</param>
/// <param name="Theta">θ = −slope (U-16), dimensionless.</param>
/// <param name="StdError">Robust standard error of θ (U-17).</param>
/// <param name="ThetaWithEffects">θ from the regression with a dummy per economy of the triad.</param>
/// <param name="StdErrorWithEffects">Its robust standard error, q = N/(N − K), K = 1 + economies.</param>
public sealed record TradeElasticityEstimate(int Index, string Name, int Countries, int Triads, int Observations, int Outliers,
    double Theta, double StdError, double ThetaWithEffects, double StdErrorWithEffects);

/// <summary>The triad statistics of one sector and the regression of (U-16).</summary>
public static class TradeElasticityTriads
{
    /// <summary>One triad observation: log trade ratio y, log tariff ratio x, and the sample positions of i &lt; j &lt; n.</summary>
    public readonly record struct Triad(double Y, double X, int I, int J, int N);

    /// <summary>The finite triad statistics (U-15) of a sector, in CP's order (i, then j, then n ascending), with CP's
    /// outlier rule applied; the second value counts triads dropped by that rule.</summary>
    public static (IReadOnlyList<Triad> Triads, int Outliers) Observations(ElasticitySector s)
    {
        var n = s.Countries.Count;
        var list = new List<Triad>();
        for (var i = 0; i < n - 2; i++)
            for (var j = i + 1; j < n - 1; j++)
                for (var k = j + 1; k < n; k++)
                {
                    var y = LogRatio(s.Trade, n, i, j, k);
                    var x = LogRatio(s.Tariff, n, i, j, k);
                    if (double.IsFinite(y) && double.IsFinite(x)) list.Add(new Triad(y, x, i, j, k));
                }
        if (!s.DropLowestTariffRatio || list.Count == 0) return (list, 0);
        var lowest = list.Min(t => t.X);
        var kept = list.Where(t => t.X != lowest).ToList();
        return (kept, list.Count - kept.Count);
    }

    /// <summary>(U-15): ln of v_{j→i} v_{k→j} v_{i→k} / (v_{i→j} v_{j→k} v_{k→i}), with v_{a→b} = values[a · n + b] (exporter
    /// a, importer b); NaN or ±∞ when a link is missing or zero.</summary>
    public static double LogRatio(double[] values, int n, int i, int j, int k)
    {
        double V(int a, int b) => values[a * n + b];
        return Math.Log(V(j, i) * V(k, j) * V(i, k) / (V(i, j) * V(j, k) * V(k, i)));
    }

    /// <summary>Estimates θ and its standard error for one sector, with and without a dummy per economy.</summary>
    public static TradeElasticityEstimate Estimate(ElasticitySector s)
    {
        var (triads, outliers) = Observations(s);
        var n = s.Countries.Count;
        var source = $"CP sector {s.Index} ({s.Name})";
        if (triads.Count < n + 2)
            throw new ParleyInputException(source, null, "triads", triads.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
                $"more triads with recorded trade and tariffs than parameters ({n + 1}) to estimate θ with economy dummies");
        var y = triads.Select(t => t.Y).ToArray();
        var x = triads.Select(t => t.X).ToArray();
        var lines = Enumerable.Range(1, triads.Count).ToArray();
        var plain = Slope(source, y, [("ln_tariff_ratio", x)], lines);
        var dummies = s.Countries.Select((c, m) => (c, triads.Select(t => t.I == m || t.J == m || t.N == m ? 1.0 : 0.0).ToArray()))
            .Where(d => d.Item2.Any(v => v != 0)); // an economy in no usable triad has no dummy (Stata omits it)
        var effects = Slope(source, y, [("ln_tariff_ratio", x), .. dummies], lines);
        return new TradeElasticityEstimate(s.Index, s.Name, n, n * (n - 1) * (n - 2) / 6, triads.Count, outliers,
            -plain.Estimate, plain.StdError, -effects.Estimate, effects.StdError);
    }

    private static Coefficient Slope(string source, double[] y, IReadOnlyList<(string, double[])> regressors, int[] lines)
    {
        var input = new RegressionInput("theta", EstimationMethod.Ols, y, regressors, [], [], Intercept: false,
            SingletonPolicy.Error, VceConvention.Stata, source, lines);
        return GravityEstimator.Estimate(input)["ln_tariff_ratio"];
    }
}
