using Parley.Data;
using Parley.Internals;
using Xunit;

namespace Parley.Tests.Estimation;

/// <summary>The columnar panel reader (decision 0036) against the row reader it replaces for estimation files:
/// the same numbers, the same texts, the same one-line errors.</summary>
public class ColumnarCsvTests
{
    /// <summary>Oracle: every cell as the row reader (<see cref="CsvTable"/>) reads it, parsed the way estimation files parse it.
    /// Returns null when both agree, else what differs; an input error from either side must be the same error.</summary>
    internal static string? Disagreement(string path, int codeLimit)
    {
        CsvTable? rows = null;
        ColumnarCsv? cols = null;
        string? rowError = null, colError = null;
        try { rows = CsvTable.Read(path); } catch (ParleyInputException e) { rowError = e.Message; }
        try { cols = ColumnarCsv.Read(path, InputLimits.MaxPanelCsvBytes, InputLimits.MaxPanelRows, codeLimit); } catch (ParleyInputException e) { colError = e.Message; }
        if (rowError is not null || colError is not null) return rowError == colError ? null : $"row reader: {rowError}; columnar: {colError}";
        if (!rows!.Header.SequenceEqual(cols!.Header)) return "header";
        if (rows.Rows.Count != cols.RowCount) return $"{rows.Rows.Count} vs {cols.RowCount} rows";
        var all = Enumerable.Range(0, cols.RowCount).ToArray();
        for (var c = 0; c < rows.Header.Length; c++)
        {
            var (codes, texts) = cols.Codes(c);
            for (var r = 0; r < all.Length; r++)
            {
                if (rows.Rows[r].LineNumber != cols.Line(r)) return $"line of row {r}";
                if (texts[codes[r]] != rows.Rows[r].Fields[c]) return $"text at row {r}, column {c}";
            }
            string? rowNumbers = null, colNumbers = null;
            double[]? expected = null, actual = null;
            try { expected = rows.Rows.Select(r => rows.Number(r, c)).ToArray(); } catch (ParleyInputException e) { rowNumbers = e.Message; }
            try { actual = cols.Numbers(c, all); } catch (ParleyInputException e) { colNumbers = e.Message; }
            if (rowNumbers != colNumbers) return $"column {c}: row reader {rowNumbers}; columnar {colNumbers}";
            if (expected is not null && !expected.SequenceEqual(actual!)) return $"numbers of column {c}";
        }
        return null;
    }

    [Theory]
    [InlineData(ColumnarCsv.CodeLimit)]
    [InlineData(3)]
    public void Bundled_AGTPA_panel_reads_the_same_as_the_row_reader(int codeLimit)
    {
        // A small code limit sends most columns down the double path (and their texts through a second read).
        var path = Path.Combine(BundledData.Root, "agtpa-2016", "agtpa_applications.csv.gz");
        Assert.Null(Disagreement(path, codeLimit));
    }

    [Theory]
    [InlineData(ColumnarCsv.CodeLimit)]
    [InlineData(1)]
    public void A_bad_number_names_file_line_column_value_and_expectation(int codeLimit)
    {
        using var tmp = new TempFolder();
        var path = tmp.Write("panel.csv", "exporter,trade\nUSA,1\nJPN,2.5\n\nCAN,abc\nMEX,\n");
        var table = ColumnarCsv.Read(path, InputLimits.MaxPanelCsvBytes, InputLimits.MaxPanelRows, codeLimit);
        Assert.Equal(4, table.RowCount);
        var e = Assert.Throws<ParleyInputException>(() => table.Numbers(1, [0, 1, 2, 3]));
        Assert.Equal((path, 5, "trade", "abc"), (e.File, e.LineNumber, e.Field, e.Value));
        Assert.Contains("a finite number such as 1234.5", e.Message);
        var empty = Assert.Throws<ParleyInputException>(() => table.Numbers(1, [3]));
        Assert.Equal((6, "trade", ""), (empty.LineNumber, empty.Field, empty.Value));
        Assert.Contains("the field is empty", empty.Message);
        Assert.Equal([1.0, 2.5], table.Numbers(1, [0, 1]));
    }

    [Fact]
    public void A_short_row_is_an_error_naming_its_line()
    {
        using var tmp = new TempFolder();
        var path = tmp.Write("panel.csv", "a,b,c\n1,2,3\n4,5\n");
        var e = Assert.Throws<ParleyInputException>(() => ColumnarCsv.Read(path));
        Assert.Equal((3, "(row)", "2 fields"), (e.LineNumber, e.Field, e.Value));
    }

    [Fact]
    public void Rows_beyond_the_row_limit_are_an_input_error()
    {
        using var tmp = new TempFolder();
        var path = tmp.Write("panel.csv", "a\n1\n2\n3\n");
        var e = Assert.Throws<ParleyInputException>(() => ColumnarCsv.Read(path, InputLimits.MaxPanelCsvBytes, 2, ColumnarCsv.CodeLimit));
        Assert.Equal((4, "(row)"), (e.LineNumber, e.Field));
    }

    [Fact]
    public void Codes_follow_first_appearance_and_survive_the_switch_to_doubles()
    {
        using var tmp = new TempFolder();
        var path = tmp.Write("panel.csv", "pair,x\nb,1\na,2\nb,3\nc,4\n");
        foreach (var limit in new[] { ColumnarCsv.CodeLimit, 2 })
        {
            var (codes, texts) = ColumnarCsv.Read(path, InputLimits.MaxPanelCsvBytes, InputLimits.MaxPanelRows, limit).Codes(0);
            Assert.Equal([0, 1, 0, 2], codes);
            Assert.Equal(["b", "a", "c"], texts);
        }
    }
}
