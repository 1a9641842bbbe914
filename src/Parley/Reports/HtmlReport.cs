using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Parley.Reports.Internals;
using Parley.Scenarios;

namespace Parley.Reports;

/// <summary>A self-contained HTML page (inline CSS and SVG, no scripts or external files) for one scenario.</summary>
public static class HtmlReport
{
    /// <summary>Renders the report.</summary>
    public static string Render(ScenarioResult r)
    {
        var sb = new StringBuilder();
        var title = WebUtility.HtmlEncode(r.Scenario.Name);
        sb.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>").Append(title).Append(" — Parley</title>\n")
          .Append("<style>body{font-family:system-ui,sans-serif;max-width:980px;margin:2em auto;color:#222}table{border-collapse:collapse;margin:1em 0}")
          .Append("td,th{border-bottom:1px solid #ddd;padding:4px 10px;text-align:right}th:first-child,td:first-child,td:nth-child(2),th:nth-child(2){text-align:left}")
          .Append(".note{color:#555;font-size:90%}pre{background:#f6f6f6;padding:1em;overflow-x:auto}</style></head><body>\n")
          .Append("<h1>").Append(title).Append("</h1>\n");
        if (r.Scenario.Description is { } d) sb.Append("<p>").Append(WebUtility.HtmlEncode(d)).Append("</p>\n");
        var multi = r.MultiSector is not null;
        sb.Append("<p class=\"note\">").Append(WebUtility.HtmlEncode(r.Manifest.Model)).Append(". ");
        if (multi)
            sb.Append("The summary table: percent changes, counterfactual relative to the baseline equilibrium of the same data (the status-quo table and charts: relative to the status quo). Welfare = exact change of real income; ")
              .Append("the Caliendo–Parro first-order measure (terms of trade + volume of trade) is shown beside it. Groups are baseline-income-weighted means.</p>\n")
              .Append("<p class=\"note\"><b>Data:</b> ").Append(WebUtility.HtmlEncode(r.MultiSectorData?.Notes ?? "")).Append("</p>\n");
        else
            sb.Append("The summary table: percent changes relative to the calibrated 2023 equilibrium without tariffs (the status-quo table and charts: relative to the status quo). Groups are absorption-weighted means. ")
              .Append("The model has one aggregate goods sector: it cannot tell automobiles from other goods.</p>\n");
        if (r.StatusQuo is { } view) StatusQuoTable(sb, view);
        foreach (var chart in ScenarioCharts.For(r))
            sb.Append("<h2>").Append(WebUtility.HtmlEncode(chart.Heading)).Append("</h2>\n<p class=\"note\">").Append(WebUtility.HtmlEncode(chart.Note))
              .Append("</p>\n").Append(chart.Svg);
        var columns = multi
            ? new (string Head, Func<ReportRow, double?> Get)[]
            {
                ("Welfare (real income) %", x => x.Welfare), ("CP welfare %", x => x.WelfareFirstOrder), ("Terms of trade %", x => x.TermsOfTrade),
                ("Volume of trade %", x => x.VolumeOfTrade), ("Real wage %", x => x.RealWage), ("Prices %", x => x.Prices),
                ("Exports %", x => x.Exports), ("Imports %", x => x.Imports),
            }
            : new (string Head, Func<ReportRow, double?> Get)[]
            {
                ("Welfare %", x => x.Welfare), ("Deficit %", x => x.Deficit), ("Exports/GDP %", x => x.ExportsToGdp), ("Imports/GDP %", x => x.ImportsToGdp),
                ("Employment %", x => x.Employment), ("Prices %", x => x.Prices), ("Real wage %", x => x.RealWage),
            };
        sb.Append("<h2>Summary: change from the calibrated baseline (summary.csv)</h2>\n<table><tr><th>Label</th><th>Name</th>");
        foreach (var c in columns) sb.Append("<th>").Append(WebUtility.HtmlEncode(c.Head)).Append("</th>");
        sb.Append("<th>Tariff revenue (USD m)</th></tr>\n");
        foreach (var row in r.Rows)
        {
            sb.Append("<tr><td>").Append(WebUtility.HtmlEncode(row.Label)).Append("</td><td>").Append(WebUtility.HtmlEncode(row.Name)).Append("</td>");
            foreach (var c in columns)
                sb.Append("<td>").Append(c.Get(row) is { } x ? x.ToString("F3", CultureInfo.InvariantCulture) : "–").Append("</td>");
            sb.Append("<td>").Append(row.TariffRevenueUsdMillions.ToString("N0", CultureInfo.InvariantCulture)).Append("</td></tr>\n");
        }
        sb.Append("</table>\n");
        if (r.MultiSector is { } ms && r.MultiSectorData is { } data)
            SectorFocus(sb, r, ms, data);
        var ranked = (r.OneSector is { } os
            ? os.Countries.Select(c => (c.Iso3, c.Name, c.Welfare))
            : r.MultiSector!.Regions.Select(c => (c.Iso3, c.Name, Welfare: c.RealIncome))).OrderByDescending(c => c.Welfare).ToArray();
        sb.Append("<h2>Largest gains and losses (all ").Append(ranked.Length).Append(" countries)</h2>\n<table><tr><th>Country</th><th>Name</th><th>Welfare %</th></tr>\n");
        foreach (var c in ranked.Take(5).Concat(ranked.TakeLast(5)))
            sb.Append("<tr><td>").Append(c.Iso3).Append("</td><td>").Append(WebUtility.HtmlEncode(c.Name)).Append("</td><td>")
              .Append(c.Welfare.ToString("F3", CultureInfo.InvariantCulture)).Append("</td></tr>\n");
        sb.Append("</table>\n<h2>Run manifest</h2>\n<pre>")
          .Append(WebUtility.HtmlEncode(JsonSerializer.Serialize(r.Manifest, ScenarioReport.Json))).Append("</pre>\n</body></html>\n");
        return sb.ToString();
    }

