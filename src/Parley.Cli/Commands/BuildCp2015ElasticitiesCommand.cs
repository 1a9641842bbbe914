using System.ComponentModel;
using System.Globalization;
using Parley.Application;
using Parley.Data.Build;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Parley.Cli.Commands;

/// <summary><c>parley data build-cp2015-elasticities --source DIR --out DIR</c>: recompute CP (2015) Table 1 (θ and standard
/// errors of the 99% sample) from Caliendo &amp; Parro's estimation files (docs/models/uncertainty.md §6).</summary>
internal sealed class BuildCp2015ElasticitiesCommand : Command<BuildCp2015ElasticitiesCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--source <DIR>")]
        [Description("Folder with CP's estimation files: xbilats_93.mat, tau.mat, IDProduct_2.txt, concordance2.txt.")]
        public string Source { get; init; } = "";

        [CommandOption("--sample <FILE>")]
        [Description("Economies kept per sector (default: data/sources/cp2015-elasticities/sample_99.csv, the 99% sample of CP's Table 1).")]
        public string? Sample { get; init; }

        [CommandOption("--out <DIR>")]
        [Description("Output folder: new, empty or an unmodified earlier build (compare its cp2015_table1.csv with data/trade-elasticity-se).")]
        public string? Out { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(settings.Source))
            throw new ParleyInputException("(command line)", null, "--source", settings.Source, "the folder holding CP's estimation files (" + string.Join(", ", Cp2015ElasticitySource.Files) + ")");
        var target = settings.Out ?? throw new ParleyInputException("(command line)", null, "--out", null, "an output folder, e.g. --out out/cp2015-elasticities");
        var sample = settings.Sample ?? Cp2015ElasticitySource.Sample99;
        var command = "parley data build-cp2015-elasticities --source " + settings.Source + (settings.Sample is null ? "" : " --sample " + settings.Sample) + " --out " + target;
        var outcome = TradeElasticityBuild.Run(settings.Source, sample, target, command);
        var console = AnsiConsoleAccessor.Console;
        var table = new Table().Title("Caliendo & Parro (2015) Table 1, recomputed (99% sample unless --sample says otherwise)");
        foreach (var h in new[] { "sector", "θ", "s.e.", "N", "economies", "θ with dummies", "s.e." }) table.AddColumn(h);
        foreach (var e in outcome.Estimates)
            table.AddRow(Markup.Escape(e.Name), TradeElasticityBuild.Table(e.Theta), TradeElasticityBuild.Table(e.StdError),
                e.Observations.ToString(CultureInfo.InvariantCulture), e.Countries.ToString(CultureInfo.InvariantCulture),
                TradeElasticityBuild.Table(e.ThetaWithEffects), TradeElasticityBuild.Table(e.StdErrorWithEffects));
        console.Write(table);
        console.MarkupLine($"Wrote [bold]{Markup.Escape(Path.Combine(outcome.Folder, TradeElasticityBuild.TableFile))}[/] ({outcome.Estimates.Count} sectors).");
        return Program.Ok;
    }
}
