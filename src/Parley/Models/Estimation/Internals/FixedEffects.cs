// Weighted within-transformation by alternating projections (von Neumann–Halperin; Correia, Guimarães & Zylkin 2020,
// §3; docs/models/ppml-hdfe.md (P-5)–(P-6)): v ← v − (w-weighted mean of v in each level of dimension 1), then dimension 2, …,
// repeated until the largest relative update of a sweep is below the tolerance. One dimension is exact in one pass.
// With two or more dimensions the sweeps are a linear fixed-point iteration on the fixed-effect coefficients, and every
// second sweep is extrapolated by Irons–Tuck ((P-6a)–(P-6b); Irons & Tuck 1969, the acceleration fixest uses): the same
// fixed point, reached in far fewer sweeps when the dimensions are strongly correlated (pair × exporter-year × importer-year).
// The stopping rule is still that of a plain sweep. Columns are demeaned in parallel (same weights, same operator), and
// callers may pass warm starts (the IRLS trick of (P-7): a previous residual plus the raw change has the same projection).
using Parley.Models.Numerics;

namespace Parley.Models.Estimation.Internals;

internal sealed class FixedEffects
{
    /// <param name="ids">Level of each observation, one array per dimension.</param>
    /// <param name="levels">Number of levels per dimension.</param>
    /// <param name="maxSweeps">Sweeps allowed before the demeaning is a non-convergence error.</param>
    /// <param name="label">What is being estimated, for diagnostics (e.g. "PPML column '4'").</param>
    public FixedEffects(IReadOnlyList<int[]> ids, IReadOnlyList<int> levels, int maxSweeps, string label)
    {
        Ids = ids;
        Levels = levels;
        N = ids.Count == 0 ? 0 : ids[0].Length;
        MaxSweeps = maxSweeps;
        Label = label;
    }

    public IReadOnlyList<int[]> Ids { get; }

    public IReadOnlyList<int> Levels { get; }

    public int N { get; }

    public int MaxSweeps { get; }

    public string Label { get; }

    public int Dimensions => Ids.Count;

    /// <summary>Extrapolate every second sweep by Irons–Tuck (P-6a)–(P-6b); off, the plain alternating projections (P-6).</summary>
    public bool Accelerate { get; init; } = true;

    /// <summary>
    /// Demeans each column in place; returns the number of sweeps. Throws <see cref="EquilibriumNotConvergedException"/>
    /// (with the sweeps done and the last relative update) when a column is still changing after <see cref="MaxSweeps"/>.
    /// </summary>
    public int Demean(double[][] columns, double[] w, double tolerance)
    {
        if (Dimensions == 0) return 0;
        var wsum = Ids.Select((id, g) =>
        {
            var s = new double[Levels[g]];
            for (var k = 0; k < N; k++) s[id[k]] += w[k];
            return s;
        }).ToArray();
        var sweeps = 0;
        var worst = 0.0;
        var sw = System.Diagnostics.Stopwatch.StartNew();
        Parallel.ForEach(columns, col =>
        {
            var (local, change) = DemeanColumn(col, w, wsum, tolerance);
            lock (wsum)
            {
                sweeps = Math.Max(sweeps, local);
                if (Dimensions > 1 && !(change < tolerance)) worst = double.IsNaN(change) ? double.PositiveInfinity : Math.Max(worst, change);
            }
        });
        if (worst > 0)
            throw new EquilibriumNotConvergedException($"fixed-effect demeaning of {Label}", new SolverDiagnostics(
                "weighted alternating projections (fixed-effect demeaning)" + (Accelerate ? ", Irons–Tuck acceleration" : ""), false, sweeps, 0, worst, tolerance,
                $"largest relative update over {Dimensions} fixed-effect dimensions ({string.Join(" × ", Levels)} levels); raise the sweep cap (MaxDemeanSweeps) if it is still falling",
                sw.Elapsed.TotalMilliseconds));
        return sweeps;
    }

    /// <summary>Sweeps (P-6) on one column, tracking the coefficients α (the level means taken out so far) so that every
    /// second sweep can be extrapolated (P-6a)–(P-6b). Returns the sweeps done and the last plain sweep's relative update.</summary>
    private (int Sweeps, double Change) DemeanColumn(double[] col, double[] w, double[][] weightSums, double tolerance)
    {
        var accelerate = Accelerate && Dimensions > 1;
        var offsets = new int[Dimensions + 1];
        for (var g = 0; g < Dimensions; g++) offsets[g + 1] = offsets[g] + Levels[g];
        var alpha = accelerate ? new double[offsets[^1]] : null;
        var start = accelerate ? new double[alpha!.Length] : null;
        var middle = accelerate ? new double[alpha!.Length] : null;
        var sums = Levels.Select(l => new double[l]).ToArray();
        var sweeps = 0;
        var change = double.PositiveInfinity;
        while (sweeps < MaxSweeps)
        {
            sweeps++;
            change = 0;
            for (var g = 0; g < Dimensions; g++)
            {
                var id = Ids[g];
                var s = sums[g];
                var ws = weightSums[g];
                Array.Clear(s);
                for (var k = 0; k < N; k++) s[id[k]] += w[k] * col[k];
                for (var l = 0; l < s.Length; l++) s[l] = ws[l] > 0 ? s[l] / ws[l] : 0;
                for (var k = 0; k < N; k++)
                {
                    var m = s[id[k]];
                    col[k] -= m;
                    var rel = Math.Abs(m) / (1 + Math.Abs(col[k]));
                    if (!(rel <= change)) change = rel;
                }
                if (alpha is not null) for (var l = 0; l < s.Length; l++) alpha[offsets[g] + l] += s[l];
            }
            if (Dimensions == 1 || change < tolerance) break;
            if (alpha is null) continue;
            if (sweeps % 2 == 1) { Array.Copy(alpha, middle!, alpha.Length); continue; }
            Extrapolate(col, alpha, start!, middle!, offsets);
            Array.Copy(alpha, start!, alpha.Length);
        }
        return (sweeps, change);
    }

    /// <summary>Irons–Tuck step from α⁰ (start), α¹ = F(α⁰) (middle), α² = F(α¹) (alpha): α ← α² − c Δ¹ with Δ¹ = α² − α¹,
    /// Δ² = α² − 2α¹ + α⁰, c = (Δ¹·Δ²)/(Δ²·Δ²) (P-6a); the column moves by the same change of coefficients (P-6b).</summary>
    private void Extrapolate(double[] col, double[] alpha, double[] start, double[] middle, int[] offsets)
    {
        double num = 0, den = 0;
        for (var l = 0; l < alpha.Length; l++)
        {
            var d1 = alpha[l] - middle[l];
            var d2 = d1 - (middle[l] - start[l]);
            num += d1 * d2;
            den += d2 * d2;
        }
        var c = num / den;
        if (!(den > 0) || !double.IsFinite(c)) return;
        var delta = new double[alpha.Length];
        for (var l = 0; l < alpha.Length; l++)
        {
            delta[l] = -c * (alpha[l] - middle[l]);
            alpha[l] += delta[l];
        }
        for (var g = 0; g < Dimensions; g++)
        {
            var id = Ids[g];
            var o = offsets[g];
            for (var k = 0; k < N; k++) col[k] -= delta[o + id[k]];
        }
    }
}
