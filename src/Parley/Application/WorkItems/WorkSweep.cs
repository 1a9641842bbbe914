// A sweep cut into independent work items, so that any executor — this process's threads (LocalWorkExecutor) or an
// Orleans cluster (src/Parley.Cluster) — can run it. Each item is a pure function of the sweep's inputs and its index:
// re-running an item after a worker dies gives the same bits, results can be checkpointed by index, and the assembled
// answer is bit-for-bit the same whichever executor ran it and in whatever order. (Decision 0030 records the contract.)
using System.Security.Cryptography;
using System.Text;

namespace Parley.Application.WorkItems;

/// <summary>Everything a worker needs to rebuild a sweep, as text (a worker may run on another machine, so no paths).</summary>
/// <param name="Kind">Which sweep: <see cref="WorkSweepKinds"/>.</param>
/// <param name="SourceName">The input file's name as the user gave it (for messages and manifests only).</param>
/// <param name="InputText">The input file's full text (YAML).</param>
/// <param name="Options">The run's options that change results (e.g. draws, seed), as invariant-culture text.</param>
public sealed record WorkSweepSpec(string Kind, string SourceName, string InputText, IReadOnlyDictionary<string, string> Options)
{
    /// <summary>SHA-256 (hex) over kind, input text and the sorted options: two specs with the same fingerprint give the
    /// same results, and a worker refuses an item whose fingerprint is not its sweep's.</summary>
    public string Fingerprint
    {
        get
        {
            var text = new StringBuilder().Append(Kind).Append('\n').Append(InputText).Append('\n');
            foreach (var (k, v) in Options.OrderBy(p => p.Key, StringComparer.Ordinal)) text.Append(k).Append('=').Append(v).Append('\n');
            return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
        }
    }
}

/// <summary>A prepared sweep: <see cref="Count"/> items, each computed by <see cref="Evaluate"/>.</summary>
public interface IWorkSweep
{
    /// <summary>The <see cref="WorkSweepSpec.Fingerprint"/> of the spec this sweep was built from.</summary>
    string Fingerprint { get; }

    /// <summary>Number of work items, indexed 0 … Count − 1.</summary>
    int Count { get; }

    /// <summary>Computes item <paramref name="item"/>. Must be deterministic and independent of every other item (no warm
    /// start from another item's solution; warm starts from the sweep's own central solution are fine), and thread-safe.
    /// Non-convergence and input errors are thrown as Parley's own exception kinds.</summary>
    double[] Evaluate(int item, CancellationToken cancellationToken);
}

/// <summary>Runs all items of a sweep and returns their results by index.</summary>
public interface IWorkExecutor
{
    /// <summary>Runs every item of the sweep built from <paramref name="spec"/>; <paramref name="progress"/> gets (done, total).
    /// The result's element i is item i's result, whatever order items ran in.</summary>
    Task<double[][]> RunAsync(WorkSweepSpec spec, Action<int, int>? progress, CancellationToken cancellationToken);
}

/// <summary>The sweep kinds a worker can rebuild.</summary>
public static class WorkSweepKinds
{
    /// <summary>A negotiation file with uncertainty (issue 14): items are draws.</summary>
    public const string NegotiationDraws = "negotiation-draws";

    /// <summary>A scenario file with <c>sweep:</c>: items are variants.</summary>
    public const string ScenarioSweep = "scenario-sweep";

    /// <summary>Builds the sweep of <paramref name="spec"/>; an unknown kind is an input error.</summary>
    public static IWorkSweep Open(WorkSweepSpec spec) => spec.Kind switch
    {
        NegotiationDraws => NegotiationDrawSweep.Open(spec),
        ScenarioSweep => ScenarioSweepWork.Open(spec),
        _ => throw new ParleyInputException(spec.SourceName, null, "kind", spec.Kind,
            $"a sweep kind this version of Parley runs: {NegotiationDraws} or {ScenarioSweep}"),
    };
}

/// <summary>Runs a sweep's items on this process's threads.</summary>
public sealed class LocalWorkExecutor : IWorkExecutor
{
    /// <summary>Degree of parallelism; default: the processor count.</summary>
    public int Parallelism { get; init; } = Environment.ProcessorCount;

    /// <inheritdoc />
    public Task<double[][]> RunAsync(WorkSweepSpec spec, Action<int, int>? progress, CancellationToken cancellationToken) =>
        Task.FromResult(Run(WorkSweepKinds.Open(spec), progress, cancellationToken));

    /// <summary>Runs every item of an already prepared sweep.</summary>
    public double[][] Run(IWorkSweep sweep, Action<int, int>? progress, CancellationToken cancellationToken)
    {
        var results = new double[sweep.Count][];
        var done = 0;
        Parallel.For(0, sweep.Count, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, Parallelism), CancellationToken = cancellationToken },
            i =>
            {
                results[i] = sweep.Evaluate(i, cancellationToken);
                progress?.Invoke(Interlocked.Increment(ref done), sweep.Count);
            });
        return results;
    }
}
