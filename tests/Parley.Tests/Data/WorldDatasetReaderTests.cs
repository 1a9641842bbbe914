using Parley.Data;
using Xunit;

namespace Parley.Tests.Data;

public class WorldDatasetReaderTests
{
    private static ParleyInputException Fails(Action read) => Assert.Throws<ParleyInputException>(read);

    private static void Replace(string file, Func<string[], string[]> edit) => File.WriteAllLines(file, edit(File.ReadAllLines(file)));

    [Fact]
    public void Copy_of_bundled_directory_reads_like_the_bundled_dataset()
    {
        using var tmp = new TempFolder();
        var d = WorldDatasetReader.ReadDirectory(tmp.CopyWorld2023());
        Assert.Equal(194, d.Countries.Count);
        Assert.Equal(BundledData.World2023.Trade.Values.ToArray(), d.Trade.Values.ToArray());
        Assert.Equal(27, d.Countries.Group("EU27").Count);
        Assert.Equal(25, d.Countries.Group("EU25_JIE2025").Count);
    }

    [Fact]
    public void Negative_trade_flow_is_rejected_with_file_line_and_field()
    {
        using var tmp = new TempFolder();
        var dir = tmp.CopyWorld2023();
        var trade = Path.Combine(dir, "trade_cepii.csv");
        Replace(trade, lines => { var f = lines[3].Split(','); f[5] = "-12.5"; lines[3] = string.Join(',', f); return lines; });
        var e = Fails(() => WorldDatasetReader.ReadDirectory(dir));
        Assert.Contains("trade_cepii.csv:4", e.Message);
        Assert.Contains("export_ij6", e.Message);
        Assert.Contains("non-negative", e.Message);
    }

    [Fact]
    public void Non_numeric_trade_value_names_the_cell()
    {
        using var tmp = new TempFolder();
        var dir = tmp.CopyWorld2023();
        Replace(Path.Combine(dir, "trade_cepii.csv"), lines => { var f = lines[10].Split(','); f[0] = "12x"; lines[10] = string.Join(',', f); return lines; });
        var e = Fails(() => WorldDatasetReader.ReadDirectory(dir));
        Assert.Equal(11, e.LineNumber);
        Assert.Equal("export_ij1", e.Field);
        Assert.Equal("12x", e.Value);
    }

    [Fact]
    public void Matrix_that_is_not_square_is_rejected()
    {
        using var tmp = new TempFolder();
        var dir = tmp.CopyWorld2023();
        Replace(Path.Combine(dir, "trade_cepii.csv"), lines => lines.Take(lines.Length - 1).ToArray());
        var e = Fails(() => WorldDatasetReader.ReadDirectory(dir));
        Assert.Contains("193 data rows", e.Message);
        Assert.Contains("square", e.Message);
    }

    [Fact]
    public void Tariff_file_with_193_rows_is_rejected()
    {
        using var tmp = new TempFolder();
        var dir = tmp.CopyWorld2023();
        Replace(Path.Combine(dir, "tariffs.csv"), lines => lines.Take(194).ToArray());
        var e = Fails(() => WorldDatasetReader.ReadDirectory(dir));
        Assert.Contains("tariffs.csv", e.Message);
        Assert.Contains("194 data rows", e.Message);
    }

    [Theory]
    [InlineData("-0.1")]
    [InlineData("10.5")]
    public void Tariff_outside_0_to_10_is_rejected(string value)
    {
        using var tmp = new TempFolder();
        var dir = tmp.CopyWorld2023();
        Replace(Path.Combine(dir, "tariffs.csv"), lines => { lines[5] = value; return lines; });
        var e = Fails(() => WorldDatasetReader.ReadDirectory(dir));
        Assert.Equal(6, e.LineNumber);
        Assert.Contains("between 0 and 10", e.Message);
    }

