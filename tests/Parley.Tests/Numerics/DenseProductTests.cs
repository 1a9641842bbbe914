using Parley.Models.Numerics;
using Xunit;

namespace Parley.Tests.Numerics;

/// <summary>The register-blocked product C = A·Bᵀ against the triple loop.</summary>
public class DenseProductTests
{
    [Theory]
    [InlineData(1, 1, 1)]
    [InlineData(4, 2, 4)]      // exactly one tile
    [InlineData(7, 5, 3)]      // ragged rows, columns and inner length shorter than a vector
    [InlineData(13, 11, 37)]   // tails in every direction
    [InlineData(194, 194, 194)] // the one-sector world, split across cores
    public void Equals_the_triple_loop(int rows, int inner, int cols)
    {
        var rng = new Random(rows * 1000 + cols);
        var a = Enumerable.Range(0, rows * inner).Select(_ => rng.NextDouble() * 2 - 1).ToArray();
        var bt = Enumerable.Range(0, cols * inner).Select(_ => rng.NextDouble() * 2 - 1).ToArray();
        var c = new double[rows * cols];
        DenseProduct.MultiplyTransposed(a, bt, c, rows, inner, cols);
        for (var i = 0; i < rows; i++)
            for (var k = 0; k < cols; k++)
            {
                double s = 0, size = 0;
                for (var j = 0; j < inner; j++) { s += a[i * inner + j] * bt[k * inner + j]; size += Math.Abs(a[i * inner + j] * bt[k * inner + j]); }
                Assert.True(Math.Abs(s - c[i * cols + k]) <= 1e-14 * (1 + size), $"C[{i},{k}] = {c[i * cols + k]:R}, loop {s:R}");
            }
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(3, 5)]     // fewer rows than one group of four, columns shorter than a vector
    [InlineData(9, 13)]    // two groups of four and one row; a vector tail
    [InlineData(194, 194)]
    public void Transposed_times_a_vector_equals_the_loop(int rows, int cols)
    {
        var rng = new Random(rows + 7 * cols);
        var m = Enumerable.Range(0, rows * cols).Select(_ => rng.NextDouble() * 2 - 1).ToArray();
        var x = Enumerable.Range(0, rows).Select(_ => rng.NextDouble() * 2 - 1).ToArray();
        var y = Enumerable.Repeat(double.NaN, cols).ToArray(); // overwritten, not accumulated into
        DenseProduct.TransposedTimes(m, x, y, rows, cols);
        for (var j = 0; j < cols; j++)
        {
            double s = 0, size = 0;
            for (var i = 0; i < rows; i++) { s += m[i * cols + j] * x[i]; size += Math.Abs(m[i * cols + j] * x[i]); }
            Assert.True(Math.Abs(s - y[j]) <= 1e-14 * (1 + size), $"y[{j}] = {y[j]:R}, loop {s:R}");
        }
    }
}
