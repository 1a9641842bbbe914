using System.Globalization;
using System.Text.Json;
using Parley.Reports;
using Parley.Tariffs;
using Parley.Tests.Cli;
using Xunit;

namespace Parley.Tests.Reports;

/// <summary>
/// <c>parley tariffs etr --from D1 --to D2 [--step revision|month] --out DIR</c>: the effective rate at each date of a
/// range, stacked by authority. Each point equals the single-date verb (<c>--date</c>) on the same weights, the
/// authorities add up to the ETR, and the chart's segments equal etr.csv's cells (ChartCheck, via CheckFolder).
/// Four lines of weights keep it fast; the bundled 2024 weights take about a second per date.
/// </summary>
public class EtrSeriesTests
{
    private const string Weights = "hts10,cty_code,imports_usd\n8703240150,5880,1000000\n7208101500,1220,500000\n8471300100,5700,2000000\n0101210010,2010,100000\n";

    [Fact]
    public void Range_at_revision_dates_writes_table_chart_and_workbook_that_agree_with_the_single_date_verb()
    {
        using var tmp = new TempFolder();
        var weights = tmp.Write("w.csv", Weights);
        var dir = Path.Combine(tmp.Path, "out");
        var (code, stdout, err) = CliTests.Run("tariffs", "etr", "--from", "2025-01-01", "--to", "2025-12-31", "--weights", weights, "--out", dir);
        Assert.True(code == 0, err);
        Assert.Contains("Effective US tariff rate by authority", stdout);
        ExampleOutputsTests.CheckFolder(dir); // CSV strict, JSON, hashes, workbook cell by cell, chart bars = CSV cells
        foreach (var f in EtrSeriesReport.Files) Assert.True(File.Exists(Path.Combine(dir, f)), f);

        var csv = StrictCsv.Read(Path.Combine(dir, EtrSeriesReport.CsvFile));
        var dates = csv.Rows.Select(r => r[0]).ToArray();
        Assert.Equal("2025-01-01", dates[0]);
        Assert.Contains("2025-04-05", dates); // the 10% reciprocal baseline starts
        Assert.Equal(dates.Order(StringComparer.Ordinal), dates);
        var expected = EffectiveRateSeries.Dates(TariffScheduleReader.Bundled, new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31), EtrStep.Revision);
        Assert.Equal(expected.Select(d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), dates);
        foreach (var row in csv.Rows)
            Assert.Equal(double.Parse(row[1], CultureInfo.InvariantCulture), row.Skip(2).Sum(v => double.Parse(v, CultureInfo.InvariantCulture)), 1e-9);

        Assert.Equal(csv.Rows.Count, ChartCheck.Check(dir).Count(b => b.Column == "etr_pct"));
        foreach (var date in new[] { "2025-01-01", "2025-04-05", dates[^1] })
        {
            var single = CliTests.Run("tariffs", "etr", "--date", date, "--weights", weights, "--by", "authority", "--format", "json");
            Assert.True(single.Code == 0, single.Err);
            var etr = JsonDocument.Parse(single.Out).RootElement.GetProperty("etr").GetDouble();
            Assert.Equal(100 * etr, double.Parse(csv.Rows.Single(r => r[0] == date)[1], CultureInfo.InvariantCulture), 1e-12);
        }
    }

    [Fact]
    public void Monthly_steps_start_at_from_then_each_month_start()
    {
        var dates = EffectiveRateSeries.Dates(TariffScheduleReader.Bundled, new DateOnly(2025, 1, 15), new DateOnly(2025, 4, 1), EtrStep.Month);
        Assert.Equal([new DateOnly(2025, 1, 15), new DateOnly(2025, 2, 1), new DateOnly(2025, 3, 1), new DateOnly(2025, 4, 1)], dates);
    }

    [Theory]
    [InlineData("--from 2025-05-01 --to 2025-04-01", "--to")]
    [InlineData("--from 2025-01-01 --step weekly", "--step")]
    [InlineData("--to 2025-04-01", "--from")]
    [InlineData("--from 2025-01-01 --date 2025-02-01", "--date")]
    public void A_bad_range_is_a_one_line_input_error(string args, string field)
    {
        var (code, _, err) = CliTests.Run(["tariffs", "etr", .. args.Split(' ')]);
        Assert.Equal(2, code);
        Assert.Contains(field, err);
        Assert.DoesNotContain("   at ", err);
    }
}
