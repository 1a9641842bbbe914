// The application job behind `parley data build-cp2015-elasticities`: read Caliendo & Parro's estimation files with
// their sample (Cp2015ElasticitySource), run the triad regression of every sector (TradeElasticityTriads,
// docs/models/uncertainty.md (U-15)–(U-17)), and write the table Parley's uncertainty draws read
// (data/trade-elasticity-se/cp2015_table1.csv) into a staged output folder with a manifest naming every source file and
// its SHA-256. `theta` and `std_error` are rounded to two decimals as CP's Table 1 prints them (and as the datasets carry
// θ); the unrounded values travel alongside.
using System.Globalization;
using Parley.Data.Build;
using Parley.Data.Import;
using Parley.Internals;
using Parley.Models.Estimation;
using Parley.Reports;

namespace Parley.Application;

/// <summary>Recomputes CP (2015) Table 1 (sector θ and standard errors) from CP's replication files.</summary>
public static class TradeElasticityBuild
{
    /// <summary>Name of the table written (and bundled in data/trade-elasticity-se).</summary>
    public const string TableFile = "cp2015_table1.csv";

    /// <summary>Columns of the table.</summary>
    public static readonly IReadOnlyList<string> Header =
    [
        "cp_sector", "theta", "std_error", "observations", "countries", "theta_estimate", "std_error_estimate",
        "theta_with_effects", "std_error_with_effects",
    ];

    /// <summary>The manifest written next to the table.</summary>
    /// <param name="Parley">Parley version.</param>
    /// <param name="Command">The command that ran.</param>
    /// <param name="Sources">Every input file with its SHA-256.</param>
    /// <param name="Sectors">Sectors estimated.</param>
    /// <param name="CreatedUtc">UTC time stamp (ISO 8601).</param>
    /// <param name="Machine">OS, processor count and .NET runtime.</param>
    public sealed record Manifest(string Parley, string Command, IReadOnlyList<ImportSource> Sources, int Sectors, string CreatedUtc, string Machine);

    /// <summary>What a build produced: the committed folder and the estimates.</summary>
    public sealed record Outcome(string Folder, IReadOnlyList<TradeElasticityEstimate> Estimates);

    /// <summary>Estimates every sector of <paramref name="samplePath"/> from the files in <paramref name="source"/>.</summary>
    public static IReadOnlyList<TradeElasticityEstimate> Estimate(string source, string samplePath) =>
        Cp2015ElasticitySource.Read(source, samplePath).Select(TradeElasticityTriads.Estimate).ToArray();

    /// <summary>Estimates and writes the table into <paramref name="outDir"/> (new, empty or an earlier build).</summary>
    public static Outcome Run(string source, string samplePath, string outDir, string command)
    {
        using var output = OutputDirectory.Open(outDir); // before the work, not after
        var estimates = Estimate(source, samplePath);
        Write(Path.Combine(output.Staging, TableFile), estimates);
        var sources = Cp2015ElasticitySource.Files.Select(f => Path.Combine(source, f)).Append(samplePath)
            .Select(p => new ImportSource(Path.GetFileName(p), Path.GetFullPath(p), OutputDirectory.Sha256(p))).ToArray();
        var manifest = new Manifest(RunManifest.ParleyVersion, command, sources, estimates.Count, RunManifest.Now, RunManifest.MachineDescription);
        return new Outcome(output.Commit(manifest, workbook: false), estimates); // a data folder: its CSV is the data
    }

    /// <summary>Writes the table (one row per sector, in sector order).</summary>
    public static void Write(string path, IReadOnlyList<TradeElasticityEstimate> estimates) =>
        CsvOutput.File(path, Header, estimates.OrderBy(e => e.Index).Select(e => (IReadOnlyList<string>)
        [
            e.Name, Table(e.Theta), Table(e.StdError), CsvOutput.Number(e.Observations), CsvOutput.Number(e.Countries),
            Exact(e.Theta), Exact(e.StdError), Exact(e.ThetaWithEffects), Exact(e.StdErrorWithEffects),
        ]));

    /// <summary>Two decimals, as CP's Table 1 prints them.</summary>
    public static string Table(double v) => Math.Round(v, 2, MidpointRounding.AwayFromZero).ToString("0.00", CultureInfo.InvariantCulture);

    private static string Exact(double v) => v.ToString("R", CultureInfo.InvariantCulture);
}
