using System.Text.Json;

namespace Parley.Reports.Internals;

/// <summary>The checks and the final move behind <see cref="OutputDirectory"/> (rules in its file header).</summary>
internal static class FolderGuard
{
    private const long MaxManifestBytes = 16 << 20;

    /// <summary>Full path of a user-given folder, without a trailing separator; an input error for unusable paths.</summary>
    public static string FullPath(string directory, string option)
    {
        if (string.IsNullOrWhiteSpace(directory) || directory.Contains('\0'))
            throw new ParleyInputException("(command line)", null, option, directory.Replace("\0", "\\0"), "a folder path");
        try
        {
            return Path.TrimEndingDirectorySeparator(Path.GetFullPath(directory));
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException or IOException)
        {
            throw new ParleyInputException("(command line)", null, option, directory, $"a valid folder path ({e.Message})");
        }
    }

    /// <summary>A symbolic link (also a dangling one) at <paramref name="path"/>.</summary>
    public static bool IsLink(string path)
    {
        var info = new FileInfo(path);
        return info.LinkTarget is not null || (info.Exists || Directory.Exists(path)) && File.GetAttributes(path).HasFlag(FileAttributes.ReparsePoint);
    }

    /// <summary>Throws unless <paramref name="target"/> is absent, empty, or an unmodified earlier Parley run without links.</summary>
    public static void CheckReusable(string argument, string option, string target)
    {
        if (IsLink(target))
            throw Refused(argument, option, "a real folder, not a symbolic link (Parley never writes through links)");
        if (File.Exists(target))
            throw Refused(argument, option, "a folder, not an existing file");
        if (!Directory.Exists(target)) return;
        var entries = Directory.EnumerateFileSystemEntries(target).Select(p => Path.GetFileName(p)).Order(StringComparer.Ordinal).ToArray();
        if (entries.Length == 0) return;
        foreach (var name in entries)
        {
            var path = Path.Combine(target, name);
            if (IsLink(path)) throw Blocked(argument, option, name, "is a symbolic link (Parley never writes through links)");
            if (Directory.Exists(path)) throw Blocked(argument, option, name, "is a folder Parley did not write");
        }
        if (!entries.Contains(OutputDirectory.ManifestFile))
            throw Blocked(argument, option, entries[0], "was not written by Parley (the folder has no Parley manifest.json)");
        var listed = ReadManifest(argument, option, Path.Combine(target, OutputDirectory.ManifestFile));
        foreach (var name in entries.Where(n => n != OutputDirectory.ManifestFile))
        {
            if (!listed.TryGetValue(name, out var hash))
                throw Blocked(argument, option, name, "was not written by Parley (not listed in its manifest.json)");
            if (!string.Equals(hash, OutputDirectory.Sha256(Path.Combine(target, name)), StringComparison.OrdinalIgnoreCase))
                throw Blocked(argument, option, name, "was changed after Parley wrote it (its SHA-256 differs from manifest.json)");
        }
    }

    /// <summary>File name → SHA-256 from a Parley manifest; an input error when the manifest is not Parley's.</summary>
    private static Dictionary<string, string> ReadManifest(string argument, string option, string path)
    {
        var notOurs = () => Blocked(argument, option, OutputDirectory.ManifestFile,
            $"is not a Parley run manifest (no \"{OutputDirectory.MarkerField}\": \"{OutputDirectory.MarkerValue}\" with a list of files and SHA-256 hashes)");
        if (new FileInfo(path).Length > MaxManifestBytes) throw notOurs();
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllBytes(path));
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty(OutputDirectory.MarkerField, out var marker) || marker.ValueKind != JsonValueKind.String
                || marker.GetString() != OutputDirectory.MarkerValue
                || !root.TryGetProperty(OutputDirectory.FilesField, out var files) || files.ValueKind != JsonValueKind.Array)
                throw notOurs();
            var listed = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var f in files.EnumerateArray())
            {
                if (f.ValueKind != JsonValueKind.Object || !f.TryGetProperty("name", out var n) || n.ValueKind != JsonValueKind.String
                    || !f.TryGetProperty("sha256", out var h) || h.ValueKind != JsonValueKind.String)
                    throw notOurs();
                listed[n.GetString()!] = h.GetString()!;
            }
            return listed;
        }
        catch (JsonException) { throw notOurs(); }
    }

    /// <summary>Moves <paramref name="staging"/> to <paramref name="target"/>, replacing an earlier (checked) run.</summary>
    public static void Swap(string staging, string target)
    {
        if (!Directory.Exists(target))
        {
            Directory.Move(staging, target);
            return;
        }
        var old = staging + "-old";
        try
        {
            Directory.Move(target, old);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            ReplaceInPlace(staging, target); // the folder itself cannot move (mount point, open elsewhere): file by file
            return;
        }
        try
        {
            Directory.Move(staging, target);
        }
        catch
        {
            Directory.Move(old, target);
            throw;
        }
        Directory.Delete(old, recursive: true);
    }

    private static void ReplaceInPlace(string staging, string target)
    {
        foreach (var entry in Directory.EnumerateFiles(target)) File.Delete(entry);
        foreach (var file in Directory.EnumerateFiles(staging)) File.Move(file, Path.Combine(target, Path.GetFileName(file)));
        Directory.Delete(staging, recursive: true);
    }

    private static ParleyInputException Refused(string argument, string option, string expected) =>
        new("(command line)", null, option, argument, expected);

    private static ParleyInputException Blocked(string argument, string option, string entry, string reason) =>
        new(Path.Combine(argument, entry), null, option, argument,
            $"a new or empty folder, or an unmodified earlier Parley run: '{entry}' {reason}; move it away or choose another folder");
}
