// Dense LU factorisation with partial pivoting, right-looking and blocked (Golub & Van Loan, Matrix Computations,
// 4th ed., §3.2.11 and Alg. 3.4.1). Why blocked: an unblocked rank-1 update streams the whole trailing matrix through
// the caches once per column, so a 582×582 factorisation is memory-bound (~25 ms here); updating the trailing matrix
// with a panel of Block columns at a time reuses each row while it sits in L1 and cuts that traffic by the block size.
// Why our own: the Newton solvers need exactly one dense solve per Jacobian and nothing else from a linear-algebra
// library; this kernel over spans is allocation-free and vectorised with System.Numerics.Vector.
using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Parley.Models.Numerics;

/// <summary>In-place LU factorisation of a square row-major matrix, then solves with it.</summary>
internal sealed class DenseLu : IDisposable
{
    private readonly int _n;
    private readonly int _block;
    private readonly double[] _a;
    private readonly int[] _pivot;
    private bool _pooled;

    /// <summary>An n × n factorisation. <paramref name="pooled"/>: the matrix comes from <see cref="ArrayPool{T}.Shared"/>
    /// with stale contents (the caller fills every entry) and goes back on <see cref="Dispose"/>. <paramref name="block"/>:
    /// panel width (columns); 48 by default, narrower panels do less unblocked panel work on small matrices (24: 0.41
    /// instead of 0.49 ms at n = 194). The width changes the rounding, so a caller keeps the one its results were pinned with.</summary>
    public DenseLu(int n, bool pooled = false, int block = 48)
    {
        _n = n;
        _block = block >= 1 ? block : throw new ArgumentOutOfRangeException(nameof(block), block, "panel width must be at least 1");
        _pooled = pooled;
        _a = pooled ? ArrayPool<double>.Shared.Rent(n * n) : new double[n * n];
        _pivot = new int[n];
    }

    /// <summary>Order of the matrix.</summary>
    public int Size => _n;

    /// <summary>The matrix to factor (row-major); fill it, then call <see cref="Factor"/>.</summary>
    public Span<double> Matrix => _a.AsSpan(0, _n * _n);

    /// <summary>Returns a pooled matrix to the pool; the factorisation must not be used afterwards.</summary>
    public void Dispose()
    {
        if (!_pooled) return;
        _pooled = false;
        ArrayPool<double>.Shared.Return(_a);
    }

    /// <summary>The array behind <see cref="Matrix"/>, for kernels that take arrays (e.g. <see cref="DenseProduct"/>).</summary>
    internal double[] Storage => _a;

    /// <summary>Factors the matrix in place. Returns false when a pivot is zero or not finite (singular matrix).</summary>
    public bool Factor()
    {
        var n = _n;
        for (var k0 = 0; k0 < n; k0 += _block)
        {
            var b = Math.Min(_block, n - k0);
            if (!FactorPanel(k0, b)) return false;
            var c0 = k0 + b;
            if (c0 >= n) break;
            // U12 = L11⁻¹ A12 (forward substitution on the block row).
            var a = _a.AsSpan();
            for (var r = k0 + 1; r < c0; r++)
            {
                var target = a.Slice(r * n + c0, n - c0);
                for (var p = k0; p < r; p++)
                    Axpy(-a[r * n + p], a.Slice(p * n + c0, n - c0), target);
            }
            // A22 −= L21 · U12: four rows at a time so each U12 load feeds four fused multiply-adds.
            var arr = _a;
            var rows = n - c0;
            var groups = (rows + 3) / 4;
            void UpdateGroup(int g)
            {
                var i0 = c0 + 4 * g;
                if (i0 + 4 <= n) UpdateFourRows(arr, n, i0, k0, c0);
                else for (var i = i0; i < n; i++) UpdateOneRow(arr, n, i, k0, c0);
            }
            if (rows * (long)rows * b > 2_000_000)
                Parallel.For(0, groups, UpdateGroup);
            else
                for (var g = 0; g < groups; g++) UpdateGroup(g);
        }
        return true;
    }

    private static void UpdateOneRow(double[] arr, int n, int i, int k0, int c0)
    {
        var m = arr.AsSpan();
        var row = m.Slice(i * n + c0, n - c0);
        for (var p = k0; p < c0; p++)
        {
            var l = m[i * n + p];
            if (l != 0) Axpy(-l, m.Slice(p * n + c0, n - c0), row);
        }
    }

