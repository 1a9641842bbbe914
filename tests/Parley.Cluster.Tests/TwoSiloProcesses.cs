using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Parley.Cluster.Checkpoints;
using Parley.Cluster.Silo;
using Xunit.Abstractions;

namespace Parley.Cluster.Tests;

/// <summary>Two <c>parley cluster silo</c> processes, a and b, on a fresh PostgreSQL database, and a cluster client in
/// this process; b can be killed in the middle of a sweep. Skips (or fails under CI=true) without PostgreSQL.</summary>
public sealed class TwoSiloProcesses : IAsyncDisposable
{
    private readonly TestPostgres _db;
    private readonly ITestOutputHelper _output;
    private readonly System.Diagnostics.Stopwatch _clock = System.Diagnostics.Stopwatch.StartNew();
    private IHost? _client;

    private TwoSiloProcesses(TestPostgres db, string postgres, ITestOutputHelper output)
    {
        (_db, Postgres, _output) = (db, postgres, output);
        A = new SiloProcess(postgres);
        B = new SiloProcess(postgres);
    }

    /// <summary>The fresh database's connection string (what <c>--cluster</c> takes).</summary>
    public string Postgres { get; }

    public SiloProcess A { get; }

    public SiloProcess B { get; }

    /// <summary>The item count at which <see cref="KillBOnceItHasWorked"/> killed b, or −1.</summary>
    public int KilledAt { get; private set; } = -1;

    /// <summary>Starts both silos and waits until both have joined (90 s at most).</summary>
    public static async Task<TwoSiloProcesses> StartAsync(ITestOutputHelper output)
    {
        var db = new TestPostgres();
        TwoSiloProcesses? silos = null;
        try
        {
            silos = new TwoSiloProcesses(db, db.Require(), output);
            await Task.WhenAll(silos.A.Started(TimeSpan.FromSeconds(90)), silos.B.Started(TimeSpan.FromSeconds(90)));
            silos.Say("silos started");
            return silos;
        }
        catch
        {
            if (silos is not null) await silos.DisposeAsync();
            else db.Dispose();
            throw;
        }
    }

    /// <summary>An executor on a client of the two silos, batches of one item (so that b has several batches in flight
    /// when it is killed, and a re-send is certain).</summary>
    public async Task<OrleansWorkExecutor> ExecutorAsync()
    {
        if (_client is null)
        {
            _client = await ParleySilo.ClientAsync(Postgres, ParleySilo.DefaultClusterId, CancellationToken.None);
            await _client.StartAsync();
        }
        return new OrleansWorkExecutor(_client.Services.GetRequiredService<IClusterClient>(), new PostgresWorkCheckpoints(Postgres), new OrleansWorkOptions { BatchSize = 1 });
    }

    /// <summary>A progress callback that kills b (as a crash) the first time at least <paramref name="after"/> items are
    /// done and b has reported work: b then has saved results and batches in flight, and the client, which sends at most
    /// <see cref="OrleansWorkOptions.BatchesPerSilo"/> batches per silo at a time, still holds the rest of the sweep.</summary>
    public Action<int, int> KillBOnceItHasWorked(OrleansWorkExecutor executor, int after) => (done, total) =>
    {
        if (KilledAt >= 0 || done < after || !executor.ItemsBySilo.Keys.Any(k => k.Contains($":{B.Port}:", StringComparison.Ordinal))) return;
        KilledAt = done;
        B.Kill();
        Say($"killed silo b, {done}/{total} done");
    };

    /// <summary>The checkpoint table's account of a sweep: rows, distinct items within 0 … <paramref name="items"/> − 1,
    /// and distinct workers that wrote them.</summary>
    public (long Rows, long ItemsOnce, long Workers) Checkpoints(string fingerprint, int items)
    {
        var of = $"FROM parley_work_results WHERE fingerprint = '{fingerprint}'";
        return (_db.Scalar($"SELECT count(*) {of}"), _db.Scalar($"SELECT count(DISTINCT item) {of} AND item BETWEEN 0 AND {items - 1}"),
            _db.Scalar($"SELECT count(DISTINCT worker) {of}"));
    }

    /// <summary>Writes a line with the seconds since the silos were started to the test's output.</summary>
    public void Say(string what) => _output.WriteLine($"{_clock.Elapsed.TotalSeconds:F1} s: {what}");

    public async ValueTask DisposeAsync()
    {
        if (_client is not null)
        {
            await _client.StopAsync();
            _client.Dispose();
        }
        A.Dispose();
        B.Dispose();
        _db.Dispose();
    }
}
