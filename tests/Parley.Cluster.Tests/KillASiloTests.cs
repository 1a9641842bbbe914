using System.Text.Json;
using Parley.Application;
using Parley.Negotiation.Uncertainty;
using Parley.Reports;
using Parley.Tests;
using Parley.Tests.Negotiation.Uncertainty;
using Xunit;

namespace Parley.Cluster.Tests;

/// <summary>End to end (issue 14, item 5): two silo processes on a real PostgreSQL, one killed in the middle of a sweep,
/// for each sweep kind a worker runs.</summary>
public class KillASiloTests(Xunit.Abstractions.ITestOutputHelper output)
{
    [SkippableFact]
    public async Task A_silo_killed_mid_sweep_loses_and_duplicates_no_result_and_the_answer_is_the_local_one_bit_for_bit()
    {
        await using var silos = await TwoSiloProcesses.StartAsync(output);
        var spec = Sweeps.Spec(Sweeps.Example);
        var executor = await silos.ExecutorAsync();
        var result = await executor.RunAsync(spec, silos.KillBOnceItHasWorked(executor, after: 4), CancellationToken.None);
        silos.Say($"sweep done, {executor.Retries} batches sent again");

        Assert.InRange(silos.KilledAt, 4, 20); // the kill landed with at least a third of the sweep to go
        Assert.True(executor.Retries >= 1, "the killed silo had batches in flight that were sent again");
        Assert.True(Sweeps.SameBits(Sweeps.Local(spec), result));
        Assert.Equal((31, 31, 2), silos.Checkpoints(spec.Fingerprint, 31));
    }

    /// <summary>Draws of the multi-sector talks of DrawSweepTests (WIOD 2011, 4 packages, θ of two sectors drawn): each
    /// draw costs 0 to 5 exact solves after the screen, which every silo builds for itself on its first batch.</summary>
    private const int Draws = 40;

    [SkippableFact]
    public async Task Negotiation_draws_with_a_silo_killed_mid_sweep_lose_and_duplicate_no_draw_and_summarise_to_the_local_bits()
    {
        await using var silos = await TwoSiloProcesses.StartAsync(output);
        using var folder = new TempFolder();
        var path = folder.Write("talks.yaml", UncertaintyFixtures.MultiSector);
        var options = new UncertaintyRunOptions { Draws = Draws };
        var local = await NegotiationUncertainty.RunAsync(path, options); // this process's threads (LocalWorkExecutor)
        silos.Say("local run done");
        var executor = await silos.ExecutorAsync();
        var cluster = await NegotiationUncertainty.RunAsync(path, options with { Executor = executor }, silos.KillBOnceItHasWorked(executor, after: 4));
        silos.Say($"cluster run done, {executor.Retries} batches sent again");

        Assert.InRange(silos.KilledAt, 4, Draws / 2); // the kill landed with at least half of the draws to go
        Assert.True(executor.Retries >= 1, "the killed silo had batches in flight that were sent again");
        // no draw lost or duplicated: one checkpoint row per draw, every draw once, written by both silos
        Assert.Equal((Draws, Draws, 2), silos.Checkpoints(NegotiationUncertainty.SweepSpec(path, options).Fingerprint, Draws));
        // every draw is the same bits as on this process's threads ...
        Assert.True(Sweeps.SameBits([.. local.Results], [.. cluster.Results]));
        // ... and so is the summary: P(ZOPA), P(IR) per package and party, P(frontier), P(Nash), P(Kalai), every band,
        // every rank correlation and the screen's account (JSON writes doubles in round-trip form: equal text, equal bits)
        Assert.Equal(Summary(local), Summary(cluster));
        Assert.Equal(BitConverter.DoubleToInt64Bits(local.Summary.ZopaProbability), BitConverter.DoubleToInt64Bits(cluster.Summary.ZopaProbability));
        Assert.Contains(local.Summary.Packages, p => p.Nash is > 0); // a summary with something in it
    }

    /// <summary>The JSON of <c>negotiate --draws N --format json</c> without its one timing field.</summary>
    internal static string Summary(UncertaintyRun run)
    {
        var json = UncertaintyReport.Json(run);
        Assert.True(json.Remove("elapsed_seconds"));
        return JsonSerializer.Serialize(json, ScenarioReport.Json);
    }
}