    /// <summary>Rows i0..i0+3 of the trailing matrix −= L21[rows, panel] · U12[panel, :], register-blocked 4 rows × 2 vectors.</summary>
    private static void UpdateFourRows(double[] arr, int n, int i0, int k0, int c0)
    {
        ref var a0 = ref MemoryMarshal.GetArrayDataReference(arr);
        var w = Vector<double>.Count;
        var cols = n - c0;
        nuint r0 = (nuint)(i0 * n), r1 = r0 + (nuint)n, r2 = r1 + (nuint)n, r3 = r2 + (nuint)n;
        var j = 0;
        for (; j + 2 * w <= cols; j += 2 * w)
        {
            var c = (nuint)(c0 + j);
            var x00 = Vector.LoadUnsafe(ref a0, r0 + c); var x01 = Vector.LoadUnsafe(ref a0, r0 + c + (nuint)w);
            var x10 = Vector.LoadUnsafe(ref a0, r1 + c); var x11 = Vector.LoadUnsafe(ref a0, r1 + c + (nuint)w);
            var x20 = Vector.LoadUnsafe(ref a0, r2 + c); var x21 = Vector.LoadUnsafe(ref a0, r2 + c + (nuint)w);
            var x30 = Vector.LoadUnsafe(ref a0, r3 + c); var x31 = Vector.LoadUnsafe(ref a0, r3 + c + (nuint)w);
            for (var p = k0; p < c0; p++)
            {
                var up = (nuint)(p * n) + c;
                var u0 = Vector.LoadUnsafe(ref a0, up);
                var u1 = Vector.LoadUnsafe(ref a0, up + (nuint)w);
                var l0 = new Vector<double>(-Unsafe.Add(ref a0, r0 + (nuint)p));
                var l1 = new Vector<double>(-Unsafe.Add(ref a0, r1 + (nuint)p));
                var l2 = new Vector<double>(-Unsafe.Add(ref a0, r2 + (nuint)p));
                var l3 = new Vector<double>(-Unsafe.Add(ref a0, r3 + (nuint)p));
                x00 = Vector.FusedMultiplyAdd(l0, u0, x00); x01 = Vector.FusedMultiplyAdd(l0, u1, x01);
                x10 = Vector.FusedMultiplyAdd(l1, u0, x10); x11 = Vector.FusedMultiplyAdd(l1, u1, x11);
                x20 = Vector.FusedMultiplyAdd(l2, u0, x20); x21 = Vector.FusedMultiplyAdd(l2, u1, x21);
                x30 = Vector.FusedMultiplyAdd(l3, u0, x30); x31 = Vector.FusedMultiplyAdd(l3, u1, x31);
            }
            x00.StoreUnsafe(ref a0, r0 + c); x01.StoreUnsafe(ref a0, r0 + c + (nuint)w);
            x10.StoreUnsafe(ref a0, r1 + c); x11.StoreUnsafe(ref a0, r1 + c + (nuint)w);
            x20.StoreUnsafe(ref a0, r2 + c); x21.StoreUnsafe(ref a0, r2 + c + (nuint)w);
            x30.StoreUnsafe(ref a0, r3 + c); x31.StoreUnsafe(ref a0, r3 + c + (nuint)w);
        }
        for (; j < cols; j++)
        {
            var c = (nuint)(c0 + j);
            double s0 = Unsafe.Add(ref a0, r0 + c), s1 = Unsafe.Add(ref a0, r1 + c), s2 = Unsafe.Add(ref a0, r2 + c), s3 = Unsafe.Add(ref a0, r3 + c);
            for (var p = k0; p < c0; p++)
            {
                var u = Unsafe.Add(ref a0, (nuint)(p * n) + c);
                s0 -= Unsafe.Add(ref a0, r0 + (nuint)p) * u;
                s1 -= Unsafe.Add(ref a0, r1 + (nuint)p) * u;
                s2 -= Unsafe.Add(ref a0, r2 + (nuint)p) * u;
                s3 -= Unsafe.Add(ref a0, r3 + (nuint)p) * u;
            }
            Unsafe.Add(ref a0, r0 + c) = s0; Unsafe.Add(ref a0, r1 + c) = s1;
            Unsafe.Add(ref a0, r2 + c) = s2; Unsafe.Add(ref a0, r3 + c) = s3;
        }
    }

    /// <summary>Unblocked LU of columns k0..k0+b−1 (rows k0..n−1), swapping whole rows.</summary>
    private bool FactorPanel(int k0, int b)
    {
        var n = _n;
        var a = _a.AsSpan();
        for (var k = k0; k < k0 + b; k++)
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
            var width = k0 + b - k - 1;
            for (var i = k + 1; i < n; i++)
            {
                var l = a[i * n + k] * inv;
                a[i * n + k] = l;
                if (l != 0 && width > 0) Axpy(-l, a.Slice(k * n + k + 1, width), a.Slice(i * n + k + 1, width));
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

    /// <summary>Σ x_k y_k, vectorised.</summary>
    internal static double Dot(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        var len = x.Length;
        ref var rx = ref MemoryMarshal.GetReference(x);
        ref var ry = ref MemoryMarshal.GetReference(y);
        var w = Vector<double>.Count;
        var j = 0;
        double s = 0;
        if (len >= 2 * w)
        {
            Vector<double> acc0 = Vector<double>.Zero, acc1 = Vector<double>.Zero;
            for (; j + 2 * w <= len; j += 2 * w)
            {
                acc0 = Vector.FusedMultiplyAdd(Vector.LoadUnsafe(ref rx, (nuint)j), Vector.LoadUnsafe(ref ry, (nuint)j), acc0);
                acc1 = Vector.FusedMultiplyAdd(Vector.LoadUnsafe(ref rx, (nuint)(j + w)), Vector.LoadUnsafe(ref ry, (nuint)(j + w)), acc1);
            }
            s = Vector.Sum(acc0 + acc1);
        }
        for (; j < len; j++) s += Unsafe.Add(ref rx, j) * Unsafe.Add(ref ry, j);
        return s;
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
        for (var i = 0; i < n; i++) b[i] -= Dot(a.Slice(i * n, i), b[..i]);
        for (var i = n - 1; i >= 0; i--)
            b[i] = (b[i] - Dot(a.Slice(i * n + i + 1, n - i - 1), b.Slice(i + 1, n - i - 1))) / a[i * n + i];
    }
}
