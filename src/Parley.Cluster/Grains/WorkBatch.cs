using Parley.Application.WorkItems;

namespace Parley.Cluster.Grains;

/// <summary>Some items of one sweep, with the sweep's spec (a worker on any silo rebuilds the sweep from it).</summary>
[GenerateSerializer, Immutable]
public sealed record WorkBatch
{
    /// <summary><see cref="WorkSweepSpec.Kind"/>.</summary>
    [Id(0)] public required string Kind { get; init; }

    /// <summary><see cref="WorkSweepSpec.SourceName"/>.</summary>
    [Id(1)] public required string SourceName { get; init; }

    /// <summary><see cref="WorkSweepSpec.InputText"/>.</summary>
    [Id(2)] public required string InputText { get; init; }

    /// <summary><see cref="WorkSweepSpec.Options"/>.</summary>
    [Id(3)] public required Dictionary<string, string> Options { get; init; }

    /// <summary>Item indices to evaluate.</summary>
    [Id(4)] public required int[] Items { get; init; }

    /// <summary>The spec this batch carries.</summary>
    public WorkSweepSpec Spec => new(Kind, SourceName, InputText, Options);

    /// <summary>A batch of <paramref name="items"/> of <paramref name="spec"/>.</summary>
    public static WorkBatch Of(WorkSweepSpec spec, int[] items) => new()
    {
        Kind = spec.Kind, SourceName = spec.SourceName, InputText = spec.InputText,
        Options = new Dictionary<string, string>(spec.Options), Items = items,
    };
}

/// <summary>What a worker did with a batch.</summary>
[GenerateSerializer, Immutable]
public sealed record WorkBatchReport
{
    /// <summary>Checkpoint rows this call wrote (0 when every item had been saved before: a re-run writes nothing).</summary>
    [Id(0)] public int Inserted { get; init; }

    /// <summary>The silo that ran the batch (its address).</summary>
    [Id(1)] public required string Silo { get; init; }

    /// <summary>Items evaluated by this call (items already checkpointed are skipped, not re-solved).</summary>
    [Id(2)] public int Evaluated { get; init; }

    /// <summary>When an item failed deterministically (an input error or a solve that did not converge): its index; else −1.
    /// The client re-evaluates that item in its own process to raise Parley's own exception with every field.</summary>
    [Id(3)] public int FailedItem { get; init; } = -1;

    /// <summary>The failure's message, or null.</summary>
    [Id(4)] public string? Failure { get; init; }
}
