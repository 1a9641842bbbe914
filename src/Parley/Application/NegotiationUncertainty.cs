// The application layer's uncertainty job (issue 14): a negotiation file's draws as a WorkSweepSpec, run by an
// IWorkExecutor (LocalWorkExecutor by default; the cluster executor plugs in here), summarised by DrawSummary from the
// assembled results alone. Hosts call this, never the sweep directly.
using System.Diagnostics;
using System.Globalization;
using Parley.Application.WorkItems;
using Parley.Internals;
using Parley.Negotiation;
using Parley.Negotiation.Uncertainty;

namespace Parley.Application;

/// <summary>Options of a draws run.</summary>
public sealed record UncertaintyRunOptions
{
    /// <summary>Number of draws (CLI <c>--draws</c>); default: the file's <c>uncertainty.draws</c>. 1 … 1,000,000.</summary>
    public int? Draws { get; init; }

    /// <summary>Seed (CLI <c>--seed</c>); default: the file's <c>uncertainty.seed</c>, else 2025.</summary>
    public ulong? Seed { get; init; }

    /// <summary>Use the first-order screen (default true); false solves every package of every draw exactly.</summary>
    public bool Screen { get; init; } = true;

    /// <summary>Also solve exactly every package whose IR status the screen leaves open (default false: only the
    /// headline answers — reference package, ZOPA, Nash, Kalai — are made exact; the rest report their doubt share).</summary>
    public bool ResolveAll { get; init; }

    /// <summary>Make exact only what P(ZOPA) and the reference package's IR need (CLI <c>--resolve zopa</c>); default false.
    /// Nash and Kalai then come from the screen, with the share of draws where they stayed open reported.</summary>
    public bool ZopaOnly { get; init; }

    /// <summary>Who runs the draws; default a <see cref="LocalWorkExecutor"/> on every core.</summary>
    public IWorkExecutor? Executor { get; init; }
}

/// <summary>The central draw's utilities and bargaining solutions (<see cref="NegotiationUncertainty.Central"/>).</summary>
/// <param name="Utility1">Party 1's utility of every package (enumeration order) at the centre.</param>
/// <param name="Utility2">Party 2's utility of every package at the centre.</param>
/// <param name="Reservation1">Party 1's reservation value at the centre.</param>
/// <param name="Reservation2">Party 2's reservation value at the centre.</param>
/// <param name="Nash">The central Nash package, or null without a ZOPA at the centre.</param>
/// <param name="KalaiSmorodinsky">The central Kalai–Smorodinsky package, or null.</param>
public sealed record CentralBargain(IReadOnlyList<double> Utility1, IReadOnlyList<double> Utility2, double Reservation1, double Reservation2, int? Nash, int? KalaiSmorodinsky);

/// <summary>Runs the uncertainty analysis of a negotiation file.</summary>
public static class NegotiationUncertainty
{
    /// <summary>The sweep of <paramref name="path"/> with the run's options, as text any worker can rebuild.</summary>
    public static WorkSweepSpec SweepSpec(string path, UncertaintyRunOptions options) =>
        SweepSpecOfText(InputFiles.ReadText(path, "YAML file", InputLimits.MaxYamlBytes), path, options);

    /// <summary>The sweep of negotiation YAML given as text (an HTTP body or a stored run's input); <paramref name="sourceName"/>
    /// names it in errors and resolves its relative paths, as <see cref="NegotiationRunner.LoadText"/> does.</summary>
    public static WorkSweepSpec SweepSpecOfText(string yaml, string sourceName, UncertaintyRunOptions options)
    {
        var o = new Dictionary<string, string>();
        if (options.Draws is { } d) o[NegotiationDrawSweep.DrawsOption] = d.ToString(CultureInfo.InvariantCulture);
        if (options.Seed is { } s) o[NegotiationDrawSweep.SeedOption] = s.ToString(CultureInfo.InvariantCulture);
        if (!options.Screen) o[NegotiationDrawSweep.ScreenOption] = "off";
        if (options.ResolveAll && options.ZopaOnly)
            throw new ParleyInputException("(command line)", null, "--resolve", "zopa", "either --resolve-all or --resolve zopa, not both");
        if (options.ResolveAll) o[NegotiationDrawSweep.ResolveOption] = "all";
        if (options.ZopaOnly) o[NegotiationDrawSweep.ResolveOption] = "zopa";
        return new WorkSweepSpec(WorkSweepKinds.NegotiationDraws, sourceName, yaml, o);
    }

    /// <summary>Checks the options and the file (parse, inputs, limits) without solving anything.</summary>
    public static NegotiationDrawSweep Prepare(string path, UncertaintyRunOptions options)
    {
        Check(options);
        return NegotiationDrawSweep.Open(SweepSpec(path, options));
    }

    /// <summary><see cref="Prepare"/> for YAML given as text (see <see cref="SweepSpecOfText"/>).</summary>
    public static NegotiationDrawSweep PrepareText(string yaml, string sourceName, UncertaintyRunOptions options)
    {
        Check(options);
        return NegotiationDrawSweep.Open(SweepSpecOfText(yaml, sourceName, options));
    }

