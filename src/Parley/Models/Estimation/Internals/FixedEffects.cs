// Weighted within-transformation by alternating projections (von Neumann–Halperin; Correia, Guimarães & Zylkin 2020,
// §3; docs/models/ppml-hdfe.md (P-5)–(P-6)): v ← v − (w-weighted mean of v in each level of dimension 1), then dimension 2, …,
// repeated until the largest relative update is below the tolerance. One dimension is exact in one pass. Several
// columns are demeaned together (same weights, same operator), and callers may pass warm starts (the IRLS trick of
// docs/models/ppml-hdfe.md (P-7): a previous residual plus the raw change has the same projection).
namespace Parley.Models.Estimation.Internals;

internal sealed class FixedEffects
{
    public FixedEffects(IReadOnlyList<int[]> ids, IReadOnlyList<int> levels)
    {
        Ids = ids;
        Levels = levels;
        N = ids.Count == 0 ? 0 : ids[0].Length;
    }

    public IReadOnlyList<int[]> Ids { get; }

    public IReadOnlyList<int> Levels { get; }

    public int N { get; }

    public int Dimensions => Ids.Count;

    /// <summary>Demeans each column in place; returns the number of sweeps.</summary>
    public int Demean(double[][] columns, double[] w, double tolerance, int maxSweeps = 100_000)
    {
        if (Dimensions == 0) return 0;
        var wsum = Ids.Select((id, g) =>
        {
            var s = new double[Levels[g]];
            for (var k = 0; k < N; k++) s[id[k]] += w[k];
            return s;
        }).ToArray();
        var sweeps = 0;
        Parallel.ForEach(columns, col =>
        {
            var sums = Levels.Select(l => new double[l]).ToArray();
            var local = 0;
            for (var sweep = 0; sweep < maxSweeps; sweep++)
            {
                local++;
                double change = 0;
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
                        if (rel > change) change = rel;
                    }
                }
                if (Dimensions == 1 || change < tolerance) break;
            }
            lock (wsum) sweeps = Math.Max(sweeps, local);
        });
        return sweeps;
    }
}
