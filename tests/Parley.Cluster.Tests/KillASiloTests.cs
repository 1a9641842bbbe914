using Microsoft.Extensions.DependencyInjection;
using Parley.Cluster.Checkpoints;
using Parley.Cluster.Silo;
using Xunit;

namespace Parley.Cluster.Tests;

/// <summary>End to end (issue 14, item 5): two silo processes on a real PostgreSQL, one killed in the middle of a sweep.</summary>
public class KillASiloTests(Xunit.Abstractions.ITestOutputHelper output)
{
    [SkippableFact]
    public async Task A_silo_killed_mid_sweep_loses_and_duplicates_no_result_and_the_answer_is_the_local_one_bit_for_bit()
    {
        using var db = new TestPostgres();
        var postgres = db.Require();
        var spec = Sweeps.Spec(Sweeps.Example);
        using var a = new SiloProcess(postgres);
        using var b = new SiloProcess(postgres);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await Task.WhenAll(a.Started(TimeSpan.FromSeconds(90)), b.Started(TimeSpan.FromSeconds(90)));
        output.WriteLine($"silos started in {clock.Elapsed.TotalSeconds:F1} s");
        using var client = await ParleySilo.ClientAsync(postgres, ParleySilo.DefaultClusterId, CancellationToken.None);
        await client.StartAsync();
        var executor = new OrleansWorkExecutor(client.Services.GetRequiredService<IClusterClient>(), new PostgresWorkCheckpoints(postgres), new OrleansWorkOptions { BatchSize = 1 });
        var killedAt = -1;
        var result = await executor.RunAsync(spec, (done, total) =>
        {
            // kill b once it has saved work and while most of the sweep is still to run (batches of b in flight then)
            if (killedAt < 0 && done >= 4 && executor.ItemsBySilo.Keys.Any(k => k.Contains($":{b.Port}:", StringComparison.Ordinal)))
            {
                killedAt = done;
                b.Kill();
                output.WriteLine($"killed silo b at {clock.Elapsed.TotalSeconds:F1} s, {done}/{total} done");
            }
        }, CancellationToken.None);
        output.WriteLine($"sweep done at {clock.Elapsed.TotalSeconds:F1} s, {executor.Retries} batches sent again");
        await client.StopAsync();

        Assert.InRange(killedAt, 4, 20); // the kill landed with at least a third of the sweep to go
        Assert.True(executor.Retries >= 1, "the killed silo had batches in flight that were sent again");
        Assert.True(Sweeps.SameBits(Sweeps.Local(spec), result));
        Assert.Equal(31, db.Scalar($"SELECT count(*) FROM parley_work_results WHERE fingerprint = '{spec.Fingerprint}'"));
        Assert.Equal(31, db.Scalar($"SELECT count(DISTINCT item) FROM parley_work_results WHERE fingerprint = '{spec.Fingerprint}'"));
        Assert.Equal(2, db.Scalar($"SELECT count(DISTINCT worker) FROM parley_work_results WHERE fingerprint = '{spec.Fingerprint}'"));
    }
}
