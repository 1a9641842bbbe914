using Parley.Application;
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
        [Description("Write countries.csv, summary.csv, result.json, report.html and manifest.json into DIR (new or empty, or an earlier Parley output).")]
        public string? Out { get; init; }

        [CommandOption("--status-quo <SQ>")]
        [Description("Compare with: a date YYYY-MM-DD (the schedule then in force), tariff-free, data, or a scenario file. Default: the file's status_quo, else its default.")]
        public string? StatusQuo { get; init; }

        [CommandOption("--versus <VIEW>")]
        [Description("status-quo (default: change from the status quo) or tariff-free (change from the calibrated data equilibrium, in full detail).")]
        public string Versus { get; init; } = "status-quo";

        [CommandOption("--tolerance <TOL>")]
        [Description("Convergence threshold on the largest scaled residual (default 1e-12).")]
        public double? Tolerance { get; init; }

        [CommandOption("--max-iterations <N>")]
        [Description("Maximum solver steps (default 60). The solver never returns an unconverged result: it fails with exit code 3.")]
        public int? MaxIterations { get; init; }
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
        var defaults = new NewtonOptions();
        var solver = defaults with
        {
            Tolerance = settings.Tolerance is { } tol and > 0 and < 1 ? tol
                : settings.Tolerance is null ? defaults.Tolerance
                : throw new ParleyInputException("(command line)", null, "--tolerance", settings.Tolerance.ToString(), "a number between 0 and 1"),
            MaxIterations = settings.MaxIterations is { } it and > 0 ? it
                : settings.MaxIterations is null ? defaults.MaxIterations
                : throw new ParleyInputException("(command line)", null, "--max-iterations", settings.MaxIterations.ToString(), "a positive integer"),
        };
        var result = ScenarioRunner.Run(scenario, "parley simulate " + settings.File, solver);
        if (versus == "tariff-free" || result.StatusQuo is not { } view) console.Write(ResultTables.Summary(result));
        else
        {
            var label = Path.GetFileNameWithoutExtension(settings.File);
            console.Write(CompareCommand.Table(new ScenarioComparisonResult(view.StatusQuo.Label, view.Description,
                [new ComparedScenario(label, scenario.Name, scenario.SourceFile)], [.. ComparisonStatistics.Rows(label, view.Rows, view.BaseYear)], view.BaseYear))
                .Title($"[bold]{Markup.Escape(scenario.Name)}: change from the status quo[/]"));
            console.MarkupLine("[grey]Change from the tariff-free calibration: add --versus tariff-free.[/]");
        }
        if (ResultTables.SectorFocus(result) is { } focus) console.Write(focus);
        foreach (var d in result.Diagnostics) console.MarkupLine($"[grey]{Markup.Escape(d.ToString())}[/]");
        if (settings.Out is { } dir)
        {
            var written = ScenarioReport.Write(result, dir);
            console.MarkupLine($"Wrote {string.Join(", ", ScenarioReport.FilesFor(result))} to [bold]{Markup.Escape(written)}[/]");
        }
        return Program.Ok;
    }
}
