// The application layer's negotiation job: load → price every package → bargain → manifest. Hosts (CLI, web) call this,
// never NegotiationAnalysis directly, so both report the same numbers with the same run manifest.
using System.Globalization;
using Parley.Negotiation;

namespace Parley.Application;

/// <summary>Options of a negotiation run.</summary>
public sealed record NegotiationRunOptions
{
    /// <summary>Re-price every package at other trade elasticities and weights. Default true.</summary>
    public bool Sensitivity { get; init; } = true;

    /// <summary>Package spaces up to this many packages are enumerated; larger ones are searched. Default 20,000 packages.</summary>
    public long EnumerationLimit { get; init; } = NegotiationAnalysis.DefaultEnumerationLimit;

    /// <summary>Largest package space analysed at all (CLI <c>--max-packages</c>); larger ones are refused before any solve. Default 100,000 packages.</summary>
    public long PackageLimit { get; init; } = NegotiationAnalysis.DefaultPackageLimit;

    /// <summary>Throws an input error (naming <paramref name="source"/>) when a value is out of range.</summary>
    public NegotiationRunOptions Validated(string source = "(command line)") => EnumerationLimit < 1
        ? throw new ParleyInputException(source, null, "--max-enumerate", EnumerationLimit.ToString(CultureInfo.InvariantCulture), "a positive number of packages")
        : PackageLimit < 1
            ? throw new ParleyInputException(source, null, "--max-packages", PackageLimit.ToString(CultureInfo.InvariantCulture), "a positive number of packages")
            : this;
}

/// <summary>Runs a negotiation file end to end.</summary>
public static class NegotiationRunner
{
    /// <summary>Reads a negotiation file (YAML); every error names file, line, field, value and expectation.</summary>
    public static NegotiationSpec Load(string path) => NegotiationFile.Read(path);

    /// <summary>Reads negotiation YAML given as text (an HTTP body or upload); <paramref name="name"/> names it in errors.</summary>
    public static NegotiationSpec LoadText(string yaml, string name = "negotiation.yaml") => NegotiationFile.ReadText(yaml, name);

    /// <summary>Prices the packages and computes the bargaining analysis. <paramref name="progress"/> gets (done, total).</summary>
    public static NegotiationResult Run(NegotiationSpec spec, NegotiationRunOptions? options = null, Action<int, int>? progress = null)
    {
        var o = (options ?? new NegotiationRunOptions()).Validated();
        return NegotiationAnalysis.Run(spec, progress, o.Sensitivity, o.EnumerationLimit, o.PackageLimit);
    }

    /// <summary>The run manifest carried by every output of a negotiation run.</summary>
    public static RunManifest Manifest(NegotiationResult r, string command) => new(RunManifest.ParleyVersion, command, r.Spec.SourceFile,
        RunManifest.Sha256(r.Spec.SourceFile), r.Dataset, r.Spec.Baseline.Dataset, r.Spec.Baseline.Model.ToString(),
        new Dictionary<string, string>
        {
            ["packages"] = r.Packages.Count.ToString(CultureInfo.InvariantCulture),
            ["deadline_rounds"] = r.Spec.Deadline.ToString(CultureInfo.InvariantCulture),
        },
        [r.BaselineDiagnostics], RunManifest.Now, RunManifest.MachineDescription);
}
