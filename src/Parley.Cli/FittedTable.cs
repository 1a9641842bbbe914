using Spectre.Console;
using Spectre.Console.Rendering;

namespace Parley.Cli;

/// <summary>What a column holds, which decides how it may be narrowed.</summary>
internal enum ColumnKind
{
    /// <summary>Row labels (countries, sectors): wrap at spaces, never dropped.</summary>
    Label,

    /// <summary>Free text (descriptions, notes): wraps at spaces to as little as its longest word (at most 24 wide).</summary>
    Text,

    /// <summary>Numbers, codes, dates, money: never wrapped or cut, right-aligned.</summary>
    Number,
}

/// <summary>
/// A results table laid out for the terminal it is printed on. Spectre.Console squeezes a table wider than the console
/// by cutting every column evenly, which splits numbers across lines ("327,1" / "24"). Here the layout is decided first:
/// number columns keep their full width (no wrap), headers wrap at spaces only, text columns give up width down to their
/// longest word; when even that does not fit, the optional columns are dropped from the last one declared, and the
/// caption names them and says <c>--wide</c> prints the full table (which then may be wider than the terminal).
/// </summary>
internal sealed class FittedTable
{
    private const int MaxUnbrokenWord = 24;
    private readonly List<(string Header, ColumnKind Kind, bool Optional)> _columns = [];
    private readonly List<(string[] Cells, Style? Style)> _rows = [];
    private readonly string? _title;
    private readonly string? _caption;

    /// <summary>A table with a plain-text title and caption (escaped, not markup).</summary>
    public FittedTable(string? title, string? caption = null)
    {
        _title = title;
        _caption = caption;
    }

    /// <summary>Adds a column; optional columns are the ones dropped (last first) when the terminal is too narrow.</summary>
    public FittedTable Column(string header, ColumnKind kind = ColumnKind.Number, bool optional = false)
    {
        if (_rows.Count > 0) throw new InvalidOperationException("Columns come before rows.");
        _columns.Add((header, kind, optional));
        return this;
    }

    /// <summary>Adds a row of plain-text cells (one per column; null prints as empty).</summary>
    public FittedTable Row(params string?[] cells) => Row(null, cells);

    /// <summary>Adds a row printed in a style (e.g. bold for totals).</summary>
    public FittedTable Row(Style? style, params string?[] cells)
    {
        if (cells.Length != _columns.Count) throw new ArgumentException($"A row has {cells.Length} cells under {_columns.Count} columns.", nameof(cells));
        _rows.Add((cells.Select(c => c ?? "").ToArray(), style));
        return this;
    }

    /// <summary>The number of data rows.</summary>
    public int RowCount => _rows.Count;

    /// <summary>Headers and kinds of the columns, in order.</summary>
    internal IReadOnlyList<(string Header, ColumnKind Kind, bool Optional)> Columns => _columns;

    /// <summary>The rows' plain-text cells.</summary>
    internal IEnumerable<string[]> Cells => _rows.Select(r => r.Cells);

    /// <summary>When set (tests), every table written in this flow is added with the width it was written at.</summary>
    internal static readonly AsyncLocal<List<(FittedTable Table, int Width, bool Wide)>?> Written = new();

    /// <summary>Writes the table fitted to the console's width, or at full width with <paramref name="wide"/>.</summary>
    public void Write(IAnsiConsole console, bool wide)
    {
        var width = console.Profile.Width;
        Written.Value?.Add((this, width, wide));
        var table = Build(width, wide, out var needed, out _);
        if (!wide || needed <= width)
        {
            console.Write(table);
            return;
        }
        console.Profile.Width = needed; // --wide: the full table, wider than the terminal
        try { console.Write(table); }
        finally { console.Profile.Width = width; }
    }

    /// <summary>Lays the table out for <paramref name="width"/> columns; <paramref name="needed"/> is the width it takes.</summary>
    internal Table Build(int width, bool wide, out int needed, out IReadOnlyList<int> shownColumns)
    {
        var natural = _columns.Select((c, k) => Math.Max(Longest(c.Header), _rows.Count == 0 ? 0 : _rows.Max(r => Longest(r.Cells[k])))).ToArray();
        var minimum = _columns.Select((c, k) => MinimumWidth(c.Kind, c.Header, k, natural[k])).ToArray();
        var shown = Enumerable.Range(0, _columns.Count).ToList();
        var dropped = new List<string>();
        if (!wide)
            for (var k = _columns.Count - 1; k >= 0 && Chrome(shown.Count) + shown.Sum(i => minimum[i]) > width; k--)
                if (_columns[k].Optional)
                {
                    shown.Remove(k);
                    dropped.Insert(0, _columns[k].Header);
                }
        var widths = shown.ToDictionary(k => k, k => wide ? natural[k] : minimum[k]);
        var spare = width - Chrome(shown.Count) - widths.Values.Sum();
        // Spare width goes to wrapped text first (fewer lines), then to headers that would wrap.
        foreach (var textFirst in new[] { true, false })
            for (var grew = true; spare > 0 && grew;)
            {
                grew = false;
                foreach (var k in shown.Where(k => widths[k] < natural[k] && (_columns[k].Kind != ColumnKind.Number) == textFirst))
                {
                    if (spare == 0) break;
                    widths[k]++;
                    spare--;
                    grew = true;
                }
            }
        needed = Chrome(shown.Count) + widths.Values.Sum();
        shownColumns = shown;

        var table = new Table();
        if (_title is not null) table.Title(new TableTitle(Markup.Escape(_title), new Style(decoration: Decoration.Bold)));
        var caption = _caption;
        if (dropped.Count > 0)
            caption = (caption is null ? "" : caption + " ") + $"Not shown at {width} columns: {string.Join(", ", dropped)} (--wide prints them).";
        if (caption is not null) table.Caption(Markup.Escape(caption));
        foreach (var k in shown)
        {
            var column = new TableColumn(new Text(_columns[k].Header)) { Width = widths[k], NoWrap = _columns[k].Kind == ColumnKind.Number };
            table.AddColumn(_columns[k].Kind == ColumnKind.Number ? column.RightAligned() : column);
        }
        foreach (var (cells, style) in _rows)
            table.AddRow(shown.Select(k => (IRenderable)new Text(cells[k], style ?? Style.Plain)).ToArray());
        return table;
    }

    /// <summary>The width of borders and padding around <paramref name="columns"/> columns (square border, one space each side).</summary>
    private static int Chrome(int columns) => 3 * columns + 1;

    private int MinimumWidth(ColumnKind kind, string header, int k, int natural)
    {
        var headerWord = LongestWord(header);
        if (kind == ColumnKind.Number) return Math.Max(headerWord, _rows.Count == 0 ? 0 : _rows.Max(r => Longest(r.Cells[k])));
        var word = Math.Max(headerWord, _rows.Count == 0 ? 0 : _rows.Max(r => LongestWord(r.Cells[k])));
        return Math.Min(natural, Math.Max(Math.Min(word, MaxUnbrokenWord), Math.Min(natural, 6)));
    }

    private static int Longest(string text) => text.Split('\n').Max(l => l.Length);

    private static int LongestWord(string text) => text.Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries).Select(w => w.Length).DefaultIfEmpty(0).Max();
}
