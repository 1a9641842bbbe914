// Why: an estimation panel has millions of rows, and a string per cell (CsvTable) costs ~10× the numbers themselves
// (decision 0036). Sep hands us each cell as a span; a column keeps either int codes into a table of its distinct texts
// (fixed-effect, cluster and year columns, small integer outcomes) or, once it has more distinct texts than
// CodeLimit, parsed doubles. Both are stored in fixed-size chunks, so the arrays never double and copy while growing.
// Texts are interned once per file, so a fixed effect becomes int codes without a string per row. Errors keep
// CsvTable's wording (file, line, column, value, expectation); the rare paths that need text the reader did not keep
// (a bad number in a column stored as doubles, a high-cardinality column used as a fixed effect) read the file again.
using System.Globalization;
using nietras.SeparatedValues;

namespace Parley.Internals;

/// <summary>A CSV file read column by column (see the file header); rows are 0-based data-row indices.</summary>
internal sealed class ColumnarCsv
{
    /// <summary>Most distinct texts a column keeps as codes before it switches to doubles (2^18).</summary>
    public const int CodeLimit = 1 << 18;

    private readonly Column[] _columns;
    private readonly Chunked<int> _lines;

    private ColumnarCsv(string file, string[] header, Column[] columns, Chunked<int> lines)
    {
        File = file;
        Header = header;
        _columns = columns;
        _lines = lines;
    }

    /// <summary>The file read.</summary>
    public string File { get; }

    /// <summary>Header names, in file order.</summary>
    public string[] Header { get; }

    /// <summary>Data rows (blank lines are skipped).</summary>
    public int RowCount => _lines.Count;

    /// <summary>1-based file line of a data row.</summary>
    public int Line(int row) => _lines[row];

    /// <summary>Reads the file: at most <see cref="InputLimits.MaxPanelCsvBytes"/> of text (after decompression for
    /// <c>.gz</c>, streamed) and <see cref="InputLimits.MaxPanelRows"/> rows; the header and row checks of <see cref="CsvTable"/>.</summary>
    public static ColumnarCsv Read(string path) => Read(path, InputLimits.MaxPanelCsvBytes, InputLimits.MaxPanelRows, CodeLimit);

    /// <summary><see cref="Read(string)"/> with explicit bounds (tests use a small code limit to reach the double path).</summary>
    public static ColumnarCsv Read(string path, long maxBytes, int maxRows, int codeLimit)
    {
        string[] header = [];
        Column[] columns = [];
        var lines = new Chunked<int>();
        Scan(path, maxBytes, h =>
        {
            header = h;
            columns = h.Select(_ => new Column(codeLimit)).ToArray();
        }, (row, line) =>
        {
            if (lines.Count >= maxRows)
                throw new ParleyInputException(path, line, "(row)", $"more than {maxRows:N0} data rows", $"at most {maxRows:N0} data rows (Parley's input limit for estimation panels)");
            lines.Add(line);
            for (var c = 0; c < columns.Length; c++) columns[c].Add(row[c].Span);
        });
        return new ColumnarCsv(path, header, columns, lines);
    }

    /// <summary>0-based index of a header column (names compared ignoring case); an input error naming the file when absent.</summary>
    public int ColumnIndex(string name)
    {
        var i = Array.FindIndex(Header, h => h.Equals(name, StringComparison.OrdinalIgnoreCase));
        return i >= 0 ? i : throw new ParleyInputException(File, 1, name, string.Join(",", Header), $"a header with a column named '{name}'");
    }

    /// <summary>Every row's code into <c>Texts</c> (codes in order of first appearance).</summary>
    public (int[] Codes, string[] Texts) Codes(int column)
    {
        var col = _columns[column];
        if (col.HasCodes) return (col.Codes.ToArray(), col.Texts.ToArray());
        var again = new Column(int.MaxValue);
        Scan(File, long.MaxValue, _ => { }, (row, _) => again.Add(row[column].Span));
        return (again.Codes.ToArray(), again.Texts.ToArray());
    }

    /// <summary>The finite numbers of <paramref name="column"/> on <paramref name="rows"/>; the first row (in that order)
    /// whose field is empty or not a finite number is an input error naming file, line, column and text.</summary>
    public double[] Numbers(int column, IReadOnlyList<int> rows)
    {
        var all = NumbersOrNaN(column);
        var values = new double[rows.Count];
        for (var k = 0; k < values.Length; k++)
            if (double.IsNaN(values[k] = all[rows[k]])) throw NumberError(column, rows[k]);
        return values;
    }

    /// <summary>Every row's number, NaN where the field is empty or not a finite number (see <see cref="NumberError"/>).</summary>
    public double[] NumbersOrNaN(int column)
    {
        var col = _columns[column];
        var values = new double[RowCount];
        if (col.HasCodes)
        {
            var byCode = col.Texts.Select(t => Parse(t.AsSpan())).ToArray();
            for (var k = 0; k < values.Length; k++) values[k] = byCode[col.Codes[k]];
        }
        else for (var k = 0; k < values.Length; k++) values[k] = col.Numbers[k];
        return values;
    }

