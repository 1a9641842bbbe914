namespace Parley;

/// <summary>
/// Bad user input: a data file, scenario file or option that Parley cannot use.
/// The message names the file, the 1-based line number (when there is one), the field, the value found
/// and what was expected, so the user can fix the input without reading a stack trace.
/// The CLI maps this exception to exit code 2.
/// </summary>
public sealed class ParleyInputException : Exception
{
    /// <summary>Creates an input error.</summary>
    /// <param name="file">File (or source) that holds the bad input.</param>
    /// <param name="lineNumber">1-based line number, or <c>null</c> when the problem is not tied to one line.</param>
    /// <param name="field">Column, key or option name.</param>
    /// <param name="value">The value found (shortened to 60 characters).</param>
    /// <param name="expected">What Parley expected instead.</param>
    public ParleyInputException(string file, int? lineNumber, string field, string? value, string expected)
        : base(Format(file, lineNumber, field, value, expected))
    {
        File = file;
        LineNumber = lineNumber;
        Field = field;
        Value = value;
        Expected = expected;
    }

    /// <summary>File or source that holds the bad input.</summary>
    public string File { get; }

    /// <summary>1-based line number, or <c>null</c>.</summary>
    public int? LineNumber { get; }

    /// <summary>Column, key or option name.</summary>
    public string Field { get; }

    /// <summary>The offending value, if any.</summary>
    public string? Value { get; }

    /// <summary>What was expected.</summary>
    public string Expected { get; }

    private static string Format(string file, int? line, string field, string? value, string expected)
    {
        var where = line is { } l ? $"{file}:{l}" : file;
        var shown = value is null ? "" : $" = '{Shorten(value)}'";
        return $"{where}: field '{field}'{shown}: expected {expected}";
    }

    private static string Shorten(string v) => v.Length <= 60 ? v : string.Concat(v.AsSpan(0, 57), "...");
}
