using Parley.Application.WorkItems;
using Parley.Cluster.Grains;
using Xunit;

namespace Parley.Cluster.Tests;

/// <summary>The work-item logic on three TestingHost silos with PostgreSQL checkpoints (decision 0030).</summary>
public class ClusterLogicTests(ThreeSilos silos) : IClassFixture<ThreeSilos>
{
    /// <summary>The example sweep cut to its first 8 variants (0% to 7%): the logic needs items, not many.</summary>
    private static readonly WorkSweepSpec Example = Sweeps.Spec(Sweeps.Example) is var s
        ? s with { InputText = s.InputText.Replace("to: 0.30, step: 0.01", "to: 0.07, step: 0.01", StringComparison.Ordinal) }
        : null!;
    private static readonly Lazy<double[][]> Reference = new(() => Sweeps.Local(Example));

    private OrleansWorkExecutor Executor(OrleansWorkOptions? options = null) => new(silos.Cluster!.Client, silos.Checkpoints, options);

    [SkippableFact]
    public async Task A_sweep_on_three_silos_is_the_local_executors_bit_for_bit_and_every_silo_takes_part()
    {
        silos.Postgres.Require();
        var spec = Example with { Options = new Dictionary<string, string>(Example.Options) { ["max_variants"] = "31" } }; // its own fingerprint
        var executor = Executor();
        var progress = new List<int>();
        var result = await executor.RunAsync(spec, (done, _) => { lock (progress) progress.Add(done); }, CancellationToken.None);
        Assert.True(Sweeps.SameBits(Reference.Value, result));
        Assert.Equal(3, executor.ItemsBySilo.Count);
        Assert.Equal(8, executor.ItemsBySilo.Values.Sum());
        Assert.Equal(8, progress[^1]);
        Assert.Equal(8, silos.Postgres.Scalar($"SELECT count(*) FROM parley_work_results WHERE fingerprint = '{spec.Fingerprint}'"));
    }

    [SkippableFact]
    public async Task Running_a_checkpointed_sweep_again_evaluates_nothing_and_gives_the_same_bits()
    {
        silos.Postgres.Require();
        var spec = Example with { Options = new Dictionary<string, string>(Example.Options) { ["max_variants"] = "32" } };
        var first = await Executor().RunAsync(spec, null, CancellationToken.None);
        var again = Executor();
        var second = await again.RunAsync(spec, null, CancellationToken.None);
        Assert.Empty(again.ItemsBySilo);
        Assert.True(Sweeps.SameBits(first, second));
        Assert.True(Sweeps.SameBits(Reference.Value, second));
    }

    [SkippableFact]
    public async Task Duplicate_submissions_of_a_batch_write_one_checkpoint_row_per_item()
    {
        silos.Postgres.Require();
        var spec = Example with { Options = new Dictionary<string, string>(Example.Options) { ["max_variants"] = "33" } };
        var batch = WorkBatch.Of(spec, [3, 4, 5]);
        var grains = Enumerable.Range(1, 3).Select(a => silos.Cluster!.Client.GetGrain<IWorkItemsGrain>($"{spec.Fingerprint}/3/{a}")).ToArray();
        var reports = await Task.WhenAll(grains.Select(g => g.Evaluate(batch))); // three at once, as after a retry
        var late = await silos.Cluster!.Client.GetGrain<IWorkItemsGrain>($"{spec.Fingerprint}/3/9").Evaluate(batch);
        Assert.Equal(3, reports.Sum(r => r.Inserted));
        Assert.Equal(0, late.Inserted);
        Assert.Equal(0, late.Evaluated);
        Assert.Equal(3, silos.Postgres.Scalar($"SELECT count(*) FROM parley_work_results WHERE fingerprint = '{spec.Fingerprint}'"));
        var saved = await silos.Checkpoints.ReadAsync(spec.Fingerprint, CancellationToken.None);
        foreach (var i in new[] { 3, 4, 5 }) Assert.True(Sweeps.SameBits([Reference.Value[i]], [saved[i]]));
    }

    [SkippableFact]
    public async Task A_grain_call_that_fails_is_sent_again_and_the_answer_is_unchanged()
    {
        silos.Postgres.Require();
        var spec = Example with { Options = new Dictionary<string, string>(Example.Options) { ["max_variants"] = "34" } };
        var failures = 0;
        foreach (var cache in silos.SiloSweeps)
            cache.BeforeItem = (fingerprint, item) =>
            {
                if (fingerprint == spec.Fingerprint && item % 3 == 0 && Interlocked.Increment(ref failures) <= 3)
                    throw new InvalidOperationException($"worker crashed on item {item} (test)");
            };
        try
        {
            var executor = Executor(new OrleansWorkOptions { BatchSize = 1 });
            var result = await executor.RunAsync(spec, null, CancellationToken.None);
            Assert.True(Sweeps.SameBits(Reference.Value, result));
            Assert.Equal(3, executor.Retries);
        }
        finally
        {
            foreach (var cache in silos.SiloSweeps) cache.BeforeItem = null;
        }
    }

    [SkippableFact]
    public async Task An_input_error_on_a_worker_is_raised_in_the_client_with_its_fields()
    {
        silos.Postgres.Require();
        var spec = Example with { Options = new Dictionary<string, string>(Example.Options) { ["max_variants"] = "35", ["max_iterations"] = "1" } };
        var e = await Assert.ThrowsAnyAsync<Exception>(() => Executor().RunAsync(spec, null, CancellationToken.None));
        Assert.IsType<Parley.Models.Numerics.EquilibriumNotConvergedException>(e);
    }
}
