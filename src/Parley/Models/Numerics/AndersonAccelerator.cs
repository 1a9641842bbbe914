// Anderson acceleration of a fixed-point iteration u ← G(u) (Anderson 1965; Walker & Ni 2011, SIAM J. Numer. Anal.
// 49(4), "Anderson acceleration for fixed-point iterations", Alg. AA with the least-squares form of eq. (2.2)).
// Why: the multi-sector GE models are contractions whose plain iteration needs hundreds of sweeps (the cp2015 R package:
// ~655 per solve). Anderson combines the last m iterates to cancel the slow modes; each step costs one evaluation of G
// plus an m×m least-squares solve, so it stays cheap when G is expensive and Newton's Jacobian would be huge
// (1,240 × 1,240 blocks for CP2015). A restart on stagnation keeps it robust.
using Parley.Models.Numerics.Internals;

namespace Parley.Models.Numerics;

/// <summary>Options of <see cref="AndersonAccelerator"/>. Every value is checked when set: an impossible one is an input error
/// (<see cref="ParleyInputException"/>, CLI exit code 2).</summary>
public sealed record AndersonOptions
{
    /// <summary>Convergence threshold on max |G(u) − u| (unknowns in logs or scaled levels, dimensionless), in (0, 1). Default 1e-11.</summary>
    public double Tolerance { get; init => field = OptionRange.Tolerance(value, "tolerance"); } = 1e-11;

    /// <summary>Maximum evaluations of G (count, ≥ 1). Default 2,000.</summary>
    public int MaxIterations { get; init => field = OptionRange.AtLeast(value, 1, "max-iterations"); } = 2000;

    /// <summary>History depth m (count of stored differences, ≥ 1). Default 8.</summary>
    public int Memory { get; init => field = OptionRange.AtLeast(value, 1, "memory"); } = 8;

    /// <summary>Mixing (damping) β in (0, 1] (dimensionless; 1 = undamped). Default 1.</summary>
    public double Mixing { get; init => field = OptionRange.UnitInterval(value, "mixing"); } = 1.0;
}

/// <summary>A fixed-point map u ↦ G(u) with named components for diagnostics.</summary>
internal interface IFixedPointMap
{
    int Size { get; }

    /// <summary>Writes G(u) into <paramref name="g"/>.</summary>
    void Apply(ReadOnlySpan<double> u, Span<double> g);

    /// <summary>Name of component <paramref name="index"/> (e.g. "wage of MEX").</summary>
    string ComponentName(int index);
}

