using Parley.Data.Build;
using Xunit;

namespace Parley.Tests.Data;

/// <summary>
/// GRAS (docs/world-2022.md (W-1)–(W-2)) against a slow obvious method and against its published properties
/// (Junius &amp; Oosterhaven 2003; Temurshoev, Miller &amp; Bouwmeester 2013): targets met, signs kept, zeros kept, and the
/// bi-proportional matrix a positive prior was scaled into recovered.
/// </summary>
public sealed class GrasTests
{
    // a 4×5 prior with negative cells (inventory drawdowns) and a structural zero
    private static readonly double[] Prior =
    [
        10, 4, -2, 0, 6,
        3, 8, 5, 1, -1,
        0, 2, 7, 9, 4,
        5, -3, 1, 6, 2,
    ];

    // targets from a mixed-sign matrix of the same pattern: consistent (Σ rows = Σ columns) and reachable
    private static readonly double[] RowTargets = [21, 19, 25, 12];
    private static readonly double[] ColumnTargets = [20, 12, 13, 17, 15];

    [Fact]
    public void Gras_matches_a_slow_bisection_of_each_factor_on_a_mixed_sign_matrix()
    {
        var fast = (double[])Prior.Clone();
        var result = Gras.Fit(fast, 4, 5, RowTargets, ColumnTargets);
        Assert.True(result.Converged, result.ToString());
        var slow = SlowGras(Prior, 4, 5, RowTargets, ColumnTargets, sweeps: 3000);
        for (var k = 0; k < fast.Length; k++) Assert.Equal(slow[k], fast[k], 1e-7);
    }

    [Fact]
    public void Gras_meets_row_and_column_targets_and_keeps_every_sign_and_zero()
    {
        var m = (double[])Prior.Clone();
        Gras.Fit(m, 4, 5, RowTargets, ColumnTargets);
        for (var i = 0; i < 4; i++) Assert.Equal(RowTargets[i], Enumerable.Range(0, 5).Sum(j => m[i * 5 + j]), 1e-9);
        for (var j = 0; j < 5; j++) Assert.Equal(ColumnTargets[j], Enumerable.Range(0, 4).Sum(i => m[i * 5 + j]), 1e-9);
        for (var k = 0; k < m.Length; k++) Assert.Equal(Math.Sign(Prior[k]), Math.Sign(m[k]));
    }

    [Fact]
    public void Gras_recovers_the_biproportional_matrix_a_positive_prior_was_scaled_into()
    {
        double[] a = [1, 2, 3, 4, 5, 6], r = [2, 0.5], s = [1, 3, 0.25];
        var truth = new double[6];
        for (var i = 0; i < 2; i++)
            for (var j = 0; j < 3; j++) truth[i * 3 + j] = r[i] * a[i * 3 + j] * s[j];
        var m = (double[])a.Clone();
        Gras.Fit(m, 2, 3, [truth[0] + truth[1] + truth[2], truth[3] + truth[4] + truth[5]], [truth[0] + truth[3], truth[1] + truth[4], truth[2] + truth[5]]);
        for (var k = 0; k < 6; k++) Assert.Equal(truth[k], m[k], 1e-9);
    }

    [Fact]
    public void A_free_side_is_left_alone_and_a_line_without_prior_cells_is_reported_infeasible()
    {
        double[] m = [1, -1, 2, 0, 0, 0];
        var result = Gras.Fit(m, 2, 3, [4, 5], [double.NaN, double.NaN, double.NaN]);
        Assert.Equal(1, result.InfeasibleLines);                  // row 2 has no cell to scale
        Assert.Equal(4, m[0] + m[1] + m[2], 1e-12);               // row 1: r·(1 + 2) − 1/r = 4 → r = (4 + √28)/6
        var r = (4 + Math.Sqrt(28)) / 6;
        Assert.Equal(-1 / r, m[1], 1e-12);
        Assert.Equal([0, 0, 0], m[3..]);
    }

    [Fact]
    public void Options_reject_values_outside_their_range()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new GrasOptions { Tolerance = 0 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new GrasOptions { MaxIterations = 0 });
    }

    /// <summary>The obvious method: alternate columns and rows, each factor found by bisection of its (monotone) line sum.</summary>
    private static double[] SlowGras(double[] a, int rows, int cols, double[] u, double[] v, int sweeps)
    {
        var r = Enumerable.Repeat(1.0, rows).ToArray();
        var s = Enumerable.Repeat(1.0, cols).ToArray();
        double Cell(int i, int j) => a[i * cols + j] >= 0 ? r[i] * a[i * cols + j] * s[j] : a[i * cols + j] / (r[i] * s[j]);
        for (var sweep = 0; sweep < sweeps; sweep++)
        {
            for (var j = 0; j < cols; j++)
                s[j] = Bisect(x => { var keep = s[j]; s[j] = x; var sum = Enumerable.Range(0, rows).Sum(i => Cell(i, j)); s[j] = keep; return sum; }, v[j]);
            for (var i = 0; i < rows; i++)
                r[i] = Bisect(x => { var keep = r[i]; r[i] = x; var sum = Enumerable.Range(0, cols).Sum(j => Cell(i, j)); r[i] = keep; return sum; }, u[i]);
        }
        var result = new double[a.Length];
        for (var i = 0; i < rows; i++)
            for (var j = 0; j < cols; j++) result[i * cols + j] = Cell(i, j);
        return result;
    }

    private static double Bisect(Func<double, double> sum, double target)
    {
        double lo = 1e-9, hi = 1e9;
        for (var k = 0; k < 200; k++)
        {
            var mid = Math.Sqrt(lo * hi);
            if (sum(mid) < target) lo = mid; else hi = mid;
        }
        return Math.Sqrt(lo * hi);
    }
}
