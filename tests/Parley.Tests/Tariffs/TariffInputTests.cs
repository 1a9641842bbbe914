using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Parley.Data;
using Parley.Tariffs;
using Parley.Tests.Cli;
using Xunit;

namespace Parley.Tests.Tariffs;

/// <summary>Issue 9 §2 for tariff inputs: bad input is exit 2 with one line, never a crash, NaN, Kosovo or silence.</summary>
public class TariffInputTests
{
    private static readonly TariffEngine Engine = new(TariffScheduleReader.Bundled);

    private static void ExitsTwoWithOneLine(params string[] args)
    {
        var (code, stdout, stderr) = CliTests.Run(args);
        Assert.True(code == 2, $"exit {code}: {stderr}{stdout}");
        Assert.Single(stderr.Trim().Split('\n'));
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void Empty_country_is_an_error_not_Kosovo(string country)
    {
        Assert.Null(Engine.Schedule.FindPartner(country));
        ExitsTwoWithOneLine("tariffs", "rate", "--date", "2025-10-15", "--country", country, "--hts", "8703.23.01");
        ExitsTwoWithOneLine("tariffs", "timeline", "--country", country, "--hts", "8703.23.01");
    }

    [Fact]
    public void Empty_partner_in_weights_or_overlay_is_an_error_naming_the_line()
    {
        using var tmp = new TempFolder();
        var w = tmp.Write("w.csv", "hts10,country,imports_usd\n8703230190,JPN,100\n8703230190,,50\n");
        var e = Assert.Throws<ParleyInputException>(() => ImportWeights.Read(w, Engine.Schedule));
        Assert.Equal(3, e.LineNumber);
        var o = tmp.Write("o.yaml", "name: x\nmeasures:\n  - { id: A, authority: S232, program: autos, country: '', from: 2025-07-01, rate: 0, type: exemption }\n");
        Assert.Throws<ParleyInputException>(() => TariffOverlay.Read(o, Engine.Schedule));
    }

    [Fact]
    public void Overlay_ending_9999_12_31_works_in_rate_timeline_and_etr()
    {
        using var tmp = new TempFolder();
        var o = tmp.Write("o.yaml", "name: forever\nmeasures:\n  - { id: A, authority: S232, program: autos, country: JPN, from: 2025-07-01, until: 9999-12-31, rate: 0, type: exemption }\n");
        Assert.Equal(0, CliTests.Run("tariffs", "timeline", "--country", "JPN", "--hts", "8703.23.01", "--overlay", o).Code);
        var (code, stdout, _) = CliTests.Run("tariffs", "rate", "--date", "2025-10-15", "--country", "JPN", "--hts", "8703.23.01", "--overlay", o, "--format", "json");
        Assert.Equal(0, code);
        Assert.True(JsonDocument.Parse(stdout).RootElement.GetProperty("total_rate").GetDouble() < 0.15);
    }

    [Fact]
    public void Weights_summing_to_zero_exit_2_instead_of_writing_NaN()
    {
        using var tmp = new TempFolder();
        var w = tmp.Write("w.csv", "hts10,cty_code,imports_usd\n8703230190,5880,0\n");
        ExitsTwoWithOneLine("tariffs", "etr", "--date", "2025-10-15", "--weights", w, "--format", "json");
    }

    [Theory]
    [InlineData("empty")]
    [InlineData("garbage")]
    [InlineData("truncated")]
    public void Corrupt_empty_or_truncated_Census_zip_is_an_input_error(string kind)
    {
        using var tmp = new TempFolder();
        var path = Path.Combine(tmp.Path, "IMDB2401.ZIP");
        var record = "8703230190" + "5880" + new string('0', 8) + "2024" + "01" + new string(' ', 45) + "000000000001000" + new string(' ', 90) + "000000000001000";
        using (var ms = new MemoryStream())
        {
            using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
            {
                using var s = new StreamWriter(zip.CreateEntry("IMP_DETL.TXT").Open(), Encoding.Latin1);
                for (var k = 0; k < 2000; k++) s.WriteLine(record);
            }
            var bytes = ms.ToArray();
            File.WriteAllBytes(path, kind switch
            {
                "empty" => [],
                "garbage" => Encoding.ASCII.GetBytes("PK\u0003\u0004 this is not a zip archive at all"),
                _ => bytes[..(bytes.Length / 2)],
            });
        }
        var e = Assert.Throws<ParleyInputException>(() => CensusImportDetail.Read(path));
        Assert.Contains("IMDB2401.ZIP", e.Message, StringComparison.Ordinal);
        ExitsTwoWithOneLine("tariffs", "etr", "--date", "2025-10-15", "--weights", path);
    }

    [Fact]
    public void From_schedule_on_a_multi_sector_dataset_without_USA_is_an_input_error()
    {
        var d = MultiSectorDatasetReader.Read(Path.Combine(BundledData.Root, "cp2015-nafta"));
        var renamed = d with { Regions = new CountrySet(d.Regions.Countries.Select(c => c.Iso3 == "USA" ? c with { Iso3 = "XUS" } : c).ToArray()) };
        var e = Assert.Throws<ParleyInputException>(() =>
            ScheduleBridge.ToMultiSector(Engine, ImportWeights.Bundled2024, new DateOnly(2025, 10, 15), renamed, d.TariffSets[d.BaseTariffs].ToArray()));
        Assert.Contains("USA", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_lines_and_partners_in_weights_are_reported_in_output_and_manifest()
    {
        using var tmp = new TempFolder();
        var w = tmp.Write("w.csv", "hts10,cty_code,imports_usd\n8703230190,5880,1000\n0000000000,5880,30\n8703230190,0001,70\n");
        var r = EffectiveRates.Compute(Engine, ImportWeights.Read(w, Engine.Schedule), new DateOnly(2025, 10, 15));
        Assert.Equal((3, 1, 30.0, 1, 70.0), (r.Coverage.Rows, r.Coverage.UnknownLineRows, r.Coverage.UnknownLineUsd, r.Coverage.UnknownPartnerRows, r.Coverage.UnknownPartnerUsd));
        Assert.Equal(["0001"], r.Coverage.UnknownPartners);
        var (code, stdout, stderr) = CliTests.Run("tariffs", "etr", "--date", "2025-10-15", "--weights", w, "--format", "json");
        Assert.True(code == 0, stderr);
        var json = JsonDocument.Parse(stdout).RootElement;
        Assert.Equal(30, json.GetProperty("coverage").GetProperty("unknown_line_usd").GetDouble());
        Assert.Equal(1, json.GetProperty("manifest").GetProperty("weights_coverage").GetProperty("unknown_partner_rows").GetInt32());
        var table = CliTests.Run("tariffs", "etr", "--date", "2025-10-15", "--weights", w);
        Assert.Contains("Not rated", table.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Weights_written_with_partner_names_all_resolve()
    {
        // 200,000 rows named by ISO3, ISO2 or name (each used to scan the partner list four times; the speed of this
        // read is a benchmark matter, bench/, not a timed test).
        using var tmp = new TempFolder();
        var sb = new StringBuilder("hts10,country,imports_usd\n");
        string[] names = ["JPN", "KR", "DE", "Vietnam", "MEX"];
        for (var k = 0; k < 200_000; k++) sb.Append("8703230190,").Append(names[k % names.Length]).Append(",1\n");
        var path = tmp.Write("w.csv", sb.ToString());
        var weights = ImportWeights.Read(path, Engine.Schedule);
        Assert.Equal(200_000, weights.Values.Length);
    }

    [Fact]
    public void Overlay_with_more_measures_than_the_limit_is_refused_before_any_query()
    {
        using var tmp = new TempFolder();
        var sb = new StringBuilder("name: huge\nmeasures:\n");
        for (var k = 0; k <= TariffOverlay.MaxMeasures; k++)
            sb.Append("  - { id: M").Append(k).Append(", authority: S232, program: autos, country: JPN, from: 2025-07-01, rate: 0.01 }\n");
        var e = Assert.Throws<ParleyInputException>(() => TariffOverlay.Read(tmp.Write("o.yaml", sb.ToString()), Engine.Schedule));
        Assert.Equal("measures", e.Field);
    }
}