internal static class AndersonAccelerator
{
    public static (double[] U, SolverDiagnostics Diagnostics) Solve(IFixedPointMap map, ReadOnlySpan<double> start, AndersonOptions options)
    {
        var sw = System.Diagnostics.Stopwatch.StartNew();
        var n = map.Size;
        var m = options.Memory;
        var u = start.ToArray();
        var g = new double[n];
        var f = new double[n];
        var fPrev = new double[n];
        var gPrev = new double[n];
        var dF = new double[m][];
        var dG = new double[m][];
        for (var k = 0; k < m; k++) { dF[k] = new double[n]; dG[k] = new double[n]; }
        var gram = new double[m * m];      // regularised copy solved each step
        var gramClean = new double[m * m]; // ΔFᵀΔF, updated one row and column per step
        var work = new double[n];
        var rhs = new double[m];
        var gamma = new double[m];
        int stored = 0, head = 0, iterations = 0;
        double norm = double.PositiveInfinity, best = double.PositiveInfinity;
        var worst = 0;
        var beta = options.Mixing;
        while (iterations < options.MaxIterations)
        {
            map.Apply(u, g);
            iterations++;
            norm = 0;
            for (var i = 0; i < n; i++)
            {
                f[i] = g[i] - u[i];
                var a = Math.Abs(f[i]);
                if (!(a <= norm)) { norm = a; worst = i; }
            }
            if (!double.IsFinite(norm)) break;
            if (norm < options.Tolerance) break;
            if (norm > 1e4 * best) stored = head = 0; // diverging history: restart with an empty ring
            best = Math.Min(best, norm);
            if (iterations > 1)
            {
                var slot = head;
                for (var i = 0; i < n; i++)
                {
                    dF[slot][i] = f[i] - fPrev[i];
                    dG[slot][i] = g[i] - gPrev[i];
                }
                head = (head + 1) % m;
                stored = Math.Min(stored + 1, m);
                // Only the new difference's row and column of ΔFᵀΔF change: m dot products, not m(m+1)/2.
                for (var b = 0; b < stored; b++) gramClean[slot * m + b] = gramClean[b * m + slot] = Dot(dF[slot], dF[b]);
            }
            f.CopyTo(fPrev, 0);
            g.CopyTo(gPrev, 0);
            if (stored == 0)
            {
                for (var i = 0; i < n; i++) u[i] += beta * f[i];
                continue;
            }
            // Least squares: min_γ ‖f − ΔF γ‖ via regularised normal equations (m ≤ 10, so this is tiny).
            for (var a = 0; a < stored; a++)
            {
                rhs[a] = Dot(dF[a], f);
                for (var b = 0; b < stored; b++) gram[a * m + b] = gramClean[a * m + b];
            }
            double trace = 0;
            for (var a = 0; a < stored; a++) trace += gram[a * m + a];
            for (var a = 0; a < stored; a++) gram[a * m + a] += 1e-12 * trace + 1e-300;
            if (!SolveSymmetric(gram, rhs, gamma, stored, m))
            {
                stored = head = 0;
                for (var i = 0; i < n; i++) u[i] += beta * f[i];
                continue;
            }
            // u = g − ΔG γ − (1 − β)(f − ΔF γ), one history vector at a time (vectorised).
            g.CopyTo(u, 0);
            for (var a = 0; a < stored; a++) DenseLu.Axpy(-gamma[a], dG[a], u);
            if (beta != 1)
            {
                f.CopyTo(work, 0);
                for (var a = 0; a < stored; a++) DenseLu.Axpy(-gamma[a], dF[a], work);
                DenseLu.Axpy(-(1 - beta), work, u);
            }
        }
        var converged = norm < options.Tolerance;
        var diagnostics = new SolverDiagnostics($"Anderson-accelerated fixed point (m = {m}, β = {beta})", converged, iterations, 0,
            double.IsFinite(norm) ? norm : double.PositiveInfinity, options.Tolerance, map.ComponentName(worst), sw.Elapsed.TotalMilliseconds);
        return (converged ? g : u, diagnostics);
    }

    private static double Dot(double[] x, double[] y) => DenseLu.Dot(x, y);

    /// <summary>Gaussian elimination with partial pivoting on the leading k×k block (stride m).</summary>
    private static bool SolveSymmetric(double[] a0, double[] b0, double[] x, int k, int m)
    {
        var a = new double[k, k + 1];
        for (var i = 0; i < k; i++)
        {
            for (var j = 0; j < k; j++) a[i, j] = a0[i * m + j];
            a[i, k] = b0[i];
        }
        for (var c = 0; c < k; c++)
        {
            var p = c;
            for (var r = c + 1; r < k; r++) if (Math.Abs(a[r, c]) > Math.Abs(a[p, c])) p = r;
            if (a[p, c] == 0 || !double.IsFinite(a[p, c])) return false;
            for (var j = 0; j <= k; j++) (a[c, j], a[p, j]) = (a[p, j], a[c, j]);
            for (var r = c + 1; r < k; r++)
            {
                var l = a[r, c] / a[c, c];
                for (var j = c; j <= k; j++) a[r, j] -= l * a[c, j];
            }
        }
        for (var i = k - 1; i >= 0; i--)
        {
            var s = a[i, k];
            for (var j = i + 1; j < k; j++) s -= a[i, j] * x[j];
            x[i] = s / a[i, i];
        }
        return true;
    }
}
