using nietras.SeparatedValues;

namespace Parley.Internals;

/// <summary>One data row of a CSV file with its 1-based line number.</summary>
internal readonly record struct CsvRow(int LineNumber, string[] Fields);

/// <summary>A whole small CSV file read with Sep: header names and rows of strings.</summary>
internal sealed record CsvTable(string File, string[] Header, IReadOnlyList<CsvRow> Rows)
{
    /// <summary>Reads the file: at most <see cref="InputLimits.MaxCsvBytes"/> of text (after decompression for <c>.gz</c>) and
    /// <see cref="InputLimits.MaxCsvColumns"/> columns; distinct column names; every non-blank row with as many fields as the header.</summary>
    public static CsvTable Read(string path)
    {
        InputFiles.RequireFile(path, "CSV file");
        try
        {
            var length = new FileInfo(path).Length;
            if (length > InputLimits.MaxCsvBytes) throw InputFiles.TooLarge(path, "CSV file", length, InputLimits.MaxCsvBytes);
            // Column counts are checked below (blank lines are skipped first), so Sep's own check, which would also reject
            // a blank line and names no line, stays off.
            var options = Sep.Reader(o => o with { DisableColCountCheck = true, Unescape = true, Trim = SepTrim.All });
            Stream raw = System.IO.File.OpenRead(path);
            if (path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase))
                raw = new BoundedStream(new System.IO.Compression.GZipStream(raw, System.IO.Compression.CompressionMode.Decompress), path, "CSV file", InputLimits.MaxCsvBytes);
            using var text = new StreamReader(raw);
            using var reader = options.From(text);
            var header = reader.Header.ColNames.ToArray();
            CheckHeader(path, header);
            var rows = new List<CsvRow>();
            foreach (var row in reader)
            {
                var fields = new string[row.ColCount];
                for (var c = 0; c < fields.Length; c++) fields[c] = row[c].ToString();
                if (fields.Length == 1 && fields[0].Length == 0) continue; // blank line
                if (fields.Length != header.Length)
                    throw new ParleyInputException(path, row.LineNumberFrom, "(row)", $"{fields.Length} fields",
                        $"{header.Length} comma-separated fields, one per header column ({Shorten(string.Join(",", header))})");
                rows.Add(new CsvRow(row.LineNumberFrom, fields));
            }
            return new CsvTable(path, header, rows);
        }
        catch (ParleyInputException) { throw; }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException or ArgumentException or NotSupportedException)
        {
            throw new ParleyInputException(path, null, "(file)", null, $"a readable CSV file ({YamlMap.FirstLine(e.Message)})");
        }
    }

    internal static void CheckHeader(string path, string[] header)
    {
        if (header.Length == 0 || (header.Length == 1 && header[0].Length == 0))
            throw new ParleyInputException(path, 1, "(header)", null, "a header line naming the columns");
        if (header.Length > InputLimits.MaxCsvColumns)
            throw new ParleyInputException(path, 1, "(header)", $"{header.Length} columns", $"at most {InputLimits.MaxCsvColumns} columns (Parley's input limit)");
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var c = 0; c < header.Length; c++)
        {
            if (header[c].Length == 0)
                throw new ParleyInputException(path, 1, $"column {c + 1}", "", "a name for every header column");
            if (!seen.TryAdd(header[c], c))
                throw new ParleyInputException(path, 1, header[c], $"columns {seen[header[c]] + 1} and {c + 1}", "each column name once (names are compared ignoring case)");
        }
    }

    internal static string Shorten(string v) => v.Length <= 80 ? v : string.Concat(v.AsSpan(0, 77), "...");

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
