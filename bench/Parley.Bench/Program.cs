using BenchmarkDotNet.Running;

namespace Parley.Bench;

/// <summary>
/// BenchmarkDotNet benchmarks (default: pass BenchmarkDotNet arguments, e.g. <c>--filter '*' --job short</c>), plus quick
/// single runs used during development and for the numbers BenchmarkDotNet cannot take (full tariff expansion,
/// 10-million-observation PPML): <c>--quick</c>, <c>--jie-phases</c>, <c>--jie-check</c>, <c>--negotiate-phases FILE</c>, <c>--components</c>, <c>--cp2015</c>, <c>--wiod</c>, <c>--tariffs</c>,
/// <c>--expand</c>, <c>--census</c>, <c>--synthetic</c>, <c>--negotiate FILE</c>, <c>--estimate FILE</c>, <c>--gravity FILE</c>, <c>--ms-packages [dataset] [count]</c>.
/// </summary>
internal static class Program
{
    private static readonly Dictionary<string, Action<string[]>> QuickRuns = new()
    {
        ["--quick"] = _ => QuickTiming.Run(),
        ["--jie-phases"] = _ => JiePhases.Run(),
        ["--negotiate-phases"] = a => NegotiatePhases.Run(a[1]),
        ["--jie-check"] = _ => JieCheck.Run(),
        ["--components"] = _ => ComponentTiming.Run(),
        ["--cp2015"] = _ => Cp2015Quick.Run(),
        ["--wiod"] = _ => WiodQuick.Run(),
        ["--tariffs"] = _ => TariffQuick.Run(),
        ["--expand"] = _ => ExpandFull.Run(),
        ["--census"] = _ => CensusYear.Run(),
        ["--synthetic"] = _ => SyntheticPanel.Run(),
        ["--negotiate"] = a => NegotiateQuick.Run(a[1]),
        ["--estimate"] = a => EstimateQuick.Run(a[1]),
        ["--gravity"] = a => GravityQuick.Run(a[1]),
        ["--ms-packages"] = MultiSectorThroughput.Run,
        ["--ms-trace"] = MultiSectorTrace.Run,
        ["--ms-blocks"] = BlockExperiment.Run,
        ["--ms-wage-newton"] = WageNewtonExperiment.Run,
    };

    private static void Main(string[] args)
    {
        if (args.Length > 0 && QuickRuns.TryGetValue(args[0], out var run))
        {
            run(args);
            return;
        }
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }
}
