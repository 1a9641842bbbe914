using System.Globalization;
using MiniExcelLibs;
using Parley.Reports;
using Xunit;

namespace Parley.Tests.Reports;

/// <summary>
/// Opens an output folder's workbook.xlsx with MiniExcel and reads it back against the folder's CSV files: a sheet per
/// CSV, the CSV header as the sheet's first row, and every cell equal to its CSV field — a number cell (a double, not
/// text) wherever the CSV holds a number in a value column, text for identifiers and words, empty where the CSV is empty.
/// The manifest sheet lists every sheet's file and every other file's SHA-256.
/// </summary>
internal static class WorkbookCheck
{
    public static void Check(string dir)
    {
        var path = Path.Combine(dir, RunWorkbook.FileName);
        Assert.True(File.Exists(path), $"{RunWorkbook.FileName} missing in {dir}");
        var sheets = MiniExcel.GetSheetNames(path);
        Assert.Equal(RunWorkbook.ManifestSheet, sheets[0]);
        var manifest = MiniExcel.Query(path, useHeaderRow: true, sheetName: RunWorkbook.ManifestSheet).Cast<IDictionary<string, object?>>()
            .ToDictionary(r => (string)r["field"]!, r => r["value"]);
        Assert.Equal("parley", manifest["written_by"]);
        var csvFiles = Directory.GetFiles(dir, "*.csv").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(csvFiles.Length + 1, sheets.Count);
        foreach (var file in csvFiles)
        {
            var sheet = RunWorkbook.SheetName(file);
            Assert.Equal(file, manifest[$"sheet/{sheet}"]);
            Assert.Equal(OutputDirectory.Sha256(Path.Combine(dir, file)), manifest[$"sha256/{file}"]);
            var csv = StrictCsv.Read(Path.Combine(dir, file), unitsInNames: false);
            var rows = MiniExcel.Query(path, useHeaderRow: false, sheetName: sheet).Cast<IDictionary<string, object?>>().Select(r => r.Values.ToArray()).ToArray();
            Assert.Equal(csv.Header, rows[0].Select(v => v as string));
            Assert.Equal(csv.Rows.Count, rows.Length - 1);
            for (var r = 0; r < csv.Rows.Count; r++)
                for (var c = 0; c < csv.Header.Length; c++)
                    CellMatches(csv.Header[c], csv.Rows[r][c], rows[r + 1][c], $"{file} row {r + 2} column {csv.Header[c]}");
        }
    }

    private static void CellMatches(string header, string field, object? cell, string where)
    {
        if (field.Length == 0) { Assert.True(cell is null || cell is string { Length: 0 }, $"{where}: expected an empty cell, got {cell}"); return; }
        var isNumber = double.TryParse(field, NumberStyles.Float, CultureInfo.InvariantCulture, out var v)
                       && v.ToString("R", CultureInfo.InvariantCulture) == field && !RunWorkbook.IsIdentifierColumn(header);
        if (isNumber)
        {
            Assert.True(cell is double, $"{where}: '{field}' should be a number cell, is {cell?.GetType().Name ?? "empty"} '{cell}'");
            Assert.Equal(v, (double)cell!);
        }
        else Assert.Equal(field, Assert.IsType<string>(cell));
    }
}
