using System.Diagnostics;
using Parley.Data;
using Parley.Models.OneSector;
using Parley.Replication;

namespace Parley.Bench;

/// <summary>A fast stopwatch check (<c>--quick</c>) for development; BenchmarkDotNet gives the numbers we report.</summary>
internal static class QuickTiming
{
    public static void Run()
    {
        var data = BundledData.World2023;
        var p = new OneSectorParameters();
        var e = Calibration.Baseline(data, p);
        var t = TariffShocks.AnnouncedUs(data);
        for (var k = 0; k < 3; k++) EquilibriumSolver.Solve("warm", e, t, p);
        var sw = Stopwatch.StartNew();
        const int reps = 20;
        OneSectorResult r = null!;
        for (var k = 0; k < reps; k++) r = EquilibriumSolver.Solve("case 1", e, t, p);
        Console.WriteLine($"solve: {sw.Elapsed.TotalMilliseconds / reps:F2} ms/solve; {r.Equilibrium.Diagnostics}");
        Jie2025Replication.Run(data);
        sw.Restart();
        var rep = Jie2025Replication.Run(data);
        Console.WriteLine($"replicate: {sw.Elapsed.TotalMilliseconds:F0} ms");
        foreach (var s in rep.Solves) Console.WriteLine($"  {s.Scenario,-45} {s.Diagnostics}");
    }
}

/// <summary>Phases of <c>replicate jie2025</c> (<c>--jie-phases</c>): calibration, the IO-optimum search, the fixed scenarios.</summary>
internal static class JiePhases
{
    public static void Run()
    {
        var sw = Stopwatch.StartNew();
        var data = BundledData.World2023;
        Console.WriteLine($"load world-2023: {sw.ElapsedMilliseconds} ms");
        for (var rep = 0; rep < 2; rep++)
        {
            sw.Restart();
            var s = new Jie2025Scenarios(data);
            Console.WriteLine($"calibrate scenarios: {sw.ElapsedMilliseconds} ms");
            sw.Restart();
            var io = s.RoundaboutOptimum();
            Console.WriteLine($"IO optimum search: {sw.ElapsedMilliseconds} ms, {io.Solves} solves, rate {io.Rate:R}, welfare {io.Welfare:R}");
            sw.Restart();
            foreach (var c in s.All()) EquilibriumSolver.Solve(c.Name, c.Economy, c.Tariffs, c.Parameters);
            Console.WriteLine($"18 fixed scenarios (serial): {sw.ElapsedMilliseconds} ms");
        }
    }
}

/// <summary>
/// US welfare near Table 4's IO optimum at two solver tolerances (<c>--jie-check</c>): shows how flat the maximum is and
/// how much welfare noise a 1e-12 solve leaves (decision 0023).
/// </summary>
internal static class JieCheck
{
    public static void Run()
    {
        var s = new Jie2025Scenarios(BundledData.World2023);
        foreach (var tol in new[] { 1e-12, 1e-13 })
            foreach (var rate in new[] { 0.179322, 0.179324, 0.1793255, 0.179326, 0.179328 })
            {
                var r = EquilibriumSolver.Solve("x", s.Roundabout, s.UniformUs(rate), s.Parameters, new Parley.Models.Numerics.NewtonOptions { Tolerance = tol });
                Console.WriteLine($"tol {tol} rate {rate}: welfare {r.Countries[s.Us].Welfare:R} {r.Equilibrium.Diagnostics.Iterations} it");
            }
    }
}
