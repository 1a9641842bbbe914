using System.Globalization;
using Parley.Data;
using Parley.Data.Build;
using Parley.Internals;
using Parley.Tests.Cli;
using Xunit;

namespace Parley.Tests.Data;

/// <summary>
/// data/world-2022 (docs/world-2022.md): the build verb reproduces the committed files byte for byte from the bundled
/// sources; the committed table balances; the update meets its ADB 2022 and BACI 2023 targets to the tolerances stated
/// in data/world-2022/PROVENANCE.md, and its residual file parses back.
/// </summary>
public sealed class World2022Tests : IDisposable
{
    private readonly TempFolder _tmp = new();
    private static string Dir => Path.Combine(BundledData.Root, "world-2022");

    public void Dispose() => _tmp.Dispose();

    [Fact]
    public void Build_verb_reproduces_the_committed_world_2022_files_byte_for_byte()
    {
        var outDir = Path.Combine(_tmp.Path, "world-2022");
        var run = CliTests.Run("data", "build-world-2022", "--out", outDir);
        Assert.True(run.Code == 0, run.Err + run.Out);
        var built = Directory.GetFiles(outDir).Select(Path.GetFileName).Where(f => f != "manifest.json").Order().ToArray();
        var committed = Directory.GetFiles(Dir).Select(Path.GetFileName).Where(f => f != "PROVENANCE.md").Order().ToArray();
        Assert.Equal(committed, built);
        foreach (var f in built)
            Assert.True(File.ReadAllBytes(Path.Combine(outDir, f!)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(Dir, f!))), $"{f} differs from data/world-2022/{f}");
    }

    [Fact]
    public void Output_is_sales_value_added_is_output_less_inputs_and_world_exports_equal_world_imports()
    {
        var d = MultiSectorDatasetReader.Read(Dir);
        Assert.Equal((41, 35), (d.N, d.J));
        var va = CsvTable.Read(Path.Combine(Dir, "value_added.csv"));
        int cr = va.Column("region"), cs = va.Column("sector"), cv = va.Column("value_added"), cg = va.Column("gross_output");
        double exports = 0, imports = 0;
        foreach (var row in va.Rows)
        {
            int n = d.Regions.IndexOf(va.Field(row, cr)), j = d.Sectors.First(s => s.Code == va.Field(row, cs)).Index;
            double sales = 0, inputs = 0;
            for (var r = 0; r < d.N; r++) sales += d.Flows[d.Cell(j, n, r)];
            for (var k = 0; k < d.J; k++) inputs += d.InputShares[(n * d.J + k) * d.J + j] * va.Number(row, cg);
            Assert.Equal(1, sales / va.Number(row, cg), 1e-12);                                        // output = sales to all uses
            Assert.Equal(va.Number(row, cg) - inputs, va.Number(row, cv), 1e-6 * va.Number(row, cg));  // value added = output − inputs
        }
        for (var j = 0; j < d.J; j++)
            for (var i = 0; i < d.N; i++)
                for (var r = 0; r < d.N; r++)
                    if (i != r) { exports += d.Flows[d.Cell(j, i, r)]; imports += d.Flows[d.Cell(j, r, i)]; }
        Assert.Equal(exports, imports, 1e-9 * exports);
        Assert.Equal(0, d.Deficits.Sum(), 1e-6 * d.ValueAdded.Sum());
    }

    [Fact]
    public void Absorption_is_intermediate_use_plus_final_demand_for_every_importer_and_sector()
    {
        var d = MultiSectorDatasetReader.Read(Dir);
        var go = new double[d.N * d.J];
        var va = CsvTable.Read(Path.Combine(Dir, "value_added.csv"));
        foreach (var row in va.Rows)
            go[d.Regions.IndexOf(va.Field(row, va.Column("region"))) * d.J + d.Sectors.First(s => s.Code == va.Field(row, va.Column("sector"))).Index] = va.Number(row, va.Column("gross_output"));
        var fd = CsvTable.Read(Path.Combine(Dir, "final_demand.csv"));
        var clipped = 0;
        foreach (var row in fd.Rows)
        {
            int n = d.Regions.IndexOf(fd.Field(row, fd.Column("region"))), k = d.Sectors.First(s => s.Code == fd.Field(row, fd.Column("sector"))).Index;
            double absorption = 0, intermediate = 0;
            for (var i = 0; i < d.N; i++) absorption += d.Flows[d.Cell(k, i, n)];
            for (var j = 0; j < d.J; j++) intermediate += d.InputShares[(n * d.J + k) * d.J + j] * go[n * d.J + j];
            var final = fd.Number(row, fd.Column("final_demand"));
            if (final == 0 && intermediate > absorption) { clipped++; continue; } // negative final demand clipped to 0 (counted below)
            Assert.Equal(absorption, intermediate + final, 1e-9 * Math.Max(1, absorption));
        }
        Assert.Equal(14, clipped); // the count the build reports; PROVENANCE.md lists them
    }

    [Fact]
    public void Update_meets_its_2022_targets_to_the_stated_tolerances_and_the_residual_file_parses_back()
    {
        var t = CsvTable.Read(Path.Combine(Dir, WorldUpdateBuilder.ResidualsFile));
        int cm = t.Column("measure"), cr = t.Column("region"), ct = t.Column("target_usd_millions"), cb = t.Column("built_usd_millions"), cres = t.Column("residual_usd_millions");
        var byMeasure = t.Rows.GroupBy(r => t.Field(r, cm)).ToDictionary(g => g.Key, g => g.ToList());
        Assert.Equal(["domestic_sales", "exports", "goods_exports_to", "gross_output", "intermediate_inputs", "value_added"], byMeasure.Keys.Order());
        foreach (var row in t.Rows) Assert.Equal(t.Number(row, cb) - t.Number(row, ct), t.Number(row, cres), 1e-6 * Math.Max(1, Math.Abs(t.Number(row, ct))));
        double Share(string m) => byMeasure[m].Sum(r => Math.Abs(t.Number(r, cres))) / byMeasure[m].Sum(r => Math.Abs(t.Number(r, ct)));
        Assert.True(Share("domestic_sales") < 1e-12, "domestic sales are set, not fitted");
        Assert.True(Share("gross_output") < 5e-4, $"gross output: {Share("gross_output"):E2} of the total off target");
        Assert.True(Share("intermediate_inputs") < 2e-3, $"inputs: {Share("intermediate_inputs"):E2}");
        Assert.True(Share("value_added") < 2e-3, $"value added: {Share("value_added"):E2}");
        Assert.True(Share("goods_exports_to") < 5e-4, $"bilateral goods: {Share("goods_exports_to"):E2}");
        foreach (var region in new[] { "USA", "CHN", "JPN", "KOR", "DEU", "MEX", "CAN" })
        {
            var rows = byMeasure["gross_output"].Where(r => t.Field(r, cr) == region).ToList();
            Assert.Equal(1, rows.Sum(r => t.Number(r, cb)) / rows.Sum(r => t.Number(r, ct)), 1e-3); // ADB 2022 gross output to 0.1%
        }
    }

    [Fact]
    public void Partner_tariffs_are_the_data_s_base_and_the_eu_is_a_customs_union()
    {
        var d = MultiSectorDatasetReader.Read(Dir);
        Assert.Equal("mfn_2022", d.BaseTariffs);
        int Jx(string c) => d.Sectors.First(s => s.Code == c).Index;
        int R(string c) => d.Regions.IndexOf(c);
        var sources = CsvTable.Read(Path.Combine(Dir, WorldUpdateBuilder.TariffSourcesFile));
        var japanFood = sources.Rows.Single(r => sources.Field(r, 0) == "Japan" && sources.Field(r, 1) == "c3");
        Assert.Equal(sources.Number(japanFood, 2), d.Base[d.Cell(Jx("c3"), R("USA"), R("JPN"))], 1e-15);  // Japan on US food = WTO MFN mean
        Assert.Equal(0, d.Base[d.Cell(Jx("c15"), R("FRA"), R("DEU"))]);                                  // inside the EU
        Assert.True(d.Base[d.Cell(Jx("c15"), R("USA"), R("DEU"))] > 0.03);                               // EU MFN on US transport equipment
        Assert.Equal(0, d.Base[d.Cell(Jx("c15"), R("KOR"), R("DEU"))]);                                  // EU–Korea FTA
        for (var j = 0; j < d.J; j++)
            for (var i = 0; i < d.N; i++) Assert.Equal(0, d.Base[d.Cell(j, i, R("USA"))]);             // US tariffs come from the schedule
    }

    [Fact]
    public void Today_s_tariffs_on_world_2022_are_the_US_schedule_on_top_of_the_partners_2022_MFN()
    {
        var s = Parley.Scenarios.ScenarioFile.Read(Path.Combine(AppContext.BaseDirectory, "examples", "world-autos", "1-japan-25.yaml"));
        Assert.Equal("world-2022", s.Dataset);
        var sq = Parley.Scenarios.StatusQuoTariffs.Resolve(s, new DateOnly(2025, 7, 1));
        Assert.Equal(Parley.Scenarios.StatusQuoKind.Schedule, sq.Kind);
        var d = BundledData.MultiSector("world-2022")!;
        var tau = Parley.Scenarios.StatusQuoTariffs.MultiSector(sq, s, d);
        int R(string c) => d.Regions.Require(c);
        int Jx(string c) => d.FindSector(c)!.Index;
        Assert.Equal(d.Base[d.Cell(Jx("c3"), R("USA"), R("JPN"))], tau[d.Cell(Jx("c3"), R("USA"), R("JPN"))]);   // Japan's MFN on US food, from the data
        Assert.True(tau[d.Cell(Jx("c3"), R("USA"), R("JPN"))] > 0.15);
        Assert.True(tau[d.Cell(Jx("c15"), R("JPN"), R("USA"))] > 0.2);                                              // the US schedule on Japanese cars
    }

    [Fact]
    public void Build_verb_without_out_or_with_a_missing_data_folder_is_an_input_error()
    {
        Assert.Equal(2, CliTests.Run("data", "build-world-2022").Code);
        var missing = CliTests.Run("data", "build-world-2022", "--data", Path.Combine(_tmp.Path, "nowhere"), "--out", Path.Combine(_tmp.Path, "o"));
        Assert.Equal(2, missing.Code);
        Assert.Contains("--data", missing.Err + missing.Out);
    }

    [Fact]
    public void Negotiation_lines_file_parses_back_to_the_WTO_rows_of_its_product_groups()
    {
        var lines = CsvTable.Read(Path.Combine(Dir, WorldUpdateBuilder.NegotiationLinesFile));
        var wto = CsvTable.Read(Path.Combine(WorldUpdateSources.Bundled(BundledData.Root).SourcesDir, "wto", "wto_mfn_mtn_2022.csv"));
        string Line(string reporter, string line, string column) =>
            lines.Field(lines.Rows.Single(r => lines.Field(r, 0) == reporter && lines.Field(r, 1) == line), lines.Column(column));
        string Wto(string reporter, string group) =>
            wto.Field(wto.Rows.Single(r => wto.Field(r, wto.Column("reporter_name")) == reporter && wto.Field(r, wto.Column("product_code")) == group), wto.Column("trade_weighted"));
        Assert.Equal(5 * 6, lines.Rows.Count); // five WTO reporters × rice, beef, autos, three machinery groups
        foreach (var (line, group) in new[] { ("rice", "E01"), ("beef", "A02"), ("autos", "U01") })
            foreach (var reporter in new[] { "Japan", "European Union" })
            {
                Assert.Equal(group, Line(reporter, line, "mtn_subgroup"));
                Assert.Equal(double.Parse(Wto(reporter, group), CultureInfo.InvariantCulture), double.Parse(Line(reporter, line, "mfn_trade_weighted_pct"), CultureInfo.InvariantCulture));
            }
        Assert.Equal("0", Line("Japan", "autos", "mfn_trade_weighted_pct")); // Japan levies no MFN tariff on cars
    }
}

