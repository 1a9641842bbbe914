using System.Reflection;
using System.Security.Cryptography;
using Parley.Models.Numerics;

namespace Parley;

/// <summary>
/// What produced an output: Parley version and commit, dataset and its vintage, every option, solver diagnostics,
/// the input file's checksum, machine and time. Written next to every result.
/// </summary>
/// <param name="Parley">Parley version, with the git commit after '+' when built from a clone.</param>
/// <param name="Command">The command or API call that ran.</param>
/// <param name="InputFile">Scenario file, if any.</param>
/// <param name="InputSha256">SHA-256 of the scenario file, if any.</param>
/// <param name="Dataset">Dataset name.</param>
/// <param name="DataVintage">Source and year of the data.</param>
/// <param name="Model">Model and variant.</param>
/// <param name="Options">Every option as name → value (units in the names).</param>
/// <param name="Solves">Solver diagnostics of every equilibrium solved.</param>
/// <param name="CreatedUtc">UTC time stamp (ISO 8601).</param>
/// <param name="Machine">OS, processor count and .NET runtime.</param>
public sealed record RunManifest(
    string Parley,
    string Command,
    string? InputFile,
    string? InputSha256,
    string Dataset,
    string DataVintage,
    string Model,
    IReadOnlyDictionary<string, string> Options,
    IReadOnlyList<SolverDiagnostics> Solves,
    string CreatedUtc,
    string Machine)
{
    /// <summary>Parley's version string, e.g. <c>0.1.0+9dca959e1f2a</c>.</summary>
    public static string ParleyVersion =>
        typeof(RunManifest).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    /// <summary>Describes the machine for benchmarks and manifests.</summary>
    public static string MachineDescription =>
        $"{System.Runtime.InteropServices.RuntimeInformation.OSDescription}; {Environment.ProcessorCount} cores; .NET {Environment.Version}";

    /// <summary>SHA-256 of a file as lower-case hex, or null when the file is absent.</summary>
    public static string? Sha256(string? path) =>
        path is not null && File.Exists(path) ? Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path))) : null;

    /// <summary>Current UTC time, ISO 8601.</summary>
    public static string Now => DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);
}
