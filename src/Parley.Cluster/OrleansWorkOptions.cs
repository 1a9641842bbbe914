using System.Globalization;

namespace Parley.Cluster;

/// <summary>How <see cref="OrleansWorkExecutor"/> cuts a sweep into batches and when it gives up.</summary>
public sealed record OrleansWorkOptions
{
    /// <summary>Items per batch (one grain call, one checkpoint insert); 0 = automatic: the item count / 64, from 1 to
    /// 16 items. Default 0. A batch is the unit of retry: a silo that dies loses at most its batches in flight.</summary>
    public int BatchSize { get; init; }

    /// <summary>Batches sent to each live silo at a time; default 4 (a silo runs at most one per core, the rest wait there).</summary>
    public int BatchesPerSilo { get; init; } = 4;

    /// <summary>Attempts per batch (a failed grain call or a silo that died counts as one) before the sweep fails; default 10.</summary>
    public int MaxAttempts { get; init; } = 10;

    /// <summary>How often the executor asks the cluster which silos are alive, seconds; default 1.</summary>
    public double MembershipPollSeconds { get; init; } = 1;

    /// <summary>Longest wait with no live silo before the sweep fails, seconds; default 60.</summary>
    public double NoSiloTimeoutSeconds { get; init; } = 60;

    /// <summary>Throws <see cref="ParleyInputException"/> for a value out of range.</summary>
    public OrleansWorkOptions Validated()
    {
        static ParleyInputException Bad(string field, double value, string expected) =>
            new("(command line)", null, field, value.ToString(CultureInfo.InvariantCulture), expected);
        if (BatchSize is < 0 or > 10_000) throw Bad("batch_size", BatchSize, "0 (automatic) or 1 to 10000 items");
        if (BatchesPerSilo is < 1 or > 1_000) throw Bad("batches_per_silo", BatchesPerSilo, "1 to 1000 batches");
        if (MaxAttempts is < 1 or > 1_000) throw Bad("max_attempts", MaxAttempts, "1 to 1000 attempts");
        if (!(MembershipPollSeconds is >= 0.05 and <= 60)) throw Bad("membership_poll_seconds", MembershipPollSeconds, "0.05 to 60 seconds");
        if (!(NoSiloTimeoutSeconds is >= 1 and <= 86_400)) throw Bad("no_silo_timeout_seconds", NoSiloTimeoutSeconds, "1 to 86400 seconds");
        return this;
    }

    /// <summary>The batch size for a sweep of <paramref name="count"/> items.</summary>
    public int BatchSizeFor(int count) => BatchSize > 0 ? BatchSize : Math.Clamp(count / 64, 1, 16);
}
