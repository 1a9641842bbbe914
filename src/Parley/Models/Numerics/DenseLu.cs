// Dense LU factorisation with partial pivoting (Golub & Van Loan, Matrix Computations, 4th ed., Alg. 3.4.1),
// right-looking, row-major, with SIMD row updates. Why our own: the Newton step of the equilibrium solvers needs one
// 582×582 (or 776×776) solve per iteration and nothing else from a linear-algebra library; a vectorised, allocation-free
// kernel over spans is faster than a general managed provider and keeps the library dependency-free.
using System.Numerics;

namespace Parley.Models.Numerics;

/// <summary>In-place LU factorisation of a square row-major matrix, then solves with it.</summary>
internal sealed class DenseLu
{
    private readonly int _n;
    private readonly double[] _a;
    private readonly int[] _pivot;

    public DenseLu(int n)
    {
        _n = n;
        _a = new double[n * n];
        _pivot = new int[n];
    }

    /// <summary>The matrix to factor (row-major); fill it, then call <see cref="Factor"/>.</summary>
    public Span<double> Matrix => _a;

    /// <summary>Factors the matrix in place. Returns false when a pivot is exactly zero (singular matrix).</summary>
    public bool Factor()
    {
        var n = _n;
        var a = _a.AsSpan();
        for (var k = 0; k < n; k++)
        {
            var p = k;
            var max = Math.Abs(a[k * n + k]);
            for (var i = k + 1; i < n; i++)
            {
                var v = Math.Abs(a[i * n + k]);
                if (v > max) { max = v; p = i; }
            }
            _pivot[k] = p;
            if (max == 0 || !double.IsFinite(max)) return false;
            if (p != k) SwapRows(a, p, k, n);
            var inv = 1.0 / a[k * n + k];
            if (n - k > 160)
            {
                var arr = _a;
                Parallel.For(k + 1, n, i => Eliminate(arr, n, k, i, inv));
            }
            else
            {
                for (var i = k + 1; i < n; i++) Eliminate(_a, n, k, i, inv);
            }
        }
        return true;
    }

    private static void SwapRows(Span<double> a, int p, int k, int n)
    {
        var rp = a.Slice(p * n, n);
        var rk = a.Slice(k * n, n);
        for (var j = 0; j < n; j++) (rp[j], rk[j]) = (rk[j], rp[j]);
    }

    private static void Eliminate(double[] arr, int n, int k, int i, double inv)
    {
        var a = arr.AsSpan();
        var l = a[i * n + k] * inv;
        a[i * n + k] = l;
        if (l == 0) return;
        Axpy(-l, a.Slice(k * n + k + 1, n - k - 1), a.Slice(i * n + k + 1, n - k - 1));
    }

    /// <summary>y += alpha·x, vectorised.</summary>
    internal static void Axpy(double alpha, ReadOnlySpan<double> x, Span<double> y)
    {
        var j = 0;
        if (Vector.IsHardwareAccelerated && x.Length >= Vector<double>.Count)
        {
            var va = new Vector<double>(alpha);
            var w = Vector<double>.Count;
            for (; j <= x.Length - w; j += w)
            {
                var vy = new Vector<double>(y.Slice(j, w));
                (vy + va * new Vector<double>(x.Slice(j, w))).CopyTo(y.Slice(j, w));
            }
        }
        for (; j < x.Length; j++) y[j] += alpha * x[j];
    }

    /// <summary>Solves A·x = b in place (b becomes x) with the stored factors.</summary>
    public void Solve(Span<double> b)
    {
        var n = _n;
        var a = _a.AsSpan();
        for (var k = 0; k < n; k++)
        {
            var p = _pivot[k];
            if (p != k) (b[k], b[p]) = (b[p], b[k]);
        }
        for (var i = 0; i < n; i++)
        {
            var s = b[i];
            var row = a.Slice(i * n, i);
            for (var k = 0; k < i; k++) s -= row[k] * b[k];
            b[i] = s;
        }
        for (var i = n - 1; i >= 0; i--)
        {
            var s = b[i];
            for (var k = i + 1; k < n; k++) s -= a[i * n + k] * b[k];
            b[i] = s / a[i * n + i];
        }
    }
}