    [Fact]
    public void NaN_or_missing_GDP_is_rejected()
    {
        using var tmp = new TempFolder();
        var dir = tmp.CopyWorld2023();
        Replace(Path.Combine(dir, "gdp.csv"), lines => { lines[2] = "NaN"; return lines; });
        var e = Fails(() => WorldDatasetReader.ReadDirectory(dir));
        Assert.Contains("gdp.csv:3", e.Message);
        Assert.Contains("finite number", e.Message);

        Replace(Path.Combine(dir, "gdp.csv"), lines => lines.Where((_, k) => k != 2).ToArray());
        var missing = Fails(() => WorldDatasetReader.ReadDirectory(dir));
        Assert.Contains("193 data rows", missing.Message);
    }

    [Fact]
    public void Missing_file_is_named()
    {
        using var tmp = new TempFolder();
        var dir = tmp.CopyWorld2023();
        File.Delete(Path.Combine(dir, "gdp.csv"));
        var e = Fails(() => WorldDatasetReader.ReadDirectory(dir));
        Assert.EndsWith("gdp.csv", e.File);
        Assert.Contains("existing file", e.Message);
    }

    [Fact]
    public void Unknown_group_member_is_rejected()
    {
        using var tmp = new TempFolder();
        var dir = tmp.CopyWorld2023();
        File.AppendAllText(Path.Combine(dir, "country_groups.csv"), "G7,XXX\n");
        var e = Fails(() => WorldDatasetReader.ReadDirectory(dir));
        Assert.Equal("iso3", e.Field);
        Assert.Equal("XXX", e.Value);
    }

    [Fact]
    public void Long_format_reads_pairs_and_treats_missing_pairs_as_zero()
    {
        using var tmp = new TempFolder();
        var trade = tmp.Write("trade.csv", "exporter,importer,value\nUSA,JPN,100\nJPN,USA,250.5\nKOR,USA,40\n");
        var gdp = tmp.Write("gdp.csv", "iso3,gdp_usd_thousands\nUSA,1000\nJPN,500\nKOR,300\n");
        var d = WorldDatasetReader.ReadLong(trade, gdp, BundledData.World2023.Countries);
        Assert.Equal(3, d.Countries.Count);
        Assert.Equal(250.5, d.Trade[d.Countries.Require("JPN"), d.Countries.Require("USA")]);
        Assert.Equal(0, d.Trade[d.Countries.Require("USA"), d.Countries.Require("KOR")]);
        Assert.Equal("Japan", d.Countries[d.Countries.Require("JPN")].Name);
        Assert.Null(d.AnnouncedUsTariffs);
    }

    [Theory]
    [InlineData("exporter,importer,value\nUSA,XXX,100\n", "importer", "XXX", 2)]
    [InlineData("exporter,importer,value\nUSA,JPN,100\nUSA,JPN,5\n", "exporter,importer", "USA,JPN", 3)]
    [InlineData("exporter,importer,value\nUSA,JPN,-1\n", "value", "-1", 2)]
    [InlineData("exporter,importer,value\nUSA,JPN\n", "(row)", "2 fields", 2)]
    [InlineData("exporter,importer,value\nUSA,JPN,1,9\n", "(row)", "4 fields", 2)]
    public void Long_format_errors_name_line_field_and_value(string content, string field, string value, int line)
    {
        using var tmp = new TempFolder();
        var trade = tmp.Write("trade.csv", content);
        var gdp = tmp.Write("gdp.csv", "iso3,gdp_usd_thousands\nUSA,1000\nJPN,500\n");
        var e = Fails(() => WorldDatasetReader.ReadLong(trade, gdp));
        Assert.Equal(field, e.Field);
        Assert.Equal(value, e.Value);
        Assert.Equal(line, e.LineNumber);
    }

    [Fact]
    public void Long_format_needs_the_gdp_column_by_name()
    {
        using var tmp = new TempFolder();
        var trade = tmp.Write("trade.csv", "exporter,importer,value\n");
        var gdp = tmp.Write("gdp.csv", "iso3,gdp\nUSA,1000\nJPN,500\n");
        var e = Fails(() => WorldDatasetReader.ReadLong(trade, gdp));
        Assert.Equal("gdp_usd_thousands", e.Field);
        Assert.Equal(1, e.LineNumber);
    }
}
