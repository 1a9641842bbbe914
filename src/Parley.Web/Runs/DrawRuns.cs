// The workbench's draws runs (issue 14): `/api/negotiate?draws=N` and the negotiation room's probability layer. The
// numbers come from NegotiationUncertainty.RunTextAsync — the call `parley negotiate FILE --draws N` makes, on the same
// text — and the JSON from UncertaintyReport.JsonText, the CLI's writer. What the web adds is a bound: at most
// WebOptions.MaxDraws draws a request, one run at a time (a few more may wait), cancelled when the client goes away,
// and the same file and options answered from the cache (docs/web.md, decision 0039).
using System.Collections.Concurrent;
using System.Globalization;
using Parley.Application;
using Parley.Reports;

namespace Parley.Web.Runs;

/// <summary>A draws request as its query string gives it (<c>draws</c>, <c>seed</c>, <c>resolve</c>), checked against the web's cap.</summary>
/// <param name="Draws">Number of draws, or null (the file's <c>uncertainty.draws</c>).</param>
/// <param name="Seed">Seed, or null (the file's <c>uncertainty.seed</c>, else 2025).</param>
/// <param name="ZopaOnly">True for <c>resolve=zopa</c> (CLI <c>--resolve zopa</c>); default headline.</param>
public sealed record DrawsRequest(int? Draws, ulong? Seed, bool ZopaOnly)
{
    /// <summary>Parses and checks the query values; an input error (HTTP 400) names the field, the value and the bound.</summary>
    public static DrawsRequest Parse(string? draws, string? seed, string? resolve, int cap)
    {
        int? d = null;
        if (draws is not null)
            d = int.TryParse(draws, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1 && n <= cap ? n
                : throw new ParleyInputException("(request)", null, "draws", draws, CapText(cap));
        ulong? s = null;
        if (seed is not null)
            s = ulong.TryParse(seed, NumberStyles.None, CultureInfo.InvariantCulture, out var v) && v < 1UL << 53 ? v
                : throw new ParleyInputException("(request)", null, "seed", seed, "a whole number from 0 to 2^53 − 1");
        var zopa = (resolve ?? "headline") switch
        {
            "headline" => false,
            "zopa" => true,
            _ => throw new ParleyInputException("(request)", null, "resolve", resolve, "headline or zopa"),
        };
        return new DrawsRequest(d, s, zopa);
    }

    /// <summary>What a draws count must be in the workbench.</summary>
    public static string CapText(int cap) =>
        $"a whole number of draws from 1 to {cap:N0} (the workbench's cap; the CLI takes up to 1,000,000)";

    /// <summary>True when the request names anything a plain negotiation does not take (seed or resolve without draws).</summary>
    public bool HasDrawOptions => Seed is not null || ZopaOnly;
}

/// <summary>A finished draws run as the workbench answers it.</summary>
/// <param name="Json">The JSON text of <c>parley negotiate FILE --draws N --format json</c> (<see cref="UncertaintyReport.JsonText"/>).</param>
/// <param name="Central">The central draw's utilities, Nash and Kalai–Smorodinsky packages (enumeration order).</param>
public sealed record DrawsAnswer(string Json, CentralBargain Central);

/// <summary>Where a running draws request is: waiting for the run before it, or <see cref="Done"/> of <see cref="Total"/> draws.</summary>
public sealed class DrawsProgress(int total)
{
    private int _done;

    /// <summary><c>waiting</c> (another run holds the engine) or <c>running</c> (building the screen while <see cref="Done"/> is 0).</summary>
    public string State { get; internal set; } = "waiting";

    /// <summary>Draws finished.</summary>
    public int Done => Volatile.Read(ref _done);

    /// <summary>Draws asked for.</summary>
    public int Total { get; } = total;

