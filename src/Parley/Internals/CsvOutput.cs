using System.Globalization;
using nietras.SeparatedValues;

namespace Parley.Internals;

/// <summary>
/// The one way Parley writes CSV (every file and every <c>--format csv</c>): comma-separated, RFC 4180 quoting
/// (a field holding a comma, quote, CR or LF is quoted and quotes are doubled), a header line always written (also
/// for zero rows), every row with every header column (Sep's column check on), invariant culture, numbers at full
/// round-trip precision. It sits with the CSV reader at the bottom layer (decision 0014) so that dataset builders in
/// <c>Data</c>, the report writers and the hosts all share it; it is public because the hosts write CSV too.
/// </summary>
public static class CsvOutput
{
    private static readonly SepWriterOptions Options = Sep.New(',').Writer(o => o with
    {
        Escape = true,
        CultureInfo = CultureInfo.InvariantCulture,
        DisableColCountCheck = false,
        ColNotSetOption = SepColNotSetOption.Throw,
    });

    /// <summary>A writer to a file with the given header.</summary>
    public static SepWriter ToFile(string path, params IReadOnlyList<string> header) => WithHeader(Options.ToFile(path), header);

    /// <summary>A writer to text (read it with <c>ToString()</c> after the last row) with the given header.</summary>
    public static SepWriter ToText(params IReadOnlyList<string> header) => WithHeader(Options.ToText(), header);

    /// <summary>Writes whole rows of already formatted fields (one per header column) and returns the text.</summary>
    public static string Text(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        using var writer = ToText(header);
        Rows(writer, header, rows);
        return writer.ToString();
    }

    /// <summary>Writes whole rows of already formatted fields (one per header column) to a file.</summary>
    public static void File(string path, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        using var writer = ToFile(path, header);
        Rows(writer, header, rows);
    }

    /// <summary>
    /// A number at full round-trip precision (invariant culture, "R"); empty for null. NaN and infinities are never
    /// written: they throw, so a computation that went wrong fails loudly (and, staged, leaves no file) instead of
    /// shipping "NaN" in a table.
    /// </summary>
    public static string Number(double? value) => value switch
    {
        null => "",
        { } v when double.IsFinite(v) => v.ToString("R", CultureInfo.InvariantCulture),
        { } v => throw new InvalidOperationException($"A non-finite number ({v.ToString(CultureInfo.InvariantCulture)}) reached a CSV output."),
    };

    /// <summary>An integer in invariant culture.</summary>
    public static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static SepWriter WithHeader(SepWriter writer, IReadOnlyList<string> header)
    {
        if (header.Count == 0) throw new ArgumentException("A CSV output needs at least one column.", nameof(header));
        if (header.Distinct(StringComparer.Ordinal).Count() != header.Count)
            throw new ArgumentException($"Duplicate CSV column name in {string.Join(",", header)}.", nameof(header));
        writer.Header.Add(header.ToArray());
        writer.Header.Write();
        return writer;
    }

    private static void Rows(SepWriter writer, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        foreach (var values in rows)
        {
            if (values.Count != header.Count)
                throw new ArgumentException($"A CSV row has {values.Count} fields under a {header.Count}-column header.", nameof(rows));
            using var row = writer.NewRow();
            for (var c = 0; c < header.Count; c++) row[c].Set(values[c]);
        }
    }
}