    /// <summary>The input error for a field that is not a finite number, with CsvTable's wording.</summary>
    public ParleyInputException NumberError(int column, int row)
    {
        var text = Text(column, row);
        return new ParleyInputException(File, Line(row), Header[column], text,
            text.Length == 0 ? "a number (the field is empty)" : "a finite number such as 1234.5");
    }

    /// <summary>The text of one field (a second read of the file when the column keeps doubles only).</summary>
    public string Text(int column, int row) =>
        _columns[column].HasCodes ? _columns[column].Texts[_columns[column].Codes[row]] : TextAt(column, row);

    private string TextAt(int column, int row)
    {
        var seen = 0;
        string? text = null;
        Scan(File, long.MaxValue, _ => { }, (r, _) => { if (seen++ == row) text = r[column].ToString(); });
        return text ?? "";
    }

    /// <summary>A finite number, or NaN for an empty, non-numeric or non-finite field.</summary>
    private static double Parse(ReadOnlySpan<char> text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v) ? v : double.NaN;

    private static void Scan(string path, long maxBytes, Action<string[]> onHeader, SepRowAction onRow)
    {
        InputFiles.RequireFile(path, "CSV file");
        try
        {
            var length = new FileInfo(path).Length;
            if (length > maxBytes) throw InputFiles.TooLarge(path, "CSV file", length, maxBytes);
            var options = Sep.Reader(o => o with { DisableColCountCheck = true, Unescape = true, Trim = SepTrim.All });
            Stream raw = System.IO.File.OpenRead(path);
            if (path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase))
                raw = new BoundedStream(new System.IO.Compression.GZipStream(raw, System.IO.Compression.CompressionMode.Decompress), path, "CSV file", maxBytes);
            using var text = new StreamReader(raw);
            using var reader = options.From(text);
            var header = reader.Header.ColNames.ToArray();
            CsvTable.CheckHeader(path, header);
            onHeader(header);
            foreach (var row in reader)
            {
                if (row.ColCount == 1 && row[0].Span.Length == 0) continue; // blank line
                if (row.ColCount != header.Length)
                    throw new ParleyInputException(path, row.LineNumberFrom, "(row)", $"{row.ColCount} fields",
                        $"{header.Length} comma-separated fields, one per header column ({CsvTable.Shorten(string.Join(",", header))})");
                onRow(row, row.LineNumberFrom);
            }
        }
        catch (ParleyInputException) { throw; }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException or ArgumentException or NotSupportedException)
        {
            throw new ParleyInputException(path, null, "(file)", null, $"a readable CSV file ({YamlMap.FirstLine(e.Message)})");
        }
    }

    private delegate void SepRowAction(SepReader.Row row, int line);

    /// <summary>One column: codes into distinct texts until there are more than the limit, then parsed doubles.</summary>
    private sealed class Column(int codeLimit)
    {
        private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);

        public Chunked<int> Codes { get; private set; } = new();

        public List<string> Texts { get; } = [];

        public Chunked<double> Numbers { get; } = new();

        public bool HasCodes { get; private set; } = true;

        public void Add(ReadOnlySpan<char> text)
        {
            if (!HasCodes)
            {
                Numbers.Add(Parse(text));
                return;
            }
            var lookup = _index.GetAlternateLookup<ReadOnlySpan<char>>();
            if (!lookup.TryGetValue(text, out var code))
            {
                if (Texts.Count >= codeLimit)
                {
                    SwitchToNumbers();
                    Numbers.Add(Parse(text));
                    return;
                }
                code = Texts.Count;
                var s = text.ToString();
                _index.Add(s, code);
                Texts.Add(s);
            }
            Codes.Add(code);
        }

        private void SwitchToNumbers()
        {
            var byCode = Texts.Select(t => Parse(t.AsSpan())).ToArray();
            for (var k = 0; k < Codes.Count; k++) Numbers.Add(byCode[Codes[k]]);
            HasCodes = false;
            Codes = new Chunked<int>();
            Texts.Clear();
            _index.Clear();
            _index.TrimExcess();
        }
    }
}

/// <summary>An append-only list in blocks of 2^16 values: growing never copies what is already stored.</summary>
internal sealed class Chunked<T>
{
    private const int Shift = 16;
    private const int Mask = (1 << Shift) - 1;
    private readonly List<T[]> _blocks = [];

    public int Count { get; private set; }

    public T this[int index] => _blocks[index >> Shift][index & Mask];

    public void Add(T value)
    {
        if ((Count & Mask) == 0 && Count >> Shift == _blocks.Count) _blocks.Add(new T[1 << Shift]);
        _blocks[Count >> Shift][Count & Mask] = value;
        Count++;
    }

    public T[] ToArray()
    {
        var result = new T[Count];
        for (var b = 0; b < _blocks.Count; b++)
        {
            var start = b << Shift;
            Array.Copy(_blocks[b], 0, result, start, Math.Min(1 << Shift, Count - start));
        }
        return result;
    }
}
