using System.Diagnostics;
using Parley.Data;
using Parley.Models.MultiSector;
using Parley.Models.MultiSector.Internals;

namespace Parley.Bench;

/// <summary>
/// <c>--ms-packages [dataset] [count]</c>: package pricing on a multi-sector dataset without the negotiation layer —
/// US tariffs on Japanese transport equipment, electronics and machinery and Japan's on US agriculture at 0, 8, 16, 24%
/// (4⁴ = 256 packages), each solved from the baseline equilibrium. Prints evaluations per solve, the time of one
/// evaluation of the fixed-point map, ms per package on one thread and packages per second on all cores.
/// </summary>
internal static class MultiSectorThroughput
{
    public static void Run(string[] args)
    {
        var name = args.Length > 1 ? args[1] : BundledData.Wiod2011Name;
        var count = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 256;
        var d = BundledData.MultiSector(name)!;
        int us = d.Regions.Require("USA"), jp = d.Regions.Require("JPN");
        var deficits = d.Deficits.ToArray();
        var baseline = MultiSectorModel.Solve("baseline", d, d.Base.AsSpan(), deficits);
        var cells = new[]
        {
            d.Cell(d.FindSector("c15")!.Index, jp, us), d.Cell(d.FindSector("c14")!.Index, jp, us),
            d.Cell(d.FindSector("c13")!.Index, jp, us), d.Cell(d.FindSector("c1")!.Index, us, jp),
        };
        var packages = new List<double[]>();
        for (var k = 0; k < count; k++)
        {
            var t = d.Base.ToArray();
            var code = k;
            foreach (var c in cells) { t[c] = (code % 4) * 0.08; code /= 4; }
            packages.Add(t);
        }
        Console.WriteLine($"{name}: N = {d.N}, J = {d.J}, unknowns = {d.N + 2 * d.N * d.J}, {count} packages; baseline {baseline.Diagnostics}");
        TimeMap(d, packages[^1], deficits, baseline);
        Superposition(d, packages, cells, deficits, baseline);
        for (var rep = 0; rep < 3; rep++)
        {
            var sw = Stopwatch.StartNew();
            long evaluations = 0;
            foreach (var t in packages.Take(Math.Min(64, count)))
                evaluations += MultiSectorModel.Solve("p", d, t, deficits, start: baseline).Diagnostics.Iterations;
            var serial = sw.Elapsed.TotalMilliseconds / Math.Min(64, count);
            sw.Restart();
            Parallel.ForEach(packages, t => MultiSectorModel.Solve("p", d, t, deficits, start: baseline));
            var rate = count / sw.Elapsed.TotalSeconds;
            Console.WriteLine($"  one thread: {serial:F2} ms/package, {evaluations / (double)Math.Min(64, count):F1} evaluations/package; " +
                              $"all cores ({Environment.ProcessorCount}): {rate:F0} packages/s");
        }
    }

    /// <summary>Starts each package at the baseline plus the sum of its single-issue changes (in ln ŵ, ln P̂, X′).</summary>
    public static void Superposition(MultiSectorDataset d, List<double[]> packages, int[] cells, double[] deficits, MultiSectorEquilibrium b)
    {
        var single = new MultiSectorEquilibrium[cells.Length, 4];
        for (var c = 0; c < cells.Length; c++)
            for (var level = 0; level < 4; level++)
            {
                var t = d.Base.ToArray();
                t[cells[c]] = level * 0.08;
                single[c, level] = MultiSectorModel.Solve("s", d, t, deficits, start: b);
            }
        var sw = Stopwatch.StartNew();
        long evaluations = 0;
        for (var k = 0; k < packages.Count; k++)
        {
            var wage = b.Wage.Select(v => Math.Log(v)).ToArray();
            var price = b.Price.Select(v => Math.Log(v)).ToArray();
            var x = (double[])b.Expenditure.Clone();
            var code = k;
            for (var c = 0; c < cells.Length; c++)
            {
                var s = single[c, code % 4];
                code /= 4;
                for (var r = 0; r < wage.Length; r++) wage[r] += Math.Log(s.Wage[r]) - Math.Log(b.Wage[r]);
                for (var q = 0; q < price.Length; q++)
                {
                    price[q] += Math.Log(s.Price[q]) - Math.Log(b.Price[q]);
                    x[q] += s.Expenditure[q] - b.Expenditure[q];
                }
            }
            var start = b with { Wage = wage.Select(v => Math.Exp(v)).ToArray(), Price = price.Select(v => Math.Exp(v)).ToArray(), Expenditure = x };
            evaluations += MultiSectorModel.Solve("p", d, packages[k], deficits, start: start).Diagnostics.Iterations;
        }
        Console.WriteLine($"  superposition start: {sw.Elapsed.TotalMilliseconds / packages.Count:F2} ms/package, {evaluations / (double)packages.Count:F1} evaluations/package (+{cells.Length * 4} single-issue solves)");
    }

