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

    /// <summary>How long a silo whose call failed gets no new batches (unless no other silo is left): 10 s, about the
    /// time membership takes to declare a crashed silo dead (ParleySilo's failure detection).</summary>
    private static readonly TimeSpan SuspectFor = TimeSpan.FromSeconds(10);

    /// <summary>Shortest wait for a batch's answer before it is sent again: 20 s (see <see cref="Overdue"/>).</summary>
    private static readonly TimeSpan MinimumPatience = TimeSpan.FromSeconds(20);

    private sealed record InFlight(int[] Items, SiloAddress Silo, int Attempt, DateTime Sent);

    private sealed record Queued(int[] Items, int Attempt, DateTime NotBefore);

    /// <summary>The state of one run: batches waiting (with their earliest send time), batches in flight, shunned silos.</summary>
    private sealed class Run(IWorkSweep sweep, WorkSweepSpec spec, IEnumerable<int[]> batches, int done)
    {
        public readonly IWorkSweep Sweep = sweep;
        public readonly WorkSweepSpec Spec = spec;
        public readonly Queue<Queued> Fresh = new(batches.Select(b => new Queued(b, 1, DateTime.MinValue)));
        public readonly List<Queued> Retry = []; // few: batches sent again, each with its earliest send time
        public readonly Dictionary<Task<WorkBatchReport>, InFlight> Flying = [];
        public readonly Dictionary<SiloAddress, int> Busy = []; // batches in flight per silo

        public int WaitingCount => Fresh.Count + Retry.Count;

        public void Fly(Task<WorkBatchReport> task, InFlight f)
        {
            Flying.Add(task, f);
            Busy[f.Silo] = Busy.GetValueOrDefault(f.Silo) + 1;
        }

        public InFlight Land(Task<WorkBatchReport> task)
        {
            var f = Flying[task];
            Flying.Remove(task);
            Busy[f.Silo]--;
            return f;
        }

        /// <summary>The next batch due to be sent (re-sends first), or null.</summary>
        public Queued? Next(DateTime now)
        {
            var i = Retry.FindIndex(q => q.NotBefore <= now);
            if (i >= 0)
            {
                var q = Retry[i];
                Retry.RemoveAt(i);
                return q;
            }
            return Fresh.Count > 0 ? Fresh.Dequeue() : null;
        }
        public readonly Dictionary<SiloAddress, DateTime> Suspects = [];
        public int Done = done;
        public TimeSpan Longest = TimeSpan.Zero; // longest answered batch so far
        public SiloAddress[] Silos = [];
        public DateTime SilosAsked = DateTime.MinValue;
    }

    private async Task RunBatches(IWorkSweep sweep, WorkSweepSpec spec, List<int[]> todo, int doneCount, Action<int, int>? progress, CancellationToken ct)
    {
        var run = new Run(sweep, spec, todo, doneCount);
        var poll = TimeSpan.FromSeconds(_options.MembershipPollSeconds);
        var noSiloSince = DateTime.UtcNow;
        while (run.WaitingCount > 0 || run.Flying.Count > 0)
        {
            ct.ThrowIfCancellationRequested();
            if (DateTime.UtcNow - run.SilosAsked >= poll || run.Silos.Length == 0)
                (run.Silos, run.SilosAsked) = (await LiveSilos(ct), DateTime.UtcNow); // membership, at most once per poll
            var silos = run.Silos;
            if (silos.Length == 0)
            {
                if (DateTime.UtcNow - noSiloSince > TimeSpan.FromSeconds(_options.NoSiloTimeoutSeconds))
                    throw new InvalidOperationException($"no live silo in the cluster for {_options.NoSiloTimeoutSeconds} s; {run.WaitingCount + run.Flying.Count} batches not run");
                await Task.Delay(poll, ct);
                continue;
            }
            noSiloSince = DateTime.UtcNow;
            foreach (var (task, f) in run.Flying.Where(p => !silos.Contains(p.Value.Silo)).ToArray())
            {
                run.Land(task); // its silo left the cluster: give up on the call (a late answer is ignored) and re-send
                Observe(task);
                Requeue(run, f, null);
            }
            Submit(run, silos);
            await Task.WhenAny(run.Flying.Keys.Append(Task.Delay(poll, ct)));
            Collect(run, progress, ct);
            Overdue(run);
        }
    }

    /// <summary>Sends waiting batches that are due to the least busy trusted silos, up to BatchesPerSilo each.</summary>
    private void Submit(Run run, SiloAddress[] silos)
    {
        var now = DateTime.UtcNow;
        var trusted = silos.Where(x => !(run.Suspects.TryGetValue(x, out var until) && until > now)).ToArray();
        if (trusted.Length == 0) trusted = silos;
        while (run.Flying.Count < silos.Length * _options.BatchesPerSilo && run.Next(now) is { } q)
        {
            var silo = trusted.MinBy(x => run.Busy.GetValueOrDefault(x))!;
            RequestContext.Set(IPlacementDirector.PlacementHintKey, silo);
            try
            {
                var grain = client.GetGrain<IWorkItemsGrain>($"{run.Spec.Fingerprint}/{q.Items[0]}/{q.Attempt}");
                run.Fly(grain.Evaluate(WorkBatch.Of(run.Spec, q.Items)), new InFlight(q.Items, silo, q.Attempt, DateTime.UtcNow));
            }
            finally
            {
                RequestContext.Remove(IPlacementDirector.PlacementHintKey);
            }
        }
    }

    /// <summary>Takes in the answers that have arrived: reports count, failed calls go back to the queue.</summary>
    private void Collect(Run run, Action<int, int>? progress, CancellationToken ct)
    {
        foreach (var task in run.Flying.Keys.Where(t => t.IsCompleted).ToArray())
        {
            var f = run.Land(task);
            if (task.IsCompletedSuccessfully)
            {
                var report = task.Result;
                if (report.Failure is not null) ReproduceFailure(run.Sweep, report, ct);
                _bySilo[report.Silo] = _bySilo.GetValueOrDefault(report.Silo) + report.Evaluated;
                if (DateTime.UtcNow - f.Sent > run.Longest) run.Longest = DateTime.UtcNow - f.Sent;
                run.Done += f.Items.Length;
                progress?.Invoke(run.Done, run.Sweep.Count);
            }
            else
            {
                // a failed call (often a silo that died and is not yet declared dead): shun that silo for a while
                run.Suspects[f.Silo] = DateTime.UtcNow + SuspectFor;
                run.SilosAsked = DateTime.MinValue; // and ask membership again at once
                Requeue(run, f, task.Exception?.GetBaseException());
            }
        }
    }

    /// <summary>A call whose silo is alive can still be lost: a request in transit through a gateway silo that was killed
    /// gets no answer until Orleans' response timeout (30 min, kept long for long batches). A batch with no answer after
    /// 5 × the longest answered batch (at least 20 s) is therefore sent again; a late answer is harmless (first write wins).</summary>
    private void Overdue(Run run)
    {
        var patience = TimeSpan.FromTicks(Math.Max(MinimumPatience.Ticks, 5 * run.Longest.Ticks));
        foreach (var (task, _) in run.Flying.Where(p => DateTime.UtcNow - p.Value.Sent > patience).ToArray())
        {
            var f = run.Land(task);
            Observe(task);
            Requeue(run, f, new TimeoutException($"no answer from silo {f.Silo} in {patience.TotalSeconds:F0} s"));
        }
    }

    /// <summary>Queues a batch again after a back-off of 0.25 s × 2^(attempt − 1), at most 5 s; fails the sweep after MaxAttempts.</summary>
    private void Requeue(Run run, InFlight f, Exception? error)
    {
        if (f.Attempt >= _options.MaxAttempts)
            throw new InvalidOperationException($"batch of items {f.Items[0]}–{f.Items[^1]} failed {f.Attempt} times; last error: {error?.Message ?? "its silo left the cluster"}", error);
        Interlocked.Increment(ref _retries);
        var wait = TimeSpan.FromSeconds(Math.Min(5, 0.25 * Math.Pow(2, f.Attempt - 1)));
        run.Retry.Add(new Queued(f.Items, f.Attempt + 1, DateTime.UtcNow + wait));
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
