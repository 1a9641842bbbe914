using nietras.SeparatedValues;

namespace Parley.Internals;

/// <summary>One data row of a CSV file with its 1-based line number.</summary>
internal readonly record struct CsvRow(int LineNumber, string[] Fields);

/// <summary>A whole small CSV file read with Sep: header names and rows of strings.</summary>
internal sealed record CsvTable(string File, string[] Header, IReadOnlyList<CsvRow> Rows)
{
    public static CsvTable Read(string path)
    {
        if (!System.IO.File.Exists(path))
            throw new ParleyInputException(path, null, "(file)", null, "an existing file");
        try
        {
            var options = Sep.Reader(o => o with { DisableColCountCheck = true, Unescape = true, Trim = SepTrim.All });
            using var text = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase)
                ? new StreamReader(new System.IO.Compression.GZipStream(System.IO.File.OpenRead(path), System.IO.Compression.CompressionMode.Decompress))
                : new StreamReader(path);
            using var reader = options.From(text);
            var header = reader.Header.ColNames.ToArray();
            var rows = new List<CsvRow>();
            foreach (var row in reader)
            {
                var fields = new string[row.ColCount];
                for (var c = 0; c < fields.Length; c++) fields[c] = row[c].ToString();
                if (fields.Length == 1 && fields[0].Length == 0) continue; // blank line
                rows.Add(new CsvRow(row.LineNumberFrom, fields));
            }
            if (header.Length == 0 || (header.Length == 1 && header[0].Length == 0))
                throw new ParleyInputException(path, 1, "(header)", null, "a header line naming the columns");
            return new CsvTable(path, header, rows);
        }
        catch (ParleyInputException) { throw; }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException or ArgumentException or NotSupportedException)
        {
            throw new ParleyInputException(path, null, "(file)", null, $"a readable CSV file ({e.Message})");
        }
    }

    /// <summary>0-based index of a header column; throws an input error naming the file when absent.</summary>
    public int Column(string name)
    {
        var i = Array.FindIndex(Header, h => h.Equals(name, StringComparison.OrdinalIgnoreCase));
        return i >= 0 ? i : throw new ParleyInputException(File, 1, name, string.Join(",", Header),
            $"a header with a column named '{name}'");
    }

    /// <summary>Field text, or an input error when the row is too short.</summary>
    public string Field(CsvRow row, int column)
    {
        if (column < row.Fields.Length) return row.Fields[column];
        throw new ParleyInputException(File, row.LineNumber, column < Header.Length ? Header[column] : $"column {column + 1}",
            string.Join(",", row.Fields), $"{Header.Length} comma-separated fields");
    }

    /// <summary>Parses a finite number; empty gives <paramref name="empty"/> when allowed.</summary>
    public double Number(CsvRow row, int column, double? empty = null, bool nonNegative = false)
    {
        var text = Field(row, column);
        var name = column < Header.Length ? Header[column] : $"column {column + 1}";
        if (text.Length == 0)
        {
            return empty ?? throw new ParleyInputException(File, row.LineNumber, name, text, "a number (the field is empty)");
        }
        if (!double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var v)
            || !double.IsFinite(v))
            throw new ParleyInputException(File, row.LineNumber, name, text, "a finite number such as 1234.5");
        if (nonNegative && v < 0)
            throw new ParleyInputException(File, row.LineNumber, name, text, "a non-negative number");
        return v;
    }
}
