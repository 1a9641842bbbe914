using Parley.Gravity;
using System.Diagnostics;
using Parley.Data;
using Parley.Models.MultiSector;

namespace Parley.Bench;

internal static class Cp2015Quick
{
    public static void Run()
    {
        var sw = Stopwatch.StartNew();
        var d = MultiSectorDatasetReader.Read(Path.Combine(BundledData.Root, "cp2015-nafta"));
        Console.WriteLine($"read: {sw.ElapsedMilliseconds} ms");
        for (var rep = 0; rep < 3; rep++)
        {
            sw.Restart();
            var r = MultiSectorExperiment.Run("nafta", d, d.TariffSets["tariff_1993"].AsSpan(), d.TariffSets["tariff_nafta_scenario"].AsSpan(), MultiSectorDeficits.Zero);
            Console.WriteLine($"experiment: {sw.ElapsedMilliseconds} ms; {r.Baseline.Diagnostics}; {r.Counterfactual.Diagnostics}");
            foreach (var iso in new[] { "MEX", "CAN", "USA" })
            {
                var o = r.Regions.First(x => x.Iso3 == iso);
                Console.WriteLine($"  {iso} welfare {o.Welfare:F6} tot {o.TermsOfTrade:F6} vot {o.VolumeOfTrade:F6} realwage {o.RealWage:F6}");
            }
        }
    }
}

internal static class WiodQuick
{
    public static void Run()
    {
        var sw = Stopwatch.StartNew();
        var d = MultiSectorDatasetReader.Read(Path.Combine(BundledData.Root, "wiod-2011"));
        Console.WriteLine($"read: {sw.ElapsedMilliseconds} ms");
        var c15 = d.FindSector("c15")!.Index;
        int us = d.Regions.Require("USA"), jp = d.Regions.Require("JPN"), kr = d.Regions.Require("KOR");
        foreach (var rate in new[] { 0.25, 0.15, 0.0 })
        {
            var t = d.Base.ToArray();
            t[d.Cell(c15, jp, us)] = rate;
            t[d.Cell(c15, kr, us)] = 0.25;
            sw.Restart();
            var r = MultiSectorExperiment.Run($"JPN {rate}", d, d.Base.AsSpan(), t, MultiSectorDeficits.DataYear);
            Console.WriteLine($"rate {rate}: {sw.ElapsedMilliseconds} ms; {r.Baseline.Diagnostics}; {r.Counterfactual.Diagnostics}");
            foreach (var iso in new[] { "USA", "JPN", "KOR", "MEX", "DEU" })
            {
                var k = d.Regions.Require(iso);
                Console.WriteLine($"  {iso} welfare {r.Regions[k].Welfare:F4} real income {r.Regions[k].RealIncome:F4} c15 output {r.SectorOutput[k * d.J + c15]:F2}% exports to US c15 {(r.Counterfactual.Flow(c15, k, us) / r.Baseline.Flow(c15, k, us) - 1) * 100:F2}%");
            }
        }
    }
}

internal static class TariffQuick
{
    public static void Run()
    {
        var sw = Stopwatch.StartNew();
        var s = Parley.Tariffs.TariffScheduleReader.Bundled;
        Console.WriteLine($"schedule read: {sw.ElapsedMilliseconds} ms");
        sw.Restart();
        var w = Parley.Tariffs.ImportWeights.Bundled2024;
        Console.WriteLine($"weights read: {sw.ElapsedMilliseconds} ms, total {w.Total / 1e9:F2} bn");
        var e = new Parley.Tariffs.TariffEngine(s);
        foreach (var date in new[] { "2025-01-01", "2025-05-01", "2025-10-15", "2026-03-01", "2026-05-01" })
        {
            sw.Restart();
            var r = Parley.Tariffs.EffectiveRates.Compute(e, w, DateOnly.Parse(date), Parley.Tariffs.EtrGrouping.PartnerGroup);
            Console.WriteLine($"{date}: ETR {r.Etr:P3} in {sw.ElapsedMilliseconds} ms; matched {r.MatchedUsd / r.TotalImportsUsd:P3} bridged {r.BridgedUsd / 1e9:F2} bn unmatched {r.UnmatchedUsd / 1e9:F2} bn; "
                + string.Join(", ", r.ByAuthority.OrderByDescending(x => x.Value).Select(x => $"{x.Key} {x.Value:P2}")));
            Console.WriteLine("   " + string.Join("; ", r.Groups.Select(g => $"{g.Key} {g.Etr:P1}")));
        }
    }
}

