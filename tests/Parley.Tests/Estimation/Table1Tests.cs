using Parley.Gravity;
using System.Globalization;
using Parley.Models.Estimation;
using Xunit;

namespace Parley.Tests.Estimation;

public sealed class Table1Fixture
{
    public IReadOnlyList<RegressionResult> Results { get; } =
        EstimationFile.Read(Path.Combine(AppContext.BaseDirectory, "examples", "yotov-table1.yaml")).Columns.Select(c => GravityEstimator.Estimate(c)).ToArray();
}

public class Table1Tests(Table1Fixture fixture) : IClassFixture<Table1Fixture>
{
    [Fact]
    public void Table1_OLS_columns_match_published_coefficients_and_standard_errors_to_the_printed_precision()
    {
        // Published values have 3 decimals: tolerance half a unit of the last digit (0.0005).
        static string Column(string specification) => specification.StartsWith("T1_col1", StringComparison.Ordinal) ? "1"
            : specification.StartsWith("T1_col2", StringComparison.Ordinal) ? "2" : "3";
        var rows = File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Reference", "yotov2016_table1_ols.csv")).Skip(1)
            .Select(l => System.Text.RegularExpressions.Regex.Split(l, ",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)")).ToArray();
        Assert.Equal(20, rows.Length);
        foreach (var r in rows)
        {
            var column = fixture.Results.Single(x => x.Name == Column(r[1]));
            var c = column[r[2]];
            double coef = double.Parse(r[3], CultureInfo.InvariantCulture), se = double.Parse(r[4], CultureInfo.InvariantCulture);
            Assert.True(Math.Abs(c.Estimate - coef) <= 0.0005 + 1e-9, $"col {column.Name} {r[2]}: {c.Estimate} vs {coef}");
            Assert.True(Math.Abs(c.StdError - se) <= 0.0005 + 1e-9, $"col {column.Name} {r[2]} SE: {c.StdError} vs {se}");
            Assert.Equal(int.Parse(r[6], CultureInfo.InvariantCulture), column.Observations);
        }
    }

    [Fact]
    public void Table1_PPML_column_uses_all_28152_international_flows_and_converges()
    {
        var ppml = fixture.Results.Single(x => x.Name == "4");
        Assert.Equal(28_152, ppml.Observations);
        Assert.Equal(0, ppml.DroppedSeparated);
        Assert.Equal(0, ppml.DroppedSingletons);
        Assert.True(ppml.Converged);
        Assert.Contains("G/(G−1)", ppml.VceDescription);
    }

    [Fact]
    public void Table1_PPML_coefficients_and_clustered_SEs_equal_the_explicit_dummy_oracle()
    {
        // Oracle: 414 exporter-year and 408 importer-year dummies, fixed effects by proportional fitting, the 826 × 826
        // information matrix solved densely (PoissonDummyOracle). One Newton step from Parley's β moves it by |Δβ|,
        // which bounds Parley's error; SEs (pair-clustered, q = G/(G−1)) agree to 1e-6 relative.
        var input = EstimationFile.Read(Path.Combine(AppContext.BaseDirectory, "examples", "yotov-table1.yaml")).Columns.Single(c => c.Name == "4");
        var ppml = fixture.Results.Single(x => x.Name == "4");
        Assert.Equal(input.Y.Length, ppml.Observations); // nothing dropped, so the oracle sees the same rows
        var oracle = new PoissonDummyOracle(input.Y, input.Regressors.Select(r => r.Values).ToArray(), input.FixedEffects[0].Ids, input.FixedEffects[1].Ids);
        Assert.Equal(4 + 414 + 408, oracle.Parameters);
        var beta = input.Regressors.Select(r => ppml[r.Name].Estimate).ToArray();
        var (newton, se) = oracle.NewtonStepAndClusteredSe(beta, input.Clusters[0]);
        for (var r = 0; r < beta.Length; r++)
        {
            var name = input.Regressors[r].Name;
            Assert.True(Math.Abs(newton[r] - beta[r]) <= 1e-7, $"{name}: Parley {beta[r]}, oracle {newton[r]}");
            Assert.True(Math.Abs(se[r] - ppml[name].StdError) <= 1e-6 * se[r], $"{name} SE: Parley {ppml[name].StdError}, oracle {se[r]}");
        }
    }
}

