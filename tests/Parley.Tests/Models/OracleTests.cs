using Parley.Data;
using Parley.Models.OneSector;
using Parley.Models.OneSector.Internals;
using Xunit;

namespace Parley.Tests.Models;

/// <summary>
/// The fast solver (analytic Jacobian, blocked LU, chord reuse, scaled residuals) against a slow, obvious method written
/// here from the spec's equations alone: unscaled residuals, finite-difference Jacobian, textbook Gaussian elimination.
/// </summary>
public class OracleTests
{
    internal static (Economy E, double[] T) RandomEconomy(int seed, int n)
    {
        var rng = new Random(seed);
        var codes = Enumerable.Range(0, n).Select(k => new Country(k, $"C{k:D2}", $"Country {k}")).ToArray();
        var flows = new double[n * n];
        for (var i = 0; i < n; i++)
            for (var j = 0; j < n; j++)
                flows[i * n + j] = i == j ? 50 + 200 * rng.NextDouble() : 1 + 30 * rng.NextDouble();
        var nu = Enumerable.Range(0, n).Select(_ => 0.05 + 0.25 * rng.NextDouble()).ToArray();
        var p = new OneSectorParameters();
        var e = Calibration.FromFlows("random", new CountrySet(codes), flows, nu, Calibration.PassThrough(nu, p), 1.0, Numeraire.WorldPriceIndex);
        var t = new double[n * n];
        for (var i = 0; i < n; i++)
            for (var j = 0; j < n; j++)
                if (i != j) t[i * n + j] = 0.5 * rng.NextDouble();
        return (e, t);
    }

    /// <summary>Spec §3 residuals, unscaled, written as plainly as possible.</summary>
    private static double[] ObviousResidual(Economy e, double[] t, OneSectorParameters p, double[] z)
    {
        int n = e.N;
        double eps = p.TradeElasticity, psi = p.ScaleElasticity, kappa = p.LaborSupplyElasticity;
        var w = z[..n]; var eh = z[n..(2 * n)]; var l = z[(2 * n)..];
        var lam = new double[n, n]; var xp = new double[n, n];
        var price = new double[n]; var rev = new double[n]; var yp = new double[n]; var ep = new double[n];
        for (var j = 0; j < n; j++)
        {
            double s = 0;
            for (var i = 0; i < n; i++)
            {
                lam[i, j] = e.Shares[i * n + j] * Math.Pow(w[i] * Math.Pow(l[i], -psi), -eps) * Math.Pow(1 + t[i * n + j], -eps * e.PassThrough[j]);
                s += lam[i, j];
            }
            for (var i = 0; i < n; i++) lam[i, j] /= s;
            price[j] = Math.Pow(eh[j] / w[j], 1 - e.PassThrough[j]) * Math.Pow(s, -1 / eps);
            ep[j] = eh[j] * e.Absorption[j];
            for (var i = 0; i < n; i++)
            {
                xp[i, j] = lam[i, j] * ep[j] / (1 + t[i * n + j]);
                rev[j] += lam[i, j] * ep[j] * t[i * n + j] / (1 + t[i * n + j]);
            }
        }
        for (var i = 0; i < n; i++) yp[i] = w[i] * l[i] * e.Income[i];
        var g = yp.Sum() / e.Income.Sum();
        var f = new double[3 * n];
        for (var i = 0; i < n; i++)
        {
            double sales = 0, purchases = 0;
            for (var j = 0; j < n; j++) { sales += (1 - e.DestinationShare[j]) * xp[i, j]; purchases += xp[j, i]; }
            f[i] = sales + e.DestinationShare[i] * purchases - yp[i];
            f[n + i] = rev[i] + yp[i] + e.Transfers[i] * g - ep[i];
            var tau = p.Recycling == RevenueRecycling.IncomeTaxRelief ? rev[i] / yp[i] : 0;
            f[2 * n + i] = l[i] - Math.Pow(w[i] / (1 - tau) / price[i], kappa);
        }
        f[n - 1] = Enumerable.Range(0, n).Sum(j => (price[j] - 1) * e.Absorption[j]) / n;
        return f;
    }

