using System.Globalization;
using Parley.Data;
using Xunit;

namespace Parley.Tests.Data;

/// <summary>
/// A world dataset whose GDP and trade disagree by orders of magnitude is a unit mistake and an input error naming the
/// country, the GDP file and field: exports or imports above 50× GDP, or GDP above 1000× exports plus imports. The
/// bundled world-2023 data sit well inside both limits (27× and 28× at their extremes).
/// </summary>
public class TradeScaleTests
{
    private static (double TradeToGdp, string TradeIso, double GdpToTrade, string GdpIso) Extremes(WorldDataset d)
    {
        var t = d.Trade;
        var rows = Enumerable.Range(0, d.Countries.Count).Select(k => (Iso: d.Countries[k].Iso3,
            X: t.RowSum(k) - t[k, k], M: t.ColumnSum(k) - t[k, k], Gdp: d.Gdp[k])).ToArray();
        var trade = rows.MaxBy(r => Math.Max(r.X, r.M) / r.Gdp);
        var gdp = rows.MaxBy(r => r.Gdp / (r.X + r.M));
        return (Math.Max(trade.X, trade.M) / trade.Gdp, trade.Iso, gdp.Gdp / (gdp.X + gdp.M), gdp.Iso);
    }

    [Fact]
    public void Bundled_world_2023_extremes_are_the_documented_ones_inside_the_limits()
    {
        var (tradeToGdp, tradeIso, gdpToTrade, gdpIso) = Extremes(BundledData.World2023);
        Assert.Equal(("MHL", "VEN"), (tradeIso, gdpIso));
        Assert.InRange(tradeToGdp, 27.0, 28.0); // Marshall Islands' imports (ship registry)
        Assert.InRange(gdpToTrade, 27.5, 28.5); // Venezuela
        Assert.True(tradeToGdp < WorldDatasetReader.MaxTradeToGdp && gdpToTrade < WorldDatasetReader.MaxGdpToTrade);
    }

    [Fact]
    public void Gdp_written_in_thousands_instead_of_usd_names_the_country_file_and_field()
    {
        using var tmp = new TempFolder();
        var dir = tmp.CopyWorld2023();
        var gdpFile = Path.Combine(dir, "gdp.csv");
        var lines = File.ReadAllLines(gdpFile);
        var jpn = BundledData.World2023.Countries.IndexOf("JPN");
        lines[jpn + 1] = (double.Parse(lines[jpn + 1], CultureInfo.InvariantCulture) / 1000).ToString("R", CultureInfo.InvariantCulture);
        File.WriteAllLines(gdpFile, lines);
        var e = Assert.Throws<ParleyInputException>(() => WorldDatasetReader.ReadDirectory(dir));
        Assert.Equal((gdpFile, jpn + 2, "gdp"), (e.File, e.LineNumber, e.Field));
        Assert.StartsWith("JPN: ", e.Value);
        Assert.Contains("× GDP (at most 50×)", e.Message);
        Assert.Contains("current USD", e.Message);
    }

    [Fact]
    public void Long_format_gdp_in_usd_instead_of_thousands_is_an_error_naming_the_first_country()
    {
        using var tmp = new TempFolder();
        var trade = tmp.Write("trade.csv", "exporter,importer,value\nAAA,BBB,1000\nBBB,AAA,800\nAAA,CCC,500\nCCC,AAA,400\nBBB,CCC,300\nCCC,BBB,200\n");
        var ok = tmp.Write("gdp.csv", "iso3,gdp_usd_thousands\nAAA,9000\nBBB,6000\nCCC,3000\n");
        Assert.Equal(3, WorldDatasetReader.ReadLong(trade, ok).Countries.Count);

        var usd = tmp.Write("gdp-usd.csv", "iso3,gdp_usd_thousands\nAAA,9000000\nBBB,6000000\nCCC,3000000\n");
        var e = Assert.Throws<ParleyInputException>(() => WorldDatasetReader.ReadLong(trade, usd));
        Assert.Equal((usd, 2, "gdp_usd_thousands"), (e.File, e.LineNumber, e.Field));
        Assert.StartsWith("AAA: ", e.Value);
        Assert.Contains("exports plus imports (at most 1000×)", e.Message);
    }

    [Fact]
    public void A_country_without_any_trade_is_an_error()
    {
        using var tmp = new TempFolder();
        var trade = tmp.Write("trade.csv", "exporter,importer,value\nAAA,BBB,1000\nBBB,AAA,800\n");
        var gdp = tmp.Write("gdp.csv", "iso3,gdp_usd_thousands\nAAA,9000\nBBB,6000\nCCC,3000\n");
        var e = Assert.Throws<ParleyInputException>(() => WorldDatasetReader.ReadLong(trade, gdp));
        Assert.Equal(4, e.LineNumber);
        Assert.Contains("no trade at all", e.Message);
    }

    [Fact]
    public void Multi_sector_flows_in_usd_next_to_value_added_in_millions_name_the_region()
    {
        using var tmp = new TempFolder();
        var dir = Fuzz.Fixtures.MultiSector(tmp);
        var flows = Path.Combine(dir, "flows.csv");
        var lines = File.ReadAllLines(flows);
        File.WriteAllLines(flows, lines.Take(1).Concat(lines.Skip(1).Select(l =>
        {
            var f = l.Split(',');
            f[3] = (double.Parse(f[3], CultureInfo.InvariantCulture) * 1e6).ToString("R", CultureInfo.InvariantCulture);
            return string.Join(',', f);
        })));
        var e = Assert.Throws<ParleyInputException>(() => Parley.Data.MultiSectorDatasetReader.Read(dir));
        Assert.Equal(("value_added", "USA: 1E+09 USD"), (e.Field, e.Value));
        Assert.EndsWith("va.csv", e.File);
        Assert.Contains("× value added (at most 50×)", e.Message);
    }
}
