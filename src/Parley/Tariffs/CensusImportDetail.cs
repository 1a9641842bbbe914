using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace Parley.Tariffs;

/// <summary>Which Census import value to read.</summary>
public enum ImportBasis
{
    /// <summary>Imports for consumption, customs value (<c>con_val_mo</c>); what the Budget Lab weights use. Default.</summary>
    Consumption,

    /// <summary>General imports, customs value (<c>gen_val_mo</c>); the headline Census figure.</summary>
    General,
}

/// <summary>
/// Reader for the Census Bureau's monthly "Merchandise Trade Imports" detail file, <c>IMP_DETL.TXT</c> inside
/// <c>IMDByymm.ZIP</c>: fixed-width ASCII records, one per HTS-10 × country × district of entry × district of unlading ×
/// rate provision. Layout (1-based columns, from the Census IMDB record layout): commodity 1–10, cty_code 11–14,
/// year 23–26, month 27–28, con_val_mo 74–88, gen_val_mo 179–193; values in US dollars.
/// Records are summed to HTS-10 × country, so twelve monthly files give a calendar year.
/// </summary>
public static class CensusImportDetail
{
    private readonly record struct Field(string Name, int Start, int Length)
    {
        public string Describe => $"{Name} (columns {Start}-{Start + Length - 1})";

        public ReadOnlySpan<char> Slice(string line) => line.AsSpan(Start - 1, Length);
    }

    private static readonly Field s_commodity = new("commodity", 1, 10);
    private static readonly Field s_country = new("cty_code", 11, 4);
    private static readonly Field s_year = new("year", 23, 4);
    private static readonly Field s_month = new("month", 27, 2);
    private static readonly Field s_consumption = new("con_val_mo", 74, 15);
    private static readonly Field s_general = new("gen_val_mo", 179, 15);

