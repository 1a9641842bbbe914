using System.Collections.Concurrent;
using Parley.Application.WorkItems;

namespace Parley.Cluster.Silo;

/// <summary>The sweeps a silo has rebuilt, by fingerprint: a sweep is parsed and prepared once per silo, however many
/// batches of it the silo runs. Keeps the last <see cref="Capacity"/> sweeps.</summary>
public sealed class SiloSweeps
{
    /// <summary>Sweeps kept per silo: 8.</summary>
    public const int Capacity = 8;

    private readonly ConcurrentDictionary<string, Lazy<IWorkSweep>> _sweeps = new();

    /// <summary>Items evaluated at once on this silo: one per core.</summary>
    public SemaphoreSlim Gate { get; } = new(Environment.ProcessorCount);

    /// <summary>Called before each item is evaluated (fingerprint, item): tests use it to fail or slow a worker; null in
    /// production.</summary>
    public Action<string, int>? BeforeItem { get; set; }

    /// <summary>Number of sweeps rebuilt by this silo so far.</summary>
    public int Builds => _builds;

    private int _builds;

    /// <summary>The sweep of <paramref name="spec"/>, built on first use.</summary>
    public IWorkSweep Open(WorkSweepSpec spec)
    {
        if (_sweeps.Count >= Capacity)
            foreach (var key in _sweeps.Keys.Take(_sweeps.Count - Capacity + 1)) _sweeps.TryRemove(key, out _);
        var lazy = _sweeps.GetOrAdd(spec.Fingerprint, _ => new Lazy<IWorkSweep>(() =>
        {
            Interlocked.Increment(ref _builds);
            return WorkSweepKinds.Open(spec);
        }));
        try
        {
            return lazy.Value;
        }
        catch
        {
            _sweeps.TryRemove(spec.Fingerprint, out _); // an input error is not cached: the next batch reports it again
            throw;
        }
    }
}