    private static void Check(UncertaintyRunOptions options)
    {
        if (options.Draws is { } d && (d < 1 || d > UncertaintySpec.MaxDraws))
            throw new ParleyInputException("(command line)", null, "--draws", d.ToString(CultureInfo.InvariantCulture), $"a whole number from 1 to {UncertaintySpec.MaxDraws:N0}");
        if (options.Seed is { } s && s >= 1UL << 53)
            throw new ParleyInputException("(command line)", null, "--seed", s.ToString(CultureInfo.InvariantCulture), "a whole number from 0 to 2^53 − 1");
    }

    /// <summary>Runs every draw through the executor and summarises.</summary>
    public static Task<UncertaintyRun> RunAsync(string path, UncertaintyRunOptions options, Action<int, int>? progress = null, CancellationToken cancellationToken = default)
    {
        var sw = Stopwatch.StartNew();
        Check(options);
        return RunAsync(SweepSpec(path, options), options, sw, progress, cancellationToken);
    }

    /// <summary><see cref="RunAsync(string, UncertaintyRunOptions, Action{int, int}?, CancellationToken)"/> for YAML given as text
    /// (the web workbench: a posted body or a stored run's input); the same sweep, summary and JSON as for a file of that text.</summary>
    public static Task<UncertaintyRun> RunTextAsync(string yaml, string sourceName, UncertaintyRunOptions options, Action<int, int>? progress = null, CancellationToken cancellationToken = default)
    {
        var sw = Stopwatch.StartNew();
        Check(options);
        return RunAsync(SweepSpecOfText(yaml, sourceName, options), options, sw, progress, cancellationToken);
    }

    private static async Task<UncertaintyRun> RunAsync(WorkSweepSpec spec, UncertaintyRunOptions options, Stopwatch sw, Action<int, int>? progress, CancellationToken cancellationToken)
    {
        var sweep = NegotiationDrawSweep.Open(spec);
        var executor = options.Executor ?? new LocalWorkExecutor();
        if (executor is LocalWorkExecutor && sweep.ScreenOn && sweep.Layout.Inputs.Any(i => i.IsModelInput)) _ = sweep.Screen; // build once, before the threads start
        var results = await executor.RunAsync(spec, progress, cancellationToken).ConfigureAwait(false);
        var summary = Summarise(sweep, results);
        return new UncertaintyRun(sweep.Layout.Spec, sweep.Layout, summary, results, sw.Elapsed.TotalMilliseconds);
    }

    /// <summary>Synchronous <see cref="RunAsync(string, UncertaintyRunOptions, Action{int, int}?, CancellationToken)"/>.</summary>
    public static UncertaintyRun Run(string path, UncertaintyRunOptions options, Action<int, int>? progress = null) =>
        RunAsync(path, options, progress).GetAwaiter().GetResult();

    /// <summary>The bargaining solutions of the central draw (every uncertain input at its distribution's centre): the
    /// utilities the screen expands around and their Nash and Kalai–Smorodinsky packages (RiskAttitude.Solve, as in every draw).
    /// It reads the sweep's screen (or, without model inputs, its central solve), so after a screened run of the same sweep
    /// it costs no solve; with the screen off it solves every row once at the centre.</summary>
    public static CentralBargain Central(NegotiationDrawSweep sweep)
    {
        var c = sweep.CentralDraw();
        var b = RiskAttitude.Solve(c.U1, c.U2, c.D1, c.D2, c.Risk1, c.Risk2);
        return new CentralBargain(c.U1, c.U2, c.D1, c.D2, b.Nash, b.KalaiSmorodinsky);
    }

    /// <summary>The summary of assembled results (the same whichever executor produced them).</summary>
    public static UncertaintySummary Summarise(NegotiationDrawSweep sweep, IReadOnlyList<double[]> results)
    {
        return DrawSummary.Summarise(sweep.Layout, results, sweep.Seed, sweep.Reference, sweep.ScreenSolves);
    }

    /// <summary>The run manifest of a draws run.</summary>
    public static RunManifest Manifest(UncertaintyRun r, string command) => new(RunManifest.ParleyVersion, command, r.Spec.SourceFile,
        RunManifest.Sha256(r.Spec.SourceFile), r.Spec.Baseline.Dataset, r.Spec.Baseline.Dataset, r.Spec.Baseline.Model.ToString(),
        new Dictionary<string, string>
        {
            ["draws"] = r.Summary.Draws.ToString(CultureInfo.InvariantCulture),
            ["seed"] = r.Summary.Seed.ToString(CultureInfo.InvariantCulture),
            ["packages"] = r.Layout.Packages.Count.ToString(CultureInfo.InvariantCulture),
            ["inputs"] = r.Layout.Inputs.Count.ToString(CultureInfo.InvariantCulture),
        },
        [], RunManifest.Now, RunManifest.MachineDescription);
}
