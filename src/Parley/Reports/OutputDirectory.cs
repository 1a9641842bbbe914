namespace Parley.Reports;

/// <summary>
/// Guards an output folder so nothing a user wrote is overwritten: Parley writes into a new or empty folder, or into a
/// folder that holds only files of an earlier Parley run (recognised by its <c>manifest.json</c>).
/// </summary>
public static class OutputDirectory
{
    /// <summary>Name of the manifest file every Parley output folder holds.</summary>
    public const string ManifestFile = "manifest.json";

    /// <summary>Creates or checks <paramref name="directory"/> for the given file names; throws an input error otherwise.</summary>
    public static string Prepare(string directory, IReadOnlyCollection<string> files)
    {
        var full = Path.GetFullPath(directory);
        if (File.Exists(full))
            throw new ParleyInputException(directory, null, "--out", directory, "a directory, not an existing file");
        if (!Directory.Exists(full))
        {
            Directory.CreateDirectory(full);
            return full;
        }
        var present = Directory.EnumerateFileSystemEntries(full).Select(Path.GetFileName).ToArray();
        if (present.Length == 0) return full;
        var ours = present.Contains(ManifestFile) && present.All(p => p is not null && (files.Contains(p) || p == ManifestFile));
        if (!ours)
            throw new ParleyInputException(directory, null, "--out", directory,
                "a new or empty directory, or one holding only an earlier Parley run (it has files Parley did not write: " +
                string.Join(", ", present.Where(p => p is not null && !files.Contains(p)).Take(5)) + ")");
        return full;
    }
}