internal static class ExpandFull
{
    public static void Run()
    {
        var e = new Parley.Tariffs.TariffEngine(Parley.Tariffs.TariffScheduleReader.Bundled);
        var x = Parley.Tariffs.ScheduleExpansion.Run(e);
        Console.WriteLine($"full expansion: {x.Lines.Count} lines x {x.Partners.Count} partners x {x.Dates.Count} dates = {x.Evaluations:N0} rates in {x.ElapsedMilliseconds / 1000:F1} s; {x.ChangeCount:N0} change points; peak working set {x.PeakWorkingSetBytes / 1e6:F0} MB");
    }
}

internal static class NegotiateQuick
{
    public static void Run(string file)
    {
        var sw = Stopwatch.StartNew();
        var spec = Parley.Negotiation.NegotiationFile.Read(file);
        var r = Parley.Negotiation.NegotiationAnalysis.Run(spec);
        Console.WriteLine($"{r.Packages.Count} packages in {sw.ElapsedMilliseconds} ms; BATNA ({r.Batna.Utility1:F4}, {r.Batna.Utility2:F4}); ZOPA {r.Bargaining.Zopa.Count}; frontier {r.Bargaining.Frontier.Count}");
        void Show(string label, int? k) { if (k is { } i) Console.WriteLine($"  {label}: {r.Packages[i].Describe(spec)} u=({r.U1[i]:F4}, {r.U2[i]:F4}) KOR welfare {r.Outcomes[i].Values.GetValueOrDefault("KOR/welfare"):F4}"); }
        Show("Nash", r.Bargaining.Nash); Show("KS", r.Bargaining.KalaiSmorodinsky); Show("Utilitarian", r.Bargaining.Utilitarian);
        foreach (var f in r.Bargaining.Frontier) Show("frontier", f);
        foreach (var c in r.Concessions) Console.WriteLine($"  {c.Issue}={c.Option}: {c.Value1:F4} {c.Value2:F4} {c.Reading}");
        foreach (var p in r.Rounds) Console.WriteLine($"  round {p.Round} {p.Party}: {r.Packages[p.Package].Describe(spec)} dist {p.DistanceToFrontier:F4} move {p.MoveTariffPoints} {p.MoveUtility}");
        foreach (var o in r.Offers) Console.WriteLine($"  offers {o.Strategy1.Name}/{o.Strategy2.Name} T={o.Deadline}: {(o.Agreement is { } a ? r.Packages[a].Describe(spec) : "no agreement")} round {o.Round}");
        foreach (var s in r.Sensitivity) Console.WriteLine($"  {s.Case}: zopa {s.HasZopa} ({s.ZopaSize}) nash same {s.NashUnchanged}");
    }
}

internal static class EstimateQuick
{
    public static void Run(string file)
    {
        var sw = Stopwatch.StartNew();
        if (Environment.GetEnvironmentVariable("PARLEY_BENCH_CSV") is { } csv)
        for (var rep = 0; rep < 3; rep++)
        {
            sw.Restart();
            _ = Parley.Internals.CsvTable.Read(csv);
            Console.WriteLine($"row read {sw.ElapsedMilliseconds} ms");
            sw.Restart();
            var t = Parley.Internals.ColumnarCsv.Read(csv);
            Console.WriteLine($"columnar read {t.RowCount} rows {sw.ElapsedMilliseconds} ms");
            sw.Restart();
        }
        var spec = Parley.Gravity.EstimationFile.Read(file);
        Console.WriteLine($"read {sw.ElapsedMilliseconds} ms");
        foreach (var c in spec.Columns)
        {
            sw.Restart();
            var r = Parley.Models.Estimation.GravityEstimator.Estimate(c);
            Console.WriteLine($"col {r.Name}: N={r.Observations} it={r.Iterations} sweeps={r.InnerSweeps} {sw.ElapsedMilliseconds} ms; {r.VceDescription}");
            foreach (var co in r.Coefficients) Console.WriteLine($"   {co.Variable,-12} {co.Estimate,10:F4} ({co.StdError:F4})");
        }
    }
}

