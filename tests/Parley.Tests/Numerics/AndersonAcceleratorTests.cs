using Parley.Models.Numerics;
using Xunit;

namespace Parley.Tests.Numerics;

/// <summary>
/// Anderson acceleration against a textbook implementation written here (Walker and Ni 2011, Alg. AA: a list of the last
/// m differences, a restart that empties it), iterate by iterate, on a smooth nonlinear contraction.
/// </summary>
public class AndersonAcceleratorTests
{
    /// <summary>G(u)_i = 0.5 cos(u_i) + 0.2 Σ_k sin(u_k)/n + c_i; on the calls listed in <c>spikes</c> it returns u + 1e6,
    /// which makes the residual jump far above the best one and triggers a restart. Records every argument.</summary>
    private sealed class RecordingMap(int n, int[] spikes) : IFixedPointMap
    {
        public List<double[]> Calls { get; } = [];

        public int Size => n;

        public void Apply(ReadOnlySpan<double> u, Span<double> g)
        {
            Calls.Add(u.ToArray());
            double s = 0;
            for (var k = 0; k < n; k++) s += Math.Sin(u[k]);
            for (var i = 0; i < n; i++) g[i] = 0.5 * Math.Cos(u[i]) + 0.2 * s / n + 0.1 * (i + 1);
            if (spikes.Contains(Calls.Count))
                for (var i = 0; i < n; i++) g[i] = u[i] + 1e6;
        }

        public string ComponentName(int index) => $"u[{index}]";
    }

    /// <summary>The algorithm as written in the paper: history as a list, oldest dropped first, cleared on restart.</summary>
    private static List<double[]> TextbookIterates(IFixedPointMap map, double[] start, int m, double beta, double tol, int maxIter)
    {
        var n = map.Size;
        var u = (double[])start.Clone();
        var dF = new List<double[]>();
        var dG = new List<double[]>();
        double[]? fPrev = null, gPrev = null;
        var best = double.PositiveInfinity;
        var iterates = new List<double[]>();
        for (var it = 0; it < maxIter; it++)
        {
            iterates.Add((double[])u.Clone());
            var g = new double[n];
            map.Apply(u, g);
            var f = g.Select((v, i) => v - u[i]).ToArray();
            var norm = f.Max(Math.Abs);
            if (norm < tol) break;
            if (norm > 1e4 * best) { dF.Clear(); dG.Clear(); }
            best = Math.Min(best, norm);
            if (fPrev is not null)
            {
                dF.Add(f.Select((v, i) => v - fPrev[i]).ToArray());
                dG.Add(g.Select((v, i) => v - gPrev![i]).ToArray());
                if (dF.Count > m) { dF.RemoveAt(0); dG.RemoveAt(0); }
            }
            fPrev = f;
            gPrev = g;
            if (dF.Count == 0) { u = u.Select((v, i) => v + beta * f[i]).ToArray(); continue; }
            var k = dF.Count;
            var a = new double[k, k + 1];
            double trace = 0;
            for (var r = 0; r < k; r++)
            {
                for (var c = 0; c < k; c++) a[r, c] = dF[r].Zip(dF[c], (x, y) => x * y).Sum();
                a[r, k] = dF[r].Zip(f, (x, y) => x * y).Sum();
                trace += a[r, r];
            }
            for (var r = 0; r < k; r++) a[r, r] += 1e-12 * trace + 1e-300;
            var gamma = Gauss(a, k);
            u = Enumerable.Range(0, n).Select(i =>
            {
                double gs = 0, fs = 0;
                for (var r = 0; r < k; r++) { gs += gamma[r] * dG[r][i]; fs += gamma[r] * dF[r][i]; }
                return g[i] - gs - (1 - beta) * (f[i] - fs);
            }).ToArray();
        }
        return iterates;
    }

