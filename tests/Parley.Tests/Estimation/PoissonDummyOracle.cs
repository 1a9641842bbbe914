namespace Parley.Tests.Estimation;

/// <summary>
/// Poisson regression with two-way fixed effects done the slow, obvious way: one explicit dummy per exporter level and
/// per importer level (the first importer level of each connected block dropped for identification), the fixed
/// effects for given coefficients by iterative proportional fitting (the Poisson score equations of the dummies), the
/// information matrix of the full design assembled densely and solved by Gaussian elimination, and the cluster-robust
/// sandwich q·H⁻¹(Σ_g s_g s_gᵀ)H⁻¹ read off its regressor block (q = G/(G−1), Stata's ppmlhdfe convention).
/// Nothing here shares code with the estimator (no alternating projections, no partialling out).
/// </summary>
internal sealed class PoissonDummyOracle
{
    private readonly double[] _y;
    private readonly double[][] _x;
    private readonly int[] _ex, _im;
    private readonly int _le, _li;
    private readonly int[] _importerColumn; // column of each importer level in the dummy block, -1 when dropped

    public PoissonDummyOracle(double[] y, double[][] x, int[] exporterLevel, int[] importerLevel)
    {
        _y = y;
        _x = x;
        (_ex, _le) = Dense(exporterLevel);
        (_im, _li) = Dense(importerLevel);
        // Connected blocks of the exporter–importer graph; each has one redundant dummy.
        var parent = Enumerable.Range(0, _le + _li).ToArray();
        int Find(int a) { while (parent[a] != a) a = parent[a] = parent[parent[a]]; return a; }
        for (var k = 0; k < y.Length; k++) parent[Find(_ex[k])] = Find(_le + _im[k]);
        var seen = new HashSet<int>();
        _importerColumn = new int[_li];
        var next = _le;
        for (var m = 0; m < _li; m++) _importerColumn[m] = seen.Add(Find(_le + m)) ? -1 : next++;
        Parameters = x.Length + next;
    }

    /// <summary>Regressors + exporter dummies + identified importer dummies.</summary>
    public int Parameters { get; }

    private static (int[] Ids, int Levels) Dense(int[] raw)
    {
        var map = new Dictionary<int, int>();
        return (raw.Select(v => map.TryGetValue(v, out var id) ? id : map[v] = map.Count).ToArray(), map.Count);
    }

    /// <summary>Fitted means for coefficients β with the fixed effects solved exactly (IPF to 1e-14).</summary>
    public double[] FittedMeans(double[] beta)
    {
        var n = _y.Length;
        var offset = new double[n];
        for (var k = 0; k < n; k++) for (var r = 0; r < beta.Length; r++) offset[k] += beta[r] * _x[r][k];
        var expOffset = offset.Select(Math.Exp).ToArray();
        var a = Enumerable.Repeat(1.0, _le).ToArray(); // exp of the exporter effects
        var b = Enumerable.Repeat(1.0, _li).ToArray(); // exp of the importer effects
        var ySumE = new double[_le];
        var ySumI = new double[_li];
        for (var k = 0; k < n; k++) { ySumE[_ex[k]] += _y[k]; ySumI[_im[k]] += _y[k]; }
        for (var sweep = 0; sweep < 100_000; sweep++)
        {
            double worst = 0;
            var m = new double[_le];
            for (var k = 0; k < n; k++) m[_ex[k]] += expOffset[k] * b[_im[k]];
            for (var l = 0; l < _le; l++) { var v = ySumE[l] / m[l]; worst = Math.Max(worst, Math.Abs(v / a[l] - 1)); a[l] = v; }
            var mi = new double[_li];
            for (var k = 0; k < n; k++) mi[_im[k]] += expOffset[k] * a[_ex[k]];
            for (var l = 0; l < _li; l++) { var v = ySumI[l] / mi[l]; worst = Math.Max(worst, Math.Abs(v / b[l] - 1)); b[l] = v; }
            if (worst < 1e-14) break;
        }
        var mu = new double[n];
        for (var k = 0; k < n; k++) mu[k] = expOffset[k] * a[_ex[k]] * b[_im[k]];
        return mu;
    }

