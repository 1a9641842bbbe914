using Parley.Data.Build;
using Parley.Models.Estimation;
using Xunit;

namespace Parley.Tests.Estimation;

/// <summary>
/// Caliendo &amp; Parro's triad estimator (docs/models/uncertainty.md (U-15)–(U-17)) against the slow obvious method:
/// CP's own loop over importer-first matrices (their CP_stat.m, re-expressed here), the slope through the origin from
/// sums, Stata's robust variance with q = N/(N−1), and for the variant with economy dummies dense normal equations
/// solved by Gauss–Jordan elimination.
/// </summary>
public class TradeElasticityTriadsTests
{
    private static ElasticitySector Sector(int n, double theta, double noise, bool dropLowest = false, int seed = 7)
    {
        var rng = new Random(seed);
        var e = Enumerable.Range(0, n).Select(_ => rng.NextDouble() * 3).ToArray();
        var m = Enumerable.Range(0, n).Select(_ => rng.NextDouble() * 3).ToArray();
        var pair = new double[n, n];
        for (var a = 0; a < n; a++)
            for (var b = a + 1; b < n; b++) pair[a, b] = pair[b, a] = rng.NextDouble();
        var trade = new double[n * n];
        var tariff = new double[n * n];
        for (var a = 0; a < n; a++)
            for (var b = 0; b < n; b++)
            {
                tariff[a * n + b] = a == b ? 1 : 1 + 0.3 * rng.NextDouble();
                var eps = noise * (rng.NextDouble() - 0.5);
                trade[a * n + b] = Math.Exp(e[a] + m[b] + pair[a, b] + eps) * Math.Pow(tariff[a * n + b], -theta);
            }
        var names = Enumerable.Range(0, n).Select(i => "C" + i).ToArray();
        return new ElasticitySector(1, "Test", names, trade, tariff, dropLowest);
    }

    // CP_stat.m: A(r, c) is importer r's purchases from exporter c; for i < j < n the statistic is
    // A(i,j) A(j,n) A(n,i) / (A(j,i) A(n,j) A(i,n)).
    private static List<(double Y, double X)> CpLoop(ElasticitySector s)
    {
        var n = s.Countries.Count;
        double A(double[] v, int importer, int exporter) => v[exporter * n + importer];
        var list = new List<(double, double)>();
        for (var i = 0; i < n - 2; i++)
            for (var j = i + 1; j < n - 1; j++)
                for (var k = j + 1; k < n; k++)
                {
                    double R(double[] v) => A(v, i, j) * A(v, j, k) * A(v, k, i) / (A(v, j, i) * A(v, k, j) * A(v, i, k));
                    list.Add((Math.Log(R(s.Trade)), Math.Log(R(s.Tariff))));
                }
        return list;
    }

    [Fact]
    public void Theta_and_its_robust_standard_error_match_the_sums_of_a_slope_through_the_origin()
    {
        var s = Sector(9, 5.0, noise: 0.8);
        var obs = CpLoop(s);
        double sxx = obs.Sum(o => o.X * o.X), beta = obs.Sum(o => o.X * o.Y) / sxx;
        var meat = obs.Sum(o => Math.Pow(o.X * (o.Y - beta * o.X), 2));
        var n = obs.Count;
        var se = Math.Sqrt(n / (n - 1.0) * meat) / sxx; // Stata regress, nocons robust
        var est = TradeElasticityTriads.Estimate(s);
        Assert.Equal((84, 84), (est.Triads, est.Observations));
        Assert.Equal(-beta, est.Theta, 10);
        Assert.Equal(se, est.StdError, 10);
        Assert.True(Math.Abs(est.Theta - 5.0) < 3 * est.StdError, $"θ̂ {est.Theta} ± {est.StdError} should cover 5");
    }

