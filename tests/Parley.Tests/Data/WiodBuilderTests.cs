using System.Globalization;
using System.IO.Compression;
using Parley.Data;
using Parley.Data.Build;
using Parley.Tests.Cli;
using Parley.Tests.Reports;
using Xunit;

namespace Parley.Tests.Data;

/// <summary>
/// The WIOD builder on a three-region, two-sector table written by the test in WIOD's long format (labels,
/// intermediate and final-demand files, gzip), small enough that every derived number is worked out by hand below.
/// It exercises each documented choice once: a negative cell set to 0, a placeholder cell, inputs scaled to 99% of
/// output, a negative final-demand total clipped, ROM written as ROU, θ mapped from CP (2015).
/// </summary>
public sealed class WiodBuilderTests : IDisposable
{
    private readonly TempFolder _tmp = new();
    private readonly string _source;

    public WiodBuilderTests()
    {
        _source = Path.Combine(_tmp.Path, "wiod");
        Directory.CreateDirectory(_source);
        File.WriteAllText(Path.Combine(_source, "wiot2011_labels.csv"), """
            index,country,sector,wiod_code,sector_name
            1,USA,c1,AtB,"Agriculture, Hunting, Forestry and Fishing"
            2,USA,c17,E,"Electricity, Gas and Water Supply"
            3,JPN,c1,AtB,"Agriculture, Hunting, Forestry and Fishing"
            4,JPN,c17,E,"Electricity, Gas and Water Supply"
            5,ROM,c1,AtB,"Agriculture, Hunting, Forestry and Fishing"
            6,ROM,c17,E,"Electricity, Gas and Water Supply"

            """);
        Gzip("wiot2011_intermediate_long.csv.gz", """
            from_country,from_sector,to_country,to_sector,value
            USA,c1,USA,c1,10
            USA,c1,JPN,c17,5
            JPN,c17,USA,c1,4
            JPN,c1,JPN,c1,8
            ROM,c1,ROM,c17,3
            USA,c17,ROM,c1,2

            """);
        Gzip("wiot2011_final_long.csv.gz", """
            from_country,from_sector,to_country,fd_category,value
            USA,c1,USA,CONS_h,50
            USA,c17,USA,CONS_h,80
            JPN,c1,JPN,CONS_h,40
            JPN,c17,JPN,CONS_h,60
            JPN,c17,USA,CONS_h,6
            JPN,c17,ROM,CONS_h,7
            ROM,c1,ROM,CONS_h,20
            USA,c17,JPN,INVEN,-2
            JPN,c1,ROM,INVEN,-25

            """);
    }

    public void Dispose() => _tmp.Dispose();

    private void Gzip(string name, string text)
    {
        using var file = File.Create(Path.Combine(_source, name));
        using var gz = new GZipStream(file, CompressionLevel.Fastest);
        using var w = new StreamWriter(gz);
        w.Write(text);
    }

    private static MultiSectorDataset Cp2015 => MultiSectorDatasetReader.Read(Path.Combine(BundledData.Root, "cp2015-nafta"));

    private static double D(string s) => double.Parse(s, CultureInfo.InvariantCulture);

    [Fact]
    public void Builds_a_dataset_the_reader_accepts_with_every_choice_counted()
    {
        var outDir = Path.Combine(_tmp.Path, "built");
        var summary = WiodBuilder.Build(_source, Cp2015, outDir);

        Assert.Equal((3, 2), (summary.Regions, summary.Sectors));
        Assert.Equal(2, summary.NegativeCellsZeroed);   // USA c17 → JPN (−2) and JPN c1 → ROM (−25)
        Assert.Equal(1, summary.Placeholders);          // ROM c17 sells nothing
        Assert.Equal(1, summary.InputScaled);           // ROM c17 buys 3 with (placeholder) output 1e-6
        Assert.Equal(1, summary.AlphaClipped);          // ROM's final demand for c1: 20 − 25 < 0
        Assert.Equal(Cp2015.FindSector("Agriculture")!.TradeElasticity, summary.Elasticities["c1"]);
        Assert.Equal(WiodBuilder.ServicesElasticity, summary.Elasticities["c17"]);

        var d = MultiSectorDatasetReader.Read(outDir);
        Assert.Equal(["USA", "JPN", "ROU"], d.Regions.Countries.Select(c => c.Iso3));
        Assert.Equal("Agriculture, Hunting, Forestry and Fishing", d.Sectors[0].Name);
        foreach (var f in Directory.GetFiles(outDir, "*.csv")) StrictCsv.Read(f, unitsInNames: false);
    }

