using System.ComponentModel;
using Parley.Data;
using Parley.Data.Build;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Parley.Cli.Commands;

/// <summary><c>parley data build-wiod --source DIR [--out DIR]</c>: regenerate data/wiod-2011 from the WIOD files.</summary>
internal sealed class BuildWiodCommand : Command<BuildWiodCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--source <DIR>")]
        [Description("Folder with the WIOD 2011 files (wiot2011_labels.csv, wiot2011_intermediate_long.csv.gz, wiot2011_final_long.csv.gz).")]
        public string Source { get; init; } = "";

        [CommandOption("--out <DIR>")]
        [Description("Output folder (default data/wiod-2011). Must be new, empty or an earlier build.")]
        public string Out { get; init; } = Path.Combine("data", "wiod-2011");
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(settings.Source))
            throw new ParleyInputException("(command line)", null, "--source", settings.Source, "the folder holding the WIOD 2011 files");
        if (Directory.Exists(settings.Out) && Directory.EnumerateFileSystemEntries(settings.Out).Any())
        {
            var manifest = Path.Combine(settings.Out, "dataset.yaml");
            if (!File.Exists(manifest) || !File.ReadAllText(manifest).Contains(WiodBuilder.Marker, StringComparison.Ordinal))
                throw new ParleyInputException("(command line)", null, "--out", settings.Out, "a new or empty folder, or an earlier build-wiod output");
        }
        var cp = MultiSectorDatasetReader.Read(Path.Combine(BundledData.Root, "cp2015-nafta"));
        var summary = WiodBuilder.Build(settings.Source, cp, settings.Out);
        var check = MultiSectorDatasetReader.Read(settings.Out);
        var console = AnsiConsoleAccessor.Console;
        console.MarkupLine($"Built [bold]{Markup.Escape(settings.Out)}[/]: {summary.Regions} regions × {summary.Sectors} sectors " +
                           $"({summary.NegativeCellsZeroed} negative flows set to 0, {summary.Placeholders} placeholder cells, " +
                           $"{summary.InputScaled} input columns scaled, {summary.AlphaClipped} negative final-demand totals clipped); " +
                           $"read back and validated ({check.N} × {check.J}).");
        return Program.Ok;
    }
}
