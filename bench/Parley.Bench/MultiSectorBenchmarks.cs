using BenchmarkDotNet.Attributes;
using Parley.Data;
using Parley.Models.MultiSector;
using Parley.Replication;

namespace Parley.Bench;

/// <summary>
/// Caliendo–Parro solves. Reference on this machine kind (spec cp2015 §11): the cp2015 R/C++ package needs ~2.2 s and
/// ~655 sweeps per solve (1 thread) and ~5 s for the whole NAFTA run.
/// </summary>
[MemoryDiagnoser]
public class MultiSectorBenchmarks
{
    private MultiSectorDataset _nafta = null!;
    private MultiSectorDataset _wiod = null!;
    private double[] _naftaTariffs = null!;
    private double[] _wiodTariffs = null!;
    private MultiSectorEquilibrium _naftaBaseline = null!;

    [GlobalSetup]
    public void Setup()
    {
        _nafta = Cp2015Replication.LoadData();
        _naftaTariffs = _nafta.TariffSets["tariff_nafta_scenario"].ToArray();
        _naftaBaseline = MultiSectorModel.Solve("baseline", _nafta, _nafta.Base.AsSpan(), new double[_nafta.N]);
        _wiod = BundledData.MultiSector(BundledData.Wiod2011Name)!;
        _wiodTariffs = _wiod.Base.ToArray();
        var c15 = _wiod.FindSector("c15")!.Index;
        _wiodTariffs[_wiod.Cell(c15, _wiod.Regions.Require("JPN"), _wiod.Regions.Require("USA"))] = 0.25;
        _wiodTariffs[_wiod.Cell(c15, _wiod.Regions.Require("KOR"), _wiod.Regions.Require("USA"))] = 0.25;
    }

    [Benchmark(Description = "NAFTA counterfactual solve, 31x40, cold start")]
    public MultiSectorEquilibrium NaftaCold() => MultiSectorModel.Solve("nafta", _nafta, _naftaTariffs, new double[_nafta.N]);

    [Benchmark(Description = "NAFTA counterfactual solve, 31x40, warm start from baseline")]
    public MultiSectorEquilibrium NaftaWarm() => MultiSectorModel.Solve("nafta", _nafta, _naftaTariffs, new double[_nafta.N], start: _naftaBaseline);

    [Benchmark(Description = "World solve, WIOD 41x35 (US 25% on JPN+KOR transport)")]
    public MultiSectorEquilibrium World() => MultiSectorModel.Solve("world", _wiod, _wiodTariffs, _wiod.Deficits.AsSpan());

    [Benchmark(Description = "replicate cp2015 (4 solves + statistics)")]
    public Cp2015Report ReplicateCp2015() => Cp2015Replication.Run(_nafta);
}