/// <summary>PPML with fixed effects against a slow, obvious Poisson GLM with explicit dummy variables.</summary>
public class PpmlOracleTests
{
    private static (RegressionInput Input, double[] Y, double[][] X, int[] Exp, int[] Imp, int Countries) Panel(int seed, int countries, int years)
    {
        var rng = new Random(seed);
        var y = new List<double>(); var d = new List<double>(); var c = new List<double>();
        var ex = new List<int>(); var im = new List<int>(); var pair = new List<int>();
        var size = Enumerable.Range(0, countries * years).Select(_ => rng.NextDouble() * 2).ToArray();
        for (var t = 0; t < years; t++)
            for (var i = 0; i < countries; i++)
                for (var j = 0; j < countries; j++)
                {
                    if (i == j) continue;
                    var dist = Math.Log(100 + 1000 * rng.NextDouble());
                    var cont = rng.NextDouble() < 0.2 ? 1 : 0;
                    var mu = Math.Exp(2 + size[t * countries + i] + size[t * countries + j] - 0.9 * dist + 0.5 * cont);
                    y.Add(rng.NextDouble() < 0.1 ? 0 : mu * (0.5 + rng.NextDouble()));
                    d.Add(dist); c.Add(cont);
                    ex.Add(t * countries + i); im.Add(t * countries + j); pair.Add(Math.Min(i, j) * countries + Math.Max(i, j));
                }
        var input = new RegressionInput("oracle", EstimationMethod.Ppml, y.ToArray(), [("dist", d.ToArray()), ("cont", c.ToArray())],
            [("exporter-year", ex.ToArray()), ("importer-year", im.ToArray())], [pair.ToArray()], false, SingletonPolicy.Error, VceConvention.Stata, "synthetic",
            Enumerable.Range(2, y.Count).ToArray());
        return (input, y.ToArray(), [d.ToArray(), c.ToArray()], ex.ToArray(), im.ToArray(), countries * years);
    }

    /// <summary>Newton–Raphson on the full Poisson likelihood with one dummy per exporter-year and importer-year
    /// (one importer-year dummy per year dropped), solved with dense Gaussian elimination.</summary>
    private static double[] DummyPoisson(double[] y, double[][] x, int[] ex, int[] im, int levels, int countries)
    {
        var n = y.Length;
        var cols = new List<double[]>(x);
        for (var l = 0; l < levels; l++) cols.Add(ex.Select(e => e == l ? 1.0 : 0.0).ToArray());
        // Exporter-year and importer-year dummies of the same year both sum to the year indicator: drop one importer per year.
        for (var l = 0; l < levels; l++) if (l % countries != 0) cols.Add(im.Select(e => e == l ? 1.0 : 0.0).ToArray());
        var p = cols.Count;
        var b = new double[p];
        var ybar = y.Average();
        b[x.Length] = Math.Log(ybar);
        for (var iter = 0; iter < 200; iter++)
        {
            var mu = new double[n];
            for (var k = 0; k < n; k++) { double e = 0; for (var i = 0; i < p; i++) e += cols[i][k] * b[i]; mu[k] = Math.Exp(e); }
            var a = new double[p, p + 1];
            for (var i = 0; i < p; i++)
            {
                for (var j = 0; j <= i; j++) { double s = 0; for (var k = 0; k < n; k++) s += cols[i][k] * cols[j][k] * mu[k]; a[i, j] = a[j, i] = s; }
                double g = 0; for (var k = 0; k < n; k++) g += cols[i][k] * (y[k] - mu[k]); a[i, p] = g;
            }
            for (var c = 0; c < p; c++)
            {
                var piv = c; for (var r = c + 1; r < p; r++) if (Math.Abs(a[r, c]) > Math.Abs(a[piv, c])) piv = r;
                for (var j = 0; j <= p; j++) (a[c, j], a[piv, j]) = (a[piv, j], a[c, j]);
                for (var r = c + 1; r < p; r++) { var f = a[r, c] / a[c, c]; for (var j = c; j <= p; j++) a[r, j] -= f * a[c, j]; }
            }
            var step = new double[p];
            for (var i = p - 1; i >= 0; i--) { var s = a[i, p]; for (var j = i + 1; j < p; j++) s -= a[i, j] * step[j]; step[i] = s / a[i, i]; }
            var largest = step.Max(Math.Abs);
            var scale = largest > 1 ? 1 / largest : 1; // damped Newton: no coordinate moves more than 1 log point per step
            for (var i = 0; i < p; i++) b[i] += scale * step[i];
            if (step.Max(Math.Abs) < 1e-13) break;
        }
        return b[..x.Length];
    }

    [Theory]
    [InlineData(1, 6, 2)]
    [InlineData(2, 8, 1)]
    [InlineData(3, 5, 3)]
    public void PPML_with_fixed_effects_equals_Poisson_GLM_with_dummies_coefficients_to_1e8_and_SEs_to_1e7(int seed, int countries, int years)
    {
        var (input, y, x, ex, im, levels) = Panel(seed, countries, years);
        var fast = GravityEstimator.Estimate(input);
        var oracle = DummyPoisson(y, x, ex, im, levels, countries);
        Assert.Equal(oracle[0], fast["dist"].Estimate, 1e-8);
        Assert.Equal(oracle[1], fast["cont"].Estimate, 1e-8);
        // Standard errors (pair-clustered, q = G/(G−1)) from the full dummy design's sandwich at the oracle's β.
        var (_, se) = new PoissonDummyOracle(y, x, ex, im).NewtonStepAndClusteredSe(oracle, input.Clusters[0]);
        Assert.Equal(se[0], fast["dist"].StdError, 1e-7 * se[0]);
        Assert.Equal(se[1], fast["cont"].StdError, 1e-7 * se[1]);
    }
}
