using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using Parley.Data;
using Parley.Tariffs;

namespace Parley.Bench;

/// <summary>
/// <c>--census</c>: writes a calendar year of Census import detail in the IMP_DETL layout (twelve IMDByymm.ZIP files, one
/// record per HTS-10 × country × month from the bundled 2024 weights, ~4 M records), then times reading it back and the
/// ETR on it, and checks the total against the bundled weights.
/// </summary>
internal static class CensusYear
{
    public static void Run()
    {
        var w = ImportWeights.Bundled2024;
        var dir = Path.Combine(Path.GetTempPath(), "parley-census-year");
        if (Directory.Exists(dir)) Directory.Delete(dir, true);
        Directory.CreateDirectory(dir);
        var sw = Stopwatch.StartNew();
        long expected = 0;
        var zeros = new string('0', 15);
        for (var month = 1; month <= 12; month++)
        {
            using var zip = ZipFile.Open(Path.Combine(dir, $"IMDB24{month:00}.ZIP"), ZipArchiveMode.Create);
            using var writer = new StreamWriter(zip.CreateEntry("IMP_DETL.TXT", CompressionLevel.Fastest).Open(), Encoding.ASCII);
            var line = new StringBuilder(223);
            for (var k = 0; k < w.Values.Length; k++)
            {
                var usd = (long)w.Values[k] / 12 + (month <= (long)w.Values[k] % 12 ? 1 : 0);
                expected += usd;
                line.Clear().Append(w.Codes[k].PadRight(10, '0')).Append(w.Countries[k]).Append("00").Append("2020").Append("61").Append("2024")
                    .Append(month.ToString("00", CultureInfo.InvariantCulture));
                for (var field = 0; field < 13; field++)
                    line.Append(field is 3 or 10 ? usd.ToString("D15", CultureInfo.InvariantCulture) : zeros);
                writer.Write(line);
                writer.Write("\r\n");
            }
        }
        Console.WriteLine($"wrote 12 monthly IMDB zips ({12L * w.Values.Length:N0} records) in {sw.Elapsed.TotalSeconds:F1} s");
        sw.Restart();
        var read = CensusImportDetail.Read(dir);
        var readSeconds = sw.Elapsed.TotalSeconds;
        sw.Restart();
        var etr = EffectiveRates.Compute(new TariffEngine(TariffScheduleReader.Bundled), read, new DateOnly(2025, 10, 15));
        Console.WriteLine($"read {read.Source} in {readSeconds:F2} s; {read.Values.Length:N0} HTS-10 × country rows; total ${read.Total / 1e9:F2} bn " +
                          $"(written ${expected / 1e9:F2} bn, difference {read.Total - expected:F0} USD); ETR 2025-10-15 = {etr.Etr:P3} in {sw.Elapsed.TotalSeconds:F2} s");
        Directory.Delete(dir, true);
    }
}
