using System.Globalization;
using Parley.Reports;
using Parley.Scenarios;
using Spectre.Console;

namespace Parley.Cli.Commands;

/// <summary>Terminal tables of a sweep: rows = variants, columns = the reported countries; one table per statistic.</summary>
internal static class SweepTables
{
    private static readonly IReadOnlyDictionary<string, string> Titles = new Dictionary<string, string>
    {
        ["welfare"] = "Welfare, % change", ["welfare_usd"] = "Welfare, equivalent variation", ["welfare_usd_latest_gdp"] = "Welfare at 2023 GDP", ["exports"] = "Exports, % change",
        ["tariff_revenue_usd"] = "Tariff revenue, change",
    };

    /// <summary>The tables of <see cref="SweepReport.TableStatistics"/> that the model reports.</summary>
    public static IEnumerable<Table> All(SweepResult r)
    {
        foreach (var stat in SweepReport.TableStatistics)
        {
            var unit = r.Rows.FirstOrDefault(x => x.Statistic == stat)?.Unit;
            if (unit is null) continue;
            var table = new Table().Title($"[bold]{Markup.Escape($"{Titles[stat]} ({unit}) from the status quo")}[/]");
            table.AddColumn("#");
            table.AddColumn(new TableColumn(Markup.Escape(r.Sweep.ParameterName)).RightAligned());
            foreach (var c in r.Countries) table.AddColumn(new TableColumn(Markup.Escape(c)).RightAligned());
            foreach (var v in r.Variants)
                table.AddRow([v.Number.ToString(CultureInfo.InvariantCulture), Markup.Escape(r.Sweep.Format(v.Value)),
                    .. r.Countries.Select(c => r.Value(v.Number, c, stat) is { } x ? x.ToString(unit == "percent" ? "F3" : "F2", CultureInfo.InvariantCulture) : "–")]);
            yield return table;
        }
    }
}
