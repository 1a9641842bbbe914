namespace Parley.Cluster.Grains;

/// <summary>A worker that evaluates one batch of a sweep's items and checkpoints their results. Keyed
/// <c>fingerprint/first item/attempt</c>; the caller picks its silo with a placement hint.</summary>
public interface IWorkItemsGrain : IGrainWithStringKey
{
    /// <summary>Evaluates the batch's items that are not yet checkpointed, saves them (first write wins) and reports.</summary>
    Task<WorkBatchReport> Evaluate(WorkBatch batch);
}