    private static void TimeMap(MultiSectorDataset d, double[] tariffs, double[] deficits, MultiSectorEquilibrium start)
    {
        var (pi, _) = MultiSectorModel.BaseSharesAndExpenditure(d);
        var map = new HatMap(d, pi, tariffs, deficits);
        var u = WageNewtonExperiment.State(d, start);
        var g = new double[map.Size];
        for (var k = 0; k < 200; k++) map.Apply(u, g);
        var sw = Stopwatch.StartNew();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        for (var k = 0; k < 2000; k++) map.Apply(u, g);
        var cpuUs = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds / 2000 * 1000;
        Console.WriteLine($"  one evaluation of G: {sw.Elapsed.TotalMilliseconds / 2000 * 1000:F1} µs wall, {cpuUs:F1} µs CPU");
    }
}

internal static class MultiSectorTrace
{
    public static void Run(string[] args)
    {
        var d = BundledData.MultiSector(args.Length > 1 ? args[1] : BundledData.Wiod2011Name)!;
        var deficits = d.Deficits.ToArray();
        var b = MultiSectorModel.Solve("baseline", d, d.Base.AsSpan(), deficits);
        var again = MultiSectorModel.Solve("again", d, d.Base.AsSpan(), deficits, start: b);
        Console.WriteLine($"baseline from itself: {again.Diagnostics}");
        var t = d.Base.ToArray();
        int us = d.Regions.Require("USA"), jp = d.Regions.Require("JPN");
        t[d.Cell(d.FindSector("c15")!.Index, jp, us)] = 0.001;
        Console.WriteLine($"0.1% on one cell: {MultiSectorModel.Solve("p", d, t, deficits, start: b).Diagnostics}");
        t[d.Cell(d.FindSector("c15")!.Index, jp, us)] = 0.24;
        foreach (var m in new[] { 4, 8, 16, 32 })
        {
            var o = new Parley.Models.Numerics.AndersonOptions { Memory = m };
            Console.WriteLine($"24% on one cell, m = {m}: {MultiSectorModel.Solve("p", d, t, deficits, o, start: b).Diagnostics}");
        }
    }
}

/// <summary>Experiment: which block of the fixed point is slow? Wages held at the solution, only prices and spending iterate.</summary>
internal sealed class WagesHeld(Parley.Models.Numerics.IFixedPointMap inner, double[] lnWage) : Parley.Models.Numerics.IFixedPointMap
{
    public int Size => inner.Size;
    public string ComponentName(int index) => inner.ComponentName(index);
    public void Apply(ReadOnlySpan<double> u, Span<double> g)
    {
        var v = u.ToArray();
        lnWage.CopyTo(v, 0);
        inner.Apply(v, g);
        lnWage.CopyTo(g);
    }
}

internal static class BlockExperiment
{
    public static void Run(string[] args)
    {
        var d = BundledData.MultiSector(BundledData.Wiod2011Name)!;
        var deficits = d.Deficits.ToArray();
        var b = MultiSectorModel.Solve("baseline", d, d.Base.AsSpan(), deficits);
        var t = d.Base.ToArray();
        int us = d.Regions.Require("USA"), jp = d.Regions.Require("JPN");
        t[d.Cell(d.FindSector("c15")!.Index, jp, us)] = 0.24;
        var exact = MultiSectorModel.Solve("p", d, t, deficits, start: b);
        var (pi, _) = MultiSectorModel.BaseSharesAndExpenditure(d);
        var map = new HatMap(d, pi, t, deficits);
        var u = WageNewtonExperiment.State(d, b);
        var held = new WagesHeld(map, exact.Wage.Select(w => Math.Log(w)).ToArray());
        var (_, diag) = Parley.Models.Numerics.AndersonAccelerator.Solve(held, u, new Parley.Models.Numerics.AndersonOptions());
        Console.WriteLine($"wages held at the solution: {diag}");
        // plain iteration of the held map, to see the fast blocks' contraction rate
        var x = (double[])u.Clone();
        var g = new double[x.Length];
        for (var k = 1; k <= 60; k++)
        {
            held.Apply(x, g);
            var norm = 0.0;
            for (var i = 0; i < x.Length; i++) norm = Math.Max(norm, Math.Abs(g[i] - x[i]));
            if (k % 10 == 0) Console.WriteLine($"  plain iteration {k}: max |G(u) − u| = {norm:E2}");
            (x, g) = (g, x);
        }
    }
}

