using System.Diagnostics;
using Parley.Data;
using Parley.Models.Numerics;
using Parley.Models.OneSector;
using Parley.Models.OneSector.Internals;

namespace Parley.Bench;

internal static class ComponentTiming
{
    public static void Run()
    {
        var data = BundledData.World2023;
        var p = new OneSectorParameters();
        var e = Calibration.Baseline(data, p);
        var t = TariffShocks.AnnouncedUs(data);
        var sys = new BaselineSystem(e, t, p, data.Countries.Countries.Select(c => c.Iso3).ToArray());
        var z = Enumerable.Repeat(1.0, sys.Size).ToArray();
        var f = new double[sys.Size];
        var lu = new DenseLu(sys.Size);
        for (var k = 0; k < 40; k++) { sys.Residual(z, f); sys.Jacobian(z, lu.Matrix); lu.Factor(); }
        const int reps = 20;
        var sw = Stopwatch.StartNew();
        for (var k = 0; k < reps; k++) sys.Residual(z, f);
        Console.WriteLine($"residual: {sw.Elapsed.TotalMilliseconds / reps:F3} ms");
        sw.Restart();
        for (var k = 0; k < reps; k++) sys.Jacobian(z, lu.Matrix);
        Console.WriteLine($"jacobian: {sw.Elapsed.TotalMilliseconds / reps:F3} ms");
        var saved = lu.Matrix.ToArray();
        double total = 0;
        for (var k = 0; k < reps; k++) { saved.CopyTo(lu.Matrix); sw.Restart(); lu.Factor(); total += sw.Elapsed.TotalMilliseconds; }
        Console.WriteLine($"LU 582: {total / reps:F3} ms");
        sw.Restart();
        for (var k = 0; k < reps; k++) lu.Solve(f);
        Console.WriteLine($"LU solve: {sw.Elapsed.TotalMilliseconds / reps:F3} ms");
    }
}
