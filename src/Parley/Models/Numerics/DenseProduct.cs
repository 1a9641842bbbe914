// Dense matrix product C = A·Bᵀ over row-major spans (Golub & Van Loan, Matrix Computations, 4th ed., §1.5: the
// "dot-product" form, blocked in registers). Why Bᵀ: every operand the one-sector Jacobian multiplies is naturally
// stored by rows (λ′ with its exporter rows, the eliminated columns of (OS-43) one per row), so both inputs stream
// contiguously; a 4 × 2 tile of dot products shares each loaded vector between two or four fused multiply-adds.
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Parley.Models.Numerics;

/// <summary>Dense matrix products.</summary>
internal static class DenseProduct
{
    /// <summary>Work (multiply-adds) above which rows are split across cores. Below it (N ≤ ~250 for a square product)
    /// the product takes well under a millisecond, and callers such as a negotiation already run solves in parallel.</summary>
    private const long ParallelWork = 16_000_000;

    /// <summary>C = A·Bᵀ: A is rows × inner, <paramref name="bt"/> is cols × inner, C is rows × cols, all row-major.</summary>
    public static void MultiplyTransposed(double[] a, double[] bt, double[] c, int rows, int inner, int cols)
    {
        if (a.Length < rows * inner || bt.Length < cols * inner || c.Length < rows * cols)
            throw new ArgumentException("Matrix sizes do not match the spans.");
        var groups = (rows + 3) / 4;
        if ((long)rows * cols * inner > ParallelWork && groups > 1)
        {
            Parallel.For(0, groups, g => RowGroup(a, bt, c, g * 4, Math.Min(4, rows - g * 4), inner, cols));
            return;
        }
        for (var g = 0; g < groups; g++) RowGroup(a, bt, c, g * 4, Math.Min(4, rows - g * 4), inner, cols);
    }

    /// <summary>y = Mᵀ x for a rows × cols row-major M (x has rows entries, y cols): the same kernel as the
    /// multi-sector map's products (<see cref="Internals.DenseProducts.VectorTimesMatrix"/>).</summary>
    public static void TransposedTimes(ReadOnlySpan<double> m, ReadOnlySpan<double> x, Span<double> y, int rows, int cols) =>
        Internals.DenseProducts.VectorTimesMatrix(x[..rows], m, cols, default, y);

    private static void RowGroup(double[] a, double[] bt, double[] c, int i0, int count, int inner, int cols)
    {
        var k = 0;
        if (count == 4)
            for (; k + 2 <= cols; k += 2) Tile4x2(a, bt, c, i0, k, inner, cols);
        for (; k < cols; k++)
            for (var i = i0; i < i0 + count; i++)
                c[i * cols + k] = DenseLu.Dot(a.AsSpan(i * inner, inner), bt.AsSpan(k * inner, inner));
    }

    /// <summary>C[i0..i0+3, k0..k0+1] = dot products of four rows of A with two rows of Bᵀ.</summary>
    private static void Tile4x2(double[] a, double[] bt, double[] c, int i0, int k0, int inner, int cols)
    {
        ref var ra = ref MemoryMarshal.GetArrayDataReference(a);
        ref var rb = ref MemoryMarshal.GetArrayDataReference(bt);
        nuint a0 = (nuint)(i0 * inner), a1 = a0 + (nuint)inner, a2 = a1 + (nuint)inner, a3 = a2 + (nuint)inner;
        nuint b0 = (nuint)(k0 * inner), b1 = b0 + (nuint)inner;
        var w = Vector<double>.Count;
        Vector<double> s00 = default, s01 = default, s10 = default, s11 = default;
        Vector<double> s20 = default, s21 = default, s30 = default, s31 = default;
        var j = 0;
        for (; j + w <= inner; j += w)
        {
            var o = (nuint)j;
            var u0 = Vector.LoadUnsafe(ref rb, b0 + o);
            var u1 = Vector.LoadUnsafe(ref rb, b1 + o);
            var x0 = Vector.LoadUnsafe(ref ra, a0 + o);
            var x1 = Vector.LoadUnsafe(ref ra, a1 + o);
            var x2 = Vector.LoadUnsafe(ref ra, a2 + o);
            var x3 = Vector.LoadUnsafe(ref ra, a3 + o);
            s00 = Vector.FusedMultiplyAdd(x0, u0, s00); s01 = Vector.FusedMultiplyAdd(x0, u1, s01);
            s10 = Vector.FusedMultiplyAdd(x1, u0, s10); s11 = Vector.FusedMultiplyAdd(x1, u1, s11);
            s20 = Vector.FusedMultiplyAdd(x2, u0, s20); s21 = Vector.FusedMultiplyAdd(x2, u1, s21);
            s30 = Vector.FusedMultiplyAdd(x3, u0, s30); s31 = Vector.FusedMultiplyAdd(x3, u1, s31);
        }
        double t00 = Vector.Sum(s00), t01 = Vector.Sum(s01), t10 = Vector.Sum(s10), t11 = Vector.Sum(s11);
        double t20 = Vector.Sum(s20), t21 = Vector.Sum(s21), t30 = Vector.Sum(s30), t31 = Vector.Sum(s31);
        for (; j < inner; j++)
        {
            var o = (nuint)j;
            double u0 = Unsafe.Add(ref rb, b0 + o), u1 = Unsafe.Add(ref rb, b1 + o);
            double x0 = Unsafe.Add(ref ra, a0 + o), x1 = Unsafe.Add(ref ra, a1 + o);
            double x2 = Unsafe.Add(ref ra, a2 + o), x3 = Unsafe.Add(ref ra, a3 + o);
            t00 += x0 * u0; t01 += x0 * u1; t10 += x1 * u0; t11 += x1 * u1;
            t20 += x2 * u0; t21 += x2 * u1; t30 += x3 * u0; t31 += x3 * u1;
        }
        var r = i0 * cols + k0;
        c[r] = t00; c[r + 1] = t01;
        c[r + cols] = t10; c[r + cols + 1] = t11;
        c[r + 2 * cols] = t20; c[r + 2 * cols + 1] = t21;
        c[r + 3 * cols] = t30; c[r + 3 * cols + 1] = t31;
    }
}
