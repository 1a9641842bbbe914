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
