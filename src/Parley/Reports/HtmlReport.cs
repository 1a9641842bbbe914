using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
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
          .Append("td,th{border-bottom:1px solid #ddd;padding:4px 10px;text-align:right}th:first-child,td:first-child,td:nth-child(2){text-align:left}")
          .Append(".note{color:#555;font-size:90%}pre{background:#f6f6f6;padding:1em;overflow-x:auto}</style></head><body>\n")
          .Append("<h1>").Append(title).Append("</h1>\n");
        if (r.Scenario.Description is { } d) sb.Append("<p>").Append(WebUtility.HtmlEncode(d)).Append("</p>\n");
        var multi = r.MultiSector is not null;
        sb.Append("<p class=\"note\">").Append(WebUtility.HtmlEncode(r.Manifest.Model)).Append(". ");
        if (multi)
            sb.Append("Percent changes, counterfactual relative to the baseline equilibrium of the same data. Welfare = exact change of real income; ")
              .Append("the Caliendo–Parro first-order measure (terms of trade + volume of trade) is shown beside it. Groups are baseline-income-weighted means.</p>\n")
              .Append("<p class=\"note\"><b>Data:</b> ").Append(WebUtility.HtmlEncode(r.MultiSectorData?.Notes ?? "")).Append("</p>\n");
        else
            sb.Append("Percent changes relative to the calibrated 2023 equilibrium without tariffs. Groups are absorption-weighted means. ")
              .Append("The model has one aggregate goods sector: it cannot tell automobiles from other goods.</p>\n");
        sb.Append("<h2>Welfare change by country or group</h2>\n").Append(WelfareChart(r.Rows));
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
        sb.Append("<h2>Summary</h2>\n<table><tr><th>Label</th><th>Name</th>");
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

    /// <summary>Horizontal bar chart of welfare changes as inline SVG.</summary>
    public static string WelfareChart(IReadOnlyList<ReportRow> rows)
    {
        const int barHeight = 26, labelWidth = 90, plotWidth = 560, top = 10;
        var max = Math.Max(0.01, rows.Select(r => Math.Abs(r.Welfare)).DefaultIfEmpty(0).Max()); // no rows: an empty chart
        var zero = labelWidth + plotWidth / 2.0;
        var scale = (plotWidth / 2.0 - 60) / max; // leave room for the value labels beside the longest bars
        var digits = max < 0.1 ? "F3" : "F2";
        var height = top * 2 + rows.Count * barHeight + 20;
        var inv = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.Append(inv, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{labelWidth + plotWidth + 80}\" height=\"{height}\" role=\"img\" aria-label=\"Welfare change by country\">\n");
        for (var k = 0; k < rows.Count; k++)
        {
            var v = rows[k].Welfare;
            var y = top + k * barHeight;
            var x = v >= 0 ? zero : zero + v * scale;
            var w = Math.Abs(v) * scale;
            sb.Append(inv, $"<text x=\"{labelWidth - 8}\" y=\"{y + 17}\" text-anchor=\"end\" font-size=\"13\">{WebUtility.HtmlEncode(rows[k].Label)}</text>");
            sb.Append(inv, $"<rect x=\"{x:F1}\" y=\"{y + 4}\" width=\"{w:F1}\" height=\"{barHeight - 8}\" fill=\"{(v >= 0 ? "#2a7ab0" : "#c0392b")}\"><title>{WebUtility.HtmlEncode(rows[k].Label)}: {v:F3}%</title></rect>");
            var tx = v >= 0 ? x + w + 4 : x - 4;
            sb.Append(inv, $"<text x=\"{tx:F1}\" y=\"{y + 17}\" font-size=\"12\" text-anchor=\"{(v >= 0 ? "start" : "end")}\">{v.ToString(digits, inv)}%</text>\n");
        }
        sb.Append(inv, $"<line x1=\"{zero}\" y1=\"{top}\" x2=\"{zero}\" y2=\"{top + rows.Count * barHeight}\" stroke=\"#333\"/>\n");
        sb.Append(inv, $"<text x=\"{zero}\" y=\"{height - 4}\" font-size=\"11\" text-anchor=\"middle\">0 (welfare change, %)</text>\n</svg>\n");
        return sb.ToString();
    }
}