    [Fact]
    public void The_variant_with_economy_dummies_matches_dense_normal_equations()
    {
        var s = Sector(8, 3.0, noise: 1.2, seed: 11);
        var obs = TradeElasticityTriads.Observations(s).Triads;
        var z = obs.Select(t => new[] { t.X }.Concat(Enumerable.Range(0, 8).Select(c => c == t.I || c == t.J || c == t.N ? 1.0 : 0.0)).ToArray()).ToArray();
        var p = z[0].Length;
        var zz = new double[p, p];
        var zy = new double[p];
        for (var r = 0; r < z.Length; r++)
            for (var a = 0; a < p; a++)
            {
                zy[a] += z[r][a] * obs[r].Y;
                for (var b = 0; b < p; b++) zz[a, b] += z[r][a] * z[r][b];
            }
        var inv = GaussJordanInverse(zz);
        var beta = Enumerable.Range(0, p).Select(a => Enumerable.Range(0, p).Sum(b => inv[a, b] * zy[b])).ToArray();
        double meat00 = 0;
        var meat = new double[p, p];
        for (var r = 0; r < z.Length; r++)
        {
            var u = obs[r].Y - Enumerable.Range(0, p).Sum(a => z[r][a] * beta[a]);
            for (var a = 0; a < p; a++)
                for (var b = 0; b < p; b++) meat[a, b] += z[r][a] * z[r][b] * u * u;
        }
        for (var a = 0; a < p; a++)
            for (var b = 0; b < p; b++) meat00 += inv[0, a] * meat[a, b] * inv[b, 0];
        var n = z.Length;
        var est = TradeElasticityTriads.Estimate(s);
        Assert.Equal(-beta[0], est.ThetaWithEffects, 9);
        Assert.Equal(Math.Sqrt(n / (double)(n - p) * meat00), est.StdErrorWithEffects, 9);
        Assert.NotEqual(est.Theta, est.ThetaWithEffects, 6); // the dummies matter once there is noise
    }

    [Fact]
    public void Triads_come_in_cps_order_skip_links_without_trade_and_drop_the_lowest_tariff_ratio_on_request()
    {
        var s = Sector(6, 4.0, noise: 0.5);
        var all = TradeElasticityTriads.Observations(s).Triads;
        Assert.Equal(CpLoop(s).Select(o => (o.Y, o.X)), all.Select(t => (t.Y, t.X)));
        Assert.Equal((0, 1, 2), (all[0].I, all[0].J, all[0].N));
        Assert.Equal((3, 4, 5), (all[^1].I, all[^1].J, all[^1].N));
        s.Trade[4 * 6 + 1] = 0; // no sales from C4 to C1: the four triads with C1 and C4 have no statistic
        Assert.Equal(16, TradeElasticityTriads.Observations(s).Triads.Count);
        var dropped = TradeElasticityTriads.Observations(s with { DropLowestTariffRatio = true });
        Assert.Equal((15, 1), (dropped.Triads.Count, dropped.Outliers));
        var lowest = TradeElasticityTriads.Observations(s).Triads.MinBy(t => t.X);
        Assert.DoesNotContain(lowest, dropped.Triads);
    }

    [Fact]
    public void A_sector_with_fewer_usable_triads_than_parameters_is_refused_by_name()
    {
        var e = Assert.Throws<ParleyInputException>(() => TradeElasticityTriads.Estimate(Sector(4, 4.0, noise: 0.1)));
        Assert.Contains("CP sector 1 (Test)", e.Message);
        Assert.Equal("triads", e.Field);
    }

    private static double[,] GaussJordanInverse(double[,] m)
    {
        var p = m.GetLength(0);
        var a = new double[p, 2 * p];
        for (var i = 0; i < p; i++) { for (var j = 0; j < p; j++) a[i, j] = m[i, j]; a[i, p + i] = 1; }
        for (var c = 0; c < p; c++)
        {
            var piv = Enumerable.Range(c, p - c).MaxBy(r => Math.Abs(a[r, c]));
            for (var j = 0; j < 2 * p; j++) (a[c, j], a[piv, j]) = (a[piv, j], a[c, j]);
            var d = a[c, c];
            for (var j = 0; j < 2 * p; j++) a[c, j] /= d;
            for (var r = 0; r < p; r++)
                if (r != c) { var f = a[r, c]; for (var j = 0; j < 2 * p; j++) a[r, j] -= f * a[c, j]; }
        }
        var inv = new double[p, p];
        for (var i = 0; i < p; i++) for (var j = 0; j < p; j++) inv[i, j] = a[i, p + j];
        return inv;
    }
}
