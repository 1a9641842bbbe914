// The inputs of Caliendo & Parro's (2015) trade-elasticity estimation (section 4 and Table 1 of the paper) as their
// replication files hold them, prepared the way their MATLAB scripts prepare them (docs/models/uncertainty.md (U-15)):
//  - xbilats_93.mat: 1993 bilateral trade of 16 economies by ISIC Rev.3 division (UN Comtrade, thousands of USD), one
//    16 × 16 block per division with the importer in rows and the exporter in columns;
//  - tau.mat: applied (AHS) tariffs as gross factors 1 + t in the same layout for 1989–1996 (WITS-TRAINS); a missing 1993
//    tariff takes the first one present of 1992, 1991, 1990, 1989, 1994, 1995;
//  - IDProduct_2.txt (the divisions) and concordance2.txt (CP sector → first and last division row): a CP sector's tariff
//    is the mean of its divisions' tariffs that are present, its trade the sum of its divisions' trade;
//  - the sample: for each sector the economies kept (data/sources/cp2015-elasticities/sample_99.csv, the 99% sample
//    CP's Table 1 uses, with its provenance) and whether the triad with the lowest tariff ratio is dropped.
// Why in the library: `parley data build-cp2015-elasticities` recomputes the bundled standard errors from these files.
using System.Globalization;
using Parley.Data.Build.Internals;
using Parley.Internals;

namespace Parley.Data.Build;

/// <summary>One CP sector's estimation input: the economies of its sample and their bilateral trade and tariffs.</summary>
/// <param name="Index">CP sector number (1–20).</param>
/// <param name="Name">CP sector name (as in data/cp2015-nafta).</param>
/// <param name="Countries">Economies of the sample, in the order of the source files.</param>
/// <param name="Trade">Trade[i · N + n]: 1993 sales of exporter i to importer n (thousands of USD); 0 when none is recorded.</param>
/// <param name="Tariff">Tariff[i · N + n]: gross tariff factor 1 + t importer n applies to exporter i; NaN when missing.</param>
/// <param name="DropLowestTariffRatio">Whether CP drop the triad with the lowest log tariff ratio (their outlier in sector 16).</param>
public sealed record ElasticitySector(int Index, string Name, IReadOnlyList<string> Countries, double[] Trade, double[] Tariff, bool DropLowestTariffRatio);

/// <summary>Reads CP's estimation files and a sample definition into <see cref="ElasticitySector"/>s.</summary>
public static class Cp2015ElasticitySource
{
    /// <summary>The 16 economies in the order of CP's files (their scripts' header; EU25 is the European Union).</summary>
    public static readonly IReadOnlyList<string> Countries =
        ["ARG", "AUS", "CAN", "CHE", "CHL", "CHN", "COL", "EU25", "IDN", "IND", "JPN", "KOR", "NOR", "NZL", "THA", "USA"];

    /// <summary>Files the source folder must hold.</summary>
    public static readonly IReadOnlyList<string> Files = ["xbilats_93.mat", "tau.mat", "IDProduct_2.txt", "concordance2.txt"];

    /// <summary>Years whose tariff fills a missing 1993 tariff, in CP's order.</summary>
    public static readonly IReadOnlyList<int> FillYears = [92, 91, 90, 89, 94, 95];

    /// <summary>The sample CP's Table 1 reports (99%): <c>data/sources/cp2015-elasticities/sample_99.csv</c>.</summary>
    public static string Sample99 => Path.Combine(BundledData.Root, "sources", "cp2015-elasticities", "sample_99.csv");

    /// <summary>Every sector of the sample file, prepared from the files in <paramref name="source"/>.</summary>
    public static IReadOnlyList<ElasticitySector> Read(string source, string samplePath)
    {
        foreach (var f in Files)
            InputFiles.RequireFile(Path.Combine(source, f), $"Caliendo & Parro's estimation file {f}");
        var n0 = Countries.Count;
        var divisions = ReadLines(Path.Combine(source, "IDProduct_2.txt")).Count;
        var rows = divisions * n0;
        var tradePath = Path.Combine(source, "xbilats_93.mat");
        var trade = MatFile.Variable(tradePath, MatFile.Read(tradePath), "xbilats_93", rows, n0);
        var tauPath = Path.Combine(source, "tau.mat");
        var tauFile = MatFile.Read(tauPath);
        var tau93 = MatFile.Variable(tauPath, tauFile, "tau_93", rows, n0);
        var fills = FillYears.Select(y => MatFile.Variable(tauPath, tauFile, "tau_" + y.ToString(CultureInfo.InvariantCulture), rows, n0)).ToArray();
        var tariff = new double[rows * n0];
        for (var k = 0; k < tariff.Length; k++)
        {
            var v = tau93.Values[k];
            for (var f = 0; f < fills.Length && double.IsNaN(v); f++) v = fills[f].Values[k];
            tariff[k] = v;
        }
        var ranges = Concordance(Path.Combine(source, "concordance2.txt"), divisions);
        return Samples(samplePath, ranges.Count).Select(s =>
            Prepare(s, ranges[s.Index - 1], trade, tariff, rows)).ToArray();
    }

