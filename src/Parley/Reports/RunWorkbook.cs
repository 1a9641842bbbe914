// Why this type exists: analysts open results in Excel, and a CSV opened there loses precision, turns codes such as
// "01" into numbers and dates into anything. The workbook is built from the run's own CSV files after they are written,
// so every sheet holds exactly the numbers of its CSV (one writer of numbers, CsvOutput; the workbook only re-types
// them), and it is written before the manifest so that it is hashed like every other file (decision 0020).
using System.Data;
using System.Globalization;
using System.Text.Json.Nodes;
using MiniExcelLibs;
using nietras.SeparatedValues;

namespace Parley.Reports;

/// <summary>
/// The <c>.xlsx</c> workbook of an output run: one sheet per CSV file of the run (named after the file, the CSV's
/// header with its units as the first row, numbers stored as numbers) and a <c>manifest</c> sheet (the run manifest
/// flattened to field/value rows, then each sheet's source file and each other file's SHA-256).
/// </summary>
public static class RunWorkbook
{
    /// <summary>File name of the workbook in every output folder.</summary>
    public const string FileName = "workbook.xlsx";

    /// <summary>Name of the sheet holding the run manifest.</summary>
    public const string ManifestSheet = "manifest";

    /// <summary>Largest number of data rows a sheet holds (Excel's 1,048,576 rows less the header).</summary>
    public const int MaxRows = 1_048_575;

    /// <summary>
    /// Columns whose values are identifiers and stay text even when they are digits (a sector code "1", an HS code
    /// "8703", a regression column "1").
    /// </summary>
    public static bool IsIdentifierColumn(string header) =>
        header is "column" or "key" or "label" or "iso3" or "hts" or "hs" || header.EndsWith("code", StringComparison.Ordinal);

    /// <summary>
    /// A CSV field as a workbook cell: a number when it is written exactly as Parley writes numbers (the round-trip
    /// form of a finite double, so "01" or "1.50" stay text) in a column that is not an identifier; null when empty;
    /// otherwise the text.
    /// </summary>
    public static object? Cell(string header, string field)
    {
        if (field.Length == 0) return null;
        if (!IsIdentifierColumn(header) && double.TryParse(field, NumberStyles.Float, CultureInfo.InvariantCulture, out var v)
            && double.IsFinite(v) && v.ToString("R", CultureInfo.InvariantCulture) == field)
            return v;
        return field;
    }

    /// <summary>Sheet name of a CSV file: its name without <c>.csv</c>, at most 31 characters, without <c>[]:*?/\</c>.</summary>
    public static string SheetName(string csvFile)
    {
        var name = Path.GetFileNameWithoutExtension(csvFile);
        foreach (var c in "[]:*?/\\") name = name.Replace(c, '_');
        return name.Length > 31 ? name[..31] : name;
    }

    /// <summary>
    /// Writes the workbook for the run in <paramref name="folder"/> (every <c>*.csv</c> there, in ordinal order) with
    /// <paramref name="manifest"/> on the manifest sheet.
    /// </summary>
    public static void Write(string folder, JsonObject manifest)
    {
        var sheets = new Dictionary<string, object>(StringComparer.OrdinalIgnoreCase);
        var manifestRows = Table(ManifestSheet, ["field", "value"]);
        foreach (var (key, value) in Flatten(manifest, "")) manifestRows.Rows.Add(key, value);
        var csvFiles = Directory.EnumerateFiles(folder, "*.csv").Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal).ToArray();
        foreach (var file in csvFiles)
        {
            var sheet = SheetName(file);
            if (sheet.Equals(ManifestSheet, StringComparison.OrdinalIgnoreCase) || sheets.ContainsKey(sheet)) sheet = SheetName(sheet[..Math.Min(sheet.Length, 26)] + " (" + sheets.Count + ")");
            var table = ReadCsv(Path.Combine(folder, file), sheet);
            if (table.Rows.Count > MaxRows)
            {
                manifestRows.Rows.Add($"sheet_omitted/{file}", $"{table.Rows.Count:N0} rows: more than a sheet holds ({MaxRows:N0}); read the CSV file");
                continue;
            }
            sheets[sheet] = table;
            manifestRows.Rows.Add($"sheet/{sheet}", file);
        }
        foreach (var path in Directory.EnumerateFiles(folder).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(path);
            if (name is FileName or OutputDirectory.ManifestFile) continue;
            manifestRows.Rows.Add($"sha256/{name}", OutputDirectory.Sha256(path));
        }
        var all = new Dictionary<string, object> { [ManifestSheet] = manifestRows };
        foreach (var (name, table) in sheets) all[name] = table;
        MiniExcel.SaveAs(Path.Combine(folder, FileName), all, overwriteFile: true);
    }

    private static DataTable ReadCsv(string path, string sheet)
    {
        using var reader = Sep.Reader(o => o with { Unescape = true, DisableColCountCheck = false }).FromFile(path);
        var header = reader.Header.ColNames.ToArray();
        var table = Table(sheet, header);
        foreach (var row in reader)
        {
            var cells = new object[header.Length];
            for (var c = 0; c < header.Length; c++) cells[c] = Cell(header[c], row[c].ToString()) ?? DBNull.Value;
            table.Rows.Add(cells);
        }
        return table;
    }

    private static DataTable Table(string name, IReadOnlyList<string> columns)
    {
        var t = new DataTable(name) { Locale = CultureInfo.InvariantCulture };
        foreach (var c in columns) t.Columns.Add(c, typeof(object));
        return t;
    }

    /// <summary>JSON as (path, value) rows: objects by <c>a/b</c>, arrays by index; numbers as numbers, the rest as text.</summary>
    private static IEnumerable<(string Key, object Value)> Flatten(JsonNode? node, string prefix)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (k, v) in o)
                    foreach (var x in Flatten(v, prefix.Length == 0 ? k : prefix + "/" + k)) yield return x;
                break;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++)
                    foreach (var x in Flatten(a[i], prefix + "/" + i.ToString(CultureInfo.InvariantCulture))) yield return x;
                break;
            case JsonValue v when v.TryGetValue<double>(out var d):
                yield return (prefix, d);
                break;
            case JsonValue v:
                yield return (prefix, v.ToString());
                break;
            default:
                yield return (prefix, "");
                break;
        }
    }
}
