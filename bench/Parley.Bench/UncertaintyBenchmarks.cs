using BenchmarkDotNet.Attributes;
using Parley.Application;
using Parley.Negotiation.Uncertainty;

namespace Parley.Bench;

/// <summary>
/// Draws × packages per second in-process (issue 14 item 6): <c>examples/us-japan-2025.yaml</c> (72 packages on WIOD 2011,
/// 15 elasticities, 3 weights and 2 reservation values drawn). The screen (≈ 1,500 solves) is built once in the set-up;
/// each operation is one (draw, package) pair, exact re-solves of doubtful packages included. <c>ReRank</c> drops the
/// model inputs, so draws only re-rank the central outcomes. Run:
/// <c>dotnet run -c Release --project bench/Parley.Bench -- --filter '*Uncertainty*' --job short</c> (several minutes; not under load).
/// </summary>
public class UncertaintyBenchmarks
{
    private const int Draws = 40, Packages = 72;
    private NegotiationDrawSweep _screened = null!, _reRank = null!;

    [GlobalSetup]
    public void Setup()
    {
        var example = Example();
        _screened = NegotiationDrawSweep.Open(NegotiationUncertainty.SweepSpec(example, new UncertaintyRunOptions { Draws = Draws }));
        _ = _screened.Screen;
        var text = File.ReadAllText(example).Replace("    published: cp2015", "    published_off: x").Replace("    c15: { distribution: uniform, min: 4, max: 12 }", "");
        text = text.Replace("  trade_elasticities:\n    published_off: x\n", "");
        var path = Path.Combine(Path.GetTempPath(), "parley-bench-rerank.yaml");
        File.WriteAllText(path, text);
        _reRank = NegotiationDrawSweep.Open(NegotiationUncertainty.SweepSpec(path, new UncertaintyRunOptions { Draws = Draws }));
        _ = _reRank.Evaluate(0, default); // central solve
    }

    private static string Example()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Parley.slnx"))) return Path.Combine(dir.FullName, "examples", "us-japan-2025.yaml");
        throw new DirectoryNotFoundException("repository root (Parley.slnx) above " + Directory.GetCurrentDirectory());
    }

    [Benchmark(Description = "screened draws x packages, US-Japan on WIOD (per pair)", OperationsPerInvoke = Draws * Packages)]
    public double Screened()
    {
        double s = 0;
        for (var d = 0; d < Draws; d++) s += _screened.Evaluate(d, default)[0];
        return s;
    }

    [Benchmark(Description = "re-ranked draws x packages (weights, reservations only; per pair)", OperationsPerInvoke = Draws * Packages)]
    public double ReRank()
    {
        double s = 0;
        for (var d = 0; d < Draws; d++) s += _reRank.Evaluate(d, default)[2];
        return s;
    }
}
