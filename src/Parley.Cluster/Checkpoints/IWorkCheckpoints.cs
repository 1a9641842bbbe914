namespace Parley.Cluster.Checkpoints;

/// <summary>Where work-item results are kept, keyed by sweep fingerprint and item index. Saving is idempotent: an item
/// already saved keeps its first row and a second save of it writes nothing (items are deterministic, so both rows
/// would be the same bits anyway). Decision 0030.</summary>
public interface IWorkCheckpoints
{
    /// <summary>Creates the store's table when absent.</summary>
    Task EnsureCreatedAsync(CancellationToken cancellationToken);

    /// <summary>Saves the results of <paramref name="items"/> (parallel arrays) written by <paramref name="worker"/>;
    /// returns how many rows were new (0 when every item was saved before).</summary>
    Task<int> SaveAsync(string fingerprint, IReadOnlyList<int> items, IReadOnlyList<double[]> results, string worker, CancellationToken cancellationToken);

    /// <summary>The items of <paramref name="fingerprint"/> already saved.</summary>
    Task<IReadOnlySet<int>> DoneAsync(string fingerprint, CancellationToken cancellationToken);

    /// <summary>Which of <paramref name="items"/> are already saved (a worker's check before it solves: one indexed look-up
    /// per batch, not a scan of the sweep).</summary>
    Task<IReadOnlySet<int>> DoneAmongAsync(string fingerprint, IReadOnlyList<int> items, CancellationToken cancellationToken);

    /// <summary>Every saved result of <paramref name="fingerprint"/>: item index → result.</summary>
    Task<IReadOnlyDictionary<int, double[]>> ReadAsync(string fingerprint, CancellationToken cancellationToken);
}
