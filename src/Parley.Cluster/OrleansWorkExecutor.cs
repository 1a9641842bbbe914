// The cluster's side of the work-item contract (decision 0030). The client, not a grain, coordinates: it cuts the
// sweep into batches, sends each to a live silo chosen by a placement hint, and watches membership; a batch whose silo
// died, or whose call failed, is sent again (to a fresh choice of silo) up to MaxAttempts times. Workers checkpoint
// before they answer and the store keeps the first row per item, so a batch run twice — a slow silo that was given up
// on, a duplicate submission — costs time, never a duplicate or a different number. The answer is read back from the
// checkpoints, so it is bit-for-bit what the workers computed, which is bit-for-bit LocalWorkExecutor's (items are
// deterministic). A sweep already partly checkpointed (a client that died) resumes: done items are not sent.
using Orleans.Runtime;
using Orleans.Runtime.Placement;
using Parley.Application.WorkItems;
using Parley.Cluster.Checkpoints;
using Parley.Cluster.Grains;

namespace Parley.Cluster;

/// <summary>Runs a sweep's items on an Orleans cluster through <paramref name="client"/>, results in <paramref name="checkpoints"/>.</summary>
public sealed class OrleansWorkExecutor(IClusterClient client, IWorkCheckpoints checkpoints, OrleansWorkOptions? options = null) : IWorkExecutor
{
    private readonly OrleansWorkOptions _options = (options ?? new OrleansWorkOptions()).Validated();

    /// <summary>Batches sent again after a failed call or a dead silo, over this executor's life.</summary>
    public int Retries => _retries;

    /// <summary>Items evaluated per silo address in the last run (from the workers' reports; re-sent batches count twice).</summary>
    public IReadOnlyDictionary<string, int> ItemsBySilo => _bySilo;

    private int _retries;
    private Dictionary<string, int> _bySilo = [];

    /// <inheritdoc />
    public async Task<double[][]> RunAsync(WorkSweepSpec spec, Action<int, int>? progress, CancellationToken cancellationToken)
    {
        var sweep = WorkSweepKinds.Open(spec); // input errors here, before anything is sent
        var fingerprint = spec.Fingerprint;
        await checkpoints.EnsureCreatedAsync(cancellationToken);
        var done = await checkpoints.DoneAsync(fingerprint, cancellationToken);
        var size = _options.BatchSizeFor(sweep.Count);
        var todo = Enumerable.Range(0, sweep.Count).Where(i => !done.Contains(i)).Chunk(size).ToList();
        var doneCount = sweep.Count - todo.Sum(b => b.Length);
        progress?.Invoke(doneCount, sweep.Count);
        _bySilo = [];
        await RunBatches(sweep, spec, todo, doneCount, progress, cancellationToken);
        var rows = await checkpoints.ReadAsync(fingerprint, cancellationToken);
        var results = new double[sweep.Count][];
        for (var i = 0; i < results.Length; i++)
            results[i] = rows.TryGetValue(i, out var r) ? r : throw new InvalidOperationException($"sweep {fingerprint[..12]}: item {i} has no checkpoint after every batch reported");
        return results;
    }

    private sealed record InFlight(int[] Items, SiloAddress Silo, int Attempt);

    private async Task RunBatches(IWorkSweep sweep, WorkSweepSpec spec, List<int[]> todo, int doneCount, Action<int, int>? progress, CancellationToken ct)
    {
        var queue = new Queue<(int[] Items, int Attempt)>(todo.Select(b => (b, 1)));
        var flying = new Dictionary<Task<WorkBatchReport>, InFlight>();
        var poll = TimeSpan.FromSeconds(_options.MembershipPollSeconds);
        var noSiloSince = DateTime.UtcNow;
        while (queue.Count > 0 || flying.Count > 0)
        {
            ct.ThrowIfCancellationRequested();
            var silos = await LiveSilos(ct);
            if (silos.Length == 0)
            {
                if (DateTime.UtcNow - noSiloSince > TimeSpan.FromSeconds(_options.NoSiloTimeoutSeconds))
                    throw new InvalidOperationException($"no live silo in the cluster for {_options.NoSiloTimeoutSeconds} s; {queue.Count + flying.Count} batches not run");
                await Task.Delay(poll, ct);
                continue;
            }
            noSiloSince = DateTime.UtcNow;
            foreach (var (task, f) in flying.Where(p => !silos.Contains(p.Value.Silo)).ToArray())
            {
                flying.Remove(task); // its silo left the cluster: give up on the call (a late answer is ignored) and re-send
                Observe(task);
                Requeue(queue, f.Items, f.Attempt);
            }
            while (queue.Count > 0 && flying.Count < silos.Length * _options.BatchesPerSilo)
            {
                var (items, attempt) = queue.Dequeue();
                var silo = silos.MinBy(s => flying.Values.Count(f => f.Silo.Equals(s)))!;
                RequestContext.Set(IPlacementDirector.PlacementHintKey, silo);
                try
                {
                    var grain = client.GetGrain<IWorkItemsGrain>($"{spec.Fingerprint}/{items[0]}/{attempt}");
                    flying.Add(grain.Evaluate(WorkBatch.Of(spec, items)), new InFlight(items, silo, attempt));
                }
                finally
                {
                    RequestContext.Remove(IPlacementDirector.PlacementHintKey);
                }
            }
            var finished = await Task.WhenAny(flying.Keys.Append(Task.Delay(poll, ct)));
            foreach (var task in flying.Keys.Where(t => t.IsCompleted).ToArray())
            {
                var f = flying[task];
                flying.Remove(task);
                if (task.IsCompletedSuccessfully)
                {
                    var report = task.Result;
                    if (report.Failure is not null) ReproduceFailure(sweep, report, ct);
                    _bySilo[report.Silo] = _bySilo.GetValueOrDefault(report.Silo) + report.Evaluated;
                    doneCount += f.Items.Length;
                    progress?.Invoke(doneCount, sweep.Count);
                }
                else Requeue(queue, f.Items, f.Attempt, task.Exception?.GetBaseException());
            }
            _ = finished;
        }
    }

    private void Requeue(Queue<(int[] Items, int Attempt)> queue, int[] items, int attempt, Exception? error = null)
    {
        if (attempt >= _options.MaxAttempts)
            throw new InvalidOperationException($"batch of items {items[0]}–{items[^1]} failed {attempt} times; last error: {error?.Message ?? "its silo left the cluster"}", error);
        Interlocked.Increment(ref _retries);
        queue.Enqueue((items, attempt + 1));
    }

    /// <summary>Silos the cluster counts as active now.</summary>
    private async Task<SiloAddress[]> LiveSilos(CancellationToken ct)
    {
        try
        {
            var hosts = await client.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true).WaitAsync(TimeSpan.FromSeconds(10), ct);
            return [.. hosts.Keys];
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return []; // the gateway asked was the silo that died: ask again next round
        }
    }

    /// <summary>A worker reported a deterministic failure (input error, non-convergence): evaluate the item here, which
    /// raises the same exception with all its fields, as a local run would.</summary>
    private static void ReproduceFailure(IWorkSweep sweep, WorkBatchReport report, CancellationToken ct)
    {
        sweep.Evaluate(report.FailedItem, ct);
        throw new InvalidOperationException($"item {report.FailedItem} failed on silo {report.Silo} ({report.Failure}) but succeeds in this process");
    }

    private static void Observe(Task task) => task.ContinueWith(t => _ = t.Exception, TaskScheduler.Default);
}
