using System.ComponentModel;
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
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var console = AnsiConsoleAccessor.Console;
        var scenario = ScenarioFile.Read(settings.File);
        var result = ScenarioRunner.Run(scenario, "parley simulate " + settings.File);
        console.Write(ResultTables.Summary(result));
        console.MarkupLine($"[grey]{Markup.Escape(result.Result.Equilibrium.Diagnostics.ToString())}[/]");
        if (settings.Out is { } dir)
        {
            var written = ScenarioReport.Write(result, dir);
            console.MarkupLine($"Wrote {string.Join(", ", ScenarioReport.Files)} to [bold]{Markup.Escape(written)}[/]");
        }
        return Program.Ok;
    }
}
