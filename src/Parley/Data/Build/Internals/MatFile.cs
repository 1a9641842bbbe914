// Reads the real two-dimensional matrices of a MATLAB Level 5 MAT-file (MathWorks, "MAT-File Format", release 2015,
// ch. 1), the format of Caliendo & Parro's (2015) estimation inputs xbilats_93.mat and tau.mat. Why a reader of our own:
// the build should run on the published files as they are, and no .NET package for the format is in use here; the part
// of the format those files need is small: a 128-byte header, then data elements (8-byte tag: type, byte count; "small"
// elements pack both into 4 bytes), zlib-compressed elements (miCOMPRESSED) that hold one element, and miMATRIX elements
// whose sub-elements are the array flags, the dimensions, the name and the real part in column-major order. MATLAB may
// store a double matrix's values in a narrower integer type; they are widened here. Complex, sparse, cell, struct and
// character arrays, and big-endian files, are refused with the variable's name.
using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace Parley.Data.Build.Internals;

/// <summary>A real matrix read from a MAT-file.</summary>
/// <param name="Name">Variable name.</param>
/// <param name="Rows">Number of rows.</param>
/// <param name="Columns">Number of columns.</param>
/// <param name="Values">Values in column-major order (MATLAB's), length Rows × Columns.</param>
internal sealed record MatMatrix(string Name, int Rows, int Columns, double[] Values)
{
    /// <summary>Element at 0-based row <paramref name="r"/> and column <paramref name="c"/>.</summary>
    public double this[int r, int c] => Values[c * Rows + r];
}

/// <summary>Reader of the numeric matrices of a Level 5 MAT-file.</summary>
internal static class MatFile
{
    private const int MiInt8 = 1, MiUInt8 = 2, MiInt16 = 3, MiUInt16 = 4, MiInt32 = 5, MiUInt32 = 6, MiSingle = 7, MiDouble = 9,
        MiInt64 = 12, MiUInt64 = 13, MiMatrix = 14, MiCompressed = 15;

    private const int HeaderBytes = 128;

    /// <summary>Every numeric matrix in the file, by variable name.</summary>
    public static IReadOnlyDictionary<string, MatMatrix> Read(string path)
    {
        if (!File.Exists(path)) throw new ParleyInputException(path, null, "file", null, "a MATLAB MAT-file (Level 5) at this path");
        var bytes = File.ReadAllBytes(path);
        if (bytes.Length < HeaderBytes || !Encoding.ASCII.GetString(bytes, 0, 10).StartsWith("MATLAB 5.0", StringComparison.Ordinal))
            throw new ParleyInputException(path, null, "header", bytes.Length < 10 ? null : Encoding.ASCII.GetString(bytes, 0, 10),
                "a MATLAB Level 5 MAT-file (its header starts with 'MATLAB 5.0'; v7.3 files are HDF5 and are not read)");
        if (bytes[126] != (byte)'I' || bytes[127] != (byte)'M')
            throw new ParleyInputException(path, null, "endian indicator", Encoding.ASCII.GetString(bytes, 126, 2), "'IM' (a little-endian file)");
        var matrices = new Dictionary<string, MatMatrix>(StringComparer.Ordinal);
        foreach (var (type, data) in Elements(path, bytes, HeaderBytes, bytes.Length))
        {
            var (t, body) = type == MiCompressed ? Inflate(path, data) : (type, data);
            if (t != MiMatrix) continue; // other top-level elements carry no variable
            var m = Matrix(path, body);
            matrices[m.Name] = m;
        }
        return matrices;
    }

    /// <summary>The named variable, or an input error naming the file and the variables it has.</summary>
    public static MatMatrix Variable(string path, IReadOnlyDictionary<string, MatMatrix> file, string name, int rows, int columns)
    {
        if (!file.TryGetValue(name, out var m))
            throw new ParleyInputException(path, null, "variable", name, $"a variable '{name}' (the file has: {string.Join(", ", file.Keys)})");
        if (m.Rows != rows || m.Columns != columns)
            throw new ParleyInputException(path, null, name, $"{m.Rows} × {m.Columns}", $"a {rows} × {columns} matrix");
        return m;
    }

