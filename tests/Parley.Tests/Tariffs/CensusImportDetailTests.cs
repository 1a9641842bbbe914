using System.Globalization;
using System.IO.Compression;
using System.Text;
using Parley.Data;
using Parley.Tariffs;
using Xunit;

namespace Parley.Tests.Tariffs;

/// <summary>
/// The Census IMP_DETL reader, tested on records written in the Census fixed-width layout from real 2024 rows of the
/// bundled weights (Japan and Korea, chapters 85 and 87), split over two districts and two months as the monthly files are.
/// </summary>
public class CensusImportDetailTests
{
    private static readonly TariffEngine Engine = new(TariffScheduleReader.Bundled);

    private static readonly (string Code, string Country, double Value)[] Sample = Select();

    private static (string, string, double)[] Select()
    {
        var w = ImportWeights.Bundled2024;
        return Enumerable.Range(0, w.Values.Length)
            .Where(k => (w.Countries[k] is "5880" or "5800") && (w.Codes[k].StartsWith("87", StringComparison.Ordinal) || w.Codes[k].StartsWith("85", StringComparison.Ordinal)))
            .Select(k => (w.Codes[k], w.Countries[k], w.Values[k])).ToArray();
    }

    /// <summary>One IMP_DETL record: 1-based columns commodity 1–10, cty 11–14, districts 17–20, rate provision 21–22,
    /// year 23–26, month 27–28, con_val_mo 74–88, gen_val_mo 179–193; 15-digit zero-padded values.</summary>
    private static string Record(string code, string country, string district, int month, long consumption, long general)
    {
        var line = new StringBuilder(new string(' ', 223));
        void Put(int start, string text) { line.Remove(start - 1, text.Length); line.Insert(start - 1, text); }
        Put(1, code);
        Put(11, country);
        Put(15, "00");
        Put(17, district);
        Put(19, district);
        Put(21, "61");
        Put(23, "2024");
        Put(27, month.ToString("00", CultureInfo.InvariantCulture));
        for (var start = 29; start <= 209; start += 15) Put(start, new string('0', 15));
        Put(74, consumption.ToString("D15", CultureInfo.InvariantCulture));
        Put(179, general.ToString("D15", CultureInfo.InvariantCulture));
        return line.ToString();
    }

    /// <summary>Splits each row's value over districts 20/30 and months 1/2; general imports are consumption + 1,000 USD.</summary>
    private static string MonthFile(int month) => string.Join("\r\n", Sample.SelectMany(r =>
    {
        var usd = (long)r.Value;
        var half = usd / 2;
        var part = month == 1 ? half : usd - half;
        var first = part / 3;
        return new[]
        {
            Record(r.Code, r.Country, "20", month, first, first + 500),
            Record(r.Code, r.Country, "30", month, part - first, part - first + 500),
        };
    })) + "\r\n";

    private static string WriteZips(TempFolder tmp)
    {
        var dir = Path.Combine(tmp.Path, "imdb-2024");
        Directory.CreateDirectory(dir);
        foreach (var month in new[] { 1, 2 })
        {
            using var zip = ZipFile.Open(Path.Combine(dir, $"IMDB24{month:00}.ZIP"), ZipArchiveMode.Create);
            using (var w = new StreamWriter(zip.CreateEntry("IMP_DETL.TXT").Open(), Encoding.ASCII)) w.Write(MonthFile(month));
            using (var w = new StreamWriter(zip.CreateEntry("COUNTRY.TXT").Open(), Encoding.ASCII)) w.Write("5880JAPAN  JAPAN\r\n");
        }
        return dir;
    }

    [Fact]
    public void A_folder_of_monthly_zips_sums_to_the_rows_it_was_written_from()
    {
        using var tmp = new TempFolder();
        var w = CensusImportDetail.Read(WriteZips(tmp));
        Assert.True(Sample.Length > 500, $"sample has {Sample.Length} rows");
        Assert.Equal(Sample.Length, w.Values.Length);
        var read = Enumerable.Range(0, w.Values.Length).ToDictionary(k => w.Codes[k] + w.Countries[k], k => w.Values[k]);
        foreach (var (code, country, value) in Sample) Assert.Equal(Math.Floor(value), read[code + country]);
        Assert.Contains("2024-01..2024-02 (2 months)", w.Source);
        Assert.Contains("imports for consumption", w.Source);
    }

