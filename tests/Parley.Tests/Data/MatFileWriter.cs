using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace Parley.Tests.Data;

/// <summary>Writes MATLAB Level 5 MAT-files as the format document lays them out (header, miMATRIX elements, optionally
/// inside miCOMPRESSED), so that the reader is tested on files built from the specification rather than by itself.</summary>
internal static class MatFileWriter
{
    /// <summary>A double matrix to write, values column-major; <paramref name="AsUInt8"/> stores them as miUINT8 (MATLAB
    /// does so for small non-negative integers).</summary>
    public sealed record Variable(string Name, int Rows, int Columns, double[] Values, bool AsUInt8 = false);

    public static void Write(string path, bool compress, params Variable[] variables)
    {
        using var o = new MemoryStream();
        var header = Encoding.ASCII.GetBytes("MATLAB 5.0 MAT-file, written by Parley's tests".PadRight(116));
        o.Write(header);
        o.Write(new byte[8]);                 // subsystem data offset
        o.Write([0x00, 0x01]);                // version 0x0100, little-endian
        o.Write("IM"u8);
        foreach (var v in variables)
        {
            var element = Element(14, Matrix(v));
            if (!compress) { o.Write(element); continue; }
            using var packed = new MemoryStream();
            using (var z = new ZLibStream(packed, CompressionLevel.Optimal, leaveOpen: true)) z.Write(element);
            o.Write(Tag(15, (int)packed.Length));
            o.Write(packed.ToArray()); // compressed elements are not padded
        }
        File.WriteAllBytes(path, o.ToArray());
    }

    private static byte[] Matrix(Variable v)
    {
        using var m = new MemoryStream();
        var flags = new byte[8];
        BinaryPrimitives.WriteUInt32LittleEndian(flags, 6); // mxDOUBLE_CLASS
        m.Write(Element(6, flags));
        var dims = new byte[8];
        BinaryPrimitives.WriteInt32LittleEndian(dims, v.Rows);
        BinaryPrimitives.WriteInt32LittleEndian(dims.AsSpan(4), v.Columns);
        m.Write(Element(5, dims));
        var name = Encoding.ASCII.GetBytes(v.Name);
        if (name.Length <= 4) // small data element
        {
            var small = new byte[8];
            BinaryPrimitives.WriteUInt32LittleEndian(small, (uint)(name.Length << 16 | 1));
            name.CopyTo(small, 4);
            m.Write(small);
        }
        else m.Write(Element(1, name));
        if (v.AsUInt8) m.Write(Element(2, v.Values.Select(x => (byte)x).ToArray()));
        else
        {
            var data = new byte[8 * v.Values.Length];
            for (var k = 0; k < v.Values.Length; k++) BinaryPrimitives.WriteDoubleLittleEndian(data.AsSpan(8 * k), v.Values[k]);
            m.Write(Element(9, data));
        }
        return m.ToArray();
    }

    private static byte[] Tag(int type, int bytes)
    {
        var t = new byte[8];
        BinaryPrimitives.WriteInt32LittleEndian(t, type);
        BinaryPrimitives.WriteInt32LittleEndian(t.AsSpan(4), bytes);
        return t;
    }

    private static byte[] Element(int type, byte[] data)
    {
        var padded = (data.Length + 7) / 8 * 8;
        var e = new byte[8 + padded];
        Tag(type, data.Length).CopyTo(e, 0);
        data.CopyTo(e, 8);
        return e;
    }
}
