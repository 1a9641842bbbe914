using System.Globalization;
using Parley.Data;
using Parley.Scenarios;
using Spectre.Console;

namespace Parley.Cli;

/// <summary>Spectre.Console tables for results.</summary>
internal static class ResultTables
{
    private static string F(double? v, int d = 2) => v is { } x ? x.ToString("F" + d, CultureInfo.InvariantCulture) : "–";

    public static Table Summary(ScenarioResult r)
    {
        var multi = r.MultiSector is not null;
        var table = new Table().Title($"[bold]{Markup.Escape(r.Scenario.Name)}[/]").Caption(multi
            ? "percent change vs. baseline equilibrium; welfare = exact real income, CP = terms of trade + volume of trade; groups income-weighted"
            : "percent change vs. calibrated 2023 equilibrium; groups absorption-weighted");
        table.AddColumn("Country/group");
        var columns = multi
            ? new (string, Func<ReportRow, string>)[]
            {
                ("Welfare", x => F(x.Welfare, 3)), ("CP welfare", x => F(x.WelfareFirstOrder, 3)), ("ToT", x => F(x.TermsOfTrade, 3)),
                ("VoT", x => F(x.VolumeOfTrade, 3)), ("Real wage", x => F(x.RealWage, 3)), ("Prices", x => F(x.Prices)),
                ("Exports", x => F(x.Exports)), ("Imports", x => F(x.Imports)),
            }
            : new (string, Func<ReportRow, string>)[]
            {
                ("Welfare", x => F(x.Welfare)), ("Deficit", x => F(x.Deficit, 1)), ("Exports/GDP", x => F(x.ExportsToGdp, 1)),
                ("Imports/GDP", x => F(x.ImportsToGdp, 1)), ("Employment", x => F(x.Employment)), ("Prices", x => F(x.Prices, 1)),
                ("Real wage", x => F(x.RealWage)),
            };
        foreach (var (head, _) in columns) table.AddColumn(new TableColumn(head).RightAligned());
        table.AddColumn(new TableColumn("Tariff rev. ($m)").RightAligned());
        foreach (var row in r.Rows)
            table.AddRow(new[] { Markup.Escape(row.Label) }.Concat(columns.Select(c => c.Item2(row)))
                .Append(row.TariffRevenueUsdMillions.ToString("N0", CultureInfo.InvariantCulture)).ToArray());
        return table;
    }

    /// <summary>Output and exports of the sectors named in the scenario's changes (multi-sector only), or null.</summary>
    public static Table? SectorFocus(ScenarioResult r)
    {
        if (r.MultiSector is not { } ms || r.MultiSectorData is not { } d) return null;
        var sectors = r.Scenario.Changes.Where(c => c.Sectors is not null).SelectMany(c => c.Sectors!)
            .Select(d.FindSector).OfType<Sector>().DistinctBy(s => s.Index).ToArray();
        if (sectors.Length == 0) return null;
        var countries = r.Rows.Where(x => x.Members == 1).Select(x => d.Regions.IndexOf(x.Label)).Where(k => k >= 0).ToArray();
        var table = new Table().Title("[bold]Sectors named in the scenario: gross output / exports / price, % change[/]")
            .Caption(Markup.Escape(d.Notes ?? ""));
        table.AddColumn("Sector");
        foreach (var k in countries) table.AddColumn(new TableColumn(d.Regions[k].Iso3).RightAligned());
        foreach (var s in sectors)
            table.AddRow(new[] { Markup.Escape($"{s.Code} {s.Name}") }.Concat(countries.Select(k =>
                $"{F(ms.SectorOutput[k * d.J + s.Index])} / {F(ms.SectorExports[k * d.J + s.Index])} / {F(ms.SectorPrice[k * d.J + s.Index])}")).ToArray());
        return table;
    }
}
