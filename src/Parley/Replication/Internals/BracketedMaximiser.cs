// Maximises a function of one variable on an interval. Why this shape: a counterfactual welfare curve is smooth but
// each evaluation costs a full equilibrium solve, and nothing guarantees it is unimodal over a wide range. So a coarse
// scan first brackets the best grid point (robust to a second, lower hump), then Brent's method refines inside that
// bracket: parabolic steps through the three best points when they behave, golden-section steps when they do not,
// which keeps golden section's guaranteed shrinkage and needs far fewer solves near a smooth optimum.
namespace Parley.Replication.Internals;

/// <summary>Outcome of <see cref="BracketedMaximiser.Maximise"/>.</summary>
/// <param name="X">Argument of the maximum.</param>
/// <param name="Value">Function value at <paramref name="X"/>.</param>
/// <param name="Evaluations">Function evaluations (scan included).</param>
/// <param name="Iterations">Refinement iterations after the scan.</param>
/// <param name="BracketLower">Lower end of the final bracket.</param>
/// <param name="BracketUpper">Upper end of the final bracket.</param>
/// <param name="Converged">True when the argument is known to within the tolerance; false when the iterations ran out.</param>
internal sealed record BracketedMaximum(double X, double Value, int Evaluations, int Iterations, double BracketLower, double BracketUpper, bool Converged);

internal static class BracketedMaximiser
{
    private static readonly double GoldenFraction = (3 - Math.Sqrt(5)) / 2;

    /// <summary>
    /// Maximises <paramref name="f"/> on [<paramref name="lower"/>, <paramref name="upper"/>]: a scan over
    /// <paramref name="scanPoints"/> equally spaced points, then Brent's method on the two grid cells around the best
    /// point until the argument is known to within <paramref name="tolerance"/> (absolute). The result is marked not
    /// converged when <paramref name="maxIterations"/> refinement steps do not reach the tolerance.
    /// </summary>
    public static BracketedMaximum Maximise(Func<double, double> f, double lower, double upper, int scanPoints, double tolerance, int maxIterations)
    {
        var step = (upper - lower) / (scanPoints - 1);
        int best = 0, evaluations = 0;
        var bestValue = double.NegativeInfinity;
        for (var k = 0; k < scanPoints; k++)
        {
            var v = f(lower + k * step);
            evaluations++;
            if (v > bestValue) (best, bestValue) = (k, v);
        }
        var a = lower + Math.Max(0, best - 1) * step;
        var b = lower + Math.Min(scanPoints - 1, best + 1) * step;
        return Brent(x => -f(x), a, b, lower + best * step, -bestValue, tolerance, maxIterations, evaluations);
    }

    // Brent's minimiser on [a, b] started from the known point x (value fx). Invariants: the minimum lies in [a, b];
    // x is the best point so far, w the second best, v the previous w; e is the step before last (parabolic steps must
    // shrink it, otherwise the step falls back to golden section).
    private static BracketedMaximum Brent(Func<double, double> g, double a, double b, double x, double fx, double tolerance, int maxIterations, int evaluations)
    {
        double w = x, v = x, fw = fx, fv = fx, d = 0, e = 0;
        var tol1 = tolerance / 2;
        for (var iteration = 0; ; iteration++)
        {
            var m = (a + b) / 2;
            if (Math.Abs(x - m) <= 2 * tol1 - (b - a) / 2)
                return new BracketedMaximum(x, -fx, evaluations, iteration, a, b, true);
            if (iteration >= maxIterations) return new BracketedMaximum(x, -fx, evaluations, iteration, a, b, false);
            var parabolic = false;
            if (Math.Abs(e) > tol1)
            {
                var r = (x - w) * (fx - fv);
                var q = (x - v) * (fx - fw);
                var p = (x - v) * q - (x - w) * r;
                q = 2 * (q - r);
                if (q > 0) p = -p;
                else q = -q;
                if (Math.Abs(p) < Math.Abs(q * e / 2) && p > q * (a - x) && p < q * (b - x))
                {
                    e = d;
                    d = p / q;
                    parabolic = true;
                    if (x + d - a < 2 * tol1 || b - (x + d) < 2 * tol1) d = m >= x ? tol1 : -tol1;
                }
            }
            if (!parabolic)
            {
                e = x >= m ? a - x : b - x;
                d = GoldenFraction * e;
            }
            var u = Math.Abs(d) >= tol1 ? x + d : x + (d >= 0 ? tol1 : -tol1);
            var fu = g(u);
            evaluations++;
            if (fu <= fx)
            {
                if (u >= x) a = x;
                else b = x;
                (v, fv, w, fw, x, fx) = (w, fw, x, fx, u, fu);
            }
            else
            {
                if (u < x) a = u;
                else b = u;
                if (fu <= fw || w == x) (v, fv, w, fw) = (w, fw, u, fu);
                else if (fu <= fv || v == x || v == w) (v, fv) = (u, fu);
            }
        }
    }
}
