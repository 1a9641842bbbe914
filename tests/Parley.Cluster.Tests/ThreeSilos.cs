using Orleans.TestingHost;
using Parley.Cluster.Checkpoints;
using Parley.Cluster.Silo;
using Xunit;

namespace Parley.Cluster.Tests;

/// <summary>An Orleans TestingHost cluster of three in-process silos, checkpoints in a fresh PostgreSQL database
/// (none when PARLEY_TEST_POSTGRES is absent: the tests then skip).</summary>
public sealed class ThreeSilos : IAsyncLifetime
{
    private static string? s_connection;

    public TestPostgres Postgres { get; } = new();

    public TestCluster? Cluster { get; private set; }

    public PostgresWorkCheckpoints Checkpoints => new(Postgres.ConnectionString!);

    public async Task InitializeAsync()
    {
        if (Postgres.ConnectionString is not { } connection) return;
        s_connection = connection;
        await Checkpoints.EnsureCreatedAsync(CancellationToken.None);
        Cluster = new TestClusterBuilder(3).AddSiloBuilderConfigurator<Configurator>().Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        if (Cluster is not null) await Cluster.DisposeAsync();
        Postgres.Dispose();
    }

    /// <summary>The per-silo sweep caches, one per live silo.</summary>
    public IEnumerable<SiloSweeps> SiloSweeps => Cluster!.GetActiveSilos().Select(s => (SiloSweeps)Cluster.GetSiloServiceProvider(s.SiloAddress).GetService(typeof(SiloSweeps))!);

    private sealed class Configurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder) => siloBuilder.AddParleyWork(new PostgresWorkCheckpoints(s_connection!));
    }
}
