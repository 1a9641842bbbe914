using System.Globalization;
using Parley.Scenarios;
using Spectre.Console;

namespace Parley.Cli;

/// <summary>Spectre.Console tables for results.</summary>
internal static class ResultTables
{
    private static string F(double? v, int d = 2) => v is { } x ? x.ToString("F" + d, CultureInfo.InvariantCulture) : "–";

    public static Table Summary(ScenarioResult r)
    {
        var table = new Table().Title($"[bold]{Markup.Escape(r.Scenario.Name)}[/]").Caption("percent change vs. calibrated 2023 equilibrium; groups absorption-weighted");
        table.AddColumn("Country/group");
        foreach (var h in new[] { "Welfare", "Deficit", "Exports/GDP", "Imports/GDP", "Employment", "Prices", "Real wage", "Tariff rev. ($m)" })
            table.AddColumn(new TableColumn(h).RightAligned());
        foreach (var row in r.Rows)
            table.AddRow(Markup.Escape(row.Label), F(row.Welfare), F(row.Deficit, 1), F(row.ExportsToGdp, 1), F(row.ImportsToGdp, 1),
                F(row.Employment), F(row.Prices, 1), F(row.RealWage), row.TariffRevenueUsdMillions.ToString("N0", CultureInfo.InvariantCulture));
        return table;
    }
}
