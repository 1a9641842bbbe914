using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Parley.Internals;
using Parley.Scenarios;

namespace Parley.Reports;

/// <summary>
/// Writes a sweep (<see cref="SweepResult"/>): <c>sweep.csv</c> (<c>variant,parameter_value,country,statistic,value,unit</c>),
/// a self-contained <c>report.html</c> with a line chart (one line per reported country) and tables, and the manifest.
/// </summary>
public static class SweepReport
{
    /// <summary>Header of sweep.csv, exactly.</summary>
    public static readonly IReadOnlyList<string> CsvColumns = ["variant", "parameter_value", "country", "statistic", "value", "unit"];

    /// <summary>Files a sweep writes.</summary>
    public static readonly IReadOnlyList<string> Files = ["sweep.csv", "report.html", RunWorkbook.FileName, OutputDirectory.ManifestFile];

    /// <summary>Statistics shown as tables in the report and the terminal: welfare, its dollar value, exports and tariff revenue.</summary>
    public static readonly IReadOnlyList<string> TableStatistics = ["welfare", "welfare_usd", "welfare_usd_latest_gdp", "exports", "tariff_revenue_usd"];

    /// <summary>sweep.csv as text: one row per variant, country and statistic; values at full precision.</summary>
    public static string Csv(SweepResult r) => CsvOutput.Text(CsvColumns, r.Rows.Select(x => (IReadOnlyList<string>)
        [CsvOutput.Number(x.Variant), CsvOutput.Number(x.ParameterValue), x.Country, x.Statistic, CsvOutput.Number(x.Value), x.Unit]));

    /// <summary>Writes the sweep into an opened run and commits it; returns the target's full path.</summary>
    public static string Write(SweepResult r, OutputDirectory output)
    {
        output.WriteText("sweep.csv", Csv(r));
        output.WriteText("report.html", Html(r));
        return output.Commit(r.Manifest);
    }

    /// <summary>The report page: chart of welfare against the parameter, the tables, the manifest.</summary>
    public static string Html(SweepResult r)
    {
        var sb = new StringBuilder();
        var title = WebUtility.HtmlEncode(r.Scenario.Name);
        sb.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>").Append(title).Append(" — Parley sweep</title>\n")
          .Append("<style>body{font-family:system-ui,sans-serif;max-width:980px;margin:2em auto;color:#222}table{border-collapse:collapse;margin:1em 0}")
          .Append("td,th{border-bottom:1px solid #ddd;padding:4px 10px;text-align:right}.note{color:#555;font-size:90%}")
          .Append("pre{background:#f6f6f6;padding:1em;overflow-x:auto}</style></head><body>\n<h1>").Append(title).Append("</h1>\n");
        if (r.Scenario.Description is { } d) sb.Append("<p>").Append(WebUtility.HtmlEncode(d)).Append("</p>\n");
        sb.Append("<p class=\"note\">").Append(WebUtility.HtmlEncode(
            $"{r.Manifest.Model}. Sweep over the {r.Sweep.Description}: {r.Variants.Count} variants, each the change from the status quo " +
            $"({r.StatusQuoDescription}). Groups weighted by status-quo absorption.")).Append("</p>\n");
        sb.Append("<h2>Welfare change from the status quo, %</h2>\n").Append(Chart(r, "welfare"));
        foreach (var stat in TableStatistics)
        {
            if (!r.Rows.Any(x => x.Statistic == stat)) continue;
            var unit = r.Rows.First(x => x.Statistic == stat).Unit;
            sb.Append("<h2>").Append(WebUtility.HtmlEncode($"{stat} ({unit})")).Append("</h2>\n<table><tr><th>Variant</th><th>")
              .Append(WebUtility.HtmlEncode(r.Sweep.ParameterName)).Append("</th>");
            foreach (var c in r.Countries) sb.Append("<th>").Append(WebUtility.HtmlEncode(c)).Append("</th>");
            sb.Append("</tr>\n");
            foreach (var v in r.Variants)
            {
                sb.Append("<tr><td>").Append(v.Number).Append("</td><td>").Append(WebUtility.HtmlEncode(r.Sweep.Format(v.Value))).Append("</td>");
                foreach (var c in r.Countries)
                    sb.Append("<td>").Append(r.Value(v.Number, c, stat) is { } x ? x.ToString(unit == "percent" ? "F3" : "F2", CultureInfo.InvariantCulture) : "–").Append("</td>");
                sb.Append("</tr>\n");
            }
            sb.Append("</table>\n");
        }
        sb.Append("<h2>Run manifest</h2>\n<pre>").Append(WebUtility.HtmlEncode(JsonSerializer.Serialize(r.Manifest, ScenarioReport.Json)))
          .Append("</pre>\n</body></html>\n");
        return sb.ToString();
    }

    private static readonly string[] Palette = ["#2a7ab0", "#c0392b", "#27ae60", "#8e44ad", "#d35400", "#16a085", "#7f8c8d", "#2c3e50"];

