// Why this type exists: a report should chart what the scenario is about — who gains against today's tariffs, how the
// importer's purchases shift between partners, what happens to the parties' sectors — and each chart must be the
// picture of one table of the same run. Every bar is built from the same double the CSV writer writes, with the file,
// row and column named on the bar (SvgBarChart), so a test can read the chart back against the CSV.
using Parley.Data;
using Parley.Models.MultiSector;
using Parley.Scenarios;

namespace Parley.Reports.Internals;

/// <summary>A chart of a scenario report: heading, explanatory note and the SVG.</summary>
internal sealed record ReportChart(string Heading, string Note, string Svg);

/// <summary>Chooses and builds the charts of a scenario report.</summary>
internal static class ScenarioCharts
{
    /// <summary>Largest number of partners shown in a trade-diversion chart (the largest gains and losses).</summary>
    public const int MaxPartners = 20;

    /// <summary>Largest number of parties whose sectors are charted.</summary>
    public const int MaxParties = 3;

    /// <summary>The charts for <paramref name="r"/>, in reading order.</summary>
    public static IReadOnlyList<ReportChart> For(ScenarioResult r)
    {
        var charts = new List<ReportChart>();
        var multi = r.MultiSector is not null;
        var measure = multi ? "exact real income Î/P̂" : "consumption-equivalent welfare";
        if (r.StatusQuo is { } view)
            charts.Add(new ReportChart("Welfare change from the status quo",
                $"Status quo: {view.Description}. Welfare = {measure}, percent change from the status quo (table: {ScenarioReport.StatusQuoFile}).",
                SvgBarChart.Render("welfare-status-quo", "welfare change from the status quo, %",
                    view.Rows.Select(x => new Bar(x.Label, "welfare", x.Welfare, ScenarioReport.StatusQuoFile, "label=" + x.Label, "welfare_pct")).ToArray())));
        if (multi)
            charts.Add(new ReportChart("Welfare change from the calibrated baseline: both measures",
                "Percent change from the baseline equilibrium of the data (table: summary.csv). Exact real income Î/P̂ (welfare_pct) and " +
                "Caliendo–Parro's first-order measure, terms of trade + volume of trade (welfare_cp_first_order_pct), which is what their Table 2 reports. " +
                "They differ where tariff revenue changes a lot (Mexico under NAFTA loses most of its tariff revenue).",
                SvgBarChart.Render("welfare-calibration", "welfare change from the baseline, %",
                    r.Rows.SelectMany(x => new[]
                    {
                        new Bar(x.Label, "exact real income", x.Welfare, "summary.csv", "label=" + x.Label, "welfare_pct"),
                        new Bar(x.Label, "Caliendo–Parro first-order (ToT + VoT)", x.WelfareFirstOrder ?? 0, "summary.csv", "label=" + x.Label, "welfare_cp_first_order_pct"),
                    }).ToArray())));
        else if (r.StatusQuo is null)
            charts.Add(new ReportChart("Welfare change by country or group", $"Welfare = {measure}, percent change from the calibrated equilibrium (table: summary.csv).",
                SvgBarChart.Render("welfare-calibration", "welfare change, %",
                    r.Rows.Select(x => new Bar(x.Label, "welfare", x.Welfare, "summary.csv", "label=" + x.Label, "welfare_pct")).ToArray())));
        var partners = TradeDiversion.Rows(r);
        foreach (var importer in partners.GroupBy(p => p.Importer))
            charts.Add(Diversion(importer.Key, importer.ToArray(), r.StatusQuo!.Description));
        if (r.MultiSector is { } ms && r.MultiSectorData is { } d)
        {
            if (partners.Count == 0)
                foreach (var n in TradeDiversion.Importers(r, d.Regions))
                    charts.Add(Diversion(ms, d, n));
            foreach (var n in Parties(r, d))
                charts.Add(SectorOutput(ms, d, n));
        }
        return charts;
    }

