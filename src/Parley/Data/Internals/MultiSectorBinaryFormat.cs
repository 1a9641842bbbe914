// The binary form of a MultiSectorDataset kept by DatasetCache: a header (magic, the 32-byte source key) and then every
// field of the record in declaration order, strings length-prefixed UTF-8 and number arrays as raw doubles. Why raw:
// the arrays are most of the bytes, and copying them straight into the result's arrays is what makes a cached read
// take about a millisecond. A file that does not parse to its last byte, or whose key differs, is not used.
using System.Collections.Immutable;
using System.Runtime.InteropServices;

namespace Parley.Data.Internals;

internal static class MultiSectorBinaryFormat
{
    private static ReadOnlySpan<byte> Magic => "PARLEYMS"u8;

    /// <summary>Layout version of this file format; bump it when the layout changes.</summary>
    private const int FormatVersion = 1;

    /// <summary>What besides the source files decides whether an entry is valid: the layout version, the byte order
    /// of the raw doubles and this Parley build (its module version id), so no entry outlives the code that wrote it.</summary>
    public static readonly byte[] BuildIdentity =
    [
        .. BitConverter.GetBytes(FormatVersion), (byte)(BitConverter.IsLittleEndian ? 1 : 0),
        .. typeof(MultiSectorDataset).Assembly.ManifestModule.ModuleVersionId.ToByteArray(),
    ];

