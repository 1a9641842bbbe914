using Parley.Negotiation.Uncertainty;
using Xunit;

namespace Parley.Tests.Negotiation.Uncertainty;

/// <summary>The sampler of docs/models/uncertainty.md (U-1)–(U-3): moments, truncation, reproducibility.</summary>
public class DrawSamplerTests
{
    private static UncertainInput Input(string name, Distribution d) => new(UncertainInputKind.Weight, name, ["USA", name], d, "test");

    private static double[][] Draws(DrawSampler s, int n) => Enumerable.Range(0, n).Select(s.Draw).ToArray();

    [Fact]
    public void Draws_of_every_distribution_have_its_mean_and_variance_within_sampling_error()
    {
        // 20,000 draws: the sample mean is within 4 standard errors σ/√N of the mean, the sample variance within 6% of σ²
        // (its relative standard error is about √(2/N) ≈ 1% for the normal, a few % for the skewed lognormal).
        Distribution[] ds =
        [
            Distribution.Normal(5, 2, -100, 100), Distribution.LogNormal(3, 1, 0, 1000),
            Distribution.Uniform(1, 4), Distribution.Triangular(0, 1, 4),
        ];
        var sampler = new DrawSampler(ds.Select((d, k) => Input("x" + k, d)).ToArray(), 2025);
        const int N = 20_000;
        var draws = Draws(sampler, N);
        for (var k = 0; k < ds.Length; k++)
        {
            var x = draws.Select(d => d[k]).ToArray();
            var mean = x.Average();
            var variance = x.Sum(v => (v - mean) * (v - mean)) / (N - 1);
            Assert.True(Math.Abs(mean - ds[k].Mean) < 4 * ds[k].StandardDeviation / Math.Sqrt(N), $"{ds[k].Describe()}: mean {mean}");
            Assert.True(Math.Abs(variance / (ds[k].StandardDeviation * ds[k].StandardDeviation) - 1) < 0.06, $"{ds[k].Describe()}: variance {variance}");
            Assert.All(x, v => Assert.InRange(v, ds[k].Lower, ds[k].Upper));
        }
    }

    [Fact]
    public void A_truncated_normal_has_the_closed_form_truncated_mean_and_stays_in_bounds()
    {
        // E[X | a ≤ X ≤ b] = μ + σ (φ(α) − φ(β)) / (Φ(β) − Φ(α)), α = (a − μ)/σ, β = (b − μ)/σ; here the CP (2015) Machinery
        // estimate 1.45 (se 2.80, data/trade-elasticity-se) truncated to [0.5, 7.05], as the published draws do.
        var d = Distribution.Normal(1.45, 2.80, 0.5, 7.05);
        double alpha = (0.5 - 1.45) / 2.80, beta = (7.05 - 1.45) / 2.80;
        static double Phi(double z) => 0.5 * (1 + Erf(z / Math.Sqrt(2)));
        static double Erf(double x) // slow obvious oracle: midpoint rule on 2/√π ∫ e^{−t²} dt
        {
            const int Steps = 200_000;
            double h = x / Steps, sum = 0;
            for (var i = 0; i < Steps; i++) { var t = (i + 0.5) * h; sum += Math.Exp(-t * t); }
            return 2 / Math.Sqrt(Math.PI) * sum * h;
        }
        static double Density(double z) => Math.Exp(-z * z / 2) / Math.Sqrt(2 * Math.PI);
        var expected = 1.45 + 2.80 * (Density(alpha) - Density(beta)) / (Phi(beta) - Phi(alpha));
        var x = Draws(new DrawSampler([Input("theta", d)], 3), 20_000).Select(v => v[0]).ToArray();
        Assert.All(x, v => Assert.InRange(v, 0.5, 7.05));
        Assert.InRange(x.Average(), expected - 0.05, expected + 0.05); // sd of the truncated law ≈ 1.62, so 4 se ≈ 0.046
        Assert.InRange(d.MassInBounds, Phi(beta) - Phi(alpha) - 1e-9, Phi(beta) - Phi(alpha) + 1e-9);
    }

    [Fact]
    public void The_same_seed_gives_the_same_draws_in_any_order_and_another_seed_different_ones()
    {
        var inputs = new[] { Input("a", Distribution.Uniform(0, 1)), Input("b", Distribution.Normal(0, 1, -5, 5)) };
        var s = new DrawSampler(inputs, 42);
        var forward = Enumerable.Range(0, 50).Select(s.Draw).ToArray();
        var backward = Enumerable.Range(0, 50).Reverse().Select(new DrawSampler(inputs, 42).Draw).Reverse().ToArray();
        Assert.Equal(forward.SelectMany(x => x), backward.SelectMany(x => x));
        var other = Enumerable.Range(0, 50).Select(new DrawSampler(inputs, 43).Draw).ToArray();
        Assert.NotEqual(forward.SelectMany(x => x), other.SelectMany(x => x));
        // adding an input at the end leaves the earlier inputs' draws unchanged
        var longer = new DrawSampler([.. inputs, Input("c", Distribution.Uniform(5, 6))], 42);
        Assert.Equal(forward[7], longer.Draw(7)[..2]);
    }
}
