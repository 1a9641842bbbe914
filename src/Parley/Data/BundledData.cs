namespace Parley.Data;

/// <summary>
/// The datasets shipped in the repository's <c>data/</c> folder (copied next to every build output).
/// </summary>
public static class BundledData
{
    /// <summary>Name of the default one-sector world dataset.</summary>
    public const string World2023Name = "world-2023";

    /// <summary>Name of the default multi-sector world dataset (WIOD 2011, 41 regions × 35 sectors).</summary>
    public const string Wiod2011Name = "wiod-2011";

    /// <summary>Name of the multi-sector world of 2022 (WIOD 2011 structure updated by GRAS to ADB MRIO 2022; data/world-2022).</summary>
    public const string World2022Name = "world-2022";

    /// <summary>Name of the Caliendo–Parro NAFTA dataset (31 regions × 40 sectors, 1993).</summary>
    public const string Cp2015Name = "cp2015-nafta";

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<MultiSectorDataset>> s_multi = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>A bundled multi-sector dataset by name (read once per process, through the binary <see cref="DatasetCache"/>),
    /// or null when no such bundled dataset exists.</summary>
    public static MultiSectorDataset? MultiSector(string name)
    {
        if (!name.Equals(Wiod2011Name, StringComparison.OrdinalIgnoreCase) && !name.Equals(World2022Name, StringComparison.OrdinalIgnoreCase)
            && !name.Equals(Cp2015Name, StringComparison.OrdinalIgnoreCase)) return null;
        return s_multi.GetOrAdd(name, key => new Lazy<MultiSectorDataset>(() => DatasetCache.ReadMultiSector(Path.Combine(Root, key.ToLowerInvariant())))).Value;
    }

    private static readonly Lazy<WorldDataset> s_world2023 = new(() => WorldDatasetReader.ReadDirectory(
        Path.Combine(Root, World2023Name), World2023Name,
        "BACI 2023 goods trade (CEPII, HS22 V202501), WDI GDP (update 2025-03-24), USTR reciprocal tariffs of 2025-04-02; via Ignatenko et al. (2025) replication package"));

    /// <summary>The <c>data/</c> folder: next to the running assembly, else the nearest one above the working directory.</summary>
    public static string Root
    {
        get
        {
            var beside = Path.Combine(AppContext.BaseDirectory, "data");
            if (Directory.Exists(Path.Combine(beside, World2023Name))) return beside;
            for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "data");
                if (Directory.Exists(Path.Combine(candidate, World2023Name))) return candidate;
            }
            throw new DirectoryNotFoundException("Parley's bundled data/ folder was not found next to the program or above the working directory.");
        }
    }

    /// <summary>The 194-country 2023 world dataset (read once, then cached).</summary>
    public static WorldDataset World2023 => s_world2023.Value;

    /// <summary>Reads a bundled dataset by name, or a dataset directory by path.</summary>
    public static WorldDataset Load(string nameOrPath) =>
        nameOrPath.Equals(World2023Name, StringComparison.OrdinalIgnoreCase)
            ? World2023
            : WorldDatasetReader.ReadDirectory(nameOrPath);
}