/// <summary>Experiment: the map with its wage update replaced by a chord-Newton step on the wage residual, ω − S⁻¹(G_w − ω).</summary>
internal sealed class WageNewton(Parley.Models.Numerics.IFixedPointMap inner, int n, Parley.Models.Numerics.DenseLu s, double[][]? z = null) : Parley.Models.Numerics.IFixedPointMap
{
    public int Size => inner.Size;
    public string ComponentName(int index) => inner.ComponentName(index);
    public void Apply(ReadOnlySpan<double> u, Span<double> g)
    {
        inner.Apply(u, g);
        var rho = new double[n];
        for (var r = 0; r < n; r++) rho[r] = g[r] - u[r];
        s.Solve(rho);
        for (var r = 0; r < n; r++)
        {
            var jump = u[r] - rho[r] - g[r];
            g[r] = u[r] - rho[r];
            if (z is null) continue;
            for (var q = n; q < g.Length; q++) g[q] += z[r][q] * jump;
        }
    }
}

internal static class WageNewtonExperiment
{
    public static void Run(string[] args)
    {
        var d = BundledData.MultiSector(BundledData.Wiod2011Name)!;
        var deficits = d.Deficits.ToArray();
        var b = MultiSectorModel.Solve("baseline", d, d.Base.AsSpan(), deficits);
        var (pi, _) = MultiSectorModel.BaseSharesAndExpenditure(d);
        var ub = State(d, b);
        var n = d.N;
        var sw = Stopwatch.StartNew();
        var baseMap = new HatMap(d, pi, d.Base.ToArray(), deficits);
        var lu = new Parley.Models.Numerics.DenseLu(n);
        const double h = 1e-5;
        var g = new double[ub.Length];
        long evaluations = 0;
        var z = new double[n][];
        for (var m = 0; m < n; m++)
        {
            var lnW = ub.Take(n).ToArray();
            lnW[m] += h;
            var start = (double[])ub.Clone();
            lnW.CopyTo(start, 0);
            var (v, diag) = Parley.Models.Numerics.AndersonAccelerator.Solve(new WagesHeld(baseMap, lnW), start, new Parley.Models.Numerics.AndersonOptions { Tolerance = 1e-13 });
            evaluations += diag.Iterations;
            baseMap.Apply(v, g);
            for (var r = 0; r < n; r++) lu.Matrix[r * n + m] = (g[r] - v[r]) / h; // ρ(ω_b) = 0
            z[m] = new double[ub.Length];
            for (var q = n; q < ub.Length; q++) z[m][q] = (v[q] - ub[q]) / h;
        }
        lu.Factor();
        Console.WriteLine($"S by finite differences: {evaluations} evaluations, {sw.ElapsedMilliseconds} ms");
        int us = d.Regions.Require("USA"), jp = d.Regions.Require("JPN");
        foreach (var (cell, rate) in new[] { ("c15", 0.24), ("c14", 0.16), ("c1", 0.08) })
        {
            var t = d.Base.ToArray();
            var c = cell == "c1" ? d.Cell(d.FindSector(cell)!.Index, us, jp) : d.Cell(d.FindSector(cell)!.Index, jp, us);
            t[c] = rate;
            var exact = MultiSectorModel.Solve("p", d, t, deficits, start: b);
            var map = new HatMap(d, pi, t, deficits);
            var (sol, diag) = Parley.Models.Numerics.AndersonAccelerator.Solve(new WageNewton(map, n, lu), ub, new Parley.Models.Numerics.AndersonOptions());
            var dw = 0.0;
            for (var r = 0; r < n; r++) dw = Math.Max(dw, Math.Abs(Math.Exp(sol[r]) - exact.Wage[r]));
            Console.WriteLine($"{cell} at {rate}: plain {exact.Diagnostics.Iterations} evaluations; wage-Newton {diag}; max |Δŵ| vs plain {dw:E2}");
            var (sol2, diag2) = Parley.Models.Numerics.AndersonAccelerator.Solve(new WageNewton(map, n, lu, z), ub, new Parley.Models.Numerics.AndersonOptions());
            Console.WriteLine($"   with the wage jump carried to prices and spending: {diag2}");
        }
    }

    internal static double[] State(MultiSectorDataset d, MultiSectorEquilibrium b)
    {
        var u = new double[d.N + 2 * d.N * d.J];
        for (var r = 0; r < d.N; r++)
        {
            u[r] = Math.Log(b.Wage[r]);
            for (var j = 0; j < d.J; j++)
            {
                u[d.N + r * d.J + j] = Math.Log(b.Price[r * d.J + j]);
                u[d.N + d.N * d.J + r * d.J + j] = b.Expenditure[r * d.J + j] / d.ValueAdded[r];
            }
        }
        return u;
    }
}