    private sealed record SampleRow(int Index, string Name, int[] Members, bool DropLowest);

    private static ElasticitySector Prepare(SampleRow s, (int First, int Last) range, MatMatrix trade, double[] tariff, int rows)
    {
        var n0 = Countries.Count;
        var n = s.Members.Length;
        var x = new double[n * n];
        var t = new double[n * n];
        for (var a = 0; a < n; a++) // a: exporter (column of CP's blocks)
            for (var b = 0; b < n; b++) // b: importer (row)
            {
                double flow = 0, sum = 0;
                var present = 0;
                for (var d = range.First; d <= range.Last; d++)
                {
                    var row = d * n0 + s.Members[b];
                    var col = s.Members[a];
                    var f = trade[row, col];
                    if (!double.IsNaN(f)) flow += f;
                    var r = tariff[col * rows + row];
                    if (!double.IsNaN(r)) { sum += r; present++; }
                }
                x[a * n + b] = flow;
                t[a * n + b] = present > 0 ? sum / present : double.NaN;
            }
        return new ElasticitySector(s.Index, s.Name, s.Members.Select(m => Countries[m]).ToArray(), x, t, s.DropLowest);
    }

    private static List<(int First, int Last)> Concordance(string path, int divisions)
    {
        var ranges = new List<(int, int)>();
        var line = 0;
        foreach (var text in File.ReadLines(path))
        {
            line++;
            if (text.Trim().Length == 0) continue;
            var f = text.Split((char[])['\t', ' ', ','], StringSplitOptions.RemoveEmptyEntries);
            if (f.Length != 3 || !int.TryParse(f[0], CultureInfo.InvariantCulture, out var sector) || sector != ranges.Count + 1
                || !int.TryParse(f[1], CultureInfo.InvariantCulture, out var first) || !int.TryParse(f[2], CultureInfo.InvariantCulture, out var last)
                || first < 1 || last < first || last > divisions)
                throw new ParleyInputException(path, line, "(row)", CsvTable.Shorten(text),
                    $"'sector first last': sector {ranges.Count + 1} and its first and last division row within 1–{divisions}");
            ranges.Add((first - 1, last - 1));
        }
        return ranges;
    }

    private static List<string> ReadLines(string path) => File.ReadLines(path).Where(l => l.Trim().Length > 0).ToList();

    private static IEnumerable<SampleRow> Samples(string path, int sectors)
    {
        var table = CsvTable.Read(path);
        int index = table.Column("cp_sector_index"), name = table.Column("cp_sector"), members = table.Column("countries"),
            drop = table.Column("drop_lowest_tariff_ratio");
        foreach (var row in table.Rows)
        {
            var i = table.Field(row, index);
            if (!int.TryParse(i, CultureInfo.InvariantCulture, out var j) || j < 1 || j > sectors)
                throw new ParleyInputException(path, row.LineNumber, "cp_sector_index", i, $"a CP sector number within 1–{sectors} (concordance2.txt)");
            var codes = table.Field(row, members).Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var ids = codes.Select(c => Countries.ToList().IndexOf(c)).ToArray();
            if (ids.Contains(-1) || ids.Distinct().Count() != ids.Length || ids.Length < 3)
                throw new ParleyInputException(path, row.LineNumber, "countries", table.Field(row, members),
                    $"at least three distinct economies of CP's files, separated by spaces ({string.Join(" ", Countries)})");
            var flag = table.Field(row, drop).ToLowerInvariant();
            if (flag is not ("true" or "false"))
                throw new ParleyInputException(path, row.LineNumber, "drop_lowest_tariff_ratio", flag, "true or false");
            yield return new SampleRow(j, table.Field(row, name), ids.Order().ToArray(), flag == "true");
        }
    }
}