    /// <summary>True when <paramref name="path"/> looks like Census import detail: a directory, a .zip, or a .txt file.</summary>
    public static bool Recognizes(string path) =>
        Directory.Exists(path)
        || path.EndsWith(".zip", StringComparison.OrdinalIgnoreCase)
        || path.EndsWith(".txt", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Reads one <c>IMP_DETL.TXT</c>, one <c>IMDByymm.ZIP</c>, or a directory of them (all <c>*.zip</c> and
    /// <c>IMP_DETL*.txt</c> files, e.g. the twelve months of a year), and sums the chosen value to HTS-10 × country.
    /// Errors name the file (and zip entry), the 1-based line, the field with its columns, and what was expected.
    /// </summary>
    public static ImportWeights Read(string path, ImportBasis basis = ImportBasis.Consumption)
    {
        var files = Directory.Exists(path)
            ? Directory.EnumerateFiles(path).Where(f => f.EndsWith(".zip", StringComparison.OrdinalIgnoreCase)
                    || Path.GetFileName(f).StartsWith("IMP_DETL", StringComparison.OrdinalIgnoreCase))
                .Order(StringComparer.Ordinal).ToArray()
            : File.Exists(path) ? [path] : throw new ParleyInputException(path, null, "--weights", path, "an existing IMP_DETL.TXT, IMDByymm.ZIP or a directory of them");
        if (files.Length == 0) throw new ParleyInputException(path, null, "--weights", path, "a directory holding IMDByymm.ZIP or IMP_DETL.TXT files");

        var value = basis == ImportBasis.Consumption ? s_consumption : s_general;
        var totals = new Dictionary<string, double>(StringComparer.Ordinal);
        var months = new SortedSet<string>(StringComparer.Ordinal);
        var records = 0;
        foreach (var file in files)
        {
            if (file.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
                records += ReadZip(file, value, totals, months);
            else
            {
                using var reader = new StreamReader(file, Encoding.Latin1);
                records += ReadRecords(reader, file, value, totals, months);
            }
        }

        var codes = new string[totals.Count];
        var countries = new string[totals.Count];
        var values = new double[totals.Count];
        var k = 0;
        foreach (var (key, v) in totals.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            codes[k] = key[..10];
            countries[k] = key[10..];
            values[k++] = v;
        }
        var span = months.Count == 0 ? "no records" : months.Count == 1 ? months.Min! : $"{months.Min}..{months.Max} ({months.Count} months)";
        var what = basis == ImportBasis.Consumption ? "imports for consumption" : "general imports";
        return new ImportWeights($"Census IMP_DETL {path}: {what}, {span}, {records:N0} records", codes, countries, values);
    }

    /// <summary>Reads the IMP_DETL.TXT of one zip. Empty, corrupt or truncated archives (a bad central directory, a
    /// damaged deflate stream, an entry shorter than its header says) are input errors naming the file.</summary>
    private static int ReadZip(string file, Field value, Dictionary<string, double> totals, SortedSet<string> months)
    {
        var line = 0;
        try
        {
            using var zip = ZipFile.OpenRead(file);
            var entry = zip.Entries.FirstOrDefault(e => e.Name.Equals("IMP_DETL.TXT", StringComparison.OrdinalIgnoreCase))
                ?? throw new ParleyInputException(file, null, "IMP_DETL.TXT", string.Join(", ", zip.Entries.Select(e => e.Name).Take(8)), "a zip that holds IMP_DETL.TXT (Census IMDByymm.ZIP)");
            using var reader = new CountingReader(new StreamReader(entry.Open(), Encoding.Latin1), n => line = n);
            return ReadRecords(reader, $"{file}!{entry.FullName}", value, totals, months);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or NotSupportedException)
        {
            throw new ParleyInputException(file, line > 0 ? line : null, "zip archive", e.GetType().Name + ": " + e.Message,
                "a complete, readable Census IMDByymm.ZIP (the file is empty, corrupt or truncated; download it again)");
        }
    }

    /// <summary>Passes lines through and reports how many were read, so a broken archive's error names the line.</summary>
    private sealed class CountingReader(TextReader inner, Action<int> onLine) : TextReader
    {
        private int _lines;

        public override string? ReadLine()
        {
            var l = inner.ReadLine();
            if (l is not null) onLine(++_lines);
            return l;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing) inner.Dispose();
            base.Dispose(disposing);
        }
    }

    private static int ReadRecords(TextReader reader, string source, Field value, Dictionary<string, double> totals, SortedSet<string> months)
    {
        var minLength = value.Start + value.Length - 1;
        var lineNumber = 0;
        var records = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0 || string.IsNullOrWhiteSpace(line)) continue;
            if (line.Length < minLength)
                throw new ParleyInputException(source, lineNumber, "record length", line.Length.ToString(CultureInfo.InvariantCulture),
                    $"a fixed-width IMP_DETL record of at least {minLength} characters (to reach {value.Describe})");
            var commodity = Digits(line, s_commodity, source, lineNumber, "a 10-digit HTS code");
            var country = Digits(line, s_country, source, lineNumber, "a 4-digit Census country code");
            var year = Digits(line, s_year, source, lineNumber, "a 4-digit year");
            var month = Digits(line, s_month, source, lineNumber, "a month 01-12");
            if (int.Parse(month, CultureInfo.InvariantCulture) is < 1 or > 12) throw new ParleyInputException(source, lineNumber, s_month.Describe, month, "a month 01-12");
            var amount = value.Slice(line).Trim();
            if (amount.IsEmpty || !long.TryParse(amount, NumberStyles.None, CultureInfo.InvariantCulture, out var usd))
                throw new ParleyInputException(source, lineNumber, value.Describe, amount.ToString(), "a non-negative whole number of US dollars");
            months.Add($"{year}-{month}");
            var key = commodity + country;
            totals[key] = totals.GetValueOrDefault(key) + usd;
            records++;
        }
        return records;
    }

    private static string Digits(string line, Field field, string source, int lineNumber, string expected)
    {
        var s = field.Slice(line);
        foreach (var c in s)
            if (!char.IsAsciiDigit(c)) throw new ParleyInputException(source, lineNumber, field.Describe, s.ToString(), expected);
        return s.ToString();
    }
}
