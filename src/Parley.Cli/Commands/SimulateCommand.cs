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
        [Description("Write countries.csv, summary.csv, result.json, report.html and manifest.json into DIR (new or empty, or an unmodified earlier Parley run; checked before solving).")]
        public string? Out { get; init; }

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
        using var output = settings.Out is { } dir ? OutputDirectory.Open(dir) : null; // before computing, not after
        var result = ScenarioRunner.Run(scenario, "parley simulate " + settings.File, solver);
        console.Write(ResultTables.Summary(result));
        if (ResultTables.SectorFocus(result) is { } focus) console.Write(focus);
        foreach (var d in result.Diagnostics) console.MarkupLine($"[grey]{Markup.Escape(d.ToString())}[/]");
        if (output is not null)
        {
            var written = ScenarioReport.Write(result, output);
            console.MarkupLine($"Wrote {string.Join(", ", ScenarioReport.FilesFor(result))} to [bold]{Markup.Escape(written)}[/]");
        }
        return Program.Ok;
    }
}