    [Fact]
    public void Flows_coefficients_and_shares_are_the_hand_computed_values()
    {
        var outDir = Path.Combine(_tmp.Path, "built");
        WiodBuilder.Build(_source, Cp2015, outDir);
        var flows = StrictCsv.Read(unitsInNames: false, path: Path.Combine(outDir, "trade_flows.csv"));
        double Flow(string importer, string exporter, string sector) =>
            flows.Rows.Where(r => r[0] == importer && r[1] == exporter && r[2] == sector).Select(r => D(r[3])).SingleOrDefault();
        Assert.Equal(10, Flow("USA", "JPN", "c17"));       // 4 intermediate + 6 final
        Assert.Equal(5, Flow("JPN", "USA", "c1"));
        Assert.Equal(0, Flow("JPN", "USA", "c17"));        // −2 set to 0 and not listed
        Assert.Equal(60, Flow("USA", "USA", "c1"));        // 10 + 50
        Assert.Equal(1e-6, Flow("ROU", "ROU", "c17"));     // the 1-USD placeholder (USD millions)

        var va = StrictCsv.Read(unitsInNames: false, path: Path.Combine(outDir, "value_added.csv"));
        var usaC1 = va.Rows.Single(r => r[0] == "USA" && r[1] == "c1");
        Assert.Equal(65, D(usaC1[va.Column("gross_output")]));               // 60 to USA + 5 to JPN
        Assert.Equal(1 - 14.0 / 65, D(usaC1[va.Column("va_share")]), 15);     // inputs 10 (c1) + 4 (c17)

        var io = StrictCsv.Read(unitsInNames: false, path: Path.Combine(outDir, "intermediate_inputs.csv"));
        Assert.Equal(4.0 / 65, D(io.Rows.Single(r => r[0] == "USA" && r[1] == "c17" && r[2] == "c1")[3]), 15);
        var romC17 = io.Rows.Single(r => r[0] == "ROU" && r[1] == "c1" && r[2] == "c17");
        Assert.Equal(0.99, D(romC17[3]), 12);                                // scaled so that γ^j = 1%

        var fd = StrictCsv.Read(unitsInNames: false, path: Path.Combine(outDir, "final_demand.csv"));
        double Alpha(string region, string sector) => D(fd.Rows.Single(r => r[0] == region && r[1] == sector)[fd.Column("alpha")]);
        Assert.Equal(50.0 / 136, Alpha("USA", "c1"), 15);                   // USA final: 50 (c1), 80 + 6 (c17)
        Assert.Equal(0, Alpha("ROU", "c1"));                                 // clipped
        Assert.Equal(1, Alpha("ROU", "c17"));

        var totals = StrictCsv.Read(unitsInNames: false, path: Path.Combine(outDir, "region_totals.csv"));
        Assert.Equal(0, totals.Rows.Sum(r => D(r[totals.Column("deficit")])), 12);
        // USA imports 10 (JPN c17); exports 5 (c1 to JPN) + 2 (c17 to ROM) → deficit 3.
        Assert.Equal(3, D(totals.Rows.Single(r => r[0] == "USA")[totals.Column("deficit")]), 12);
    }

    [Fact]
    public void Build_wiod_command_writes_a_Parley_run_it_may_replace_and_refuses_without_out()
    {
        var outDir = Path.Combine(_tmp.Path, "cli");
        var first = CliTests.Run("data", "build-wiod", "--source", _source, "--out", outDir);
        Assert.True(first.Code == 0, first.Err);
        Assert.Contains("read back and validated (3 × 2)", first.Out);
        ExampleOutputsTests.CheckFolder(outDir, unitsInNames: false, "tariffs.csv"); // dataset files: money_unit in dataset.yaml
        Assert.Equal(0, CliTests.Run("data", "build-wiod", "--source", _source, "--out", outDir).Code);
        Assert.Equal(2, CliTests.Run("data", "build-wiod", "--source", _source).Code);
    }
}
