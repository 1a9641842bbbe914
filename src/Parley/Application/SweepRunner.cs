// `parley simulate` on a file with `sweep:`: every variant is the scenario with one value written in, run through
// ScenarioRunner exactly as a single file would be, in parallel, each against the same status quo. A rate sweep shares
// one status-quo equilibrium (StatusQuoSolutions caches it; parallel variants wait for the one solve); an elasticity sweep
// changes the model itself, so each variant's status quo is the same tariffs solved under that variant's elasticity.
using System.Diagnostics;
using System.Globalization;
using Parley.Models.Numerics;
using Parley.Scenarios;

namespace Parley.Application;

/// <summary>Options of a sweep run.</summary>
public sealed record SweepRunOptions
{
    /// <summary>Largest number of variants run (CLI <c>--max-variants</c>); a sweep with more is refused before any solve.
    /// Default <see cref="Sweep.DefaultMaxVariants"/> (200) variants; at most <see cref="Sweep.HardMaxVariants"/>.</summary>
    public int MaxVariants { get; init; } = Sweep.DefaultMaxVariants;

    /// <summary>Throws an input error (naming <paramref name="source"/>) when a value is out of range.</summary>
    public SweepRunOptions Validated(string source = "(command line)") => MaxVariants is < 1 or > Sweep.HardMaxVariants
        ? throw new ParleyInputException(source, null, "--max-variants", MaxVariants.ToString(CultureInfo.InvariantCulture),
            $"a number of variants from 1 to {Sweep.HardMaxVariants.ToString(CultureInfo.InvariantCulture)}")
        : this;
}

/// <summary>Runs the variants of a sweep file.</summary>
public static class SweepRunner
{
    /// <summary>Runs every variant of <paramref name="s"/>'s sweep against one status quo; the solvers' options as for <see cref="ScenarioRunner.Run"/>.</summary>
    public static SweepResult Run(Scenario s, SweepRunOptions? options = null, string command = "simulate", NewtonOptions? solver = null,
        AndersonOptions? fixedPoint = null)
    {
        var file = s.SourceFile ?? "(scenario)";
        var sweep = s.Sweep ?? throw new ParleyInputException(file, null, "sweep", null, "a 'sweep:' key naming the parameter to vary");
        var o = (options ?? new SweepRunOptions()).Validated();
        if (sweep.Values.Count > o.MaxVariants)
            throw new ParleyInputException(file, sweep.Line, "sweep", $"{sweep.Values.Count.ToString(CultureInfo.InvariantCulture)} variants",
                $"at most {o.MaxVariants.ToString(CultureInfo.InvariantCulture)} variants (raise the limit with --max-variants)");
        var statusQuo = StatusQuoTariffs.Resolve(s); // once, so every variant has the same one even across midnight
        var variants = sweep.Values.Select(v => sweep.Variant(s, v) with { StatusQuo = statusQuo }).ToArray();
        var results = new ScenarioResult[variants.Length];
        var clock = Stopwatch.StartNew();
        Parallel.For(0, variants.Length, k => results[k] = ScenarioRunner.Run(variants[k], command, solver, fixedPoint));
        var elapsed = clock.Elapsed.TotalSeconds;
        var runs = results.Select((r, k) => new SweepVariant(k + 1, sweep.Values[k], r)).ToArray();
        var view = results[0].StatusQuo!;
        var rows = runs.SelectMany(v => ComparisonStatistics.Rows(v.Number.ToString(CultureInfo.InvariantCulture), v.Result.StatusQuo!.Rows, view.BaseYear)
            .Select(c => new SweepRow(v.Number, v.Value, c.Country, c.Statistic, c.Value, c.Unit))).ToArray();
        return new SweepResult(s, sweep, runs, rows, view.Description, view.BaseYear, Manifest(results, sweep, elapsed), elapsed);
    }

    private static RunManifest Manifest(IReadOnlyList<ScenarioResult> results, Sweep sweep, double elapsed)
    {
        var inv = CultureInfo.InvariantCulture;
        var first = results[0].Manifest;
        var options = new Dictionary<string, string>(first.Options)
        {
            ["sweep_parameter"] = sweep.Description,
            ["sweep_values_" + sweep.Unit] = string.Join(" ", sweep.Values.Select(v => v.ToString("R", inv))),
            ["sweep_variants"] = sweep.Values.Count.ToString(inv),
            ["sweep_elapsed_seconds"] = elapsed.ToString("F3", inv),
        };
        return first with { Options = options, Solves = results.SelectMany(r => r.Manifest.Solves).ToArray() };
    }
}
