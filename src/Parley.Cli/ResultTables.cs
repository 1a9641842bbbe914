using System.Globalization;
using Parley.Data;
using Parley.Reports;
using Parley.Scenarios;

namespace Parley.Cli;

/// <summary>Result tables of <c>simulate</c> and <c>demo</c>, fitted to the terminal (see <see cref="FittedTable"/>).</summary>
internal static class ResultTables
{
    internal static string F(double? v, int d = 2) => v is { } x && double.IsFinite(x) ? x.ToString("F" + d, CultureInfo.InvariantCulture) : "–";

    /// <summary>A row's place as people name it: the country's name, or the group's label (EU27, WORLD).</summary>
    internal static string Place(string label, string name, int members) => members == 1 && name.Length > 0 ? name : label;

    /// <summary>Names of the countries in results, by code, for tables that only carry codes.</summary>
    internal static IReadOnlyDictionary<string, string> PlaceNames(IEnumerable<ScenarioResult> results)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var row in results.SelectMany(r => r.Rows))
            names.TryAdd(row.Label, Place(row.Label, row.Name, row.Members));
        return names;
    }

    public static FittedTable Summary(ScenarioResult r)
    {
        var multi = r.MultiSector is not null;
        var table = new FittedTable(r.Scenario.Name, multi
            ? "Percent change vs. the tariff-free baseline equilibrium; welfare = exact real income, CP = Caliendo–Parro terms of trade + volume of trade; groups income-weighted."
            : "Percent change vs. the calibrated 2023 equilibrium; groups absorption-weighted.");
        table.Column("Country/group", ColumnKind.Label);
        var columns = multi
            ? new (string Head, bool Optional, Func<ReportRow, string> Cell)[]
            {
                ("Welfare", false, x => F(x.Welfare, 3)), ("CP welfare", true, x => F(x.WelfareFirstOrder, 3)), ("ToT", true, x => F(x.TermsOfTrade, 3)),
                ("VoT", true, x => F(x.VolumeOfTrade, 3)), ("Real wage", false, x => F(x.RealWage, 3)), ("Prices", false, x => F(x.Prices)),
                ("Exports", false, x => F(x.Exports)), ("Imports", false, x => F(x.Imports)),
            }
            : new (string Head, bool Optional, Func<ReportRow, string> Cell)[]
            {
                ("Welfare", false, x => F(x.Welfare)), ("Deficit", true, x => F(x.Deficit, 1)), ("Exp/GDP", false, x => F(x.ExportsToGdp, 1)),
                ("Imp/GDP", true, x => F(x.ImportsToGdp, 1)), ("Empl.", false, x => F(x.Employment)), ("Prices", false, x => F(x.Prices, 1)),
                ("Real wage", false, x => F(x.RealWage)),
            };
        foreach (var c in columns) table.Column(c.Head, ColumnKind.Number, c.Optional);
        table.Column("Tariff revenue", ColumnKind.Number);
        foreach (var row in r.Rows)
            table.Row(new[] { Place(row.Label, row.Name, row.Members) }.Concat(columns.Select(c => c.Cell(row)))
                .Append(Money.UsdMillions(row.TariffRevenueUsdMillions)).ToArray());
        return table;
    }

    /// <summary>Output, exports and price of the sectors named in the scenario's changes (multi-sector only), or null.</summary>
    public static FittedTable? SectorFocus(ScenarioResult r)
    {
        if (r.MultiSector is not { } ms || r.MultiSectorData is not { } d) return null;
        var sectors = r.Scenario.Changes.Where(c => c.Sectors is not null).SelectMany(c => c.Sectors!)
            .Select(d.FindSector).OfType<Sector>().DistinctBy(s => s.Index).ToArray();
        if (sectors.Length == 0) return null;
        var countries = r.Rows.Where(x => x.Members == 1).Select(x => (Row: x, Index: d.Regions.IndexOf(x.Label))).Where(x => x.Index >= 0).ToArray();
        var table = new FittedTable("Sectors named in the scenario", "Percent change. " + (d.Notes ?? ""));
        table.Column("Sector", ColumnKind.Label).Column("Country", ColumnKind.Label)
            .Column("Gross output").Column("Exports").Column("Price");
        foreach (var s in sectors)
            for (var k = 0; k < countries.Length; k++)
            {
                var at = countries[k].Index * d.J + s.Index;
                table.Row(k == 0 ? $"{s.Code} {s.Name}" : "", Place(countries[k].Row.Label, countries[k].Row.Name, 1),
                    F(ms.SectorOutput[at]), F(ms.SectorExports[at]), F(ms.SectorPrice[at]));
            }
        return table;
    }
}