    /// <summary>The dataset in <paramref name="path"/> when the file exists, carries <paramref name="key"/> and parses
    /// completely; otherwise null.</summary>
    public static MultiSectorDataset? TryRead(string path, byte[] key)
    {
        byte[] bytes;
        try
        {
            if (!File.Exists(path)) return null;
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
        if (bytes.Length < Magic.Length + key.Length || !bytes.AsSpan(0, Magic.Length).SequenceEqual(Magic)
            || !bytes.AsSpan(Magic.Length, key.Length).SequenceEqual(key)) return null;
        try
        {
            using var reader = new BinaryReader(new MemoryStream(bytes, Magic.Length + key.Length, bytes.Length - Magic.Length - key.Length, false));
            var dataset = Read(reader);
            return reader.BaseStream.Position == reader.BaseStream.Length ? dataset : null;
        }
        catch (Exception e) when (e is EndOfStreamException or IOException or ArgumentException or FormatException or KeyNotFoundException or IndexOutOfRangeException)
        {
            return null;
        }
    }

    /// <summary>Entries kept per dataset: one per Parley build in use (a launcher, a test run, another worktree) without
    /// letting every rebuild add one for ever. Two builds used in turn keep their own entries instead of replacing each
    /// other's on every run.</summary>
    public const int EntriesPerDataset = 4;

    /// <summary>Writes <paramref name="dataset"/> to <paramref name="path"/> (through a temporary file and a rename, so a
    /// reader never sees half a file) and deletes the dataset's entries beyond the <see cref="EntriesPerDataset"/> most
    /// recently written. Failures are ignored: the cache is an optimisation.</summary>
    public static void TryWrite(string path, byte[] key, MultiSectorDataset dataset, string stalePrefix)
    {
        var folder = Path.GetDirectoryName(path)!;
        var temporary = $"{path}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
        try
        {
            Directory.CreateDirectory(folder);
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write))
            using (var writer = new BinaryWriter(stream))
            {
                writer.Write(Magic);
                writer.Write(key);
                Write(writer, dataset);
            }
            File.Move(temporary, path, overwrite: true);
            var entries = Directory.GetFiles(folder, stalePrefix + "*.bin").OrderByDescending(File.GetLastWriteTimeUtc).ToList();
            foreach (var old in entries.Skip(EntriesPerDataset))
                if (!Path.GetFileName(old).Equals(Path.GetFileName(path), StringComparison.Ordinal)) File.Delete(old);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            try { File.Delete(temporary); } catch (Exception f) when (f is IOException or UnauthorizedAccessException) { }
        }
    }

    private static void Write(BinaryWriter w, MultiSectorDataset d)
    {
        w.Write(d.Name); w.Write(d.Title); w.Write(d.Vintage); w.Write(d.MoneyUnit);
        w.Write(d.Regions.Count);
        foreach (var c in d.Regions.Countries) { w.Write(c.Iso3); w.Write(c.Name); }
        var groups = d.Regions.GroupNames.ToArray();
        w.Write(groups.Length);
        foreach (var g in groups)
        {
            var members = d.Regions.Group(g);
            w.Write(g);
            w.Write(members.Count);
            foreach (var m in members) w.Write(m);
        }
        w.Write(d.Sectors.Count);
        foreach (var s in d.Sectors) { w.Write(s.Code); w.Write(s.Name); w.Write(s.Tradable); w.Write(s.TradeElasticity); w.Write(s.Goods); }
        Doubles(w, d.Flows);
        w.Write(d.TariffSets.Count);
        foreach (var (name, set) in d.TariffSets) { w.Write(name); Doubles(w, set); }
        w.Write(d.BaseTariffs);
        Doubles(w, d.ValueAddedShare); Doubles(w, d.InputShares); Doubles(w, d.FinalShares); Doubles(w, d.ValueAdded); Doubles(w, d.Deficits);
        w.Write(d.Notes is not null);
        if (d.Notes is not null) w.Write(d.Notes);
    }

    private static MultiSectorDataset Read(BinaryReader r)
    {
        string name = r.ReadString(), title = r.ReadString(), vintage = r.ReadString(), unit = r.ReadString();
        var countries = new Country[Count(r)];
        for (var k = 0; k < countries.Length; k++) countries[k] = new Country(k, r.ReadString(), r.ReadString());
        var groupCount = Count(r);
        var groups = groupCount == 0 ? null : new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);
        for (var g = 0; g < groupCount; g++)
        {
            var group = r.ReadString();
            var members = new string[Count(r)];
            for (var m = 0; m < members.Length; m++) members[m] = countries[r.ReadInt32()].Iso3;
            groups![group] = members;
        }
        var sectors = new Sector[Count(r)];
        for (var j = 0; j < sectors.Length; j++)
            sectors[j] = new Sector(j, r.ReadString(), r.ReadString(), r.ReadBoolean(), r.ReadDouble(), r.ReadBoolean());
        var flows = Doubles(r);
        var sets = new Dictionary<string, ImmutableArray<double>>(StringComparer.OrdinalIgnoreCase);
        var setCount = Count(r);
        for (var s = 0; s < setCount; s++) sets[r.ReadString()] = Doubles(r);
        var baseTariffs = r.ReadString();
        ImmutableArray<double> vaShare = Doubles(r), io = Doubles(r), alpha = Doubles(r), va = Doubles(r), deficits = Doubles(r);
        var notes = r.ReadBoolean() ? r.ReadString() : null;
        return new MultiSectorDataset(name, title, vintage, unit, new CountrySet(countries, groups), sectors, flows, sets, baseTariffs,
            vaShare, io, alpha, va, deficits, notes);
    }

    private static int Count(BinaryReader r)
    {
        var n = r.ReadInt32();
        return n is >= 0 and <= 1 << 28 ? n : throw new FormatException($"bad count {n}");
    }

    private static void Doubles(BinaryWriter w, ImmutableArray<double> values)
    {
        w.Write(values.Length);
        w.Write(MemoryMarshal.AsBytes(values.AsSpan()));
    }

    private static ImmutableArray<double> Doubles(BinaryReader r)
    {
        var values = new double[Count(r)];
        r.BaseStream.ReadExactly(MemoryMarshal.AsBytes(values.AsSpan()));
        return ImmutableCollectionsMarshal.AsImmutableArray(values);
    }
}
