using System.Diagnostics;
using Parley.Data;
using Parley.Models.Numerics;
using Parley.Models.OneSector;
using Parley.Models.OneSector.Internals;

namespace Parley.Bench;

/// <summary>
/// Where one N = 194 solve of Table 1 case 1 spends its time (<c>--components</c>): each part of a solve timed on its
/// own, reported as the fastest and the median of many repetitions (the fastest is the figure closest to an idle
/// machine on a shared one), plus the process CPU time per whole solve.
/// </summary>
internal static class ComponentTiming
{
    public static void Run()
    {
        var data = BundledData.World2023;
        var p = new OneSectorParameters();
        var e = Calibration.Baseline(data, p);
        var t = TariffShocks.AnnouncedUs(data);
        var names = data.Countries.Countries.Select(c => c.Iso3).ToArray();
        var sys = new BaselineSystem(e, t, p, names);
        var m = sys.Size;
        var z = EquilibriumSolver.Unknowns(EquilibriumSolver.Solve("x", e, t, p));
        var f = new double[m];
        var lu = new DenseLu(m);
        sys.Jacobian(z, lu.Matrix);
        var saved = lu.Matrix.ToArray();
        lu.Factor();
        var rhs = new double[m];
        Report("system set-up (tariff factors, arrays)", () => _ = new BaselineSystem(e, t, p, names));
        Report("residual", () => sys.Residual(z, f));
        Report($"analytic Jacobian fill ({m}×{m})", () => sys.Jacobian(z, lu.Matrix));
        Report($"dense LU factor ({m}×{m})", () => lu.Factor(), () => saved.CopyTo(lu.Matrix));
        Report($"dense LU solve ({m})", () => { f.CopyTo(rhs, 0); lu.Solve(rhs); });
        sys.Residual(z, f);
        var reduced = sys.CreateFactor();
        Report($"reduced Jacobian: fill + N×N Schur + LU (N={e.N})", () => reduced.Refactor(z, f));
        Report("reduced Jacobian: solve", () => { f.CopyTo(rhs, 0); reduced.Solve(rhs); });
        var solved = EquilibriumSolver.Solve("case 1", e, t, p);
        Report("statistics (OS-28)–(OS-35)", () => OutcomeStatistics.Compute(e, t, p, solved.Equilibrium));
        Report("whole solve (EquilibriumSolver.Solve)", () => solved = EquilibriumSolver.Solve("case 1", e, t, p), reps: 40);
        Console.WriteLine($"  {solved.Equilibrium.Diagnostics}");
        int g0 = GC.CollectionCount(0), g1 = GC.CollectionCount(1), g2 = GC.CollectionCount(2);
        var allocated = GC.GetTotalAllocatedBytes(true);
        var paused = GC.GetTotalPauseDuration();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        const int reps = 40;
        for (var k = 0; k < reps; k++) EquilibriumSolver.Solve("case 1", e, t, p);
        var used = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        Console.WriteLine($"whole solve, {reps} in a row: {wall.Elapsed.TotalMilliseconds / reps:F2} ms wall, {used.TotalMilliseconds / reps:F2} ms CPU (all threads) per solve");
        Console.WriteLine($"  allocated {(GC.GetTotalAllocatedBytes(true) - allocated) / reps / 1e6:F2} MB per solve; GCs gen0/1/2 over {reps} solves: " +
            $"{GC.CollectionCount(0) - g0}/{GC.CollectionCount(1) - g1}/{GC.CollectionCount(2) - g2}, pauses {(GC.GetTotalPauseDuration() - paused).TotalMilliseconds / reps:F3} ms per solve");
    }

    private static void Report(string what, Action run, Action? reset = null, int reps = 200)
    {
        for (var k = 0; k < 5; k++) run();
        var times = new double[reps];
        var sw = new Stopwatch();
        for (var k = 0; k < reps; k++)
        {
            reset?.Invoke();
            sw.Restart();
            run();
            times[k] = sw.Elapsed.TotalMilliseconds;
        }
        Array.Sort(times);
        Console.WriteLine($"{what,-48} fastest {times[0],8:F3} ms   median {times[reps / 2],8:F3} ms");
    }
}