    /// <summary>The change from the status quo as a table (the numbers of status_quo.csv, rounded).</summary>
    private static void StatusQuoTable(StringBuilder sb, StatusQuoView view)
    {
        var inv = CultureInfo.InvariantCulture;
        sb.Append("<h2>Change from the status quo (").Append(ScenarioReport.StatusQuoFile).Append(")</h2>\n<p class=\"note\">Status quo: ")
          .Append(WebUtility.HtmlEncode(view.Description)).Append(view.BaseYear is { } y ? $". Money in USD billions at {y} prices" : "").Append(".</p>\n")
          .Append("<table><tr><th>Label</th><th>Name</th><th>Welfare %</th><th>Welfare (USD bn)</th><th>Real wage %</th><th>Employment %</th>")
          .Append("<th>Exports %</th><th>Imports %</th><th>Tariff revenue (USD bn)</th><th>Deficit (USD bn)</th><th>Consumer prices %</th></tr>\n");
        foreach (var c in view.Rows)
        {
            sb.Append("<tr><td>").Append(WebUtility.HtmlEncode(c.Label)).Append("</td><td>").Append(WebUtility.HtmlEncode(c.Name)).Append("</td>");
            foreach (var v in new double?[] { c.Welfare, c.WelfareUsdBillions, c.RealWage, c.Employment, c.Exports, c.Imports, c.TariffRevenueUsdBillions, c.DeficitUsdBillions, c.ConsumerPrices })
                sb.Append("<td>").Append(v is { } x ? x.ToString("F3", inv) : "–").Append("</td>");
            sb.Append("</tr>\n");
        }
        sb.Append("</table>\n");
    }

    /// <summary>Gross output and export changes of the sectors the scenario's tariff changes name, for the report's countries.</summary>
    private static void SectorFocus(StringBuilder sb, ScenarioResult r, Models.MultiSector.MultiSectorResult ms, Data.MultiSectorDataset d)
    {
        var sectors = r.Scenario.Changes.Where(c => c.Sectors is not null).SelectMany(c => c.Sectors!)
            .Select(code => d.FindSector(code)).OfType<Data.Sector>().DistinctBy(x => x.Index).ToArray();
        if (sectors.Length == 0) return;
        var countries = r.Rows.Where(x => x.Members == 1).Select(x => d.Regions.IndexOf(x.Label)).Where(k => k >= 0).ToArray();
        sb.Append("<h2>Sectors named in the scenario</h2>\n<table><tr><th>Sector</th><th>Country</th><th>Gross output %</th><th>Exports %</th><th>Price %</th></tr>\n");
        foreach (var s in sectors)
            foreach (var k in countries)
                sb.Append("<tr><td>").Append(WebUtility.HtmlEncode($"{s.Code} {s.Name}")).Append("</td><td>").Append(d.Regions[k].Iso3).Append("</td><td>")
                  .Append(ms.SectorOutput[k * d.J + s.Index].ToString("F2", CultureInfo.InvariantCulture)).Append("</td><td>")
                  .Append(ms.SectorExports[k * d.J + s.Index].ToString("F2", CultureInfo.InvariantCulture)).Append("</td><td>")
                  .Append(ms.SectorPrice[k * d.J + s.Index].ToString("F2", CultureInfo.InvariantCulture)).Append("</td></tr>\n");
        sb.Append("</table>\n");
    }

    /// <summary>Horizontal bar chart of the welfare column of summary.csv as inline SVG.</summary>
    public static string WelfareChart(IReadOnlyList<ReportRow> rows) =>
        SvgBarChart.Render("welfare-calibration", "welfare change, %",
            rows.Select(x => new Bar(x.Label, "welfare", x.Welfare, "summary.csv", "label=" + x.Label, "welfare_pct")).ToArray());
}
