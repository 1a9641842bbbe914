using Xunit;
using Parley.Models.Numerics.Internals;

namespace Parley.Tests.Numerics;

/// <summary>The multi-sector map's matrix–vector kernels against the textbook double loop.</summary>
public class DenseProductsTests
{
    public static TheoryData<int, int> Shapes => new() { { 1, 1 }, { 3, 5 }, { 35, 35 }, { 41, 41 }, { 7, 8 }, { 9, 17 }, { 41, 3 } };

    private static double[] Random(Random rng, int length) => Enumerable.Range(0, length).Select(_ => rng.NextDouble() * 2 - 1).ToArray();

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Vector_times_matrix_equals_the_double_loop_with_and_without_a_start_value(int rows, int cols)
    {
        var rng = new Random(rows * 100 + cols);
        var x = Random(rng, rows);
        var a = Random(rng, rows * cols);
        var y0 = Random(rng, cols);
        var y = new double[cols];
        var yStart = new double[cols];
        DenseProducts.VectorTimesMatrix(x, a, cols, default, y);
        DenseProducts.VectorTimesMatrix(x, a, cols, y0, yStart);
        for (var c = 0; c < cols; c++)
        {
            double s = 0;
            for (var r = 0; r < rows; r++) s += x[r] * a[r * cols + c];
            Assert.Equal(s, y[c], 1e-13);
            Assert.Equal(y0[c] + s, yStart[c], 1e-13);
        }
    }

    [Fact]
    public void Vector_times_matrix_may_accumulate_in_place()
    {
        var rng = new Random(7);
        var x = Random(rng, 35);
        var a = Random(rng, 35 * 35);
        var y = Random(rng, 35);
        var expected = Enumerable.Range(0, 35).Select(c => y[c] + Enumerable.Range(0, 35).Sum(r => x[r] * a[r * 35 + c])).ToArray();
        DenseProducts.VectorTimesMatrix(x, a, 35, y, y);
        for (var c = 0; c < 35; c++) Assert.Equal(expected[c], y[c], 1e-13);
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Matrix_times_vector_equals_the_double_loop_scaled_by_row(int rows, int cols)
    {
        var rng = new Random(rows * 31 + cols);
        var a = Random(rng, rows * cols);
        var x = Random(rng, cols);
        var scale = Random(rng, rows);
        var y = new double[rows];
        DenseProducts.MatrixTimesVector(a, x, scale, y);
        for (var r = 0; r < rows; r++)
            Assert.Equal(scale[r] * Enumerable.Range(0, cols).Sum(c => a[r * cols + c] * x[c]), y[r], 1e-13);
    }

    [Fact]
    public void Mismatched_dimensions_are_refused()
    {
        Assert.Throws<ArgumentException>(() => DenseProducts.VectorTimesMatrix(new double[3], new double[5], 2, default, new double[2]));
        Assert.Throws<ArgumentException>(() => DenseProducts.MatrixTimesVector(new double[5], new double[2], default, new double[3]));
    }

    [Fact]
    public void Vectorised_exp_and_log_agree_with_Math_to_1e_15_relative_including_the_scalar_tail()
    {
        var rng = new Random(11);
        var x = Enumerable.Range(0, 1435).Select(_ => rng.NextDouble() * 100 - 50).ToArray();
        var e = (double[])x.Clone();
        DenseProducts.ExpInPlace(e);
        for (var k = 0; k < x.Length; k++) Assert.True(Math.Abs(e[k] / Math.Exp(x[k]) - 1) <= 1e-15, $"exp({x[k]:R}) = {e[k]:R}, Math.Exp {Math.Exp(x[k]):R}");
        var l = (double[])e.Clone();
        DenseProducts.LogInPlace(l);
        for (var k = 0; k < x.Length; k++) Assert.True(Math.Abs(l[k] - Math.Log(e[k])) <= 1e-15 * Math.Max(1, Math.Abs(l[k])), $"log({e[k]:R}) = {l[k]:R}, Math.Log {Math.Log(e[k]):R}");
        var special = new[] { 0.0, -0.0, 1.0, double.PositiveInfinity, -750, 710 };
        var se = (double[])special.Clone();
        DenseProducts.ExpInPlace(se);
        Assert.Equal(special.Select(Math.Exp), se);
    }
}
