using Parley.Models.Estimation;
using Parley.Models.Estimation.Internals;
using Xunit;
using Xunit.Abstractions;

namespace Parley.Tests.Estimation;

/// <summary>Irons–Tuck acceleration of the fixed-effect demeaning (docs/models/ppml-hdfe.md (P-6a)–(P-6b)) against the
/// plain alternating projections (P-6) it accelerates: same projection, fewer sweeps.</summary>
public class AcceleratedDemeaningTests(ITestOutputHelper output)
{
    /// <summary>An unbalanced three-way panel (exporter-year, importer-year, pair) with a third of the pairs missing, so the
    /// dimensions are strongly correlated and the plain sweeps converge slowly.</summary>
    private static (int[][] Ids, int[] Levels, double[][] Columns, double[] Weights) Panel(int countries, int years, int seed)
    {
        var rng = new Random(seed);
        var ex = new List<int>(); var im = new List<int>(); var pair = new List<int>();
        for (var t = 0; t < years; t++)
            for (var i = 0; i < countries; i++)
                for (var j = 0; j < countries; j++)
                    if (i != j && (i * 7 + j * 3) % 3 != 0 && rng.NextDouble() < 0.8)
                    {
                        ex.Add(t * countries + i); im.Add(t * countries + j); pair.Add(i * countries + j);
                    }
        var n = ex.Count;
        int[][] raw = [ex.ToArray(), im.ToArray(), pair.ToArray()];
        var ids = raw.Select(Dense).ToArray();
        var columns = Enumerable.Range(0, 3).Select(_ => Enumerable.Range(0, n).Select(k => rng.NextDouble() * 10 + ids[0][k] % 5).ToArray()).ToArray();
        var weights = Enumerable.Range(0, n).Select(_ => Math.Exp(3 * rng.NextDouble())).ToArray();
        return (ids, ids.Select(d => d.Max() + 1).ToArray(), columns, weights);
    }

    private static int[] Dense(int[] raw)
    {
        var map = new Dictionary<int, int>();
        return raw.Select(v => map.TryGetValue(v, out var id) ? id : map[v] = map.Count).ToArray();
    }

    [Theory]
    [InlineData(12, 3, 1)]
    [InlineData(20, 2, 7)]
    public void Irons_Tuck_demeaning_equals_plain_alternating_projections_to_1e_10_in_fewer_sweeps(int countries, int years, int seed)
    {
        var (ids, levels, columns, w) = Panel(countries, years, seed);
        var plain = columns.Select(c => (double[])c.Clone()).ToArray();
        var fast = columns.Select(c => (double[])c.Clone()).ToArray();
        var plainSweeps = new FixedEffects(ids, levels, 1_000_000, "plain") { Accelerate = false }.Demean(plain, w, 1e-14);
        var fastSweeps = new FixedEffects(ids, levels, 1_000_000, "accelerated").Demean(fast, w, 1e-14);
        for (var c = 0; c < columns.Length; c++)
            for (var k = 0; k < w.Length; k++)
                Assert.True(Math.Abs(plain[c][k] - fast[c][k]) <= 1e-10, $"column {c}, row {k}: {plain[c][k]} vs {fast[c][k]}");
        // A projection: demeaning the result again changes nothing, and every level's weighted mean is zero.
        for (var g = 0; g < ids.Length; g++)
        {
            var sums = new double[levels[g]];
            for (var k = 0; k < w.Length; k++) sums[ids[g][k]] += w[k] * fast[0][k];
            Assert.All(sums, s => Assert.True(Math.Abs(s) < 1e-8, $"level sum {s}"));
        }
        output.WriteLine($"{w.Length} rows: accelerated {fastSweeps} sweeps, plain {plainSweeps}");
        Assert.True(fastSweeps < plainSweeps, $"accelerated {fastSweeps} sweeps, plain {plainSweeps}");
    }

    [Fact]
    public void One_dimension_is_exact_in_one_sweep_with_or_without_acceleration()
    {
        var (ids, levels, columns, w) = Panel(10, 2, 3);
        foreach (var accelerate in new[] { false, true })
        {
            var cols = columns.Select(c => (double[])c.Clone()).ToArray();
            Assert.Equal(1, new FixedEffects([ids[2]], [levels[2]], 10, "one") { Accelerate = accelerate }.Demean(cols, w, 1e-14));
        }
    }

    [Fact]
    public void PPML_with_three_fixed_effects_gives_the_same_estimates_with_and_without_acceleration()
    {
        var (ids, _, columns, _) = Panel(14, 3, 5);
        var rng = new Random(11);
        var n = ids[0].Length;
        var x = columns[1].Select(v => v / 10).ToArray();
        var y = Enumerable.Range(0, n).Select(k => rng.NextDouble() < 0.15 ? 0 : Math.Exp(0.5 - 0.3 * x[k] + 0.01 * (ids[0][k] % 9)) * (0.5 + rng.NextDouble())).ToArray();
        var input = new RegressionInput("oracle", EstimationMethod.Ppml, y, [("x", x)], [("exporter-year", ids[0]), ("importer-year", ids[1]), ("pair", ids[2])],
            [ids[2]], false, SingletonPolicy.Drop, VceConvention.Stata, "synthetic", Enumerable.Range(2, n).ToArray());
        var plain = GravityEstimator.Estimate(input, new PpmlOptions { AccelerateDemeaning = false });
        var fast = GravityEstimator.Estimate(input);
        Assert.Equal(plain.Observations, fast.Observations);
        Assert.Equal(plain["x"].Estimate, fast["x"].Estimate, 1e-9);
        Assert.Equal(plain["x"].StdError, fast["x"].StdError, 1e-9);
        output.WriteLine($"PPML: accelerated {fast.InnerSweeps} sweeps over {fast.Iterations} iterations, plain {plain.InnerSweeps} over {plain.Iterations}");
        Assert.True(fast.InnerSweeps < plain.InnerSweeps, $"accelerated {fast.InnerSweeps} sweeps, plain {plain.InnerSweeps}");
    }
}
