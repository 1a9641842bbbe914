using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Xunit;

namespace Parley.Tests.Reports;

/// <summary>
/// Reads a report's charts back against the tables they illustrate. Every bar names its CSV file, row and column
/// (<c>data-source</c>, <c>data-match</c>, <c>data-column</c>) and its value (<c>data-value</c>); the check finds that cell in
/// the CSV of the same run and requires the same number, and requires the bar's drawn length to be |value| × the chart's
/// scale on the right side of the zero line, so neither the label nor the picture can show another number.
/// </summary>
internal static partial class ChartCheck
{
    public sealed record ChartBar(string Chart, string Source, string Match, string Column, double Value, double X, double Width);

    [GeneratedRegex("<svg [^>]*data-chart=\"([^\"]*)\"[^>]*>(.*?)</svg>", RegexOptions.Singleline)]
    private static partial Regex SvgBlock();

    [GeneratedRegex("<rect [^>]*data-source=[^>]*>")]
    private static partial Regex BarTag();

    [GeneratedRegex("([a-z][a-z-]*)=\"([^\"]*)\"")]
    private static partial Regex Attribute();

    private static Dictionary<string, string> Attributes(string tag) =>
        Attribute().Matches(tag).ToDictionary(m => m.Groups[1].Value, m => WebUtility.HtmlDecode(m.Groups[2].Value));

    private static double D(string s) => double.Parse(s, CultureInfo.InvariantCulture);

    /// <summary>Every bar of every chart in <paramref name="html"/>.</summary>
    public static IReadOnlyList<ChartBar> Bars(string html)
    {
        var bars = new List<ChartBar>();
        foreach (Match svg in SvgBlock().Matches(html))
        {
            var head = Attributes(svg.Value[..svg.Value.IndexOf('>')]);
            var id = WebUtility.HtmlDecode(svg.Groups[1].Value);
            var scale = D(head["data-scale"]);
            var zero = D(head["data-zero"]);
            var vertical = head.GetValueOrDefault("data-orientation") == "vertical";
            foreach (Match tag in BarTag().Matches(svg.Groups[2].Value))
            {
                var a = Attributes(tag.Value);
                var bar = vertical
                    ? new ChartBar(id, a["data-source"], a["data-match"], a["data-column"], D(a["data-value"]), D(a["y"]), D(a["height"]))
                    : new ChartBar(id, a["data-source"], a["data-match"], a["data-column"], D(a["data-value"]), D(a["x"]), D(a["width"]));
                Assert.Equal(Math.Abs(bar.Value) * scale, bar.Width, 1e-9);
                if (!vertical) Assert.Equal(bar.Value >= 0 ? zero : zero - bar.Width, bar.X, 1e-9);
                bars.Add(bar);
            }
            if (vertical) CheckStacks(svg.Groups[2].Value, id, scale, zero, bars);
        }
        return bars;
    }

    [GeneratedRegex("<g [^>]*data-source=[^>]*>(.*?)</g>", RegexOptions.Singleline)]
    private static partial Regex StackTag();

    /// <summary>
    /// Stacked columns: each <c>&lt;g&gt;</c> names the total's cell (added to <paramref name="bars"/> so it is checked against
    /// the CSV too); its segments sit on each other from the baseline up and their heights add up to total × scale.
    /// </summary>
    private static void CheckStacks(string body, string id, double scale, double baseline, List<ChartBar> bars)
    {
        foreach (Match g in StackTag().Matches(body))
        {
            var a = Attributes(g.Value[..g.Value.IndexOf('>')]);
            var total = new ChartBar(id, a["data-source"], a["data-match"], a["data-column"], D(a["data-value"]), baseline, 0);
            var top = baseline;
            foreach (Match tag in BarTag().Matches(g.Groups[1].Value))
            {
                var r = Attributes(tag.Value);
                Assert.Equal(top - D(r["height"]), D(r["y"]), 1e-9);
                top = D(r["y"]);
            }
            Assert.Equal(total.Value * scale, baseline - top, 1e-6);
            bars.Add(total);
        }
    }

    /// <summary>Checks every bar of <c>report.html</c> in <paramref name="dir"/> against the CSV files there; returns the bars.</summary>
    public static IReadOnlyList<ChartBar> Check(string dir)
    {
        var report = Path.Combine(dir, "report.html");
        if (!File.Exists(report)) return [];
        var tables = new Dictionary<string, StrictCsv.Table>();
        var bars = Bars(File.ReadAllText(report));
        foreach (var bar in bars)
        {
            if (!tables.TryGetValue(bar.Source, out var table))
                tables[bar.Source] = table = StrictCsv.Read(Path.Combine(dir, bar.Source));
            var conditions = bar.Match.Split(';').Select(p => p.Split('=', 2)).Select(p => (Column: table.Column(p[0]), Value: p[1])).ToArray();
            var rows = table.Rows.Where(r => conditions.All(c => r[c.Column] == c.Value)).ToArray();
            Assert.True(rows.Length == 1, $"chart {bar.Chart}: {bar.Match} matches {rows.Length} rows of {bar.Source}");
            var field = rows[0][table.Column(bar.Column)];
            Assert.True(field == bar.Value.ToString("R", CultureInfo.InvariantCulture),
                $"chart {bar.Chart}: bar {bar.Match} plots {bar.Value} but {bar.Source} has {bar.Column} = '{field}'");
        }
        return bars;
    }
}
