using System.Globalization;
using System.Text.Json;
using Parley.Application;
using Parley.Data;
using Parley.Data.Import;
using Parley.Scenarios;
using Parley.Tests.Reports;
using Xunit;

namespace Parley.Tests.Data;

/// <summary>
/// `parley data import` (docs/data-import.md) end to end on the shipped 3-country examples: import → the folder the
/// repository ships → read back strictly → scenarios solve on it with the signs economics demands; and every bad
/// input is one input error naming file, line, field, value and expectation.
/// </summary>
public class DataImportTests
{
    private static string Example(string path) => Path.Combine(AppContext.BaseDirectory, "examples", "import", path);

    private static OneSectorImportFiles OneSectorFiles(string dir) => new(Path.Combine(dir, "flows.csv"), Path.Combine(dir, "gdp.csv"),
        Path.Combine(dir, "tariffs.csv"), Path.Combine(dir, "groups.csv"));

    private static MultiSectorImportFiles MultiSectorFiles(string dir) => new(Path.Combine(dir, "table.csv"), Path.Combine(dir, "sectors.csv"),
        Path.Combine(dir, "regions.csv"), Path.Combine(dir, "tariffs.csv"), Path.Combine(dir, "groups.csv"));

    /// <summary>A copy of one of the example input folders that a test may corrupt.</summary>
    private static string CopyInputs(TempFolder tmp, string kind)
    {
        var target = Path.Combine(tmp.Path, kind);
        Directory.CreateDirectory(target);
        foreach (var f in Directory.GetFiles(Example(kind))) File.Copy(f, Path.Combine(target, Path.GetFileName(f)));
        return target;
    }

    private static void AssertSameDataFiles(string shipped, string written)
    {
        var names = Directory.GetFiles(shipped).Select(Path.GetFileName).Where(n => n != "manifest.json").Order().ToArray();
        Assert.Equal(names, Directory.GetFiles(written).Select(Path.GetFileName).Where(n => n != "manifest.json").Order().ToArray());
        foreach (var n in names)
        {
            var expected = File.ReadAllText(Path.Combine(shipped, n!));
            var actual = File.ReadAllText(Path.Combine(written, n!));
            Assert.True(expected == actual, $"{n}: the shipped example differs from what `parley data import` writes; re-import it (docs/data-import.md)");
        }
    }

