using Parley.Gravity;
using BenchmarkDotNet.Attributes;
using Parley.Models.Estimation;
using Parley.Models.Gravity;

namespace Parley.Bench;

/// <summary>
/// Gravity benchmarks. References on this machine kind (issue #6): statsmodels with dummy variables ~37 s for the Table 1
/// PPML column; gegravity ~1 s for one GE experiment.
/// </summary>
[MemoryDiagnoser]
public class GravityBenchmarks
{
    private RegressionInput _ppml = null!;
    private GravityExperiment _experiment = null!;

    [GlobalSetup]
    public void Setup()
    {
        var examples = Path.Combine(AppContext.BaseDirectory, "examples");
        _ppml = EstimationFile.Read(Path.Combine(examples, "yotov-table1.yaml")).Columns.Single(c => c.Name == "4");
        _experiment = GravityExperiment.Read(Path.Combine(examples, "can-jpn-pta.yaml"));
    }

    [Benchmark(Description = "Table 1 PPML column: 28,152 obs, exporter-year + importer-year FE, pair clusters")]
    public RegressionResult Table1Ppml() => GravityEstimator.Estimate(_ppml);

    [Benchmark(Description = "GE experiment: CAN-JPN PTA, 30 countries (baseline + counterfactual)")]
    public GravityResult GeExperiment() => _experiment.Run();

    [Benchmark(Description = "Monte Carlo: 1,000 trials of the CAN-JPN experiment")]
    public MonteCarloResult MonteCarlo1000() => MonteCarlo.Run(_experiment, 1000, 1);
}

/// <summary>A synthetic 10-million-observation panel with three fixed-effect dimensions (run once with --synthetic).</summary>
internal static class SyntheticPanel
{
    public static void Run(int countries = 200, int years = 251)
    {
        var sw = System.Diagnostics.Stopwatch.StartNew();
        var rng = new Random(42);
        var n = countries * (countries - 1) * years;
        var y = new double[n]; var rta = new double[n]; var tariff = new double[n];
        var ex = new int[n]; var im = new int[n]; var pair = new int[n];
        var size = Enumerable.Range(0, countries * years).Select(_ => rng.NextDouble()).ToArray();
        var pairEffect = Enumerable.Range(0, countries * countries).Select(_ => -rng.NextDouble() * 2).ToArray();
        var k = 0;
        for (var t = 0; t < years; t++)
            for (var i = 0; i < countries; i++)
                for (var j = 0; j < countries; j++)
                {
                    if (i == j) continue;
                    rta[k] = ((i * 31 + j * 17 + t) % 11) < 3 ? 1 : 0;
                    tariff[k] = Math.Log(1 + 0.2 * rng.NextDouble());
                    var mu = Math.Exp(1 + size[t * countries + i] + size[t * countries + j] + pairEffect[i * countries + j] + 0.4 * rta[k] - 4 * tariff[k]);
                    y[k] = mu * (0.5 + rng.NextDouble());
                    ex[k] = t * countries + i; im[k] = t * countries + j; pair[k] = i * countries + j;
                    k++;
                }
        Console.WriteLine($"built {n:N0} observations in {sw.Elapsed.TotalSeconds:F1} s");
        sw.Restart();
        var input = new RegressionInput("synthetic", EstimationMethod.Ppml, y, [("rta", rta), ("ln_tariff", tariff)],
            [("exporter-year", ex), ("importer-year", im), ("pair", pair)], [pair], false, SingletonPolicy.Drop, VceConvention.Stata, "synthetic", new int[n]);
        var r = GravityEstimator.Estimate(input, new PpmlOptions { Tolerance = 1e-8, InnerToleranceFloor = 1e-9 });
        Console.WriteLine($"PPML with 3 FE dimensions: {r.Observations:N0} obs in {sw.Elapsed.TotalSeconds:F1} s, {r.Iterations} iterations, {r.InnerSweeps} sweeps; " +
                          $"rta {r["rta"].Estimate:F4} ({r["rta"].StdError:F4}), ln_tariff {r["ln_tariff"].Estimate:F4}; peak working set {System.Diagnostics.Process.GetCurrentProcess().PeakWorkingSet64 / 1e9:F2} GB");
    }
}
