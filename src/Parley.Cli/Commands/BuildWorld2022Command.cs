using System.ComponentModel;
using System.Globalization;
using Parley.Data;
using Parley.Data.Build;
using Parley.Reports;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Parley.Cli.Commands;

/// <summary><c>parley data build-world-2022 --out DIR</c>: rebuild data/world-2022 (WIOD 2011 updated by GRAS to ADB MRIO 2022 and BACI 2023).</summary>
internal sealed class BuildWorld2022Command : Command<BuildWorld2022Command.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--data <DIR>")]
        [Description("Folder holding sources/world-2022, wiod-2011 and world-2023 (default: Parley's bundled data/ folder).")]
        public string? Data { get; init; }

        [CommandOption("--out <DIR>")]
        [Description("Output folder: new, empty or an unmodified earlier build (compare it with data/world-2022, whose PROVENANCE.md is hand-written).")]
        public string? Out { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var root = settings.Data ?? BundledData.Root;
        var sources = WorldUpdateSources.Bundled(root);
        foreach (var dir in new[] { sources.SourcesDir, sources.Wiod2011Dir, sources.World2023Dir })
            if (!Directory.Exists(dir))
                throw new ParleyInputException("(command line)", null, "--data", root, $"a folder holding {Path.GetRelativePath(root, dir)}");
        var target = settings.Out ?? throw new ParleyInputException("(command line)", null, "--out", null, "an output folder, e.g. --out out/world-2022");
        using var output = OutputDirectory.Open(target); // before the build, not after
        var summary = WorldUpdateBuilder.Build(sources, output.Staging);
        MultiSectorDataset check;
        try
        {
            check = MultiSectorDatasetReader.Read(output.Staging); // validated before it replaces anything
        }
        catch (ParleyInputException e) // name the file where it would have been, not the temporary folder
        {
            throw new ParleyInputException(e.File.Replace(output.Staging, output.Target, StringComparison.Ordinal), e.LineNumber, e.Field, e.Value, e.Expected);
        }
        string I(int v) => v.ToString(CultureInfo.InvariantCulture);
        var manifest = new RunManifest(RunManifest.ParleyVersion, "parley data build-world-2022 --data " + root + " --out " + target, null, null,
            check.Name, check.Vintage, "dataset build (WIOD 2011 structure updated by GRAS to 2022)",
            new Dictionary<string, string>
            {
                ["data"] = Path.GetFullPath(root),
                ["regions"] = I(summary.Regions),
                ["sectors"] = I(summary.Sectors),
                ["gras_blocks"] = I(summary.GrasBlocks),
                ["gras_not_converged"] = I(summary.GrasNotConverged),
            },
            [], RunManifest.Now, RunManifest.MachineDescription);
        var written = output.Commit(manifest, workbook: false);
        AnsiConsoleAccessor.Console.MarkupLine($"Built [bold]{Markup.Escape(written)}[/]: {summary.Regions} regions × {summary.Sectors} sectors; " +
            $"{summary.GrasBlocks} GRAS blocks ({summary.GrasNotConverged} not converged, {summary.InfeasibleLines} infeasible lines), " +
            $"{summary.NegativeFlowsZeroed} negative flows set to 0, {summary.Placeholders} placeholders, {summary.InputScaled} input columns scaled, " +
            $"{summary.FinalDemandClipped} final-demand cells clipped, {summary.TariffCells} tariff cells; read back and validated ({check.N} × {check.J}). " +
            $"Residuals: {WorldUpdateBuilder.ResidualsFile}.");
        return Program.Ok;
    }
}