internal static class GravityQuick
{
    public static void Run(string file)
    {
        var sw = Stopwatch.StartNew();
        var x = Parley.Gravity.GravityExperiment.Read(file);
        var r = x.Run();
        Console.WriteLine($"run {sw.ElapsedMilliseconds} ms; Pi_DEU baseline {r.Baseline.Outward[x.Data.IndexOf("DEU")]:F6}; iterations {r.Baseline.Iterations}");
        foreach (var c in new[] { "CAN", "JPN", "USA", "DEU" }) { var o = r[c]; Console.WriteLine($"  {c}: gdp {o.RealGdpChange:F4} p {o.FactoryGatePriceChange:F4} fx {o.ForeignExportsChange:F4} fm {o.ForeignImportsChange:F4} omr {o.OmrChange:F4} imr {o.ImrChange:F4} W {o.WelfareStatistic:F6}"); }
        var tb = (x with { Variant = Parley.Models.Gravity.GravityVariant.Textbook }).Run();
        Console.WriteLine($"textbook CAN gdp {tb["CAN"].RealGdpChange:F4} p {tb["CAN"].FactoryGatePriceChange:F4} iterations {tb.PriceIterations}");
        sw.Restart();
        var mc = Parley.Gravity.MonteCarlo.Run(x);
        Console.WriteLine($"MC {mc.Succeeded} ok {mc.Failed} failed in {sw.ElapsedMilliseconds} ms; CAN gdp {mc.Summaries.First(s => s.Country == "CAN" && s.Statistic == "real_gdp_change")}");
    }
}

/// <summary>Phases of <c>negotiate FILE --no-sensitivity</c> (<c>--negotiate-phases FILE</c>): read, baseline (data load, schedule, two solves), BATNA, packages.</summary>
internal static class NegotiatePhases
{
    private static TimeSpan s_cpu;

    private static void Mark() => s_cpu = Process.GetCurrentProcess().TotalProcessorTime;

    private static long Cpu() => (long)(Process.GetCurrentProcess().TotalProcessorTime - s_cpu).TotalMilliseconds;

    public static void Run(string file)
    {
        for (var rep = 0; rep < 2; rep++)
        {
            var sw = Stopwatch.StartNew(); Mark();
            var spec = Parley.Negotiation.NegotiationFile.Read(file);
            Console.WriteLine($"read file: {sw.ElapsedMilliseconds} ms (CPU {Cpu()} ms)");
            sw.Restart(); Mark();
            var d = Parley.Scenarios.MultiSectorScenario.LoadDataset(spec.Baseline);
            Console.WriteLine($"  load dataset: {sw.ElapsedMilliseconds} ms (CPU {Cpu()} ms)");
            sw.Restart(); Mark();
            if (spec.Baseline.FromSchedule is { } fs) Parley.Scenarios.OneSectorScenario.ScheduleEngine(fs, null);
            Console.WriteLine($"  read schedule: {sw.ElapsedMilliseconds} ms (CPU {Cpu()} ms)");
            sw.Restart(); Mark();
            _ = Parley.Tariffs.ImportWeights.Bundled2024;
            Console.WriteLine($"  read 2024 import weights: {sw.ElapsedMilliseconds} ms (CPU {Cpu()} ms)");
            sw.Restart(); Mark();
            Parley.Scenarios.MultiSectorScenario.BuildTariffs(spec.Baseline, d);
            Console.WriteLine($"  build baseline tariffs (schedule conversion): {sw.ElapsedMilliseconds} ms (CPU {Cpu()} ms)");
            sw.Restart(); Mark();
            var ev = new Parley.Negotiation.NegotiationEvaluator(spec);
            Console.WriteLine($"evaluator (load + tariffs + data solve + baseline solve): {sw.ElapsedMilliseconds} ms (CPU {Cpu()} ms); {ev.BaselineDiagnostics}");
            sw.Restart(); Mark();
            ev.EvaluateBatna();
            Console.WriteLine($"BATNA: {sw.ElapsedMilliseconds} ms (CPU {Cpu()} ms)");
            sw.Restart(); Mark();
            _ = new Parley.Negotiation.NegotiationEvaluator(spec, new Parley.Negotiation.EvaluationOptions { ElasticityScale = 1.5 });
            Console.WriteLine($"sensitivity evaluator (elasticities × 1.5: tariffs + data solve + baseline solve): {sw.ElapsedMilliseconds} ms (CPU {Cpu()} ms)");
            sw.Restart(); Mark();
            var packages = Parley.Negotiation.Package.Enumerate(spec);
            sw.Restart(); Mark();
            ev.EvaluateAll(packages);
            var s = sw.Elapsed.TotalSeconds;
            Console.WriteLine($"{packages.Count} packages: {s * 1000:F0} ms = {packages.Count / s:F0} packages/s");
            sw.Restart(); Mark();
            var r = Parley.Negotiation.NegotiationAnalysis.Run(spec, sensitivity: false);
            Console.WriteLine($"NegotiationAnalysis.Run (no sensitivity): {sw.ElapsedMilliseconds} ms (CPU {Cpu()} ms)");
        }
    }
}
