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
    public static IEnumerable<Table> All(SweepResult r) => All(r.Sweep, r.Rows);

    /// <summary>The same tables from a sweep's rows alone (a sweep run on a cluster).</summary>
    public static IEnumerable<Table> All(Sweep sweep, IReadOnlyList<SweepRow> rows)
    {
        var countries = rows.Select(x => x.Country).Distinct().ToArray();
        var variants = rows.Select(x => (x.Variant, x.ParameterValue)).Distinct().ToArray();
        var values = rows.ToDictionary(x => (x.Variant, x.Country, x.Statistic), x => x.Value);
        foreach (var stat in SweepReport.TableStatistics)
        {
            var unit = rows.FirstOrDefault(x => x.Statistic == stat)?.Unit;
            if (unit is null) continue;
            var table = new Table().Title($"[bold]{Markup.Escape($"{Titles[stat]} ({unit}) from the status quo")}[/]");
            table.AddColumn("#");
            table.AddColumn(new TableColumn(Markup.Escape(sweep.ParameterName)).RightAligned());
            foreach (var c in countries) table.AddColumn(new TableColumn(Markup.Escape(c)).RightAligned());
            foreach (var (number, value) in variants)
                table.AddRow([number.ToString(CultureInfo.InvariantCulture), Markup.Escape(sweep.Format(value)),
                    .. countries.Select(c => values.TryGetValue((number, c, stat), out var x) ? x.ToString(unit == "percent" ? "F3" : "F2", CultureInfo.InvariantCulture) : "–")]);
            yield return table;
        }
    }
}
