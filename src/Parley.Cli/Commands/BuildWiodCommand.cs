using System.ComponentModel;
using System.Globalization;
using Parley.Data;
using Parley.Data.Build;
using Parley.Reports;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Parley.Cli.Commands;

/// <summary><c>parley data build-wiod --source DIR --out DIR</c>: rebuild the data/wiod-2011 dataset from the WIOD files.</summary>
internal sealed class BuildWiodCommand : Command<BuildWiodCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--source <DIR>")]
        [Description("Folder with the WIOD 2011 files (wiot2011_labels.csv, wiot2011_intermediate_long.csv.gz, wiot2011_final_long.csv.gz).")]
        public string Source { get; init; } = "";

        [CommandOption("--out <DIR>")]
        [Description("Output folder: new, empty or an unmodified earlier build (compare it with data/wiod-2011, whose PROVENANCE.md is hand-written).")]
        public string? Out { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(settings.Source))
            throw new ParleyInputException("(command line)", null, "--source", settings.Source, "the folder holding the WIOD 2011 files");
        var target = settings.Out ?? throw new ParleyInputException("(command line)", null, "--out", null, "an output folder, e.g. --out out/wiod-2011");
        using var output = OutputDirectory.Open(target); // before the build, not after
        var cp = MultiSectorDatasetReader.Read(Path.Combine(BundledData.Root, "cp2015-nafta"));
        var summary = WiodBuilder.Build(settings.Source, cp, output.Staging);
        MultiSectorDataset check;
        try
        {
            check = MultiSectorDatasetReader.Read(output.Staging); // validated before it replaces anything
        }
        catch (ParleyInputException e) // name the file where it would have been, not the temporary folder
        {
            throw new ParleyInputException(e.File.Replace(output.Staging, output.Target, StringComparison.Ordinal), e.LineNumber, e.Field, e.Value, e.Expected);
        }
        var manifest = new RunManifest(RunManifest.ParleyVersion, "parley data build-wiod --source " + settings.Source + " --out " + target, null, null,
            check.Name, check.Vintage, "dataset build (WIOD 2013 release, 2011 table)",
            new Dictionary<string, string>
            {
                ["source"] = Path.GetFullPath(settings.Source),
                ["regions"] = summary.Regions.ToString(CultureInfo.InvariantCulture),
                ["sectors"] = summary.Sectors.ToString(CultureInfo.InvariantCulture),
            },
            [], RunManifest.Now, RunManifest.MachineDescription);
        var written = output.Commit(manifest, workbook: false); // a dataset folder: its CSV files are the data, not results
        var console = AnsiConsoleAccessor.Console;
        console.MarkupLine($"Built [bold]{Markup.Escape(written)}[/]: {summary.Regions} regions × {summary.Sectors} sectors " +
                           $"({summary.NegativeCellsZeroed} negative flows set to 0, {summary.Placeholders} placeholder cells, " +
                           $"{summary.InputScaled} input columns scaled, {summary.AlphaClipped} negative final-demand totals clipped); " +
                           $"read back and validated ({check.N} × {check.J}).");
        return Program.Ok;
    }
}
