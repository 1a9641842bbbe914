// A paper's printed numbers are data, not code: they live in data/published/<paper>/ with a PROVENANCE and are read
// here, so that every number a replication reports is computed and the paper's value only ever appears beside it.
// "Agrees" means Parley's value rounds to the printed digits: |Parley − paper| ≤ half a unit of the last printed digit.
using System.Globalization;
using Parley.Data;
using Parley.Internals;

namespace Parley.Replication;

/// <summary>How a computed cell compares with the paper's printed value.</summary>
public enum Agreement
{
    /// <summary>No printed value is bundled for the cell.</summary>
    NotPublished,

    /// <summary>The paper prints a value that Parley does not compute (a skipped cell).</summary>
    NotComputed,

    /// <summary>Parley's value lies within half a unit of the paper's last printed digit.</summary>
    Agrees,

    /// <summary>Parley's value lies farther from the printed one; the published note says why.</summary>
    Differs,
}

/// <summary>A number as a paper prints it.</summary>
/// <param name="Text">The number as printed (e.g. <c>-0.26</c>), without the percent sign.</param>
/// <param name="Value">The number.</param>
/// <param name="Decimals">Decimals printed.</param>
/// <param name="Unit">Unit, in Parley's vocabulary (e.g. <c>percent_change</c>).</param>
/// <param name="Note">What is known to be peculiar about the printed value (e.g. a printing slip), or null.</param>
public sealed record PublishedValue(string Text, double Value, int Decimals, string Unit, string? Note)
{
    /// <summary>Half a unit of the last printed digit (same unit as <see cref="Value"/>).</summary>
    public double Tolerance => 0.5 * Math.Pow(10, -Decimals);

    /// <summary>True when <paramref name="computed"/> rounds to the printed digits (a 1e-9 relative slack absorbs binary representation).</summary>
    public bool AgreesWith(double computed) => Math.Abs(computed - Value) <= Tolerance * (1 + 1e-9);

    /// <summary>Parses a printed number (<c>-0.26</c>, <c>118</c>); null when the text is not a finite number.</summary>
    public static PublishedValue? Parse(string text, string unit, string? note)
    {
        if (!double.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var v) || !double.IsFinite(v))
            return null;
        var dot = text.IndexOf('.');
        return new PublishedValue(text, v, dot < 0 ? 0 : text.Length - dot - 1, unit, string.IsNullOrWhiteSpace(note) ? null : note);
    }

    /// <summary>Parley's <paramref name="note"/>, then, where Parley and the paper differ (or Parley skips a printed cell), the reason.</summary>
    public static string? JoinNotes(string? note, PublishedValue? published, double? computed)
    {
        var parts = new List<string>();
        if (!string.IsNullOrWhiteSpace(note)) parts.Add(note);
        var agreement = published.Compare(computed);
        if (agreement == Agreement.Differs)
            parts.Add($"differs from the paper: {published!.Note ?? "no known reason"}");
        else if (agreement == Agreement.NotComputed && published!.Note is { } why)
            parts.Add($"the paper's value: {why}");
        return parts.Count == 0 ? null : string.Join("; ", parts);
    }
}

/// <summary>Comparison of a computed value with an optional printed one.</summary>
public static class PublishedValueComparison
{
    /// <summary>How <paramref name="computed"/> compares with <paramref name="published"/>.</summary>
    public static Agreement Compare(this PublishedValue? published, double? computed) =>
        published is null ? Agreement.NotPublished
        : computed is not { } v ? Agreement.NotComputed
        : published.AgreesWith(v) ? Agreement.Agrees
        : Agreement.Differs;
}

/// <summary>Readers of the printed values bundled in <c>data/published/</c> (see its PROVENANCE.md).</summary>
public static class PublishedValues
{
    /// <summary>The bundled <c>data/published/</c> folder.</summary>
    public static string Folder => Path.Combine(BundledData.Root, "published");

    /// <summary>
    /// Ignatenko et al. (2025): every printed cell of Tables 1–4 and 8–11, keyed as Parley labels its cells.
    /// Columns <c>table,case,row_label,column_label,value,unit,note</c>. Default file <c>data/published/jie2025/tables.csv</c>.
    /// </summary>
    public static IReadOnlyDictionary<CellKey, PublishedValue> ReadJie2025(string? path = null) =>
        Read(path ?? Path.Combine(Folder, "jie2025", "tables.csv"), ["table", "case", "row_label", "column_label"],
            k => new CellKey(k[0], k[1], k[2], k[3]));

    /// <summary>
    /// Caliendo &amp; Parro (2015): the NAFTA numbers of Table 2 and the abstract, keyed by (region, statistic).
    /// Columns <c>region,statistic,value,unit,note</c>. Default file <c>data/published/cp2015/nafta.csv</c>.
    /// </summary>
    public static IReadOnlyDictionary<(string Region, string Statistic), PublishedValue> ReadCp2015(string? path = null) =>
        Read(path ?? Path.Combine(Folder, "cp2015", "nafta.csv"), ["region", "statistic"], k => (k[0], k[1]));

    private static Dictionary<TKey, PublishedValue> Read<TKey>(string path, string[] keyColumns, Func<string[], TKey> key) where TKey : notnull
    {
        var csv = CsvTable.Read(path);
        var keys = keyColumns.Select(csv.Column).ToArray();
        int value = csv.Column("value"), unit = csv.Column("unit"), note = csv.Column("note");
        var result = new Dictionary<TKey, PublishedValue>();
        foreach (var row in csv.Rows)
        {
            var text = csv.Field(row, value);
            var p = PublishedValue.Parse(text, csv.Field(row, unit), csv.Field(row, note))
                    ?? throw new ParleyInputException(path, row.LineNumber, "value", text, "a number as printed, such as -0.26 or 118");
            var k = keys.Select(c => csv.Field(row, c)).ToArray();
            if (!result.TryAdd(key(k), p))
                throw new ParleyInputException(path, row.LineNumber, string.Join(",", keyColumns), string.Join(",", k), "each cell listed once");
        }
        return result;
    }
}