    private static double[] Gauss(double[,] a, int k)
    {
        for (var c = 0; c < k; c++)
        {
            var p = Enumerable.Range(c, k - c).MaxBy(r => Math.Abs(a[r, c]));
            for (var j = 0; j <= k; j++) (a[c, j], a[p, j]) = (a[p, j], a[c, j]);
            for (var r = c + 1; r < k; r++)
            {
                var l = a[r, c] / a[c, c];
                for (var j = c; j <= k; j++) a[r, j] -= l * a[c, j];
            }
        }
        var x = new double[k];
        for (var i = k - 1; i >= 0; i--)
        {
            var s = a[i, k];
            for (var j = i + 1; j < k; j++) s -= a[i, j] * x[j];
            x[i] = s / a[i, i];
        }
        return x;
    }

    [Theory]
    [InlineData(3, 1.0, new int[0])]
    [InlineData(3, 0.7, new int[0])]
    [InlineData(3, 1.0, new[] { 4 })]     // restart when the ring's head is at slot 2, not 0
    [InlineData(2, 1.0, new[] { 4, 9 })]
    [InlineData(4, 0.5, new[] { 7 })]
    public void Iterates_equal_the_textbook_algorithm_including_after_a_restart(int memory, double mixing, int[] spikes)
    {
        const int n = 6;
        var start = new double[n];
        var options = new AndersonOptions { Memory = memory, Mixing = mixing, Tolerance = 1e-12, MaxIterations = 200 };
        var fast = new RecordingMap(n, spikes);
        var (u, diagnostics) = AndersonAccelerator.Solve(fast, start, options);
        var textbook = TextbookIterates(new RecordingMap(n, spikes), start, memory, mixing, 1e-12, 200);
        Assert.True(diagnostics.Converged, diagnostics.ToString());
        Assert.Equal(textbook.Count, fast.Calls.Count);
        for (var it = 0; it < textbook.Count; it++)
            for (var i = 0; i < n; i++)
                Assert.True(Math.Abs(textbook[it][i] - fast.Calls[it][i]) <= 1e-9 * (1 + Math.Abs(textbook[it][i])),
                    $"iterate {it}, component {i}: textbook {textbook[it][i]}, Parley {fast.Calls[it][i]}");
        // The fixed point itself: u = G(u) to the tolerance, checked with a fresh evaluation.
        var g = new double[n];
        new RecordingMap(n, []).Apply(u, g);
        for (var i = 0; i < n; i++) Assert.Equal(g[i], u[i], 1e-11);
    }

    [Fact]
    public void Too_few_iterations_is_reported_as_not_converged_with_the_worst_component()
    {
        var map = new RecordingMap(4, []);
        var (_, d) = AndersonAccelerator.Solve(map, new double[4], new AndersonOptions { MaxIterations = 2 });
        Assert.False(d.Converged);
        Assert.Equal(2, d.Iterations);
        Assert.StartsWith("u[", d.WorstEquation);
        Assert.True(d.ResidualNorm > d.Tolerance);
    }

    [Theory]
    [InlineData("Memory", 0)]
    [InlineData("Memory", -3)]
    [InlineData("MaxIterations", 0)]
    [InlineData("Mixing", 0)]
    [InlineData("Mixing", 1.5)]
    [InlineData("Mixing", double.NaN)]
    [InlineData("Tolerance", 0)]
    [InlineData("Tolerance", -1e-9)]
    [InlineData("Tolerance", double.PositiveInfinity)]
    public void Impossible_options_are_input_errors_when_set(string option, double value)
    {
        var e = Assert.Throws<ParleyInputException>(() => option switch
        {
            "Memory" => new AndersonOptions { Memory = (int)value },
            "MaxIterations" => new AndersonOptions { MaxIterations = (int)value },
            "Mixing" => new AndersonOptions { Mixing = value },
            _ => new AndersonOptions { Tolerance = value },
        });
        Assert.Contains("expected", e.Message);
    }
}
