using BenchmarkDotNet.Attributes;
using Parley.Negotiation;

namespace Parley.Bench;

/// <summary>Package evaluation throughput: 1,000 packages on the one-sector world model, 256 on the multi-sector world default.</summary>
public class NegotiationBenchmarks
{
    private NegotiationSpec _oneSector = null!, _multiSector = null!;
    private IReadOnlyList<Package> _p1 = null!, _p2 = null!;

    private static string Levels(string id, string importer, string exporter, string? sector, int count, double step) =>
        $"  - id: {id}\n    options:\n" + string.Join("", Enumerable.Range(0, count).Select(k =>
            $"      - {{ id: o{k}, tariffs: [ {{ importer: {importer}, exporter: {exporter}{(sector is null ? "" : $", sector: {sector}")}, rate: {(k * step).ToString(System.Globalization.CultureInfo.InvariantCulture)} }} ] }}\n"));

    [GlobalSetup]
    public void Setup()
    {
        var dir = Path.Combine(Path.GetTempPath(), "parley-bench");
        Directory.CreateDirectory(dir);
        var one = "name: bench one-sector\nbaseline: { tariffs: { base: announced-us } }\nparties:\n  - { code: USA, objective: [ { outcome: welfare, weight: 1 } ] }\n  - { code: JPN, objective: [ { outcome: welfare, weight: 1 } ] }\nissues:\n"
                  + Levels("jpn", "USA", "JPN", null, 10, 0.03) + Levels("kor", "USA", "KOR", null, 10, 0.03) + Levels("retaliation", "JPN", "USA", null, 10, 0.03)
                  + "batna: { tariffs: [ { importer: JPN, exporter: USA, rate: 0.24 } ] }\n";
        var multi = "name: bench multi-sector\nbaseline: { model: { type: multi-sector }, dataset: wiod-2011 }\nparties:\n  - { code: USA, objective: [ { outcome: welfare, weight: 1 } ] }\n  - { code: JPN, objective: [ { outcome: welfare, weight: 1 } ] }\nissues:\n"
                    + Levels("autos", "USA", "JPN", "c15", 4, 0.08) + Levels("electronics", "USA", "JPN", "c14", 4, 0.08) + Levels("machinery", "USA", "JPN", "c13", 4, 0.08) + Levels("farm", "JPN", "USA", "c1", 4, 0.08)
                    + "batna: { tariffs: [ { importer: USA, exporter: JPN, rate: 0.25 } ] }\n";
        File.WriteAllText(Path.Combine(dir, "one.yaml"), one);
        File.WriteAllText(Path.Combine(dir, "multi.yaml"), multi);
        _oneSector = NegotiationFile.Read(Path.Combine(dir, "one.yaml"));
        _multiSector = NegotiationFile.Read(Path.Combine(dir, "multi.yaml"));
        _p1 = Package.Enumerate(_oneSector);
        _p2 = Package.Enumerate(_multiSector);
    }

    [Benchmark(Description = "1,000 packages, one-sector world (194 countries), incl. baseline")]
    public IReadOnlyList<PackageOutcome> OneSector1000() => new NegotiationEvaluator(_oneSector).EvaluateAll(_p1);

    [Benchmark(Description = "256 packages, multi-sector world (41 x 35), incl. baseline")]
    public IReadOnlyList<PackageOutcome> MultiSector256() => new NegotiationEvaluator(_multiSector).EvaluateAll(_p2);
}