    /// <summary>Columns (in the full design) where observation k has a 1 or its regressor values.</summary>
    private IEnumerable<(int Column, double Value)> Row(int k)
    {
        for (var r = 0; r < _x.Length; r++) yield return (r, _x[r][k]);
        yield return (_x.Length + _ex[k], 1);
        var c = _importerColumn[_im[k]];
        if (c >= 0) yield return (_x.Length + c, 1);
    }

    /// <summary>
    /// One Newton step on the full likelihood from β (fixed effects profiled out by IPF) and the clustered standard
    /// errors there: returns (β + Δβ, SE). At the maximum Δβ is zero, so |Δβ| bounds the error of β.
    /// </summary>
    public (double[] Beta, double[] StdErrors) NewtonStepAndClusteredSe(double[] beta, int[] cluster)
    {
        var n = _y.Length;
        var p = Parameters;
        var kx = _x.Length;
        var mu = FittedMeans(beta);
        // H = Σ_k μ_k d_k d_kᵀ, dense; augmented with the unit vectors of the regressor columns to get rows of H⁻¹.
        var h = new double[p][];
        for (var i = 0; i < p; i++) h[i] = new double[p + kx];
        var score = new double[p];
        for (var k = 0; k < n; k++)
        {
            var row = Row(k).ToArray();
            foreach (var (i, vi) in row)
            {
                score[i] += vi * (_y[k] - mu[k]);
                foreach (var (j, vj) in row) h[i][j] += mu[k] * vi * vj;
            }
        }
        for (var r = 0; r < kx; r++) h[r][p + r] = 1;
        // Gauss–Jordan-free: forward elimination with partial pivoting, then back substitution for the kx columns.
        for (var c = 0; c < p; c++)
        {
            var piv = c;
            for (var r = c + 1; r < p; r++) if (Math.Abs(h[r][c]) > Math.Abs(h[piv][c])) piv = r;
            (h[c], h[piv]) = (h[piv], h[c]);
            var pivotRow = h[c];
            for (var r = c + 1; r < p; r++)
            {
                var f = h[r][c] / pivotRow[c];
                if (f == 0) continue;
                var target = h[r];
                for (var j = c; j < p + kx; j++) target[j] -= f * pivotRow[j];
            }
        }
        var inv = new double[p, kx]; // columns of H⁻¹ for the regressors (H symmetric: also its rows)
        for (var col = 0; col < kx; col++)
            for (var i = p - 1; i >= 0; i--)
            {
                var s = h[i][p + col];
                for (var j = i + 1; j < p; j++) s -= h[i][j] * inv[j, col];
                inv[i, col] = s / h[i][i];
            }
        var step = new double[kx];
        for (var r = 0; r < kx; r++) for (var i = 0; i < p; i++) step[r] += inv[i, r] * score[i];
        // Cluster sums of the influence t_k = (H⁻¹ d_k)_β (y_k − μ_k).
        var clusters = new Dictionary<int, double[]>();
        for (var k = 0; k < n; k++)
        {
            if (!clusters.TryGetValue(cluster[k], out var t)) clusters[cluster[k]] = t = new double[kx];
            foreach (var (i, v) in Row(k))
                for (var r = 0; r < kx; r++) t[r] += inv[i, r] * v * (_y[k] - mu[k]);
        }
        var g = clusters.Count;
        var se = new double[kx];
        for (var r = 0; r < kx; r++)
        {
            double v = 0;
            foreach (var t in clusters.Values) v += t[r] * t[r];
            se[r] = Math.Sqrt(g / (g - 1.0) * v);
        }
        return (beta.Select((b0, r) => b0 + step[r]).ToArray(), se);
    }
}
