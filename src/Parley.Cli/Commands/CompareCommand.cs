using System.ComponentModel;
using System.Globalization;
using Parley.Application;
using Parley.Reports;
using Parley.Scenarios;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Parley.Cli.Commands;

/// <summary><c>parley compare A.yaml B.yaml [C.yaml …] [--status-quo DATE|tariff-free|FILE] [--format table|csv|json]</c>.</summary>
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
        [Description("table (default), csv (scenario,country,statistic,value,unit) or json.")]
        public string Format { get; init; } = "table";
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var format = settings.Format.Trim().ToLowerInvariant();
        if (format is not ("table" or "csv" or "json"))
            throw new ParleyInputException("(command line)", null, "--format", settings.Format, "table, csv or json");
        var sq = settings.StatusQuo is { } text
            ? Scenarios.StatusQuo.Parse(text, "(command line)", null, "--status-quo", Directory.GetCurrentDirectory())
            : null;
        var (comparison, _) = ScenarioComparison.Run(settings.Files, sq, "parley compare " + string.Join(' ', settings.Files));
        var console = AnsiConsoleAccessor.Console;
        switch (format)
        {
            case "csv": console.Profile.Out.Writer.Write(ComparisonReport.Csv(comparison)); break;
            case "json": console.Profile.Out.Writer.WriteLine(ComparisonReport.Json(comparison)); break;
            default: console.Write(Table(comparison)); break;
        }
        return Program.Ok;
    }

    private static readonly IReadOnlyDictionary<string, string> Headings = new Dictionary<string, string>
    {
        ["welfare"] = "Welfare %", ["welfare_usd"] = "Welfare $bn", ["welfare_usd_latest_gdp"] = "Welf. $bn 2023", ["real_wage"] = "Real wage %", ["employment"] = "Employment %",
        ["exports"] = "Exports %", ["imports"] = "Imports %", ["tariff_revenue_usd"] = "Tariff rev. $bn", ["deficit_usd"] = "Deficit $bn",
        ["consumer_prices"] = "Prices %",
    };

    /// <summary>Country × statistic rows, a column per scenario; fits 80 columns for up to three scenarios.</summary>
    internal static Table Table(ScenarioComparisonResult c)
    {
        var year = c.BaseYear is { } y ? $" ({y.ToString(CultureInfo.InvariantCulture)} USD)" : "";
        var table = new Table().Title("[bold]Change from the status quo[/]")
            .Caption(Markup.Escape($"status quo: {c.StatusQuoDescription}. Welfare $bn = equivalent variation{year}; groups weighted by status-quo absorption, flows summed."));
        table.AddColumn("Country");
        table.AddColumn("Statistic");
        foreach (var s in c.Scenarios) table.AddColumn(new TableColumn(Markup.Escape(s.Label)).RightAligned());
        var byKey = c.Rows.ToDictionary(r => (r.Scenario, r.Country, r.Statistic), r => r.Value);
        var countries = c.Rows.Select(r => r.Country).Distinct().ToArray();
        foreach (var country in countries)
        {
            var first = true;
            foreach (var stat in ComparisonStatistics.Names)
            {
                if (!byKey.ContainsKey((c.Scenarios[0].Label, country, stat))) continue;
                var cells = new List<string> { first ? Markup.Escape(country) : "", Headings[stat] };
                cells.AddRange(c.Scenarios.Select(s => byKey.TryGetValue((s.Label, country, stat), out var v)
                    ? v.ToString(stat.Contains("_usd", StringComparison.Ordinal) ? "F2" : "F3", CultureInfo.InvariantCulture) : "–"));
                table.AddRow(cells.ToArray());
                first = false;
            }
        }
        return table;
    }
}
