// Why this type exists: a report's chart must show the same number as the table it illustrates, and a test must be able
// to prove it. Every bar therefore carries, as data attributes, the CSV file, the row and the column it plots and the
// value at full precision (the "R" form CsvOutput writes), and its length is value × one scale per chart. The NAFTA
// report once plotted a different statistic (exact real income) from the one the paper and the table's headline give
// (Caliendo–Parro's first-order welfare): now each bar names its column, and both measures are plotted, labelled.
using System.Globalization;
using System.Net;
using System.Text;

namespace Parley.Reports.Internals;

/// <summary>One bar: the category (row label), the series (legend entry), the value, and where the value comes from.</summary>
/// <param name="Category">Row label, e.g. <c>MEX</c>.</param>
/// <param name="Series">Legend entry, e.g. <c>exact real income</c>.</param>
/// <param name="Value">Plotted value in the chart's unit.</param>
/// <param name="Source">CSV file of the same run holding the value, e.g. <c>summary.csv</c>.</param>
/// <param name="Match">Row of that file: <c>column=value</c> pairs joined by <c>;</c>, e.g. <c>label=MEX</c>.</param>
/// <param name="Column">Column of that file, e.g. <c>welfare_pct</c>.</param>
internal sealed record Bar(string Category, string Series, double Value, string Source, string Match, string Column);

/// <summary>Horizontal bar charts as inline SVG (no scripts): categories down, one bar per series, zero line in the middle.</summary>
internal static class SvgBarChart
{
    private static readonly string[] Colours = ["#2a7ab0", "#e08a1e", "#5a9e4b", "#8e5ea2", "#7f7f7f"];
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>Renders <paramref name="bars"/> (in order; categories keep first-seen order) with a legend when there are several series.</summary>
    public static string Render(string id, string axisLabel, IReadOnlyList<Bar> bars, string unit = "%")
    {
        const int barHeight = 18, groupGap = 8, labelWidth = 190, plotWidth = 560, top = 10;
        var series = bars.Select(b => b.Series).Distinct().ToArray();
        var categories = bars.Select(b => b.Category).Distinct().ToArray();
        var max = Math.Max(1e-9, bars.Select(b => Math.Abs(b.Value)).DefaultIfEmpty(0).Max());
        var zero = labelWidth + plotWidth / 2.0;
        var scale = (plotWidth / 2.0 - 70) / max; // px per unit; room for the value labels beside the longest bars
        var groupHeight = series.Length * barHeight + groupGap;
        var legend = series.Length > 1 ? 22 : 0;
        var height = top + legend + categories.Length * groupHeight + 30;
        var sb = new StringBuilder();
        sb.Append(Inv, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{labelWidth + plotWidth + 40}\" height=\"{height}\" role=\"img\" ")
          .Append(Inv, $"aria-label=\"{E(axisLabel)}\" data-chart=\"{E(id)}\" data-scale=\"{scale.ToString("R", Inv)}\" data-zero=\"{zero.ToString("R", Inv)}\">\n");
        if (series.Length > 1)
            for (var s = 0; s < series.Length; s++)
                sb.Append(Inv, $"<rect x=\"{labelWidth + s * 200}\" y=\"{top}\" width=\"12\" height=\"12\" fill=\"{Colours[s % Colours.Length]}\"/>")
                  .Append(Inv, $"<text x=\"{labelWidth + s * 200 + 16}\" y=\"{top + 11}\" font-size=\"12\">{E(series[s])}</text>\n");
        for (var c = 0; c < categories.Length; c++)
        {
            var y0 = top + legend + c * groupHeight;
            sb.Append(Inv, $"<text x=\"{labelWidth - 8}\" y=\"{y0 + series.Length * barHeight / 2.0 + 4:F1}\" text-anchor=\"end\" font-size=\"13\">{E(categories[c])}</text>\n");
            foreach (var bar in bars.Where(b => b.Category == categories[c]))
            {
                var s = Array.IndexOf(series, bar.Series);
                var y = y0 + s * barHeight;
                var v = bar.Value;
                var w = Math.Abs(v) * scale;
                var x = v >= 0 ? zero : zero - w;
                var fill = series.Length > 1 ? Colours[s % Colours.Length] : v >= 0 ? "#2a7ab0" : "#c0392b";
                sb.Append(Inv, $"<rect x=\"{x.ToString("R", Inv)}\" y=\"{y + 2}\" width=\"{w.ToString("R", Inv)}\" height=\"{barHeight - 4}\" fill=\"{fill}\" ")
                  .Append(Inv, $"data-source=\"{E(bar.Source)}\" data-match=\"{E(bar.Match)}\" data-column=\"{E(bar.Column)}\" data-value=\"{v.ToString("R", Inv)}\">")
                  .Append(Inv, $"<title>{E(bar.Category)}, {E(bar.Series)}: {Label(v, unit)}</title></rect>");
                var tx = v >= 0 ? x + w + 4 : x - 4;
                sb.Append(Inv, $"<text x=\"{tx:F1}\" y=\"{y + barHeight - 5}\" font-size=\"11\" text-anchor=\"{(v >= 0 ? "start" : "end")}\">{Label(v, unit)}</text>\n");
            }
        }
        var bottom = top + legend + categories.Length * groupHeight;
        sb.Append(Inv, $"<line x1=\"{zero}\" y1=\"{top + legend}\" x2=\"{zero}\" y2=\"{bottom}\" stroke=\"#333\"/>\n");
        sb.Append(Inv, $"<text x=\"{zero}\" y=\"{bottom + 18}\" font-size=\"11\" text-anchor=\"middle\">0 ({E(axisLabel)})</text>\n</svg>\n");
        return sb.ToString();
    }

    /// <summary>A value label with enough digits that a small number is not shown as 0.00 (three significant figures, at least two decimals).</summary>
    /// <param name="v">The value.</param>
    /// <param name="unit"><c>%</c> (e.g. <c>+0.00732%</c>) or <c>USD bn</c> (e.g. <c>-$2.60 bn</c>).</param>
    public static string Label(double v, string unit = "%")
    {
        var digits = Math.Abs(v) is var a && a == 0 || a >= 1 ? 2 : Math.Min(6, Math.Max(2, 2 - (int)Math.Floor(Math.Log10(a))));
        var number = Math.Abs(v).ToString("F" + digits.ToString(Inv), Inv);
        var sign = v > 0 ? "+" : v < 0 ? "-" : "";
        return unit == "USD bn" ? $"{sign}${number} bn" : sign + number + unit;
    }

    private static string E(string s) => WebUtility.HtmlEncode(s);
}
