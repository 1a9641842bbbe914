using Parley.Application;
using Parley.Application.WorkItems;
using System.ComponentModel;
using Parley.Models.Numerics;
using Parley.Reports;
using Parley.Scenarios;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Parley.Cli.Commands;

/// <summary><c>parley simulate FILE [--out DIR]</c>.</summary>
internal sealed class SimulateCommand : Command<SimulateCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<FILE>")]
        [Description("Scenario YAML file (see examples/).")]
        public string File { get; init; } = "";

        [CommandOption("-o|--out <DIR>")]
        [Description("Write countries.csv, summary.csv, status_quo.csv, result.json, report.html, workbook.xlsx (a sheet per CSV table) and manifest.json into DIR (new or empty, or an unmodified earlier Parley run; checked before solving).")]
        public string? Out { get; init; }

        [CommandOption("--status-quo <SQ>")]
        [Description("Compare with: a date YYYY-MM-DD (the schedule then in force), tariff-free, data, or a scenario file. Default: the file's status_quo, else its default.")]
        public string? StatusQuo { get; init; }

        [CommandOption("--versus <VIEW>")]
        [Description("status-quo (default: change from the status quo) or tariff-free (change from the calibrated data equilibrium, in full detail).")]
        public string Versus { get; init; } = "status-quo";

        [CommandOption("--tolerance <TOL>")]
        [Description("Convergence threshold on the largest scaled residual (default 1e-12 for the one-sector Newton solver, 1e-11 for the multi-sector fixed point).")]
        public double? Tolerance { get; init; }

        [CommandOption("--max-iterations <N>")]
        [Description("Maximum solver steps (default 60 Newton steps per solve, one-sector; 2,000 fixed-point evaluations, multi-sector). The solver never returns an unconverged result: it fails with exit code 3.")]
        public int? MaxIterations { get; init; }

        [CommandOption("--wide")]
        [Description("Print every table column even when the table is wider than the terminal.")]
        public bool Wide { get; init; }

        [CommandOption("--cluster <CONN>")]
        [Description("Run a sweep's variants as work items on an Orleans cluster: 'local' (an in-process silo) or the PostgreSQL connection string of a cluster started with 'parley cluster silo' (docs/cluster.md). Same numbers as without it.")]
        public string? Cluster { get; init; }

        [CommandOption("-f|--format <FORMAT>")]
        [Description("table (default) or json (result.json's content on stdout: the same JSON the web API returns).")]
        public string Format { get; init; } = "table";

        [CommandOption("--max-variants <N>")]
        [Description("Largest number of variants a file's sweep: may run (default 200).")]
        public int? MaxVariants { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var console = AnsiConsoleAccessor.Console;
        var scenario = ScenarioRunner.Load(settings.File);
        if (settings.StatusQuo is { } sqText)
            scenario = scenario with { StatusQuo = StatusQuo.Parse(sqText, "(command line)", null, "--status-quo", Directory.GetCurrentDirectory()) };
        var versus = settings.Versus.Trim().ToLowerInvariant();
        if (versus is not ("status-quo" or "tariff-free"))
            throw new ParleyInputException("(command line)", null, "--versus", settings.Versus, "status-quo or tariff-free");
        if (settings.Tolerance is { } tol && !(tol > 0 && tol < 1))
            throw new ParleyInputException("(command line)", null, "--tolerance", tol.ToString(System.Globalization.CultureInfo.InvariantCulture), "a number between 0 and 1");
        if (settings.MaxIterations is { } it && it <= 0)
            throw new ParleyInputException("(command line)", null, "--max-iterations", it.ToString(System.Globalization.CultureInfo.InvariantCulture), "a positive integer");
        var newton = new NewtonOptions();
        var fixedPoint = new AndersonOptions();
        if (settings.Tolerance is { } t)
        {
            newton = newton with { Tolerance = t };
            fixedPoint = fixedPoint with { Tolerance = t };
        }
        if (settings.MaxIterations is { } max)
        {
            newton = newton with { MaxIterations = max };
            fixedPoint = fixedPoint with { MaxIterations = max };
        }
        if (settings.Cluster is not null && scenario.Sweep is null)
            throw new ParleyInputException("(command line)", null, "--cluster", settings.Cluster, "a file with 'sweep:' (--cluster runs a sweep's variants as work items)");
        if (settings.Cluster is not null && settings.Out is not null)
            throw new ParleyInputException("(command line)", null, "--out", settings.Out, "no --out with --cluster (the output folder holds every variant's full result: write it from a local run)");

        var json = settings.Format.Trim().ToLowerInvariant() switch
        {
            "table" => false, "json" => true,
            _ => throw new ParleyInputException("(command line)", null, "--format", settings.Format, "table or json"),
        };
        if (json && (scenario.Sweep is not null || versus != "status-quo"))
            throw new ParleyInputException("(command line)", null, "--format", settings.Format, "table for a sweep or --versus tariff-free (json prints one scenario's result.json)");
        using var output = settings.Out is { } dir ? OutputDirectory.Open(dir) : null; // before computing, not after
        if (scenario.Sweep is not null)
            return Sweep(scenario, settings, versus, newton, fixedPoint, output);
        var result = ScenarioRunner.Run(scenario, "parley simulate " + settings.File, newton, fixedPoint);
        if (json)
        {
            console.Profile.Out.Writer.WriteLine(ScenarioReport.ResultJson(result));
            if (output is not null) ScenarioReport.Write(result, output);
            return Program.Ok;
        }
        if (versus == "tariff-free" || result.StatusQuo is not { } view) ResultTables.Summary(result).Write(console, settings.Wide);
        else
        {
            var label = Path.GetFileNameWithoutExtension(settings.File);
            CompareCommand.Table(new ScenarioComparisonResult(view.StatusQuo.Label, view.Description,
                    [new ComparedScenario(label, scenario.Name, scenario.SourceFile)], [.. ComparisonStatistics.Rows(label, view.Rows, view.BaseYear)], view.BaseYear),
                ResultTables.PlaceNames([result]), $"{scenario.Name}: change from the status quo").Write(console, settings.Wide);
            console.MarkupLine("[grey]Change from the tariff-free calibration: add --versus tariff-free.[/]");
        }
        if (result.MultiSectorData is { } msd)
            foreach (var scope in result.TariffChanges ?? [])
                console.MarkupLine($"[grey]Tariff change {Markup.Escape(scope.Describe(msd))}[/]");
        if (ResultTables.SectorFocus(result) is { } focus) focus.Write(console, settings.Wide);
        foreach (var d in result.Diagnostics) console.MarkupLine($"[grey]{Markup.Escape(d.ToString())}[/]");
        if (result.Manifest.Options.TryGetValue("data_notes", out var notes))
            foreach (var note in notes.Split(" | ")) console.MarkupLine($"[yellow]note:[/] {Markup.Escape(note)}");
        if (output is not null)
        {
            ScenarioReport.Write(result, output);
            console.MarkupLine(Markup.Escape(output.Summary(ScenarioReport.FilesFor(result))));
        }
        return Program.Ok;
    }

    /// <summary>The sweep's variants as work items on a cluster; the tables are the local run's (per-sector rows aside).</summary>
    private static int ClusterSweep(Settings settings, SweepRunOptions options, string cluster)
    {
        var console = AnsiConsoleAccessor.Console;
        var spec = ScenarioSweepWork.Spec(settings.File, options, settings.Tolerance, settings.MaxIterations, settings.StatusQuo);
        var work = ScenarioSweepWork.Open(spec);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var results = ClusterHost.Run(spec, cluster, null, CancellationToken.None);
        var rows = work.Rows(results);
        console.MarkupLine($"[bold]{Markup.Escape(work.Scenario.Name)}[/]: {work.Count} variants of the {Markup.Escape(work.Sweep.Description)}, " +
                           $"solved on the cluster in {clock.Elapsed.TotalSeconds.ToString("F1", System.Globalization.CultureInfo.InvariantCulture)} s");
        foreach (var table in SweepTables.All(work.Sweep, rows)) console.Write(table);
        console.MarkupLine($"[grey]{Markup.Escape($"status quo: {work.StatusQuoDescription}. Groups weighted by status-quo absorption, flows summed.")}[/]");
        return Program.Ok;
    }

    private static int Sweep(Scenario scenario, Settings settings, string versus, NewtonOptions newton, AndersonOptions fixedPoint, OutputDirectory? output)
    {
        var console = AnsiConsoleAccessor.Console;
        if (versus != "status-quo")
            throw new ParleyInputException("(command line)", null, "--versus", settings.Versus, "status-quo for a file with 'sweep:' (a sweep reports changes from the status quo)");
        var options = new SweepRunOptions { MaxVariants = settings.MaxVariants ?? Scenarios.Sweep.DefaultMaxVariants }.Validated();
        if (settings.Cluster is { } cluster) return ClusterSweep(settings, options, cluster);
        var result = SweepRunner.Run(scenario, options, "parley simulate " + settings.File, newton, fixedPoint);
        console.MarkupLine($"[bold]{Markup.Escape(scenario.Name)}[/]: {result.Variants.Count} variants of the {Markup.Escape(result.Sweep.Description)}, " +
                           $"solved in {result.ElapsedSeconds.ToString("F1", System.Globalization.CultureInfo.InvariantCulture)} s");
        foreach (var table in SweepTables.All(result)) console.Write(table);
        console.MarkupLine($"[grey]{Markup.Escape($"status quo: {result.StatusQuoDescription}. Groups weighted by status-quo absorption, flows summed.")}[/]");
        if (output is not null)
        {
            SweepReport.Write(result, output);
            console.MarkupLine(Markup.Escape(output.Summary(SweepReport.Files)));
        }
        return Program.Ok;
    }
}
