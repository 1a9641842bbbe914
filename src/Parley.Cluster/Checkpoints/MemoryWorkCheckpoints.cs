using System.Collections.Concurrent;

namespace Parley.Cluster.Checkpoints;

/// <summary>Checkpoints in this process's memory: the in-process silo's store (<c>--cluster local</c>), where a dead
/// process takes its silo with it and nothing outlives the run. Same first-write-wins rule as PostgreSQL's.</summary>
public sealed class MemoryWorkCheckpoints : IWorkCheckpoints
{
    private readonly ConcurrentDictionary<(string Fingerprint, int Item), double[]> _rows = new();

    /// <inheritdoc />
    public Task EnsureCreatedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public Task<int> SaveAsync(string fingerprint, IReadOnlyList<int> items, IReadOnlyList<double[]> results, string worker, CancellationToken cancellationToken)
    {
        var added = 0;
        for (var i = 0; i < items.Count; i++)
            if (_rows.TryAdd((fingerprint, items[i]), (double[])results[i].Clone())) added++;
        return Task.FromResult(added);
    }

    /// <inheritdoc />
    public Task<IReadOnlySet<int>> DoneAsync(string fingerprint, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlySet<int>>(_rows.Keys.Where(k => k.Fingerprint == fingerprint).Select(k => k.Item).ToHashSet());

    /// <inheritdoc />
    public Task<IReadOnlySet<int>> DoneAmongAsync(string fingerprint, IReadOnlyList<int> items, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlySet<int>>(items.Where(i => _rows.ContainsKey((fingerprint, i))).ToHashSet());

    /// <inheritdoc />
    public Task<IReadOnlyDictionary<int, double[]>> ReadAsync(string fingerprint, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<int, double[]>>(_rows.Where(p => p.Key.Fingerprint == fingerprint).ToDictionary(p => p.Key.Item, p => (double[])p.Value.Clone()));
}