    internal void Report(int done)
    {
        int seen;
        while (done > (seen = Volatile.Read(ref _done)) && Interlocked.CompareExchange(ref _done, done, seen) != seen) { }
    }
}

/// <summary>Runs draws for the web host: bounded, one at a time, cancellable, cached.</summary>
public sealed class DrawRuns(ResultCache cache, WebOptions options)
{
    /// <summary>Most draws requests waiting behind the running one; more are refused (HTTP 400) until the queue shortens.</summary>
    public const int MaxWaiting = 4;

    private readonly SemaphoreSlim _engine = new(1, 1);
    private readonly ConcurrentDictionary<string, DrawsProgress> _progress = new(StringComparer.Ordinal);
    private int _queued;

    /// <summary>The progress of the request that registered <paramref name="id"/>, or null.</summary>
    public DrawsProgress? Progress(string id) => _progress.GetValueOrDefault(id);

    /// <summary>The draws of negotiation YAML <paramref name="yaml"/> (named <paramref name="sourceName"/> in errors).
    /// <paramref name="progressId"/> (optional, 8–64 letters or digits) makes the run's progress readable by <see cref="Progress"/>.</summary>
    public async Task<DrawsAnswer> RunAsync(string yaml, string sourceName, DrawsRequest request, string? progressId, CancellationToken cancellationToken)
    {
        var spec = NegotiationRunner.LoadText(yaml, sourceName); // the file's errors before any waiting
        var draws = request.Draws ?? spec.Uncertainty?.Draws
            ?? throw new ParleyInputException("(request)", null, "draws", null, "draws=N (the file's uncertainty: block sets no draws)");
        if (draws > options.MaxDraws)
            throw new ParleyInputException(sourceName, null, "uncertainty.draws", draws.ToString(CultureInfo.InvariantCulture), CapText(options.MaxDraws) + "; pass draws=N");
        if (progressId is not null && (progressId.Length is < 8 or > 64 || !progressId.All(char.IsAsciiLetterOrDigit)))
            throw new ParleyInputException("(request)", null, "progress", progressId, "8 to 64 letters or digits (an id the page chose)");
        var run = new UncertaintyRunOptions { Draws = draws, Seed = request.Seed, ZopaOnly = request.ZopaOnly };
        var key = CacheKey(yaml, request with { Draws = draws });
        if (cache.Get<DrawsAnswer>(key) is { } hit) return hit;
        if (Interlocked.Increment(ref _queued) > MaxWaiting + 1)
        {
            Interlocked.Decrement(ref _queued);
            throw new ParleyInputException("(request)", null, "draws", draws.ToString(CultureInfo.InvariantCulture),
                $"a draws run when at most {MaxWaiting} others are waiting (one runs at a time; try again when one has finished)");
        }
        var progress = new DrawsProgress(draws);
        if (progressId is not null) _progress[progressId] = progress;
        try
        {
            await _engine.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                if (cache.Get<DrawsAnswer>(key) is { } computed) return computed; // drawn while this request waited
                progress.State = "running";
                var sweep = NegotiationUncertainty.PrepareText(yaml, sourceName, run);
                var result = await Task.Run(() => NegotiationUncertainty.RunTextAsync(yaml, sourceName, run, (done, _) => progress.Report(done), cancellationToken), cancellationToken)
                    .ConfigureAwait(false);
                var answer = new DrawsAnswer(UncertaintyReport.JsonText(result), NegotiationUncertainty.Central(sweep));
                cache.Put(key, answer);
                return answer;
            }
            finally
            {
                _engine.Release();
            }
        }
        finally
        {
            Interlocked.Decrement(ref _queued);
            if (progressId is not null) _progress.TryRemove(progressId, out _);
        }
    }

    /// <summary>The cache key of a draws run (the YAML and the options that change its numbers).</summary>
    internal static string CacheKey(string yaml, DrawsRequest request) => ResultCache.Key("negotiation-draws", yaml,
        $"draws={request.Draws?.ToString(CultureInfo.InvariantCulture) ?? "file"};seed={request.Seed?.ToString(CultureInfo.InvariantCulture) ?? "file"};zopa={request.ZopaOnly}");

    private static string CapText(int cap) => DrawsRequest.CapText(cap);
}
