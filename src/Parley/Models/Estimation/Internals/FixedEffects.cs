// Weighted within-transformation by alternating projections (von Neumann–Halperin; Correia, Guimarães & Zylkin 2020,
// §3; docs/models/ppml-hdfe.md (P-5)–(P-6)): v ← v − (w-weighted mean of v in each level of dimension 1), then dimension 2, …,
// repeated until the largest relative update is below the tolerance. One dimension is exact in one pass. Several
// columns are demeaned together (same weights, same operator), and callers may pass warm starts (the IRLS trick of
// docs/models/ppml-hdfe.md (P-7): a previous residual plus the raw change has the same projection).
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
            var sums = Levels.Select(l => new double[l]).ToArray();
            var local = 0;
            var change = double.PositiveInfinity;
            for (var sweep = 0; sweep < MaxSweeps; sweep++)
            {
                local++;
                change = 0;
                for (var g = 0; g < Dimensions; g++)
                {
                    var id = Ids[g];
                    var s = sums[g];
                    Array.Clear(s);
                    for (var k = 0; k < N; k++) s[id[k]] += w[k] * col[k];
                    for (var l = 0; l < s.Length; l++) s[l] = wsum[g][l] > 0 ? s[l] / wsum[g][l] : 0;
                    for (var k = 0; k < N; k++)
                    {
                        var m = s[id[k]];
                        col[k] -= m;
                        var rel = Math.Abs(m) / (1 + Math.Abs(col[k]));
                        if (!(rel <= change)) change = rel;
                    }
                }
                if (Dimensions == 1 || change < tolerance) break;
            }
            lock (wsum)
            {
                sweeps = Math.Max(sweeps, local);
                if (Dimensions > 1 && !(change < tolerance)) worst = double.IsNaN(change) ? double.PositiveInfinity : Math.Max(worst, change);
            }
        });
        if (worst > 0)
            throw new EquilibriumNotConvergedException($"fixed-effect demeaning of {Label}", new SolverDiagnostics(
                "weighted alternating projections (fixed-effect demeaning)", false, sweeps, 0, worst, tolerance,
                $"largest relative update over {Dimensions} fixed-effect dimensions ({string.Join(" × ", Levels)} levels); raise the sweep cap (MaxDemeanSweeps) if it is still falling",
                sw.Elapsed.TotalMilliseconds));
        return sweeps;
    }
}
