using Parley.Models.Numerics;
using Xunit;

namespace Parley.Tests.Numerics;

/// <summary>The blocked, vectorised LU against known solutions and against textbook Gaussian elimination.</summary>
public class DenseLuTests
{
    private static double[] RandomMatrix(Random rng, int n, bool diagonallyDominant)
    {
        var a = new double[n * n];
        for (var k = 0; k < a.Length; k++) a[k] = rng.NextDouble() * 2 - 1;
        if (diagonallyDominant) for (var i = 0; i < n; i++) a[i * n + i] += n;
        return a;
    }

    /// <summary>Gaussian elimination with partial pivoting on a 2-D array, written as in any textbook.</summary>
    private static double[] Textbook(double[] matrix, double[] rhs, int n)
    {
        var a = new double[n, n + 1];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++) a[i, j] = matrix[i * n + j];
            a[i, n] = rhs[i];
        }
        for (var c = 0; c < n; c++)
        {
            var p = Enumerable.Range(c, n - c).MaxBy(r => Math.Abs(a[r, c]));
            for (var j = 0; j <= n; j++) (a[c, j], a[p, j]) = (a[p, j], a[c, j]);
            for (var r = c + 1; r < n; r++)
            {
                var l = a[r, c] / a[c, c];
                for (var j = c; j <= n; j++) a[r, j] -= l * a[c, j];
            }
        }
        var x = new double[n];
        for (var i = n - 1; i >= 0; i--)
        {
            var s = a[i, n];
            for (var j = i + 1; j < n; j++) s -= a[i, j] * x[j];
            x[i] = s / a[i, i];
        }
        return x;
    }

    [Theory]
    [InlineData(1, 48)]
    [InlineData(3, 48)]
    [InlineData(47, 48)]   // one panel short of the block size
    [InlineData(48, 48)]   // exactly one panel
    [InlineData(49, 48)]   // one panel and one column
    [InlineData(101, 48)]  // two full panels, a ragged third, a trailing update with a row group of one
    [InlineData(230, 48)]  // large enough for the parallel trailing update
    [InlineData(23, 24)]   // the reduced one-sector system's panels (24 columns): one short, exact, one over
    [InlineData(24, 24)]
    [InlineData(25, 24)]
    [InlineData(194, 24)]  // the one-sector world's reduced system
    public void Solves_a_system_with_a_known_solution_like_textbook_elimination(int n, int block)
    {
        var rng = new Random(n);
        var a = RandomMatrix(rng, n, diagonallyDominant: false);
        var x = Enumerable.Range(0, n).Select(_ => rng.NextDouble() * 10 - 5).ToArray();
        var b = new double[n];
        for (var i = 0; i < n; i++)
            for (var j = 0; j < n; j++) b[i] += a[i * n + j] * x[j];
        var lu = new DenseLu(n, block: block);
        a.CopyTo(lu.Matrix);
        Assert.True(lu.Factor());
        var solved = (double[])b.Clone();
        lu.Solve(solved);
        var textbook = Textbook(a, b, n);
        for (var i = 0; i < n; i++)
        {
            Assert.Equal(textbook[i], solved[i], 1e-8 * (1 + Math.Abs(textbook[i])));
            Assert.Equal(x[i], solved[i], 1e-7 * (1 + Math.Abs(x[i])));
        }
        // The factors are reused: a second right-hand side needs no new factorisation.
        var b2 = Enumerable.Range(0, n).Select(i => (double)i).ToArray();
        var second = (double[])b2.Clone();
        lu.Solve(second);
        var expected = Textbook(a, b2, n);
        for (var i = 0; i < n; i++) Assert.Equal(expected[i], second[i], 1e-8 * (1 + Math.Abs(expected[i])));
    }

    [Fact]
    public void A_pooled_matrix_that_held_another_system_solves_the_one_written_over_it()
    {
        const int n = 60;
        var rng = new Random(3);
        using (var first = new DenseLu(n, pooled: true))
        {
            RandomMatrix(rng, n, diagonallyDominant: false).CopyTo(first.Matrix);
            Assert.True(first.Factor()); // leaves L and U factors in the array that goes back to the pool
        }
        var a = RandomMatrix(rng, n, diagonallyDominant: true);
        var x = Enumerable.Range(0, n).Select(i => (double)(i % 7) - 3).ToArray();
        var b = new double[n];
        for (var i = 0; i < n; i++)
            for (var j = 0; j < n; j++) b[i] += a[i * n + j] * x[j];
        using var lu = new DenseLu(n, pooled: true);
        a.CopyTo(lu.Matrix);
        Assert.Equal(n * n, lu.Matrix.Length);
        Assert.True(lu.Factor());
        lu.Solve(b);
        for (var i = 0; i < n; i++) Assert.Equal(x[i], b[i], 1e-10);
    }

    [Fact]
    public void Pivots_past_a_zero_diagonal()
    {
        // A permutation of the identity times 2: no diagonal entry is non-zero, the solution is b/2 permuted back.
        const int n = 5;
        var lu = new DenseLu(n);
        var perm = new[] { 3, 0, 4, 1, 2 };
        for (var i = 0; i < n; i++) lu.Matrix[i * n + perm[i]] = 2;
        Assert.True(lu.Factor());
        var b = new double[] { 1, 2, 3, 4, 5 };
        lu.Solve(b);
        var expected = new double[n];
        for (var i = 0; i < n; i++) expected[perm[i]] = (i + 1) / 2.0;
        Assert.Equal(expected, b);
    }

    [Fact]
    public void Singular_or_non_finite_matrices_are_refused()
    {
        var singular = new DenseLu(3);
        new double[] { 1, 2, 3, 2, 4, 6, 1, 0, 1 }.CopyTo(singular.Matrix);
        Assert.False(singular.Factor());
        var nan = new DenseLu(2);
        new double[] { double.NaN, 1, 1, 1 }.CopyTo(nan.Matrix);
        Assert.False(nan.Factor());
    }

    [Fact]
    public void Dot_and_axpy_equal_plain_loops_for_every_length()
    {
        var rng = new Random(5);
        for (var len = 0; len < 40; len++)
        {
            var x = Enumerable.Range(0, len).Select(_ => rng.NextDouble()).ToArray();
            var y = Enumerable.Range(0, len).Select(_ => rng.NextDouble()).ToArray();
            double plain = 0;
            for (var k = 0; k < len; k++) plain += x[k] * y[k];
            Assert.Equal(plain, DenseLu.Dot(x, y), 1e-13);
            var z = (double[])y.Clone();
            DenseLu.Axpy(-0.75, x, z);
            for (var k = 0; k < len; k++) Assert.Equal(y[k] - 0.75 * x[k], z[k], 1e-15);
        }
    }
}