    private static IEnumerable<(int Type, ArraySegment<byte> Data)> Elements(string path, byte[] buf, int start, int end)
    {
        var off = start;
        while (off + 8 <= end)
        {
            var first = BinaryPrimitives.ReadUInt32LittleEndian(buf.AsSpan(off));
            if (first >> 16 != 0) // small data element: byte count in the upper half, data in the next 4 bytes
            {
                yield return ((int)(first & 0xFFFF), new ArraySegment<byte>(buf, off + 4, (int)(first >> 16)));
                off += 8;
                continue;
            }
            var n = BinaryPrimitives.ReadUInt32LittleEndian(buf.AsSpan(off + 4));
            if (off + 8 + (long)n > end)
                throw new ParleyInputException(path, null, "data element", $"{n} bytes at offset {off}", "an element that ends inside the file (is the file truncated?)");
            yield return ((int)first, new ArraySegment<byte>(buf, off + 8, (int)n));
            // Compressed elements are not padded; every other element is padded to a multiple of 8 bytes.
            off += 8 + (int)(first == MiCompressed ? n : (n + 7) / 8 * 8);
        }
    }

    private static (int Type, ArraySegment<byte> Body) Inflate(string path, ArraySegment<byte> data)
    {
        byte[] raw;
        try
        {
            using var z = new ZLibStream(new MemoryStream(data.Array!, data.Offset, data.Count), CompressionMode.Decompress);
            using var o = new MemoryStream();
            z.CopyTo(o);
            raw = o.ToArray();
        }
        catch (InvalidDataException e)
        {
            throw new ParleyInputException(path, null, "compressed element", e.Message, "zlib-compressed data (miCOMPRESSED)");
        }
        var inner = Elements(path, raw, 0, raw.Length).FirstOrDefault();
        return inner.Data.Array is null ? (0, inner.Data) : inner;
    }

    private static MatMatrix Matrix(string path, ArraySegment<byte> body)
    {
        var parts = Elements(path, body.Array!, body.Offset, body.Offset + body.Count).Take(4).ToArray();
        if (parts.Length < 3) throw new ParleyInputException(path, null, "matrix", null, "array flags, dimensions and a name in every miMATRIX element");
        var flags = BinaryPrimitives.ReadUInt32LittleEndian(parts[0].Data);
        var name = Encoding.ASCII.GetString(parts[2].Data);
        var mxClass = (int)(flags & 0xFF);
        if (mxClass is < 6 or > 15) // 6–15: double, single and the integer classes
            throw new ParleyInputException(path, null, name, $"array class {mxClass}", "a numeric (double, single or integer) matrix; cell, struct, character and sparse arrays are not read");
        if ((flags & 0x0800) != 0) throw new ParleyInputException(path, null, name, "complex", "a real matrix");
        var dims = parts[1].Data;
        if (dims.Count != 8) throw new ParleyInputException(path, null, name, $"{dims.Count / 4} dimensions", "a two-dimensional matrix");
        var rows = BinaryPrimitives.ReadInt32LittleEndian(dims);
        var cols = BinaryPrimitives.ReadInt32LittleEndian(dims.AsSpan(4));
        var values = parts.Length > 3 ? Widen(path, name, parts[3].Type, parts[3].Data) : [];
        if (values.Length != (long)rows * cols)
            throw new ParleyInputException(path, null, name, $"{values.Length} values", $"{rows} × {cols} = {(long)rows * cols} values");
        return new MatMatrix(name, rows, cols, values);
    }

    private static double[] Widen(string path, string name, int type, ReadOnlySpan<byte> d) => type switch
    {
        MiDouble => Read(d, 8, s => BinaryPrimitives.ReadDoubleLittleEndian(s)),
        MiSingle => Read(d, 4, s => BinaryPrimitives.ReadSingleLittleEndian(s)),
        MiInt8 => Read(d, 1, s => (sbyte)s[0]),
        MiUInt8 => Read(d, 1, s => s[0]),
        MiInt16 => Read(d, 2, s => BinaryPrimitives.ReadInt16LittleEndian(s)),
        MiUInt16 => Read(d, 2, s => BinaryPrimitives.ReadUInt16LittleEndian(s)),
        MiInt32 => Read(d, 4, s => BinaryPrimitives.ReadInt32LittleEndian(s)),
        MiUInt32 => Read(d, 4, s => BinaryPrimitives.ReadUInt32LittleEndian(s)),
        MiInt64 => Read(d, 8, s => BinaryPrimitives.ReadInt64LittleEndian(s)),
        MiUInt64 => Read(d, 8, s => BinaryPrimitives.ReadUInt64LittleEndian(s)),
        _ => throw new ParleyInputException(path, null, name, $"data type {type}", "numeric data (miDOUBLE, miSINGLE or an integer type)"),
    };

    private delegate double Decode(ReadOnlySpan<byte> s);

    private static double[] Read(ReadOnlySpan<byte> d, int size, Decode decode)
    {
        var v = new double[d.Length / size];
        for (var k = 0; k < v.Length; k++) v[k] = decode(d.Slice(k * size, size));
        return v;
    }
}
