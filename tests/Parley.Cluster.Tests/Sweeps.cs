using Parley.Application;
using Parley.Application.WorkItems;

namespace Parley.Cluster.Tests;

/// <summary>The sweeps the cluster tests run, and their results on this process's threads (the reference).</summary>
public static class Sweeps
{
    /// <summary>Repository root (the folder holding Parley.slnx).</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>examples/sweeps/us-japan-one-sector.yaml: 31 one-sector variants.</summary>
    public static string Example => Path.Combine(Root, "examples", "sweeps", "us-japan-one-sector.yaml");

    /// <summary>The spec of a sweep file, status quo pinned to a fixed day so every test agrees.</summary>
    public static WorkSweepSpec Spec(string path) => ScenarioSweepWork.Spec(path, today: new DateOnly(2025, 7, 1));

    /// <summary>The reference: every item on this process's threads.</summary>
    public static double[][] Local(WorkSweepSpec spec) => new LocalWorkExecutor().Run(WorkSweepKinds.Open(spec), null, CancellationToken.None);

    /// <summary>True when both results hold the same bits, item by item.</summary>
    public static bool SameBits(double[][] a, double[][] b) =>
        a.Length == b.Length && a.Zip(b).All(p => p.First.Length == p.Second.Length &&
            p.First.Zip(p.Second).All(q => BitConverter.DoubleToInt64Bits(q.First) == BitConverter.DoubleToInt64Bits(q.Second)));

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Parley.slnx"))) return dir.FullName;
        throw new DirectoryNotFoundException("Parley.slnx not found above " + AppContext.BaseDirectory);
    }
}
