// Long runs (pricing a negotiation, a multi-sector solve) run as background jobs the page polls: GET /api/jobs/{id}
// gives status and progress, POST /api/jobs/{id}/cancel stops it. Negotiation pricing checks for cancellation after
// every package; a single equilibrium solve cannot be interrupted, so cancelling it discards its result when it ends.
using System.Collections.Concurrent;
using Parley.Web.Internals;

namespace Parley.Web.Jobs;

/// <summary>A background job's state as the API reports it.</summary>
public sealed class Job
{
    internal Job(string id, string kind) { Id = id; Kind = kind; }

    /// <summary>Job id (16 hex digits).</summary>
    public string Id { get; }

    /// <summary><c>scenario</c> or <c>negotiation</c>.</summary>
    public string Kind { get; }

    /// <summary><c>running</c>, <c>done</c>, <c>failed</c> or <c>cancelled</c>.</summary>
    public string Status { get; internal set; } = "running";

    /// <summary>Work items done (packages priced), for the progress bar.</summary>
    public int Done { get; internal set; }

    /// <summary>Work items in all (0 while unknown).</summary>
    public int Total { get; internal set; }

    /// <summary>The one-line error of a failed job.</summary>
    public string? Error { get; internal set; }

    /// <summary>HTTP status the error would have had (400 input, 422 non-convergence, 500).</summary>
    public int? ErrorStatus { get; internal set; }

    /// <summary>The field an input error names (e.g. <c>exporter</c>), else null.</summary>
    public string? ErrorField { get; internal set; }

    /// <summary>The form row (0-based change row) an input error belongs to, else null.</summary>
    public int? ErrorRow { get; internal set; }

    /// <summary>The stored run of a finished job (<c>/runs/{id}</c>).</summary>
    public string? RunId { get; internal set; }

    /// <summary>True once the work has ended (done, failed, or stopped after a cancel).</summary>
    public bool Finished { get; internal set; }

    internal CancellationTokenSource Cancellation { get; } = new();

    /// <summary>Reports progress; throws <see cref="OperationCanceledException"/> once the job is cancelled.</summary>
    public void Progress(int done, int total)
    {
        Cancellation.Token.ThrowIfCancellationRequested();
        Done = done;
        Total = total;
    }
}

/// <summary>The jobs of this process (at most <see cref="MaxRunning"/> at a time).</summary>
public sealed class JobBoard
{
    /// <summary>Most jobs running at once; more are refused with an input error (HTTP 400) until one ends.</summary>
    public const int MaxRunning = 4;

    private readonly ConcurrentDictionary<string, Job> _jobs = new(StringComparer.Ordinal);

    /// <summary>Starts <paramref name="work"/> (which returns the stored run's id) in the background.</summary>
    /// <param name="kind">Job kind.</param>
    /// <param name="work">The work; returns the stored run's id.</param>
    /// <param name="rowOf">Maps an input error to the form row it belongs to (scenario forms), or null.</param>
    public Job Start(string kind, Func<Job, string> work, Func<ParleyInputException, int?>? rowOf = null)
    {
        if (_jobs.Values.Count(j => j.Status == "running") >= MaxRunning)
            throw new ParleyInputException("(request)", null, "jobs", MaxRunning.ToString(System.Globalization.CultureInfo.InvariantCulture), $"at most {MaxRunning} runs at a time (wait for one to finish or cancel it)");
        var job = new Job(Runs.RunStore.NewId(), kind);
        _jobs[job.Id] = job;
        _ = Task.Run(() =>
        {
            try
            {
                var run = work(job);
                if (job.Cancellation.IsCancellationRequested) job.Status = "cancelled";
                else
                {
                    job.RunId = run;
                    job.Status = "done";
                }
            }
            catch (Exception e) when (job.Cancellation.IsCancellationRequested && (e is OperationCanceledException || e is AggregateException a && a.Flatten().InnerExceptions.Any(x => x is OperationCanceledException)))
            {
                job.Status = "cancelled";
            }
            catch (Exception e)
            {
                (job.ErrorStatus, job.Error) = ErrorResponses.Classify(e);
                if (e is ParleyInputException input)
                {
                    job.ErrorField = input.Field;
                    job.ErrorRow = rowOf?.Invoke(input);
                }
                job.Status = "failed";
            }
            finally
            {
                job.Finished = true;
            }
        });
        return job;
    }

    /// <summary>The job, or null.</summary>
    public Job? Get(string id) => _jobs.GetValueOrDefault(id);

    /// <summary>Asks a running job to stop; false when there is no such job.</summary>
    public bool Cancel(string id)
    {
        if (!_jobs.TryGetValue(id, out var job)) return false;
        job.Cancellation.Cancel();
        if (job.Status == "running") job.Status = "cancelled";
        return true;
    }
}
