using System.ComponentModel;
using Parley.Application;
using Parley.Data.Import;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Parley.Cli.Commands;

/// <summary><c>parley data import --kind one-sector|multi-sector ... --out DIR</c>: long CSV files → a dataset folder (docs/data-import.md).</summary>
internal sealed class DataImportCommand : Command<DataImportCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--kind <KIND>")]
        [Description("one-sector (bilateral flows + GDP) or multi-sector (a long input–output table).")]
        public string Kind { get; init; } = "";

        [CommandOption("--flows <CSV>")]
        [Description("one-sector: exporter,importer,value[[,unit]] (ISO3 codes).")]
        public string? Flows { get; init; }

        [CommandOption("--gdp <CSV>")]
        [Description("one-sector: iso3,gdp[[,name]][[,unit]]; defines the countries and their order (must include USA).")]
        public string? Gdp { get; init; }

        [CommandOption("--table <CSV>")]
        [Description("multi-sector: exporter,importer,sector,use,value[[,unit]]; use = a sector code or 'final'.")]
        public string? Table { get; init; }

        [CommandOption("--sectors <CSV>")]
        [Description("multi-sector: code,name,theta[[,tradable]].")]
        public string? Sectors { get; init; }

        [CommandOption("--regions <CSV>")]
        [Description("multi-sector, optional: iso3,name (default: the table's codes in order of appearance).")]
        public string? Regions { get; init; }

        [CommandOption("--tariffs <CSV>")]
        [Description("Optional. one-sector: exporter,us_tariff; multi-sector: importer,exporter,sector,tariff (fractions or '15%').")]
        public string? Tariffs { get; init; }

        [CommandOption("--groups <CSV>")]
        [Description("Optional: group,iso3 (e.g. EU27 members).")]
        public string? Groups { get; init; }

        [CommandOption("--value-added <CSV>")]
        [Description("multi-sector, optional: region,sector,value_added, checked against the table.")]
        public string? ValueAdded { get; init; }

        [CommandOption("--deficits <CSV>")]
        [Description("multi-sector, optional: region,deficit (imports − exports), checked against the table.")]
        public string? Deficits { get; init; }

        [CommandOption("--unit <UNIT>")]
        [Description("Money unit of files without a 'unit' column: USD, 'USD thousands', 'USD millions' or 'USD billions'.")]
        public string? Unit { get; init; }

        [CommandOption("--gdp-unit <UNIT>")]
        [Description("one-sector: money unit of the GDP file when it has no 'unit' column (default: --unit).")]
        public string? GdpUnit { get; init; }

        [CommandOption("--missing-pairs <RULE>")]
        [Description("one-sector: 'error' (default: every exporter–importer pair needs a row) or 'zero'.")]
        public string MissingPairs { get; init; } = "error";

        [CommandOption("--balance-tolerance <FRACTION>")]
        [Description("multi-sector: largest gap between given and derived value added or deficits, as a fraction of gross output (default 1e-4).")]
        public double? BalanceTolerance { get; init; }

        [CommandOption("--name <NAME>")]
        [Description("multi-sector: the dataset's name in reports (default: the output folder's name).")]
        public string? Name { get; init; }

        [CommandOption("--out <DIR>")]
        [Description("Output folder: new, empty or an unmodified earlier Parley run.")]
        public string? Out { get; init; }
    }

    public override int Execute(CommandContext context, Settings s, CancellationToken cancellationToken)
    {
        var outDir = s.Out ?? throw Usage("--out", null, "an output folder, e.g. --out data/my-world");
        var options = new ImportOptions
        {
            MissingPairsAreZero = s.MissingPairs.ToLowerInvariant() switch
            {
                "error" => false,
                "zero" => true,
                _ => throw Usage("--missing-pairs", s.MissingPairs, "error or zero"),
            },
            BalanceTolerance = s.BalanceTolerance ?? new ImportOptions().BalanceTolerance,
            Name = s.Name,
        };
        var command = "parley data import " + string.Join(' ', context.Arguments.Select(a => a.Contains(' ') ? $"\"{a}\"" : a));
        DatasetImport.Outcome outcome;
        switch (s.Kind.ToLowerInvariant())
        {
            case "one-sector":
                Forbid("one-sector", ("--table", s.Table), ("--sectors", s.Sectors), ("--regions", s.Regions), ("--value-added", s.ValueAdded), ("--deficits", s.Deficits), ("--name", s.Name));
                outcome = DatasetImport.OneSector(new OneSectorImportFiles(
                    s.Flows ?? throw Usage("--flows", null, "a flows file (exporter,importer,value) for --kind one-sector"),
                    s.Gdp ?? throw Usage("--gdp", null, "a GDP file (iso3,gdp) for --kind one-sector"),
                    s.Tariffs, s.Groups, Unit("--unit", s.Unit), Unit("--gdp-unit", s.GdpUnit)), outDir, command, options);
                break;
            case "multi-sector":
                Forbid("multi-sector", ("--flows", s.Flows), ("--gdp", s.Gdp), ("--gdp-unit", s.GdpUnit));
                outcome = DatasetImport.MultiSector(new MultiSectorImportFiles(
                    s.Table ?? throw Usage("--table", null, "a long table (exporter,importer,sector,use,value) for --kind multi-sector"),
                    s.Sectors ?? throw Usage("--sectors", null, "a sectors file (code,name,theta) for --kind multi-sector"),
                    s.Regions, s.Tariffs, s.Groups, s.ValueAdded, s.Deficits, Unit("--unit", s.Unit)), outDir, command, options);
                break;
            default:
                throw Usage("--kind", s.Kind, "one-sector or multi-sector");
        }
        var counts = string.Join(", ", outcome.Summary.Counts.Select(kv => $"{kv.Key} {kv.Value}"));
        AnsiConsoleAccessor.Console.MarkupLine($"Imported [bold]{Markup.Escape(outcome.Folder)}[/] ({Markup.Escape(outcome.Summary.Kind)}): {Markup.Escape(counts)}.");
        AnsiConsoleAccessor.Console.MarkupLine($"Read back with {Markup.Escape(outcome.ReadBack)}; sources and SHA-256 in manifest.json. " +
                                               $"Use it with [bold]dataset: {Markup.Escape(s.Out!)}[/] (relative to the scenario file).");
        return Program.Ok;
    }

    private static MoneyUnit? Unit(string option, string? text) =>
        text is null ? null : MoneyUnit.TryParse(text) ?? throw Usage(option, text, MoneyUnit.Expected);

    private static void Forbid(string kind, params (string Option, string? Value)[] options)
    {
        foreach (var (option, value) in options)
            if (value is not null) throw Usage(option, value, $"no {option} with --kind {kind} (see 'parley data import --help')");
    }

    private static ParleyInputException Usage(string option, string? value, string expected) =>
        new("(command line)", null, option, value, expected);
}
