using System.Text.Json;
using Parley.Application;
using Parley.Data;
using Parley.Reports;
using Parley.Scenarios;
using Parley.Tests.Cli;
using Parley.Tests.Fuzz;
using Xunit;

namespace Parley.Tests.MultiSector;

/// <summary>
/// A multi-sector tariff change without <c>sector:</c> touches the dataset's goods sectors only (WIOD c1–c16, CP2015's
/// sectors 1–20); <c>sector: all</c> takes services too, <c>sector: goods</c> is the explicit default. The sectors each
/// change touched are listed in the run manifest, result.json and under the simulate table.
/// </summary>
public class SectorScopeTests
{
    private static readonly MultiSectorDataset Wiod = BundledData.MultiSector(BundledData.Wiod2011Name)!;

    private static double[] Apply(params TariffChange[] changes) =>
        MultiSectorScenario.ApplyChanges(new double[Wiod.Flows.Length], changes, Wiod, "test.yaml");

    private static TariffChange Change(params string[]? sectors) => new(["USA"], ["JPN"], 0.15, 7, sectors);

    private static double UsaOnJapan(double[] t, string code) =>
        t[Wiod.Cell(Wiod.FindSector(code)!.Index, Wiod.Regions.IndexOf("JPN"), Wiod.Regions.IndexOf("USA"))];

    [Fact]
    public void Wiod_goods_are_agriculture_mining_and_manufacturing_c1_to_c16()
    {
        Assert.Equal(Enumerable.Range(1, 16).Select(k => $"c{k}"), Wiod.Sectors.Where(s => s.Goods).Select(s => s.Code));
        Assert.All(Wiod.Sectors, s => Assert.True(s.Tradable)); // WIOD's services trade: 'tradable' alone cannot say what a tariff means
    }

    [Fact]
    public void Cp2015_without_a_goods_column_takes_its_tradable_sectors_1_to_20_as_goods()
    {
        var cp = BundledData.MultiSector(BundledData.Cp2015Name)!;
        Assert.Equal(20, cp.Sectors.Count(s => s.Goods));
        Assert.All(cp.Sectors, s => Assert.Equal(s.Tradable, s.Goods));
        Assert.Equal("Auto", cp.Sectors.Single(s => s.Goods && s.Index == 17).Name);
    }

    [Fact]
    public void Change_without_sector_touches_goods_and_leaves_services_at_their_level()
    {
        var t = Apply(Change(null));
        Assert.Equal(0.15, UsaOnJapan(t, "c15"));
        Assert.Equal(0.15, UsaOnJapan(t, "c16"));
        Assert.Equal(0.0, UsaOnJapan(t, "c17"));
        Assert.Equal(0.0, UsaOnJapan(t, "c28")); // financial intermediation
        Assert.Equal(16, Enumerable.Range(0, Wiod.J).Count(j => t[Wiod.Cell(j, Wiod.Regions.IndexOf("JPN"), Wiod.Regions.IndexOf("USA"))] > 0));
    }

    [Fact]
    public void Sector_all_touches_every_sector_and_sector_goods_equals_the_default()
    {
        Assert.Equal(0.15, UsaOnJapan(Apply(Change("all")), "c28"));
        Assert.Equal(Apply(Change(null)), Apply(Change("goods")));
        var mixed = Apply(Change("goods", "c17"));
        Assert.Equal(0.15, UsaOnJapan(mixed, "c17"));
        Assert.Equal(0.0, UsaOnJapan(mixed, "c18"));
    }

    [Fact]
    public void Scope_lists_the_sectors_each_change_touched()
    {
        var scopes = TariffChangeScope.Of([Change(null), Change("all"), Change("c15", "transport-equipment", "c1")], Wiod, "test.yaml");
        Assert.Equal(["goods (default)", "all", "listed"], scopes.Select(s => s.Scope));
        Assert.Equal(16, scopes[0].Sectors.Count);
        Assert.Equal(35, scopes[1].Sectors.Count);
        Assert.Equal(["c1", "c15"], scopes[2].Sectors);
        Assert.Equal("line 7: USA ← JPN 15% on goods (default): c1–c16 (16 of 35 sectors)", scopes[0].Describe(Wiod));
        Assert.Equal("line 7: USA ← JPN 15% on c1, c15", scopes[2].Describe(Wiod));
    }