    private static void AssertManifestHashesSources(string folder, int sources)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "manifest.json")));
        Assert.Equal("parley", doc.RootElement.GetProperty("written_by").GetString());
        var list = doc.RootElement.GetProperty("sources").EnumerateArray().ToArray();
        Assert.Equal(sources, list.Length);
        foreach (var s in list)
            Assert.Equal(RunManifest.Sha256(s.GetProperty("path").GetString()), s.GetProperty("sha256").GetString());
    }

    [Fact]
    public void One_sector_import_writes_the_shipped_folder_with_converted_units_and_parses_back_strictly()
    {
        using var tmp = new TempFolder();
        var outcome = DatasetImport.OneSector(OneSectorFiles(Example("one-sector")), Path.Combine(tmp.Path, "written"), "test");
        AssertSameDataFiles(Example("one-sector-dataset"), outcome.Folder);
        AssertManifestHashesSources(outcome.Folder, 4);
        foreach (var csv in Directory.GetFiles(outcome.Folder, "*.csv")) StrictCsv.Read(csv, unitsInNames: false);

        var d = WorldDatasetReader.ReadDirectory(outcome.Folder);
        Assert.Equal(["USA", "JPN", "KOR"], d.Countries.Countries.Select(c => c.Iso3));
        Assert.Equal("South Korea", d.Countries[2].Name);
        Assert.Equal(147_237_000, d.Trade[1, 0]);          // JPN → USA: USD 147,237 millions = 147,237,000 thousands
        Assert.Equal(29_022_000, d.Trade[2, 1]);           // KOR → JPN
        Assert.Equal(0, d.Trade[0, 0]);
        Assert.Equal(27_361e6, d.Gdp[0]);                   // USD 27,361 billions in thousands
        Assert.Equal([0, 0.24, 0.25], d.AnnouncedUsTariffs!.Value.ToArray()); // "24%" and 0.25 both read as fractions
        Assert.Equal([1, 2], d.Countries.Group("EASTASIA"));
    }

    [Fact]
    public void Multi_sector_import_writes_the_shipped_folder_whose_shares_and_deficits_match_the_table_by_hand()
    {
        using var tmp = new TempFolder();
        var outcome = DatasetImport.MultiSector(MultiSectorFiles(Example("multi-sector")), Path.Combine(tmp.Path, "written"), "test",
            new ImportOptions { Name = "multi-sector-dataset" });
        AssertSameDataFiles(Example("multi-sector-dataset"), outcome.Folder);
        AssertManifestHashesSources(outcome.Folder, 5);
        foreach (var csv in Directory.GetFiles(outcome.Folder, "*.csv")) StrictCsv.Read(csv, unitsInNames: false);

        var d = MultiSectorDatasetReader.Read(outcome.Folder);
        Assert.Equal((3, 2), (d.N, d.J));
        Assert.Equal("USD millions", d.MoneyUnit);
        // The obvious method: re-add the table's lines (USD billions) by hand.
        var cells = File.ReadAllLines(Example("multi-sector/table.csv")).Skip(1).Select(l => l.Split(','))
            .Select(f => (Exp: f[0], Imp: f[1], Sec: f[2], Use: f[3], Value: double.Parse(f[4], CultureInfo.InvariantCulture) * 1000)).ToArray();
        int R(string c) => d.Regions.IndexOf(c);
        int S(string c) => d.FindSector(c)!.Index;
        double Tau(string imp, string exp, string sec) => d.Base[d.Cell(S(sec), R(exp), R(imp))];
        Assert.Equal(0.015, Tau("USA", "JPN", "G"), 15);
        foreach (var r in new[] { "USA", "JPN", "KOR" })
        {
            var exports = cells.Where(c => c.Exp == r && c.Imp != r).Sum(c => c.Value);
            var imports = cells.Where(c => c.Imp == r && c.Exp != r).Sum(c => c.Value);
            Assert.Equal(imports - exports, d.Deficits[R(r)], 1e-6);
            foreach (var j in new[] { "G", "S" })
            {
                var output = cells.Where(c => c.Exp == r && c.Sec == j).Sum(c => c.Value);
                var inputs = cells.Where(c => c.Imp == r && c.Use == j).Sum(c => c.Value * (1 + Tau(r, c.Exp, c.Sec)));
                Assert.Equal((output - inputs) / output, d.ValueAddedShare[R(r) * 2 + S(j)], 12);
                var fromGoods = cells.Where(c => c.Imp == r && c.Use == j && c.Sec == "G").Sum(c => c.Value * (1 + Tau(r, c.Exp, "G")));
                Assert.Equal(fromGoods / output, d.InputShares[(R(r) * 2 + S("G")) * 2 + S(j)], 12);
            }
            // Income = value added + tariff revenue + deficit equals final spending (tariff-inclusive): the identity the derivation rests on.
            var final = cells.Where(c => c.Imp == r && c.Use == "final").Sum(c => c.Value * (1 + Tau(r, c.Exp, c.Sec)));
            var revenue = cells.Where(c => c.Imp == r).Sum(c => c.Value * Tau(r, c.Exp, c.Sec));
            Assert.Equal(final, d.ValueAdded[R(r)] + revenue + d.Deficits[R(r)], 1e-6 * final);
            var goodsFinal = cells.Where(c => c.Imp == r && c.Use == "final" && c.Sec == "G").Sum(c => c.Value * (1 + Tau(r, c.Exp, "G")));
            Assert.Equal(goodsFinal / final, d.FinalShares[R(r) * 2 + S("G")], 12);
        }
    }

    private static ScenarioResult Simulate(string file) => ScenarioRunner.Run(ScenarioRunner.Load(file));

    private static ChangeRow Row(ScenarioResult r, string label) => r.StatusQuo!.Rows.Single(x => x.Label == label);

    [Fact]
    public void Scenarios_on_the_imported_one_sector_world_give_zero_for_no_change_and_more_Japanese_exports_for_a_US_cut()
    {
        using var tmp = new TempFolder();
        var dir = Path.Combine(tmp.Path, "import");
        Directory.CreateDirectory(dir);
        DatasetImport.OneSector(OneSectorFiles(Example("one-sector")), Path.Combine(dir, "one-sector-dataset"), "test");
        foreach (var f in new[] { "one-sector-announced.yaml", "one-sector-deal.yaml" }) File.Copy(Example(f), Path.Combine(dir, f));
        var free = Path.Combine(dir, "free.yaml");
        File.WriteAllText(free, "name: free\ndataset: one-sector-dataset\nstatus_quo: tariff-free\ntariffs: { base: zero }\nreport: [USA, JPN, KOR, EASTASIA]\n");

        foreach (var row in Simulate(free).StatusQuo!.Rows)
            Assert.All(new[] { row.Welfare, row.Exports, row.Imports, row.RealWage, row.ConsumerPrices, row.TariffRevenueUsdBillions }, v => Assert.Equal(0, v, 12));
        var announced = Simulate(Path.Combine(dir, "one-sector-announced.yaml"));
        Assert.True(Row(announced, "JPN").Exports < 0, "US tariffs of 24% lower Japan's exports");
        Assert.True(Row(announced, "USA").TariffRevenueUsdBillions > 0);
        var deal = Simulate(Path.Combine(dir, "one-sector-deal.yaml"));   // against the announced tariffs
        Assert.True(Row(deal, "JPN").Exports > 0, "cutting the US tariff on Japan from 24% to 15% raises Japan's exports");
        Assert.True(Row(deal, "JPN").Welfare > 0);
        Assert.True(Row(deal, "KOR").Exports < 0, "Korea, still at 25%, loses to trade diversion");
    }

    [Fact]
    public void Scenarios_on_the_imported_IO_table_solve_with_zero_for_the_data_and_more_Japanese_goods_exports_for_a_US_cut()
    {
        using var tmp = new TempFolder();
        var dir = Path.Combine(tmp.Path, "import");
        Directory.CreateDirectory(dir);
        DatasetImport.MultiSector(MultiSectorFiles(Example("multi-sector")), Path.Combine(dir, "multi-sector-dataset"), "test");
        File.Copy(Example("multi-sector-cut.yaml"), Path.Combine(dir, "cut.yaml"));
        var same = Path.Combine(dir, "same.yaml");
        File.WriteAllText(same, "name: same\ndataset: multi-sector-dataset\nmodel: { type: multi-sector }\ntariffs: { base: data }\nreport: [USA, JPN, KOR]\n");

        foreach (var row in Simulate(same).StatusQuo!.Rows)
            Assert.All(new[] { row.Welfare, row.Exports, row.Imports, row.RealWage, row.ConsumerPrices, row.TariffRevenueUsdBillions }, v => Assert.Equal(0, v, 9));
        var cut = Simulate(Path.Combine(dir, "cut.yaml"));
        Assert.True(Row(cut, "JPN").Exports > 0, "removing the 1.5% US tariff on Japanese goods raises Japan's exports");
        Assert.True(Row(cut, "USA").TariffRevenueUsdBillions < 0);
        Assert.True(Row(cut, "KOR").Exports < 0, "Korea loses US market share to Japan");
    }

    [Fact]
    public void Shipped_negotiation_prices_every_package_on_the_imported_dataset()
    {
        var r = NegotiationRunner.Run(NegotiationRunner.Load(Example("multi-sector-negotiation.yaml")));
        Assert.Equal(6, r.Packages.Count);
        Assert.All(r.Outcomes, o => Assert.True(double.IsFinite(o.Utility1) && double.IsFinite(o.Utility2)));
        Assert.True(r.Batna.Utility2 < 0, "a 25% US tariff on Japanese goods hurts Japan against the 1.5% baseline");
    }
}
