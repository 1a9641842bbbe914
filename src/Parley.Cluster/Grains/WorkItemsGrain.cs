// A worker grain per batch attempt (decision 0030), keyed "fingerprint/first item/attempt" and placed on the silo the
// client names with a placement hint. It holds no state of its own, so a silo that dies loses nothing but the batches it
// was running, which the client re-sends elsewhere under a new key. The sweep is rebuilt once per silo (SiloSweeps caches
// it by fingerprint) and a silo runs at most one item per core at a time (SiloSweeps.Gate); results go to the
// checkpoint store before the call returns, so a reported batch is a saved batch. (A [StatelessWorker] was tried first:
// called from a client it runs on the client's gateway silo whatever the hint, so one silo got every batch.)
using Orleans.Placement;
using Parley.Application.WorkItems;
using Parley.Cluster.Checkpoints;
using Parley.Cluster.Silo;
using Parley.Models.Numerics;

namespace Parley.Cluster.Grains;

/// <summary>Evaluates one batch on the silo it was placed on, then deactivates.</summary>
[RandomPlacement]
internal sealed class WorkItemsGrain(SiloSweeps sweeps, IWorkCheckpoints checkpoints, ILocalSiloDetails silo) : Grain, IWorkItemsGrain
{
    public async Task<WorkBatchReport> Evaluate(WorkBatch batch)
    {
        var spec = batch.Spec;
        var where = silo.SiloAddress.ToString();
        this.DeactivateOnIdle(); // one batch per activation: nothing to keep once it has answered
        if (!this.GetPrimaryKeyString().StartsWith(spec.Fingerprint + "/", StringComparison.Ordinal))
            return new WorkBatchReport { Silo = where, FailedItem = batch.Items.FirstOrDefault(), Failure = "the batch's spec does not have this worker's fingerprint" };
        var done = await checkpoints.DoneAmongAsync(spec.Fingerprint, batch.Items, CancellationToken.None);
        var todo = batch.Items.Where(i => !done.Contains(i)).ToArray();
        if (todo.Length == 0) return new WorkBatchReport { Silo = where };
        IWorkSweep sweep;
        try
        {
            sweep = sweeps.Open(spec);
        }
        catch (Exception e) when (e is ParleyInputException or EquilibriumNotConvergedException)
        {
            return new WorkBatchReport { Silo = where, FailedItem = todo[0], Failure = e.Message };
        }
        var results = new double[todo.Length][];
        for (var k = 0; k < todo.Length; k++)
        {
            await sweeps.Gate.WaitAsync();
            try
            {
                sweeps.BeforeItem?.Invoke(spec.Fingerprint, todo[k]);
                results[k] = sweep.Evaluate(todo[k], CancellationToken.None);
            }
            catch (Exception e) when (e is ParleyInputException or EquilibriumNotConvergedException)
            {
                return new WorkBatchReport { Silo = where, FailedItem = todo[k], Failure = e.Message };
            }
            finally
            {
                sweeps.Gate.Release();
            }
        }
        var inserted = await checkpoints.SaveAsync(spec.Fingerprint, todo, results, where, CancellationToken.None);
        return new WorkBatchReport { Silo = where, Inserted = inserted, Evaluated = todo.Length };
    }
}
