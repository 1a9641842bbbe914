using System.ComponentModel;
using System.Globalization;
using Parley.Application;
using Parley.Reports;
using Parley.Scenarios;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Parley.Cli.Commands;

/// <summary><c>parley compare A.yaml B.yaml [C.yaml …] [--status-quo DATE|tariff-free|FILE] [--format table|csv|json|xlsx] [--out DIR]</c>.</summary>
internal sealed class CompareCommand : Command<CompareCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<FILES>")]
        [Description("Scenario YAML files sharing one dataset and model.")]
        public string[] Files { get; init; } = [];

        [CommandOption("--status-quo <SQ>")]
        [Description("What every scenario is compared with: a date YYYY-MM-DD (the schedule then in force), tariff-free, data, or a scenario file. Default: the first file's status quo.")]
        public string? StatusQuo { get; init; }

        [CommandOption("--format <FORMAT>")]
        [Description("table (default), csv (scenario,country,statistic,value,unit) json, or xlsx (with --out DIR: the workbook only).")]
        public string Format { get; init; } = "table";

        [CommandOption("--wide")]
        [Description("Print every table column even when the table is wider than the terminal.")]
        public bool Wide { get; init; }

        [CommandOption("-o|--out <DIR>")]
        [Description("Also write comparison.csv, comparison.json, workbook.xlsx and manifest.json into DIR (new or empty, or an unmodified earlier Parley run; checked before solving).")]
        public string? Out { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var format = settings.Format.Trim().ToLowerInvariant();
        if (format is not ("table" or "csv" or "json" or "xlsx"))
            throw new ParleyInputException("(command line)", null, "--format", settings.Format, "table, csv, json or xlsx");
        if (format == "xlsx" && settings.Out is null)
            throw new ParleyInputException("(command line)", null, "--format", settings.Format,
                "--out DIR with xlsx: a workbook is a file, written as DIR/workbook.xlsx beside comparison.csv and the manifest");
        var sq = settings.StatusQuo is { } text
            ? Scenarios.StatusQuo.Parse(text, "(command line)", null, "--status-quo", Directory.GetCurrentDirectory())
            : null;
        using var output = settings.Out is { } dir ? OutputDirectory.Open(dir) : null; // before solving, not after
        var command = "parley compare " + string.Join(' ', settings.Files);
        var (comparison, results) = ScenarioComparison.Run(settings.Files, sq, command);
        var console = AnsiConsoleAccessor.Console;
        if (output is not null)
        {
            ComparisonReport.Write(comparison, results[0].Manifest with
            {
                Command = command, InputFile = null, InputSha256 = null,
                Options = new Dictionary<string, string>(results[0].Manifest.Options)
                {
                    ["scenarios"] = string.Join(", ", comparison.Scenarios.Select(s => $"{s.Label} = {s.File}")),
                    ["status_quo"] = comparison.StatusQuoDescription,
                },
                Solves = [.. results.SelectMany(r => r.Manifest.Solves)],
            }, output);
            if (format is "table" or "xlsx") console.MarkupLine(Markup.Escape(output.Summary(ComparisonReport.Files)));
        }
        switch (format)
        {
            case "csv": console.Profile.Out.Writer.Write(ComparisonReport.Csv(comparison)); break;
            case "json": console.Profile.Out.Writer.WriteLine(ComparisonReport.Json(comparison)); break;
            case "xlsx": break; // written above
            default: Table(comparison, ResultTables.PlaceNames(results)).Write(console, settings.Wide); break;
        }
        return Program.Ok;
    }

    private static readonly IReadOnlyDictionary<string, string> Headings = new Dictionary<string, string>
    {
        ["welfare"] = "Welfare %", ["welfare_usd"] = "Welfare (EV)", ["welfare_usd_latest_gdp"] = "EV at 2023 GDP", ["real_wage"] = "Real wage %", ["employment"] = "Employment %",
        ["exports"] = "Exports %", ["imports"] = "Imports %", ["tariff_revenue_usd"] = "Tariff revenue", ["deficit_usd"] = "Trade deficit",
        ["consumer_prices"] = "Prices %",
    };

    /// <summary>
    /// Country × statistic rows, a column per scenario; money as <c>-$2.60 bn</c>. At 80 columns it holds three
    /// scenarios with room to spare; further scenarios are dropped from the right (named in the caption) unless --wide.
    /// </summary>
    internal static FittedTable Table(ScenarioComparisonResult c, IReadOnlyDictionary<string, string>? names = null, string? title = null)
    {
        var year = c.BaseYear is { } y ? $" ({y.ToString(CultureInfo.InvariantCulture)} USD)" : "";
        var table = new FittedTable(title ?? "Change from the status quo",
            $"status quo: {c.StatusQuoDescription}. Welfare (EV) = equivalent variation{year}; groups weighted by status-quo absorption, flows summed.");
        table.Column("Country", ColumnKind.Label).Column("Statistic", ColumnKind.Label);
        for (var k = 0; k < c.Scenarios.Count; k++) table.Column(c.Scenarios[k].Label, ColumnKind.Number, optional: k > 0);
        var byKey = c.Rows.ToDictionary(r => (r.Scenario, r.Country, r.Statistic), r => r.Value);
        var countries = c.Rows.Select(r => r.Country).Distinct().ToArray();
        foreach (var country in countries)
        {
            var first = true;
            foreach (var stat in ComparisonStatistics.Names)
            {
                if (!byKey.ContainsKey((c.Scenarios[0].Label, country, stat))) continue;
                var money = stat.Contains("_usd", StringComparison.Ordinal);
                var cells = new List<string> { first ? names?.GetValueOrDefault(country) ?? country : "", Headings[stat] };
                cells.AddRange(c.Scenarios.Select(s => byKey.TryGetValue((s.Label, country, stat), out var v)
                    ? money ? Money.UsdBillions(v) : v.ToString("F3", CultureInfo.InvariantCulture) : "–"));
                table.Row(cells.ToArray());
                first = false;
            }
        }
        return table;
    }
}