    private static ReportChart Diversion(string importer, IReadOnlyList<PartnerImports> rows, string statusQuo)
    {
        var ordered = rows.OrderByDescending(p => p.ChangeUsdBillions).ToArray();
        var shown = ordered.OrderByDescending(p => Math.Abs(p.ChangeUsdBillions)).Take(MaxPartners).OrderByDescending(p => p.ChangeUsdBillions).ToArray();
        var note = $"Change in {importer}'s imports from each partner, net of tariffs, USD billions, from the status quo ({statusQuo}); " +
                   $"table: {ScenarioReport.PartnersFile}, importer = {importer}, column change_usd_billions (levels and percent beside it)." +
                   (shown.Length < ordered.Length ? $" The {MaxPartners} largest changes of {ordered.Length} partners." : "");
        return new ReportChart($"Trade diversion: {importer}'s imports by partner", note,
            SvgBarChart.Render($"diversion-{importer}", $"change in {importer}'s imports, USD bn",
                shown.Select(p => new Bar(p.Exporter, "imports", p.ChangeUsdBillions, ScenarioReport.PartnersFile,
                    $"importer={importer};exporter={p.Exporter}", "change_usd_billions")).ToArray(), "USD bn"));
    }

    /// <summary>Regions named as importer or exporter in the changes (at most <see cref="MaxParties"/>), else the first reported regions.</summary>
    public static IReadOnlyList<int> Parties(ScenarioResult r, MultiSectorDataset d)
    {
        var named = r.Scenario.Changes.SelectMany(c => c.Importers.Concat(c.Exporters)).Select(d.Regions.IndexOf).Where(k => k >= 0).Distinct().Take(MaxParties).ToArray();
        return named.Length > 0 ? named : Reported(r, d).Take(MaxParties).ToArray();
    }

    private static IEnumerable<int> Reported(ScenarioResult r, MultiSectorDataset d) =>
        r.Rows.Where(x => x.Members == 1).Select(x => d.Regions.IndexOf(x.Label)).Where(k => k >= 0);

    private static ReportChart Diversion(MultiSectorResult ms, MultiSectorDataset d, int n)
    {
        var importer = d.Regions[n].Iso3;
        var partners = Enumerable.Range(0, d.N).Where(i => i != n).OrderByDescending(i => ms.BilateralImports[i * d.N + n]).ToArray();
        var shown = partners.OrderByDescending(i => Math.Abs(ms.BilateralImports[i * d.N + n])).Take(MaxPartners).OrderByDescending(i => ms.BilateralImports[i * d.N + n]).ToArray();
        var note = $"Percent change of {d.Regions[n].Name}'s imports from each partner, all sectors, net of tariffs, from the calibrated baseline (table: bilateral.csv, importer = {importer})." +
                   (shown.Length < partners.Length ? $" The {MaxPartners} largest changes of {partners.Length} partners." : "");
        return new ReportChart($"Trade diversion: {d.Regions[n].Name}'s imports by partner", note,
            SvgBarChart.Render($"diversion-{importer}", $"change in {importer}'s imports by partner, %",
                shown.Select(i => new Bar(d.Regions[i].Iso3, "imports", ms.BilateralImports[i * d.N + n], "bilateral.csv",
                    $"exporter={d.Regions[i].Iso3};importer={importer}", "imports_pct")).ToArray()));
    }

    private static ReportChart SectorOutput(MultiSectorResult ms, MultiSectorDataset d, int n)
    {
        var iso3 = d.Regions[n].Iso3;
        return new ReportChart($"Sector output: {d.Regions[n].Name}",
            $"Percent change of gross output by sector in {d.Regions[n].Name}, from the calibrated baseline (table: sectors.csv, iso3 = {iso3}).",
            SvgBarChart.Render($"sectors-{iso3}", $"change in {iso3}'s gross output, %",
                d.Sectors.Select(s => new Bar(Shorten($"{s.Code} {s.Name}"), "gross output", ms.SectorOutput[n * d.J + s.Index], "sectors.csv",
                    $"iso3={iso3};sector_code={s.Code}", "gross_output_pct")).ToArray()));
    }

    private static string Shorten(string s) => s.Length <= 28 ? s : string.Concat(s.AsSpan(0, 27), "…");
}
