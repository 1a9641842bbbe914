// Dense matrix–vector products for the small blocks of the multi-sector map (41 × 41 per sector, 35 × 35 per region).
// Why a kernel instead of one Axpy/Dot call per row: at these sizes the per-call cost (span slicing, bounds checks,
// the scalar tail) was larger than the arithmetic — half of one evaluation of the map (docs/performance.md,
// "multi-sector throughput"). Each routine keeps its accumulators in vector registers across a whole column block.
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Parley.Models.Numerics.Internals;

internal static class DenseProducts
{
    /// <summary>y[c] = y0[c] + Σ_r x[r] · a[r·cols + c] for c &lt; cols (xᵀA, A row-major rows × cols); y0 may be empty (zero).</summary>
    public static void VectorTimesMatrix(ReadOnlySpan<double> x, ReadOnlySpan<double> a, int cols, ReadOnlySpan<double> y0, Span<double> y)
    {
        var rows = x.Length;
        if (a.Length < rows * cols || y.Length < cols || (!y0.IsEmpty && y0.Length < cols)) throw new ArgumentException("Dimensions do not match.");
        ref var ra = ref MemoryMarshal.GetReference(a);
        ref var rx = ref MemoryMarshal.GetReference(x);
        ref var ry = ref MemoryMarshal.GetReference(y);
        var w = Vector<double>.Count;
        var c = 0;
        for (; c + 2 * w <= cols; c += 2 * w)
        {
            Vector<double> acc0 = Vector<double>.Zero, acc1 = Vector<double>.Zero;
            if (!y0.IsEmpty)
            {
                acc0 = new Vector<double>(y0.Slice(c, w));
                acc1 = new Vector<double>(y0.Slice(c + w, w));
            }
            for (var r = 0; r < rows; r++)
            {
                var xr = new Vector<double>(Unsafe.Add(ref rx, r));
                var offset = (nuint)(r * cols + c);
                acc0 = Vector.FusedMultiplyAdd(xr, Vector.LoadUnsafe(ref ra, offset), acc0);
                acc1 = Vector.FusedMultiplyAdd(xr, Vector.LoadUnsafe(ref ra, offset + (nuint)w), acc1);
            }
            acc0.StoreUnsafe(ref ry, (nuint)c);
            acc1.StoreUnsafe(ref ry, (nuint)(c + w));
        }
        for (; c < cols; c++)
        {
            var s = y0.IsEmpty ? 0.0 : y0[c];
            for (var r = 0; r < rows; r++) s += Unsafe.Add(ref rx, r) * Unsafe.Add(ref ra, r * cols + c);
            Unsafe.Add(ref ry, c) = s;
        }
    }

    /// <summary>y[r] = scale[r] · Σ_c a[r·cols + c] · x[c] for r &lt; y.Length (A x, A row-major); scale may be empty (one).</summary>
    public static void MatrixTimesVector(ReadOnlySpan<double> a, ReadOnlySpan<double> x, ReadOnlySpan<double> scale, Span<double> y)
    {
        var rows = y.Length;
        var cols = x.Length;
        if (a.Length < rows * cols || (!scale.IsEmpty && scale.Length < rows)) throw new ArgumentException("Dimensions do not match.");
        for (var r = 0; r < rows; r++)
        {
            var dot = DenseLu.Dot(a.Slice(r * cols, cols), x);
            y[r] = scale.IsEmpty ? dot : scale[r] * dot;
        }
    }

    /// <summary>x[k] ← e^{x[k]} for every k (vectorised where the hardware allows; agrees with Math.Exp to a few ulp).</summary>
    public static void ExpInPlace(Span<double> x) => InPlace<ExpOp>(x);

    /// <summary>x[k] ← ln x[k] for every k (vectorised where the hardware allows; agrees with Math.Log to a few ulp).</summary>
    public static void LogInPlace(Span<double> x) => InPlace<LogOp>(x);

    private interface IElementwise
    {
        static abstract Vector256<double> Of(Vector256<double> v);
        static abstract double Of(double v);
    }

    private readonly struct ExpOp : IElementwise
    {
        public static Vector256<double> Of(Vector256<double> v) => Vector256.Exp(v);
        public static double Of(double v) => Math.Exp(v);
    }

    private readonly struct LogOp : IElementwise
    {
        public static Vector256<double> Of(Vector256<double> v) => Vector256.Log(v);
        public static double Of(double v) => Math.Log(v);
    }

    private static void InPlace<TOp>(Span<double> x) where TOp : struct, IElementwise
    {
        var k = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            ref var r = ref MemoryMarshal.GetReference(x);
            for (; k + 4 <= x.Length; k += 4) TOp.Of(Vector256.LoadUnsafe(ref r, (nuint)k)).StoreUnsafe(ref r, (nuint)k);
        }
        for (; k < x.Length; k++) x[k] = TOp.Of(x[k]);
    }
}
