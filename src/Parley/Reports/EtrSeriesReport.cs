using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Parley.Internals;
using Parley.Tariffs;

namespace Parley.Reports;

/// <summary>
/// Writes an effective-rate series (<c>parley tariffs etr --from D1 --to D2</c>): etr.csv (a row per date: the ETR and
/// each authority's contribution, in percent of imports), etr.json, report.html (stacked columns, one per date), the
/// workbook and the manifest.
/// </summary>
public static class EtrSeriesReport
{
    /// <summary>The CSV file.</summary>
    public const string CsvFile = "etr.csv";

    /// <summary>Files written by <see cref="Write"/>.</summary>
    public static readonly IReadOnlyList<string> Files = [CsvFile, "etr.json", "report.html", RunWorkbook.FileName, OutputDirectory.ManifestFile];

    private static readonly string[] Colours = ["#2a7ab0", "#e08a1e", "#5a9e4b", "#c0392b", "#8e5ea2", "#7f7f7f", "#17becf", "#bcbd22", "#8c564b"];

    /// <summary>Column of an authority's contribution: <c>s232_pct</c>.</summary>
    public static string Column(string authority) => authority.ToLowerInvariant() + "_pct";

    /// <summary>CSV: <c>date,etr_pct,&lt;authority&gt;_pct…</c>; contributions sum to the ETR (percent of all imports in the weights).</summary>
    public static string Csv(IReadOnlyList<EffectiveRateReport> series)
    {
        var authorities = EffectiveRateSeries.Authorities(series);
        return CsvOutput.Text(["date", "etr_pct", .. authorities.Select(Column)], series.Select(r => (IReadOnlyList<string>)
            [r.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), CsvOutput.Number(100 * r.Etr), .. authorities.Select(a => CsvOutput.Number(100 * r.ByAuthority.GetValueOrDefault(a)))]));
    }

    /// <summary>JSON: the dates with the ETR and contributions (fractions), the weights and the manifest.</summary>
    public static string Json(IReadOnlyList<EffectiveRateReport> series, object manifest) => JsonSerializer.Serialize(new
    {
        units = "fractions of imports (0.1735 = 17.35%); by_authority sums to etr",
        weights = series[0].WeightsSource,
        points = series.Select(r => new { date = r.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), etr = r.Etr, by_authority = r.ByAuthority, total_imports_usd = r.TotalImportsUsd }),
        manifest,
    }, ScenarioReport.Json);

    /// <summary>Writes the files into an opened run and commits it; returns the target's full path.</summary>
    public static string Write(IReadOnlyList<EffectiveRateReport> series, Dictionary<string, object> manifest, OutputDirectory output, DateOnly? to = null)
    {
        output.WriteText(CsvFile, Csv(series));
        output.WriteText("etr.json", Json(series, manifest));
        output.WriteText("report.html", Html(series, to));
        return output.Commit(manifest);
    }

    private static string Html(IReadOnlyList<EffectiveRateReport> series, DateOnly? to)
    {
        var first = series[0].Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var last = (to ?? series[^1].Date).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var sb = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Effective US tariff rate, ")
            .Append(first).Append(" to ").Append(last).Append(" — Parley</title>\n")
            .Append("<style>body{font-family:system-ui,sans-serif;max-width:980px;margin:2em auto;color:#222}table{border-collapse:collapse;margin:1em 0}")
            .Append("td,th{border-bottom:1px solid #ddd;padding:3px 8px;text-align:right}th:first-child,td:first-child{text-align:left;white-space:nowrap}.note{color:#555;font-size:90%}</style></head><body>\n")
            .Append("<h1>Effective US tariff rate, ").Append(first).Append(" to ").Append(last).Append("</h1>\n<p class=\"note\">Import-weighted rate on ")
            .Append(WebUtility.HtmlEncode(series[0].WeightsSource)).Append(", stacked by the authority behind each part (table: ").Append(CsvFile).Append(").</p>\n")
            .Append(StackedChart(series));
        var authorities = EffectiveRateSeries.Authorities(series);
        sb.Append("<table><tr><th>Date</th><th>ETR %</th>");
        foreach (var a in authorities) sb.Append("<th>").Append(WebUtility.HtmlEncode(a)).Append(" %</th>");
        sb.Append("</tr>\n");
        foreach (var r in series)
        {
            sb.Append("<tr><td>").Append(r.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append("</td><td>").Append((100 * r.Etr).ToString("F2", CultureInfo.InvariantCulture)).Append("</td>");
            foreach (var a in authorities) sb.Append("<td>").Append((100 * r.ByAuthority.GetValueOrDefault(a)).ToString("F2", CultureInfo.InvariantCulture)).Append("</td>");
            sb.Append("</tr>\n");
        }
        return sb.Append("</table>\n</body></html>\n").ToString();
    }

    /// <summary>
    /// Stacked columns (inline SVG), one per date: each segment is one authority's contribution and names its cell of
    /// etr.csv (<c>data-source</c>, <c>data-match</c>, <c>data-column</c>, <c>data-value</c>); its height is value × <c>data-scale</c>.
    /// </summary>
    public static string StackedChart(IReadOnlyList<EffectiveRateReport> series)
    {
        var inv = CultureInfo.InvariantCulture;
        var authorities = EffectiveRateSeries.Authorities(series);
        const double plotHeight = 300, left = 50, plotWidth = 860;
        var top = 30.0 + 16 * ((authorities.Count - 1) / 6);
        var step = plotWidth / Math.Max(1, series.Count);
        var barWidth = Math.Min(40, step * 0.7);
        var max = Math.Max(1e-9, series.Max(r => 100 * r.Etr));
        var scale = plotHeight / max;
        var baseline = top + plotHeight;
        var sb = new StringBuilder();
        sb.Append(inv, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{left + plotWidth + 20}\" height=\"{baseline + 90}\" role=\"img\" aria-label=\"effective tariff rate by authority, %\" ")
          .Append(inv, $"data-chart=\"etr-by-authority\" data-orientation=\"vertical\" data-scale=\"{scale.ToString("R", inv)}\" data-zero=\"{baseline.ToString("R", inv)}\">\n");
        for (var a = 0; a < authorities.Count; a++)
            sb.Append(inv, $"<rect x=\"{left + a % 6 * 140}\" y=\"{8 + a / 6 * 16}\" width=\"12\" height=\"12\" fill=\"{Colours[a % Colours.Length]}\"/><text x=\"{left + a % 6 * 140 + 16}\" y=\"{19 + a / 6 * 16}\" font-size=\"11\">{WebUtility.HtmlEncode(authorities[a])}</text>\n");
        for (var tick = 0; tick <= 4; tick++)
        {
            var v = max * tick / 4;
            var y = baseline - v * scale;
            sb.Append(inv, $"<line x1=\"{left}\" y1=\"{y:F1}\" x2=\"{left + plotWidth}\" y2=\"{y:F1}\" stroke=\"#eee\"/><text x=\"{left - 6}\" y=\"{y + 4:F1}\" font-size=\"11\" text-anchor=\"end\">{v:F1}%</text>\n");
        }
        for (var k = 0; k < series.Count; k++)
        {
            var r = series[k];
            var date = r.Date.ToString("yyyy-MM-dd", inv);
            var x = left + k * step + (step - barWidth) / 2;
            var y = baseline;
            sb.Append(inv, $"<g data-source=\"{CsvFile}\" data-match=\"date={date}\" data-column=\"etr_pct\" data-value=\"{(100 * r.Etr).ToString("R", inv)}\"><title>{date}: {100 * r.Etr:F2}%</title>\n");
            for (var a = 0; a < authorities.Count; a++)
            {
                var v = 100 * r.ByAuthority.GetValueOrDefault(authorities[a]);
                if (!(v > 0)) continue; // nothing to stack (contributions are rates times imports, never negative)
                var h = v * scale;
                y -= h;
                sb.Append(inv, $"<rect x=\"{x.ToString("R", inv)}\" y=\"{y.ToString("R", inv)}\" width=\"{barWidth.ToString("R", inv)}\" height=\"{h.ToString("R", inv)}\" fill=\"{Colours[a % Colours.Length]}\" ")
                  .Append(inv, $"data-source=\"{CsvFile}\" data-match=\"date={date}\" data-column=\"{Column(authorities[a])}\" data-value=\"{v.ToString("R", inv)}\"><title>{date}, {WebUtility.HtmlEncode(authorities[a])}: {v:F2}%</title></rect>\n");
            }
            sb.Append("</g>\n");
            sb.Append(inv, $"<text x=\"{x + barWidth / 2:F1}\" y=\"{baseline + 10}\" font-size=\"10\" text-anchor=\"end\" transform=\"rotate(-60 {x + barWidth / 2:F1} {baseline + 10})\">{date}</text>\n");
        }
        sb.Append(inv, $"<line x1=\"{left}\" y1=\"{baseline}\" x2=\"{left + plotWidth}\" y2=\"{baseline}\" stroke=\"#333\"/>\n</svg>\n");
        return sb.ToString();
    }
}
