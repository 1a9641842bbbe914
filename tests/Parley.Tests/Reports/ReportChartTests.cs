using Parley.Application;
using Parley.Reports;
using Parley.Reports.Internals;
using Parley.Scenarios;
using Parley.Tests.Cli;
using Xunit;

namespace Parley.Tests.Reports;

/// <summary>
/// The report's charts show the question the scenario asks — welfare against the status quo, both welfare measures of
/// the multi-sector model, the importer's imports by partner, the parties' sector output — and every bar equals the
/// CSV cell it names (<see cref="ChartCheck"/>; the examples' folders are checked the same way in ExampleOutputsTests).
/// </summary>
public class ReportChartTests
{
    private static string Example(string name) => Path.Combine(AppContext.BaseDirectory, "examples", name);

    [Fact]
    public void NAFTA_report_charts_Mexico_at_the_papers_1_31_percent_beside_exact_real_income()
    {
        // The chart used to plot only exact real income (Mexico +0.0073%, printed "+0.01%") under the heading "welfare",
        // while the paper (Caliendo & Parro 2015, Table 2: Mexico +1.31%) and the table's CP column give the first-order
        // measure. Both are now charted and labelled; the paper's number is matched to its two printed decimals.
        using var tmp = new TempFolder();
        var dir = ScenarioReport.Write(ScenarioRunner.Run(ScenarioFile.Read(Example("nafta-1993-2005.yaml"))), Path.Combine(tmp.Path, "out"));
        var bars = ChartCheck.Check(dir);
        var cp = bars.Single(b => b.Chart == "welfare-calibration" && b.Match == "label=MEX" && b.Column == "welfare_cp_first_order_pct");
        Assert.Equal(1.31, cp.Value, 0.005);
        var exact = bars.Single(b => b.Chart == "welfare-calibration" && b.Match == "label=MEX" && b.Column == "welfare_pct");
        Assert.InRange(exact.Value, 0, 0.1); // Mexico loses most of its tariff revenue: exact real income barely moves
        Assert.True(cp.Width > 100 * exact.Width, "the CP bar is drawn on the same scale, far longer");
        var html = File.ReadAllText(Path.Combine(dir, "report.html"));
        Assert.Contains("+1.31%", html);
        Assert.Contains("+0.00732%", html); // not rounded to +0.01%

        Assert.Contains(bars, b => b.Chart == "welfare-status-quo" && b.Source == ScenarioReport.StatusQuoFile);
        // Trade diversion: Mexico's imports by partner against the status quo, the largest rises (from the USA, CAN) first.
        var diversion = bars.Where(b => b.Chart == "diversion-MEX").ToArray();
        Assert.Equal(ScenarioCharts.MaxPartners, diversion.Length);
        Assert.All(diversion, b => Assert.Equal((ScenarioReport.PartnersFile, "change_usd_billions"), (b.Source, b.Column)));
        Assert.Equal(["importer=MEX;exporter=USA", "importer=MEX;exporter=CAN"], diversion.Take(2).Select(b => b.Match).Order().Reverse());
        // Sector output of the parties (no tariff changes are listed: the first three reported regions), 40 sectors each.
        foreach (var party in new[] { "MEX", "CAN", "USA" })
            Assert.Equal(40, bars.Count(b => b.Chart == $"sectors-{party}" && b.Source == "sectors.csv"));
    }

    [Fact]
    public void A_one_sector_report_charts_welfare_against_its_status_quo()
    {
        using var tmp = new TempFolder();
        var dir = Path.Combine(tmp.Path, "out");
        Assert.Equal(0, CliTests.Run("simulate", Example("us-japan/3-deal-15.yaml"), "--out", dir).Code);
        var bars = ChartCheck.Check(dir);
        var sq = bars.Where(b => b.Chart == "welfare-status-quo").ToArray();
        Assert.NotEmpty(sq);
        Assert.All(sq, b => Assert.Equal((ScenarioReport.StatusQuoFile, "welfare_pct"), (b.Source, b.Column)));
        Assert.DoesNotContain(bars, b => b.Chart == "welfare-calibration"); // the secondary view stays in the table

        // Trade diversion: the US (the importer of the change) buys more from Japan than under the 24% status quo.
        var diversion = bars.Where(b => b.Chart == "diversion-USA").ToArray();
        Assert.Equal(ScenarioCharts.MaxPartners, diversion.Length);
        Assert.Equal("importer=USA;exporter=JPN", diversion[0].Match);
        Assert.True(diversion[0].Value > 0);
        // The partner table adds up to the importer's total in status_quo.csv (imports_pct of the USA row).
        var partners = StrictCsv.Read(Path.Combine(dir, ScenarioReport.PartnersFile));
        double Sum(string column) => partners.Rows.Sum(r => double.Parse(r[partners.Column(column)], System.Globalization.CultureInfo.InvariantCulture));
        var change = StrictCsv.Read(Path.Combine(dir, ScenarioReport.StatusQuoFile));
        var usImports = double.Parse(change.Rows.Single(r => r[0] == "USA")[change.Column("imports_pct")], System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(usImports, 100 * (Sum("imports_usd_billions") / Sum("imports_status_quo_usd_billions") - 1), 1e-9);
    }

    [Theory]
    [InlineData(0.00732316, "+0.00732%")]
    [InlineData(-0.110104, "-0.110%")]
    [InlineData(1.3121137, "+1.31%")]
    [InlineData(-28.99, "-28.99%")]
    [InlineData(0, "0.00%")]
    public void Bar_labels_keep_three_significant_figures_so_small_changes_are_not_printed_as_zero(double value, string label) =>
        Assert.Equal(label, SvgBarChart.Label(value));
}
