// The standard normal CDF Φ and its inverse, for the truncated normal and lognormal draws of docs/models/uncertainty.md
// (U-2). Φ(x) = erfc(−x/√2)/2 with erfc from its Taylor series of erf near 0 and its continued fraction in the tails;
// the inverse is bisection on Φ (64 halvings of [−38, 38], deterministic, accurate to ~1e-15 in x).
namespace Parley.Negotiation.Uncertainty.Internals;

internal static class StandardNormal
{
    private const double SqrtPi = 1.7724538509055160273;

    /// <summary>Φ(x), the standard normal CDF.</summary>
    public static double Cdf(double x) => x < 0 ? 0.5 * Erfc(-x / Math.Sqrt(2)) : 1 - 0.5 * Erfc(x / Math.Sqrt(2));

    /// <summary>φ(x), the standard normal density.</summary>
    public static double Density(double x) => Math.Exp(-0.5 * x * x) / Math.Sqrt(2 * Math.PI);

    /// <summary>x with Φ(x) = p, for p in [0, 1] (±38 at the ends).</summary>
    public static double Quantile(double p)
    {
        double lo = -38, hi = 38;
        for (var k = 0; k < 64; k++)
        {
            var mid = 0.5 * (lo + hi);
            if (Cdf(mid) < p) lo = mid; else hi = mid;
        }
        return 0.5 * (lo + hi);
    }

    /// <summary>erfc(z) for z ≥ 0.</summary>
    private static double Erfc(double z)
    {
        if (z < 2.5)
        {
            // erf(z) = 2/√π Σ_n (−1)^n z^{2n+1} / (n! (2n+1))
            double term = z, sum = z;
            for (var n = 1; n < 200 && Math.Abs(term) > 1e-17 * Math.Abs(sum); n++)
            {
                term *= -z * z / n;
                sum += term / (2 * n + 1);
            }
            return 1 - 2 / SqrtPi * sum;
        }
        // erfc(z) = e^{−z²}/√π · 1/(z + (1/2)/(z + (2/2)/(z + (3/2)/(z + …)))), evaluated from the 100th level down
        var t = z;
        for (var n = 100; n >= 1; n--) t = z + 0.5 * n / t;
        return Math.Exp(-z * z) / (SqrtPi * t);
    }
}
