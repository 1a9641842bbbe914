// Why this type exists: `--out` folders are the one place Parley writes into a folder the user names, so it is where a
// bug costs the user's own files. The rules (decision 0009):
//  - Parley's run is recognised only by its manifest.json: a "written_by": "parley" marker and a list of every file it
//    wrote with its SHA-256. A folder may be reused only if it is new or empty, or if that manifest is present and every
//    other entry in the folder is listed in it with a matching hash. Anything else (a user's own manifest.json, an edited
//    or added file, a subfolder) blocks the run with an input error naming the entry.
//  - Symbolic links are never followed: a linked --out folder, or a link inside it, is refused.
//  - A run writes into a temporary sibling folder; Commit swaps it into place at the end, so a failure half-way leaves
//    the old folder as it was and nothing half-written; the new folder holds only the new run (stale files go).
//  - Open checks all of this before any computing starts; Commit checks again before replacing anything.
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Parley.Reports.Internals;

namespace Parley.Reports;

/// <summary>
/// A staged output run into a user-named folder: <see cref="Open"/> checks the folder and creates a temporary sibling,
/// files are written into <see cref="Staging"/>, and <see cref="Commit"/> writes the manifest (listing every file with
/// its SHA-256) and moves the run into place. Disposing without committing removes the temporary folder and leaves the
/// target untouched.
/// </summary>
public sealed class OutputDirectory : IDisposable
{
    /// <summary>Name of the manifest file every Parley output folder holds.</summary>
    public const string ManifestFile = "manifest.json";

    /// <summary>Manifest field that marks a folder as written by Parley.</summary>
    public const string MarkerField = "written_by";

    /// <summary>Value of <see cref="MarkerField"/>.</summary>
    public const string MarkerValue = "parley";

    /// <summary>Manifest field listing every file of the run as <c>{ "name", "sha256" }</c> objects.</summary>
    public const string FilesField = "files";

    private readonly string _option;
    private bool _committed;

    private OutputDirectory(string argument, string option, string target, string staging)
    {
        Argument = argument;
        _option = option;
        Target = target;
        Staging = staging;
    }

    /// <summary>The folder as the user gave it.</summary>
    public string Argument { get; }

    /// <summary>Full path of the target folder.</summary>
    public string Target { get; }

    /// <summary>Full path of the temporary folder the run writes into (a hidden sibling of <see cref="Target"/>).</summary>
    public string Staging { get; }

    /// <summary>
    /// Checks that <paramref name="directory"/> may receive a Parley run (new, empty, or an unmodified earlier Parley
    /// run; no symbolic links) and creates the temporary sibling folder. Throws <see cref="ParleyInputException"/>
    /// naming the blocking entry otherwise. Call before computing.
    /// </summary>
    /// <param name="directory">Folder given by the user.</param>
    /// <param name="option">Option name for error messages (default <c>--out</c>).</param>
    public static OutputDirectory Open(string directory, string option = "--out")
    {
        var target = FolderGuard.FullPath(directory, option);
        FolderGuard.CheckReusable(directory, option, target);
        var parent = Path.GetDirectoryName(target)
            ?? throw new ParleyInputException("(command line)", null, option, directory, "a folder below the file-system root");
        var staging = Path.Combine(parent, "." + Path.GetFileName(target) + ".parley-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            Directory.CreateDirectory(parent);
            Directory.CreateDirectory(staging);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ParleyInputException("(command line)", null, option, directory, $"a folder Parley can create and write ({e.Message})");
        }
        var earlier = Directory.Exists(target) ? Directory.EnumerateFileSystemEntries(target).Count() : 0;
        return new OutputDirectory(directory, option, target, staging) { EarlierRunEntries = earlier };
    }

    /// <summary>
    /// Entries of the earlier Parley run that the target folder held when it was opened (0 for a new or empty folder).
    /// The commit replaces exactly those, and hosts say so.
    /// </summary>
    public int EarlierRunEntries { get; private init; }

    /// <summary>One line for hosts: which files were written where, and whether an earlier Parley run was replaced.</summary>
    public string Summary(IEnumerable<string> files) =>
        $"Wrote {string.Join(", ", files)} to {Target}" +
        (EarlierRunEntries > 0 ? $" (replacing the earlier Parley run there: {EarlierRunEntries} file{(EarlierRunEntries == 1 ? "" : "s")}, all checked unmodified)" : "");

    /// <summary>Path of <paramref name="name"/> inside <see cref="Staging"/>.</summary>
    public string PathOf(string name) => Path.Combine(Staging, name);

    /// <summary>Writes a text file (UTF-8) into the run.</summary>
    public void WriteText(string name, string text) => File.WriteAllText(PathOf(name), text);

    /// <summary>
    /// Writes <paramref name="manifest"/> (serialised with <see cref="ScenarioReport.Json"/>, plus the marker and the
    /// hash of every file in the run) and moves the run into place. Returns the target's full path.
    /// Unless <paramref name="workbook"/> is false (a dataset folder, not a run's results), the run's CSV files and
    /// the manifest are first also written as <see cref="RunWorkbook.FileName"/>, which the manifest then lists.
    /// </summary>
    public string Commit(object manifest, bool workbook = true)
    {
        ObjectDisposedException.ThrowIf(_committed, this);
        var node = JsonSerializer.SerializeToNode(manifest, ScenarioReport.Json) as JsonObject
            ?? throw new ArgumentException("The manifest must serialise to a JSON object.", nameof(manifest));
        var document = new JsonObject { [MarkerField] = MarkerValue };
        foreach (var (key, value) in node) document[key] = value?.DeepClone();
        if (workbook) RunWorkbook.Write(Staging, document);
        var files = Directory.EnumerateFileSystemEntries(Staging).Select(p => Path.GetFileName(p)).Where(n => n != ManifestFile)
            .Order(StringComparer.Ordinal).ToArray();
        document[FilesField] = new JsonArray(files.Select(f => (JsonNode)new JsonObject { ["name"] = f, ["sha256"] = Sha256(PathOf(f)) }).ToArray());
        File.WriteAllText(PathOf(ManifestFile), document.ToJsonString(ScenarioReport.Json));
        FolderGuard.CheckReusable(Argument, _option, Target); // the folder may have changed while Parley computed
        FolderGuard.Swap(Staging, Target);
        _committed = true;
        return Target;
    }

    /// <summary>Removes the temporary folder unless the run was committed.</summary>
    public void Dispose()
    {
        if (_committed) return;
        _committed = true;
        try { if (Directory.Exists(Staging)) Directory.Delete(Staging, recursive: true); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
    }

    /// <summary>SHA-256 of a file as lower-case hex.</summary>
    public static string Sha256(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
