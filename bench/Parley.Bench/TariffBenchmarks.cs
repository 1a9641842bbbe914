using BenchmarkDotNet.Attributes;
using Parley.Tariffs;

namespace Parley.Bench;

/// <summary>
/// Tariff engine latency and throughput. Reference: the Budget Lab tracker needs ~32 GB and a full build of a day in R to
/// expand ~19,000 products × 240 countries × 39 revisions.
/// </summary>
[MemoryDiagnoser]
public class TariffBenchmarks
{
    private TariffEngine _engine = null!;
    private Partner _japan = null!;
    private HtsCode _car;

    [GlobalSetup]
    public void Setup()
    {
        _engine = new TariffEngine(TariffScheduleReader.Bundled);
        _japan = _engine.ResolvePartner("JPN");
        _car = _engine.ResolveHts("8703.23.01");
        _engine.Rate(new DateOnly(2025, 5, 1), _japan, _car);
    }

    [Benchmark(Description = "rate(date, partner, hts) with breakdown")]
    public TariffRate RateQuery() => _engine.Rate(new DateOnly(2025, 5, 1), _japan, _car);

    [Benchmark(Description = "ETR on one date, 2024 weights (334,728 rows)")]
    public EffectiveRateReport Etr() => EffectiveRates.Compute(_engine, ImportWeights.Bundled2024, new DateOnly(2025, 10, 15), EtrGrouping.Partner);

    [Benchmark(Description = "expand all HTS-8 lines x 20 partners x all revisions")]
    public ScheduleExpansion Expand20() => ScheduleExpansion.Run(_engine, 20);
}
