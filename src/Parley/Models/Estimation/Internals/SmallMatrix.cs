// Small dense algebra for the regressions of docs/models/ppml-hdfe.md: weighted normal equations X̃ᵀWX̃ (P-9), their
// inverse (the bread (P-13)), and the robust or one-way clustered sandwich (P-14)–(P-15). Why hand-written: p is at most
// a few dozen, so Gauss–Jordan with pivoting on p × p matrices is exact enough and needs no linear-algebra package.
namespace Parley.Models.Estimation.Internals;

/// <summary>Dense p×p helpers for the normal equations (p is the number of regressors, a handful).</summary>
internal static class SmallMatrix
{
    /// <summary>X'WX and X'Wy over columns (each of length N).</summary>
    public static (double[,] XtWX, double[] XtWy) Normal(double[][] x, double[] y, double[]? w)
    {
        var p = x.Length;
        var n = y.Length;
        var a = new double[p, p];
        var b = new double[p];
        for (var i = 0; i < p; i++)
        {
            for (var j = 0; j <= i; j++)
            {
                double s = 0;
                for (var k = 0; k < n; k++) s += (w?[k] ?? 1) * x[i][k] * x[j][k];
                a[i, j] = a[j, i] = s;
            }
            double t = 0;
            for (var k = 0; k < n; k++) t += (w?[k] ?? 1) * x[i][k] * y[k];
            b[i] = t;
        }
        return (a, b);
    }

    /// <summary>Inverse of a symmetric positive-definite matrix by Gauss–Jordan with partial pivoting; null when singular.</summary>
    public static double[,]? Inverse(double[,] m)
    {
        var p = m.GetLength(0);
        var a = new double[p, 2 * p];
        for (var i = 0; i < p; i++)
        {
            for (var j = 0; j < p; j++) a[i, j] = m[i, j];
            a[i, p + i] = 1;
        }
        var scale = Enumerable.Range(0, p).Max(i => Math.Abs(m[i, i]));
        for (var c = 0; c < p; c++)
        {
            var piv = c;
            for (var r = c + 1; r < p; r++) if (Math.Abs(a[r, c]) > Math.Abs(a[piv, c])) piv = r;
            if (Math.Abs(a[piv, c]) <= 1e-12 * Math.Max(scale, 1e-300)) return null;
            for (var j = 0; j < 2 * p; j++) (a[c, j], a[piv, j]) = (a[piv, j], a[c, j]);
            var d = a[c, c];
            for (var j = 0; j < 2 * p; j++) a[c, j] /= d;
            for (var r = 0; r < p; r++)
            {
                if (r == c || a[r, c] == 0) continue;
                var f = a[r, c];
                for (var j = 0; j < 2 * p; j++) a[r, j] -= f * a[c, j];
            }
        }
        var inv = new double[p, p];
        for (var i = 0; i < p; i++)
            for (var j = 0; j < p; j++) inv[i, j] = a[i, p + j];
        return inv;
    }

    public static double[] Multiply(double[,] a, double[] v)
    {
        var p = v.Length;
        var r = new double[p];
        for (var i = 0; i < p; i++)
            for (var j = 0; j < p; j++) r[i] += a[i, j] * v[j];
        return r;
    }

    /// <summary>Cluster-robust sandwich q·B (Σ_c S_c S_cᵀ) B with scores s_k = x_k·u_k.</summary>
    public static double[,] Sandwich(double[,] bread, double[][] x, double[] u, int[]? cluster, int clusters, double q)
    {
        var p = x.Length;
        var n = u.Length;
        var meat = new double[p, p];
        if (cluster is null)
        {
            for (var k = 0; k < n; k++)
                for (var i = 0; i < p; i++)
                    for (var j = 0; j <= i; j++) meat[i, j] += x[i][k] * u[k] * x[j][k] * u[k];
        }
        else
        {
            var s = new double[clusters, p];
            for (var k = 0; k < n; k++)
                for (var i = 0; i < p; i++) s[cluster[k], i] += x[i][k] * u[k];
            for (var c = 0; c < clusters; c++)
                for (var i = 0; i < p; i++)
                    for (var j = 0; j <= i; j++) meat[i, j] += s[c, i] * s[c, j];
        }
        for (var i = 0; i < p; i++)
            for (var j = 0; j < i; j++) meat[j, i] = meat[i, j];
        var v = new double[p, p];
        for (var i = 0; i < p; i++)
            for (var j = 0; j < p; j++)
            {
                double t = 0;
                for (var a = 0; a < p; a++)
                    for (var b = 0; b < p; b++) t += bread[i, a] * meat[a, b] * bread[b, j];
                v[i, j] = q * t;
            }
        return v;
    }
}
