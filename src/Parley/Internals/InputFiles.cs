namespace Parley.Internals;

/// <summary>Opening input files: the path is checked (NUL and other control characters, existence) and the size bounded
/// (<see cref="InputLimits"/>) before a byte is parsed, and every I/O failure becomes an input error naming the file.</summary>
internal static class InputFiles
{
    /// <summary>Throws an input error when <paramref name="path"/> is not a usable path of an existing file.</summary>
    public static void RequireFile(string path, string kind)
    {
        if (path.Length == 0 || path.Any(char.IsControl))
            throw new ParleyInputException(Visible(path), null, "(path)", Visible(path), $"the path of a {kind}, without control characters such as NUL");
        if (!File.Exists(path))
            throw new ParleyInputException(path, null, "(file)", null, Directory.Exists(path) ? $"a {kind}, not a directory" : $"an existing {kind} (no existing file has this path)");
    }

    /// <summary>The whole text of a small file, refused when larger than <paramref name="maxBytes"/>.</summary>
    public static string ReadText(string path, string kind, long maxBytes)
    {
        RequireFile(path, kind);
        try
        {
            var length = new FileInfo(path).Length;
            if (length > maxBytes) throw TooLarge(path, kind, length, maxBytes);
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ParleyInputException(path, null, "(file)", null, $"a readable {kind} ({e.Message})");
        }
    }

    public static ParleyInputException TooLarge(string path, string kind, long length, long maxBytes) =>
        new(path, null, "(size)", $"{length:N0} bytes", $"a {kind} of at most {maxBytes:N0} bytes ({maxBytes >> 20} MiB, Parley's input limit)");

    /// <summary>Text with control characters shown as <c>\uXXXX</c>, for error messages that must stay on one line.</summary>
    public static string Visible(string text) =>
        text.Any(char.IsControl) ? string.Concat(text.Select(ch => char.IsControl(ch) ? $"\\u{(int)ch:x4}" : ch.ToString())) : text;
}

/// <summary>A read-only stream that stops with an input error once more than a given number of bytes were read
/// (a <c>.gz</c> file that inflates beyond <see cref="InputLimits.MaxCsvBytes"/>).</summary>
internal sealed class BoundedStream(Stream inner, string path, string kind, long maxBytes) : Stream
{
    private long _read;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => _read; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

    public override int Read(Span<byte> buffer) => Count(inner.Read(buffer));

    private int Count(int n)
    {
        _read += n;
        return _read > maxBytes ? throw InputFiles.TooLarge(path, kind + " (decompressed)", _read, maxBytes) : n;
    }

    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing) inner.Dispose();
        base.Dispose(disposing);
    }
}