    [Fact]
    public void General_basis_reads_gen_val_mo()
    {
        using var tmp = new TempFolder();
        var w = CensusImportDetail.Read(WriteZips(tmp), ImportBasis.General);
        var consumption = CensusImportDetail.Read(Path.Combine(tmp.Path, "imdb-2024"));
        Assert.Equal(consumption.Total + Sample.Length * 4 * 500.0, w.Total);
    }

    [Fact]
    public void ETR_from_import_detail_equals_ETR_from_the_same_rows_given_as_weights()
    {
        using var tmp = new TempFolder();
        var txt = tmp.Write("IMP_DETL.TXT", MonthFile(1) + MonthFile(2));
        var fromDetail = ImportWeights.Read(txt, Engine.Schedule);
        var direct = new ImportWeights("sample", Sample.Select(r => r.Code).ToArray(), Sample.Select(r => r.Country).ToArray(), Sample.Select(r => Math.Floor(r.Value)).ToArray());
        var date = new DateOnly(2025, 10, 15);
        var a = EffectiveRates.Compute(Engine, fromDetail, date);
        var b = EffectiveRates.Compute(Engine, direct, date);
        Assert.Equal(b.Etr, a.Etr, 1e-12);
        Assert.Equal(b.TotalImportsUsd, a.TotalImportsUsd);
        Assert.InRange(a.Etr, 0.05, 0.30);
    }

    [Theory]
    [InlineData(27, "13", "month (columns 27-28)")]
    [InlineData(11, "58A0", "cty_code (columns 11-14)")]
    [InlineData(1, "87032301X0", "commodity (columns 1-10)")]
    [InlineData(80, "12x", "con_val_mo (columns 74-88)")]
    public void A_bad_field_names_file_line_field_and_columns(int start, string text, string field)
    {
        using var tmp = new TempFolder();
        var lines = MonthFile(1).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var bad = new StringBuilder(lines[2]);
        bad.Remove(start - 1, text.Length).Insert(start - 1, text);
        lines[2] = bad.ToString();
        var path = tmp.Write("IMP_DETL.TXT", string.Join("\n", lines));
        var e = Assert.Throws<ParleyInputException>(() => CensusImportDetail.Read(path));
        Assert.Equal(3, e.LineNumber);
        Assert.Equal(field, e.Field);
        Assert.StartsWith(path + ":3", e.Message);
    }

    [Fact]
    public void A_short_record_and_a_zip_without_IMP_DETL_are_errors()
    {
        using var tmp = new TempFolder();
        var shortLine = tmp.Write("IMP_DETL.TXT", Record("8703230190", "5880", "20", 1, 5, 5)[..100] + "\n");
        Assert.Equal("record length", Assert.Throws<ParleyInputException>(() => CensusImportDetail.Read(shortLine, ImportBasis.General)).Field);
        Assert.Single(CensusImportDetail.Read(shortLine).Values);

        var zipPath = Path.Combine(tmp.Path, "IMDB2401.ZIP");
        using (var zip = ZipFile.Open(zipPath, ZipArchiveMode.Create))
        using (var w = new StreamWriter(zip.CreateEntry("COUNTRY.TXT").Open())) w.Write("5880JAPAN\r\n");
        var e = Assert.Throws<ParleyInputException>(() => CensusImportDetail.Read(zipPath));
        Assert.Equal("IMP_DETL.TXT", e.Field);
    }

    [Fact]
    public void Cli_etr_reads_a_folder_of_monthly_files()
    {
        using var tmp = new TempFolder();
        var dir = WriteZips(tmp);
        var (code, stdout, stderr) = Cli.CliTests.Run("tariffs", "etr", "--date", "2025-10-15", "--weights", dir, "--basis", "general", "--format", "json");
        Assert.True(code == 0, stderr);
        Assert.Contains("general imports", stdout);
        var (bad, _, err) = Cli.CliTests.Run("tariffs", "etr", "--date", "2025-10-15", "--weights", dir, "--basis", "cif");
        Assert.Equal(2, bad);
        Assert.Contains("--basis", err);
    }
}