    private static double[] ObviousNewton(Func<double[], double[]> residual, int size)
    {
        var z = Enumerable.Repeat(1.0, size).ToArray();
        for (var iter = 0; iter < 100; iter++)
        {
            var f = residual(z);
            if (f.Max(Math.Abs) < 1e-11) return z;
            var a = new double[size, size + 1];
            for (var k = 0; k < size; k++)
            {
                var h = 1e-7 * Math.Max(1, Math.Abs(z[k]));
                var zp = (double[])z.Clone(); zp[k] += h;
                var zm = (double[])z.Clone(); zm[k] -= h;
                var fp = residual(zp); var fm = residual(zm);
                for (var i = 0; i < size; i++) a[i, k] = (fp[i] - fm[i]) / (2 * h);
            }
            for (var i = 0; i < size; i++) a[i, size] = -f[i];
            for (var c = 0; c < size; c++)
            {
                var piv = Enumerable.Range(c, size - c).MaxBy(r => Math.Abs(a[r, c]));
                for (var k = 0; k <= size; k++) (a[c, k], a[piv, k]) = (a[piv, k], a[c, k]);
                for (var r = c + 1; r < size; r++)
                {
                    var m = a[r, c] / a[c, c];
                    for (var k = c; k <= size; k++) a[r, k] -= m * a[c, k];
                }
            }
            var dz = new double[size];
            for (var i = size - 1; i >= 0; i--)
            {
                var s = a[i, size];
                for (var k = i + 1; k < size; k++) s -= a[i, k] * dz[k];
                dz[i] = s / a[i, i];
            }
            var step = 1.0;
            var norm = f.Sum(x => x * x);
            while (step > 1e-6)
            {
                var trial = z.Select((v, k) => v + step * dz[k]).ToArray();
                if (trial.All(v => v > 0) && residual(trial).Sum(x => x * x) < norm) { z = trial; break; }
                step /= 2;
            }
        }
        throw new InvalidOperationException("oracle did not converge");
    }

    [Theory]
    [InlineData(1, 5, false)]
    [InlineData(2, 8, false)]
    [InlineData(3, 12, true)]
    [InlineData(4, 7, true)]
    public void Fast_solver_matches_obvious_Newton_on_random_economies(int seed, int n, bool lumpSum)
    {
        var (e, t) = RandomEconomy(seed, n);
        var p = new OneSectorParameters { Recycling = lumpSum ? RevenueRecycling.LumpSumRebate : RevenueRecycling.IncomeTaxRelief };
        var fast = EquilibriumSolver.Solve("random", e, t, p);
        var oracle = ObviousNewton(z => ObviousResidual(e, t, p, z), 3 * n);
        for (var i = 0; i < n; i++)
        {
            Assert.Equal(oracle[i], fast.Equilibrium.Wage[i], 1e-8);
            Assert.Equal(oracle[n + i], fast.Equilibrium.Spending[i], 1e-8);
            Assert.Equal(oracle[2 * n + i], fast.Equilibrium.Employment[i], 1e-8);
        }
    }

    [Fact]
    public void Analytic_Jacobian_equals_central_differences()
    {
        var (e, t) = RandomEconomy(7, 9);
        var p = new OneSectorParameters();
        var system = new BaselineSystem(e, t, p, e.Countries.Countries.Select(c => c.Iso3).ToArray());
        var m = system.Size;
        var rng = new Random(11);
        var z = Enumerable.Range(0, m).Select(_ => 0.9 + 0.2 * rng.NextDouble()).ToArray();
        var jac = new double[m * m];
        system.Jacobian(z, jac);
        var fp = new double[m]; var fm = new double[m];
        for (var k = 0; k < m; k++)
        {
            var h = 1e-6;
            var zp = (double[])z.Clone(); zp[k] += h;
            var zm = (double[])z.Clone(); zm[k] -= h;
            system.Residual(zp, fp);
            system.Residual(zm, fm);
            for (var i = 0; i < m; i++)
            {
                var numeric = (fp[i] - fm[i]) / (2 * h);
                Assert.True(Math.Abs(numeric - jac[i * m + k]) <= 1e-7 * Math.Max(1, Math.Abs(numeric)),
                    $"d{system.EquationName(i)}/dz[{k}]: analytic {jac[i * m + k]}, numeric {numeric}");
            }
        }
    }
}
