// The application job behind `parley data import`: stage the output folder (OutputDirectory: never over a user's
// files), import into the staging folder, read the result back with the reader every verb uses (so a folder that is
// committed is one that `dataset: DIR` accepts), then commit with a manifest that names every source and its SHA-256.
using Parley.Data;
using Parley.Data.Import;
using Parley.Reports;

namespace Parley.Application;

/// <summary>Imports user data into a dataset folder that every verb reads (docs/data-import.md).</summary>
public static class DatasetImport
{
    /// <summary>The manifest written into an imported folder.</summary>
    /// <param name="Parley">Parley version.</param>
    /// <param name="Command">The command that ran.</param>
    /// <param name="Kind"><c>one-sector</c> or <c>multi-sector</c>.</param>
    /// <param name="Sources">Every source file with its SHA-256.</param>
    /// <param name="Summary">Counts and totals (units in the names).</param>
    /// <param name="ReadBack">What the dataset reader found in the written folder.</param>
    /// <param name="CreatedUtc">UTC time stamp (ISO 8601).</param>
    /// <param name="Machine">OS, processor count and .NET runtime.</param>
    public sealed record Manifest(string Parley, string Command, string Kind, IReadOnlyList<ImportSource> Sources,
        IReadOnlyDictionary<string, string> Summary, string ReadBack, string CreatedUtc, string Machine);

    /// <summary>What an import produced: the committed folder, the summary and the reader's description of it.</summary>
    public sealed record Outcome(string Folder, ImportSummary Summary, string ReadBack);

    /// <summary>Imports one-sector data into <paramref name="outDir"/>.</summary>
    public static Outcome OneSector(OneSectorImportFiles files, string outDir, string command, ImportOptions? options = null) =>
        Run(outDir, command, staging => OneSectorImport.Write(files, staging, options), staging =>
        {
            var d = WorldDatasetReader.ReadDirectory(staging);
            return $"WorldDatasetReader.ReadDirectory: {d.Countries.Count} countries, {d.Countries.GroupNames.Count()} groups, " +
                   $"tariffs {(d.AnnouncedUsTariffs is null ? "none" : "given")}";
        });

    /// <summary>Imports a multi-sector table into <paramref name="outDir"/>.</summary>
    public static Outcome MultiSector(MultiSectorImportFiles files, string outDir, string command, ImportOptions? options = null)
    {
        // The dataset's name defaults to the target folder's, not the temporary staging folder's.
        var named = (options ?? new ImportOptions()) is { Name: null } o
            ? o with { Name = Path.GetFileName(Path.GetFullPath(outDir).TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar)) }
            : options!;
        return Run(outDir, command, staging => MultiSectorImport.Write(files, staging, named), staging =>
        {
            var d = MultiSectorDatasetReader.Read(staging);
            return $"MultiSectorDatasetReader.Read: {d.N} regions × {d.J} sectors, money unit {d.MoneyUnit}, base tariffs {d.BaseTariffs}";
        });
    }

    private static Outcome Run(string outDir, string command, Func<string, ImportSummary> write, Func<string, string> readBack)
    {
        using var output = OutputDirectory.Open(outDir); // checked before any input is read
        var summary = write(output.Staging);
        string check;
        try
        {
            check = readBack(output.Staging);
        }
        catch (ParleyInputException e) // name the file where it would have been, not the temporary folder
        {
            throw new ParleyInputException(e.File.Replace(output.Staging, output.Target, StringComparison.Ordinal), e.LineNumber, e.Field, e.Value, e.Expected);
        }
        var manifest = new Manifest(RunManifest.ParleyVersion, command, summary.Kind, summary.Sources, summary.Counts, check,
            RunManifest.Now, RunManifest.MachineDescription);
        return new Outcome(output.Commit(manifest, workbook: false), summary, check); // a dataset folder: no workbook
    }
}