/// <summary>Bad source files give one input error naming file, line, field and value (never a stack trace or silent numbers).</summary>
public sealed class World2022SourceErrorTests : IDisposable
{
    private readonly TempFolder _tmp = new();

    public void Dispose() => _tmp.Dispose();

    [Fact]
    public void A_sector_index_outside_1_to_35_in_the_ADB_summary_names_its_line_and_value()
    {
        var sources = WorldUpdateSources.Bundled(BundledData.Root);
        var copy = Path.Combine(_tmp.Path, "sources");
        foreach (var dir in new[] { "wiod", "adb", "wto" })
        {
            Directory.CreateDirectory(Path.Combine(copy, dir));
            foreach (var f in Directory.GetFiles(Path.Combine(sources.SourcesDir, dir))) File.Copy(f, Path.Combine(copy, dir, Path.GetFileName(f)));
        }
        var summary = Path.Combine(copy, "adb", "adb_mrio_summary_2022.csv");
        var lines = File.ReadAllLines(summary);
        var fields = lines[3].Split(',');
        fields[2] = "99"; // column i
        lines[3] = string.Join(',', fields);
        File.WriteAllLines(summary, lines);
        var e = Assert.Throws<ParleyInputException>(() => WorldUpdateBuilder.Build(sources with { SourcesDir = copy }, Path.Combine(_tmp.Path, "out")));
        Assert.Equal(summary, e.File);
        Assert.Equal(4, e.LineNumber);
        Assert.Equal("i", e.Field);
        Assert.Equal("99", e.Value);
    }
}
