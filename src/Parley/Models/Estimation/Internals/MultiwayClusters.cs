// Multi-way cluster-robust variance (Cameron, Gelbach & Miller 2011, "Robust inference with multiway clustering",
// JBES 29(2), eq. 2.11 and §2.3): V = Σ over non-empty subsets S of the cluster dimensions of (−1)^{|S|+1} V_S, where
// V_S clusters on the intersection of the dimensions in S. One small-sample factor, G_min/(G_min−1), is applied to the
// sum (the reghdfe/ppmlhdfe and fixest "min" convention). When the sum is not positive semi-definite, negative
// eigenvalues are set to zero (CGM §2.3).
namespace Parley.Models.Estimation.Internals;

internal static class MultiwayClusters
{
    /// <summary>q·B (Σ_S (−1)^{|S|+1} M_S) B over all non-empty subsets of <paramref name="dimensions"/> (ids 0-based, dense).</summary>
    public static (double[,] V, int MinClusters, bool EigenFixed) Sandwich(double[,] bread, double[][] x, double[] u, IReadOnlyList<int[]> dimensions, Func<int, double> smallSample)
    {
        var d = dimensions.Count;
        var p = x.Length;
        var n = u.Length;
        var total = new double[p, p];
        var minClusters = int.MaxValue;
        for (var mask = 1; mask < 1 << d; mask++)
        {
            var members = Enumerable.Range(0, d).Where(j => (mask & (1 << j)) != 0).ToArray();
            var (ids, groups) = Intersect(dimensions, members, n);
            if (members.Length == 1) minClusters = Math.Min(minClusters, groups);
            var meat = SmallMatrix.Sandwich(bread, x, u, ids, groups, 1.0);
            var sign = members.Length % 2 == 1 ? 1.0 : -1.0;
            for (var i = 0; i < p; i++)
                for (var j = 0; j < p; j++) total[i, j] += sign * meat[i, j];
        }
        var q = smallSample(minClusters);
        for (var i = 0; i < p; i++)
            for (var j = 0; j < p; j++) total[i, j] *= q;
        var fixedUp = d > 1 && ClipNegativeEigenvalues(total);
        return (total, minClusters, fixedUp);
    }

    private static (int[] Ids, int Groups) Intersect(IReadOnlyList<int[]> dimensions, int[] members, int n)
    {
        if (members.Length == 1) return (dimensions[members[0]], dimensions[members[0]].Max() + 1);
        var map = new Dictionary<(int, int, int), int>();
        var ids = new int[n];
        for (var k = 0; k < n; k++)
        {
            var key = (dimensions[members[0]][k], dimensions[members[1]][k], members.Length > 2 ? dimensions[members[2]][k] : 0);
            if (!map.TryGetValue(key, out var id)) map[key] = id = map.Count;
            ids[k] = id;
        }
        return (ids, map.Count);
    }

    /// <summary>Cyclic Jacobi eigen-decomposition of a small symmetric matrix; rebuilds it with negative eigenvalues set to 0.</summary>
    internal static bool ClipNegativeEigenvalues(double[,] a)
    {
        var p = a.GetLength(0);
        var m = (double[,])a.Clone();
        var vectors = new double[p, p];
        for (var i = 0; i < p; i++) vectors[i, i] = 1;
        for (var sweep = 0; sweep < 100; sweep++)
        {
            double off = 0;
            for (var i = 0; i < p; i++)
                for (var j = i + 1; j < p; j++) off += m[i, j] * m[i, j];
            if (off < 1e-30) break;
            for (var r = 0; r < p; r++)
                for (var s = r + 1; s < p; s++)
                {
                    if (Math.Abs(m[r, s]) < 1e-300) continue;
                    var theta = (m[s, s] - m[r, r]) / (2 * m[r, s]);
                    var t = Math.Sign(theta) / (Math.Abs(theta) + Math.Sqrt(theta * theta + 1));
                    if (theta == 0) t = 1;
                    var c = 1 / Math.Sqrt(t * t + 1);
                    var sn = t * c;
                    for (var k = 0; k < p; k++)
                    {
                        var mkr = m[k, r]; var mks = m[k, s];
                        m[k, r] = c * mkr - sn * mks; m[k, s] = sn * mkr + c * mks;
                    }
                    for (var k = 0; k < p; k++)
                    {
                        var mrk = m[r, k]; var msk = m[s, k];
                        m[r, k] = c * mrk - sn * msk; m[s, k] = sn * mrk + c * msk;
                    }
                    for (var k = 0; k < p; k++)
                    {
                        var vkr = vectors[k, r]; var vks = vectors[k, s];
                        vectors[k, r] = c * vkr - sn * vks; vectors[k, s] = sn * vkr + c * vks;
                    }
                }
        }
        var clipped = false;
        var lambda = new double[p];
        for (var i = 0; i < p; i++)
        {
            lambda[i] = m[i, i];
            if (lambda[i] < 0) { lambda[i] = 0; clipped = true; }
        }
        if (!clipped) return false;
        for (var i = 0; i < p; i++)
            for (var j = 0; j < p; j++)
            {
                double v = 0;
                for (var k = 0; k < p; k++) v += vectors[i, k] * lambda[k] * vectors[j, k];
                a[i, j] = v;
            }
        return true;
    }
}