    [Fact]
    public void Unknown_sector_names_the_keywords_and_the_file_line()
    {
        var e = Assert.Throws<ParleyInputException>(() => Apply(Change("cars")));
        Assert.Equal(("test.yaml", 7, "sector", "cars"), (e.File, e.LineNumber, e.Field, e.Value));
        Assert.Contains("'all', 'goods'", e.Message);
    }

    [Fact]
    public void Goods_column_overrides_tradable_and_a_bad_flag_is_an_input_error()
    {
        using var tmp = new TempFolder();
        var dir = Fixtures.MultiSector(tmp);
        File.WriteAllText(Path.Combine(dir, "sectors.csv"), "code,sector,tradable,goods\nc1,Goods,TRUE,FALSE\nc2,Services,FALSE,TRUE\n");
        Assert.Equal(["c2"], MultiSectorDatasetReader.Read(dir).Sectors.Where(s => s.Goods).Select(s => s.Code));

        File.WriteAllText(Path.Combine(dir, "sectors.csv"), "code,sector,goods\nc1,Goods,yes\nc2,Services,FALSE\n");
        var e = Assert.Throws<ParleyInputException>(() => MultiSectorDatasetReader.Read(dir));
        Assert.Equal((2, "goods", "YES"), (e.LineNumber, e.Field, e.Value));

        File.WriteAllText(Path.Combine(dir, "sectors.csv"), "code,sector,goods\nc1,Goods,FALSE\nc2,Services,FALSE\n");
        var none = MultiSectorDatasetReader.Read(dir);
        var err = Assert.Throws<ParleyInputException>(() => MultiSectorScenario.ApplyChanges(new double[none.Flows.Length], [new(["USA"], ["JPN"], 0.1, 4)], none, "s.yaml"));
        Assert.Contains("sector: all", err.Message);
    }

    private const string Scenario = """
        name: goods default
        dataset: ms
        model: { type: multi-sector }
        tariffs:
          base: data
          changes:
            - { importer: USA, exporter: JPN, rate: "15%" }
            - { importer: JPN, exporter: USA, sector: all, rate: 0.1 }
        report: [USA, JPN]
        """;

    [Fact]
    public void Manifest_result_json_and_the_simulate_table_list_the_sectors_touched()
    {
        using var tmp = new TempFolder();
        Fixtures.MultiSector(tmp);
        var file = tmp.Write("s.yaml", Scenario);
        var r = ScenarioRunner.Run(ScenarioRunner.Load(file));
        Assert.Equal("line 7: USA ← JPN 15% on goods (default): c1 (1 of 2 sectors); line 8: JPN ← USA 10% on all: c1–c2 (2 of 2 sectors)",
            r.Manifest.Options["tariff_change_sectors"]);

        var dir = Path.Combine(tmp.Path, "out");
        ScenarioReport.Write(r, dir);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "result.json")));
        var changes = json.RootElement.GetProperty("tariff_changes");
        Assert.Equal(["c1"], changes[0].GetProperty("sectors").EnumerateArray().Select(x => x.GetString()));
        Assert.Equal("goods (default)", changes[0].GetProperty("scope").GetString());
        Assert.Equal(7, changes[0].GetProperty("line").GetInt32());
        Assert.Equal(2, changes[1].GetProperty("sectors").GetArrayLength());
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, OutputDirectory.ManifestFile)));
        Assert.Contains("goods (default): c1", manifest.RootElement.ToString());

        var (code, stdout, _) = CliTests.Run("simulate", file);
        Assert.Equal(0, code);
        Assert.Contains("Tariff change line 7: USA ← JPN 15% on goods (default): c1 (1 of 2 sectors)", stdout);
        Assert.Contains("Tariff change line 8: JPN ← USA 10% on all: c1–c2 (2 of 2 sectors)", stdout);
    }
}