    /// <summary>
    /// Line chart (inline SVG) of one statistic against the swept parameter, one line per reported country. Each point is a
    /// <c>circle</c> carrying its numbers (<c>data-country</c>, <c>data-variant</c>, <c>data-parameter</c>, <c>data-value</c>,
    /// full precision) and the plot group its axis ranges, so the chart can be read back and checked against sweep.csv.
    /// </summary>
    public static string Chart(SweepResult r, string statistic)
    {
        const double left = 70, right = 620, top = 20, bottom = 300;
        var inv = CultureInfo.InvariantCulture;
        var points = r.Rows.Where(x => x.Statistic == statistic).ToArray();
        var xs = r.Variants.Select(v => v.Value).ToArray();
        double x0 = xs.Min(), x1 = xs.Max();
        if (x1 == x0) { x0 -= 0.5 * Math.Max(Math.Abs(x0), 1e-3); x1 += 0.5 * Math.Max(Math.Abs(x1), 1e-3); }
        double y0 = Math.Min(0, points.Select(p => p.Value).DefaultIfEmpty(0).Min()), y1 = Math.Max(0, points.Select(p => p.Value).DefaultIfEmpty(0).Max());
        var pad = Math.Max(1e-6, 0.08 * (y1 - y0));
        y0 -= pad;
        y1 += pad;
        double X(double v) => left + (v - x0) / (x1 - x0) * (right - left);
        double Y(double v) => bottom - (v - y0) / (y1 - y0) * (bottom - top);
        var sb = new StringBuilder();
        sb.Append(inv, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"720\" height=\"350\" role=\"img\" aria-label=\"{WebUtility.HtmlEncode(statistic)} against {WebUtility.HtmlEncode(r.Sweep.ParameterName)}\">\n");
        sb.Append(inv, $"<g class=\"plot\" data-statistic=\"{statistic}\" data-left=\"{left}\" data-right=\"{right}\" data-top=\"{top}\" data-bottom=\"{bottom}\" ")
          .Append(inv, $"data-x-min=\"{x0:R}\" data-x-max=\"{x1:R}\" data-y-min=\"{y0:R}\" data-y-max=\"{y1:R}\">\n");
        foreach (var t in Ticks(y0, y1))
            sb.Append(inv, $"<line x1=\"{left}\" y1=\"{Y(t):F2}\" x2=\"{right}\" y2=\"{Y(t):F2}\" stroke=\"{(t == 0 ? "#333" : "#e3e3e3")}\"/>")
              .Append(inv, $"<text x=\"{left - 6}\" y=\"{Y(t) + 4:F2}\" font-size=\"11\" text-anchor=\"end\">{t.ToString("0.####", inv)}</text>\n");
        foreach (var v in xs.Length <= 12 ? xs : Ticks(x0, x1))
            sb.Append(inv, $"<text x=\"{X(v):F2}\" y=\"{bottom + 16}\" font-size=\"11\" text-anchor=\"middle\">{WebUtility.HtmlEncode(r.Sweep.Format(v))}</text>\n");
        sb.Append(inv, $"<text x=\"{(left + right) / 2}\" y=\"{bottom + 38}\" font-size=\"12\" text-anchor=\"middle\">{WebUtility.HtmlEncode(r.Sweep.Description)}</text>\n");
        var countries = r.Countries;
        for (var c = 0; c < countries.Count; c++)
        {
            var color = Palette[c % Palette.Length];
            var line = points.Where(p => p.Country == countries[c]).OrderBy(p => p.ParameterValue).ToArray();
            if (line.Length == 0) continue;
            var code = WebUtility.HtmlEncode(countries[c]);
            sb.Append(inv, $"<polyline fill=\"none\" stroke=\"{color}\" stroke-width=\"2\" data-country=\"{code}\" points=\"")
              .AppendJoin(' ', line.Select(p => string.Create(inv, $"{X(p.ParameterValue):F2},{Y(p.Value):F2}"))).Append("\"/>\n");
            foreach (var p in line)
                sb.Append(inv, $"<circle class=\"point\" cx=\"{X(p.ParameterValue):F2}\" cy=\"{Y(p.Value):F2}\" r=\"3\" fill=\"{color}\" data-country=\"{code}\" ")
                  .Append(inv, $"data-variant=\"{p.Variant}\" data-parameter=\"{p.ParameterValue:R}\" data-value=\"{p.Value:R}\">")
                  .Append(inv, $"<title>{code} at {WebUtility.HtmlEncode(r.Sweep.Format(p.ParameterValue))}: {p.Value:F3}</title></circle>\n");
            var ly = top + 10 + 18 * c; // legend: one entry per line, stacked (line ends often meet near zero)
            sb.Append(inv, $"<line x1=\"{right + 12}\" y1=\"{ly}\" x2=\"{right + 32}\" y2=\"{ly}\" stroke=\"{color}\" stroke-width=\"3\"/>")
              .Append(inv, $"<text x=\"{right + 38}\" y=\"{ly + 4}\" font-size=\"12\">{code}</text>\n");
        }
        return sb.Append("</g>\n</svg>\n").ToString();
    }

    /// <summary>About five round tick values covering [lo, hi].</summary>
    private static IReadOnlyList<double> Ticks(double lo, double hi)
    {
        var raw = (hi - lo) / 5;
        var mag = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var step = new[] { 1.0, 2, 2.5, 5, 10 }.Select(f => f * mag).First(s => s >= raw);
        var ticks = new List<double>();
        for (var t = Math.Ceiling(lo / step) * step; t <= hi + 1e-12 * step; t += step) ticks.Add(Math.Abs(t) < 1e-12 * step ? 0 : Math.Round(t, 12));
        return ticks;
    }
}
