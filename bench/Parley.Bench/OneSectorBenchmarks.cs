using BenchmarkDotNet.Attributes;
using Parley.Data;
using Parley.Models.OneSector;
using Parley.Replication;

namespace Parley.Bench;

/// <summary>
/// One equilibrium solve at N = 194 (Table 1 case 1) and the whole jie2025 replication.
/// Reference points on this machine kind (2 vCPU AMD EPYC): the published code's SciPy port takes ~1.4 s per solve and
/// ~14 s for its baseline script (Parley spec §12).
/// </summary>
[MemoryDiagnoser]
public class OneSectorBenchmarks
{
    private Economy _economy = null!;
    private double[] _tariffs = null!;
    private readonly OneSectorParameters _parameters = new();

    [GlobalSetup]
    public void Setup()
    {
        var data = BundledData.World2023;
        _economy = Calibration.Baseline(data, _parameters);
        _tariffs = TariffShocks.AnnouncedUs(data);
    }

    [Benchmark(Description = "Solve Table 1 case 1 (N=194)")]
    public OneSectorResult SolveCase1() => EquilibriumSolver.Solve("case 1", _economy, _tariffs, _parameters);

    [Benchmark(Description = "Calibrate baseline (N=194)")]
    public Economy Calibrate() => Calibration.Baseline(BundledData.World2023, _parameters);

    [Benchmark(Description = "replicate jie2025 (all tables)")]
    public ReplicationReport ReplicateAll() => Jie2025Replication.Run(BundledData.World2023);
}
