// A compact binary copy of each bundled multi-sector dataset, built on first use and checked against the source by
// hash (issue 11 item 3). Why: `replicate cp2015` spent about half of its time parsing 7.4 MB of long-format CSV
// (≈130,000 rows, three dictionary look-ups and a number parse each) into arrays that are 1.6 MB of doubles; reading
// those doubles back takes about a millisecond. Why a cache folder and not the data folder: the data folder belongs to
// the repository (or to the install), so Parley never writes there; the cache lives in the user's cache directory
// (docs/performance.md, "Dataset cache"), can be deleted at any time and is rebuilt when needed.
using System.Security.Cryptography;
using Parley.Data.Internals;

namespace Parley.Data;

/// <summary>
/// Reads multi-sector dataset folders through a binary cache. An entry is used only when its key matches: the SHA-256 of
/// every file in the folder (names and contents) together with the identity of this Parley build, so an edited file or
/// a new Parley version rebuilds it. Writing is best-effort: when the cache folder cannot be written, the dataset is
/// read from its CSV files as before.
/// </summary>
public static class DatasetCache
{
    /// <summary>Environment variable naming the cache folder; <c>off</c> disables the cache.</summary>
    public const string DirectoryVariable = "PARLEY_CACHE_DIR";

    /// <summary>
    /// The folder cached datasets are kept in, or null when the cache is off: <c>$PARLEY_CACHE_DIR</c> when set (<c>off</c>
    /// = no cache), else <c>$XDG_CACHE_HOME/parley</c>, else <c>~/.cache/parley</c> (on Windows
    /// <c>%LOCALAPPDATA%\parley\cache</c>). Read at each call, so a test or a host may set the variable first.
    /// </summary>
    public static string? Folder => ResolveFolder(Environment.GetEnvironmentVariable(DirectoryVariable),
        Environment.GetEnvironmentVariable("XDG_CACHE_HOME"), Environment.GetFolderPath(Environment.SpecialFolder.UserProfile),
        OperatingSystem.IsWindows() ? Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData) : null);

    /// <summary>The rule of <see cref="Folder"/> from its inputs (<paramref name="windowsLocalAppData"/> non-null on Windows).</summary>
    internal static string? ResolveFolder(string? configured, string? xdgCacheHome, string? home, string? windowsLocalAppData)
    {
        if (!string.IsNullOrWhiteSpace(configured))
            return configured.Trim().Equals("off", StringComparison.OrdinalIgnoreCase) ? null : Path.GetFullPath(configured.Trim());
        if (windowsLocalAppData is not null)
            return windowsLocalAppData.Length == 0 ? null : Path.Combine(windowsLocalAppData, "parley", "cache");
        if (!string.IsNullOrWhiteSpace(xdgCacheHome) && Path.IsPathRooted(xdgCacheHome)) return Path.Combine(xdgCacheHome, "parley");
        return string.IsNullOrEmpty(home) ? null : Path.Combine(home, ".cache", "parley");
    }

    /// <summary>
    /// The dataset in <paramref name="directory"/>: from the cache when an entry with the folder's current hash exists,
    /// otherwise read by <see cref="MultiSectorDatasetReader"/> (which validates it and reports bad input) and then cached.
    /// </summary>
    public static MultiSectorDataset ReadMultiSector(string directory) => ReadMultiSector(directory, Folder);

    /// <summary>As <see cref="ReadMultiSector(string)"/> with the cache in <paramref name="folder"/> (null: no cache).</summary>
    public static MultiSectorDataset ReadMultiSector(string directory, string? folder)
    {
        if (folder is null) return MultiSectorDatasetReader.Read(directory);
        var key = SourceKey(directory);
        if (key is null) return MultiSectorDatasetReader.Read(directory);
        var name = Path.GetFileName(Path.GetFullPath(directory).TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar));
        var entry = Path.Combine(folder, "datasets", $"{name}-{Convert.ToHexStringLower(key.AsSpan(0, 8))}.bin");
        if (MultiSectorBinaryFormat.TryRead(entry, key) is { } cached) return cached;
        var dataset = MultiSectorDatasetReader.Read(directory);
        MultiSectorBinaryFormat.TryWrite(entry, key, dataset, stalePrefix: name + "-");
        return dataset;
    }

    /// <summary>
    /// SHA-256 over this build's identity and every file under <paramref name="directory"/> (relative path, length,
    /// contents; ordinal order), or null when the folder cannot be cached safely: a manifest that names a file outside
    /// the folder ("..") would make the hash miss edits to that file.
    /// </summary>
    internal static byte[]? SourceKey(string directory)
    {
        var root = Path.GetFullPath(directory);
        var manifest = Path.Combine(root, "dataset.yaml");
        if (!File.Exists(manifest) || File.ReadAllText(manifest).Contains("..", StringComparison.Ordinal)) return null;
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(MultiSectorBinaryFormat.BuildIdentity);
        var files = Directory.GetFiles(root, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);
        var buffer = new byte[1 << 16];
        foreach (var relative in files)
        {
            using var stream = new FileStream(Path.Combine(root, relative), FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes(relative));
            hash.AppendData(BitConverter.GetBytes(stream.Length));
            int read;
            while ((read = stream.Read(buffer, 0, buffer.Length)) > 0) hash.AppendData(buffer, 0, read);
        }
        return hash.GetHashAndReset();
    }
}
