using Parley.Data;
using Parley.Data.Internals;
using Xunit;

namespace Parley.Tests.Data;

/// <summary>The binary dataset cache: the same dataset as the CSV files, rebuilt when they change, never trusted blindly.</summary>
public class DatasetCacheTests
{
    private static string CopyCp2015(TempFolder temp)
    {
        var target = Path.Combine(temp.Path, "cp2015-nafta");
        Directory.CreateDirectory(target);
        foreach (var f in Directory.GetFiles(Path.Combine(BundledData.Root, BundledData.Cp2015Name)))
            File.Copy(f, Path.Combine(target, Path.GetFileName(f)));
        return target;
    }

    private static string[] Entries(string cache) =>
        Directory.Exists(Path.Combine(cache, "datasets")) ? Directory.GetFiles(Path.Combine(cache, "datasets")) : [];

    private static void AssertSame(MultiSectorDataset expected, MultiSectorDataset actual)
    {
        Assert.Equal((expected.Name, expected.Title, expected.Vintage, expected.MoneyUnit, expected.BaseTariffs, expected.Notes),
            (actual.Name, actual.Title, actual.Vintage, actual.MoneyUnit, actual.BaseTariffs, actual.Notes));
        Assert.Equal(expected.Regions.Countries, actual.Regions.Countries);
        Assert.Equal(expected.Regions.GroupNames, actual.Regions.GroupNames);
        foreach (var g in expected.Regions.GroupNames) Assert.Equal(expected.Regions.Group(g), actual.Regions.Group(g));
        Assert.Equal(expected.Sectors, actual.Sectors);
        Assert.Equal(expected.TariffSets.Keys, actual.TariffSets.Keys);
        // Element by element (ImmutableArray's own Equals compares the arrays' identity).
        foreach (var (name, set) in expected.TariffSets) Assert.Equal(set.ToArray(), actual.TariffSets[name].ToArray());
        Assert.Equal(expected.Flows.ToArray(), actual.Flows.ToArray());
        Assert.Equal(expected.ValueAddedShare.ToArray(), actual.ValueAddedShare.ToArray());
        Assert.Equal(expected.InputShares.ToArray(), actual.InputShares.ToArray());
        Assert.Equal(expected.FinalShares.ToArray(), actual.FinalShares.ToArray());
        Assert.Equal(expected.ValueAdded.ToArray(), actual.ValueAdded.ToArray());
        Assert.Equal(expected.Deficits.ToArray(), actual.Deficits.ToArray());
    }

    [Theory]
    [InlineData(BundledData.Cp2015Name)]
    [InlineData(BundledData.Wiod2011Name)]  // with country groups
    public void A_cached_read_gives_exactly_the_dataset_of_the_csv_files(string name)
    {
        using var cache = new TempFolder();
        var directory = Path.Combine(BundledData.Root, name);
        var fromCsv = MultiSectorDatasetReader.Read(directory);
        var first = DatasetCache.ReadMultiSector(directory, cache.Path);   // builds the entry
        var entry = Assert.Single(Entries(cache.Path));
        var second = DatasetCache.ReadMultiSector(directory, cache.Path);  // reads it
        AssertSame(fromCsv, first);
        AssertSame(fromCsv, second);
        Assert.Equal(entry, Assert.Single(Entries(cache.Path)));
    }

    [Fact]
    public void An_edited_source_file_is_read_again_into_a_new_entry()
    {
        using var temp = new TempFolder();
        using var cache = new TempFolder();
        var directory = CopyCp2015(temp);
        var before = DatasetCache.ReadMultiSector(directory, cache.Path);
        var oldEntry = Assert.Single(Entries(cache.Path));
        var deficits = Path.Combine(directory, "region_totals_1993.csv");
        var lines = File.ReadAllLines(deficits);
        File.WriteAllLines(deficits, lines.Append(lines[1])); // a duplicate row: same values, different bytes
        var after = DatasetCache.ReadMultiSector(directory, cache.Path);
        Assert.Equal(2, Entries(cache.Path).Length);
        Assert.Contains(oldEntry, Entries(cache.Path));
        AssertSame(before, after);
        File.WriteAllText(Path.Combine(directory, "regions.csv"), "region,iso3\nMexico,MEX\n"); // now invalid input
        var error = Assert.Throws<ParleyInputException>(() => DatasetCache.ReadMultiSector(directory, cache.Path));
        Assert.Contains("a region listed in regions.csv", error.Message); // the reader's own error, not a stale copy
    }

    [Fact]
    public void Each_dataset_keeps_its_most_recent_entries_only()
    {
        using var temp = new TempFolder();
        using var cache = new TempFolder();
        var directory = CopyCp2015(temp);
        var notes = Path.Combine(directory, "PROVENANCE.md"); // any file of the folder is part of the key
        var written = new List<string>();
        for (var k = 0; k < MultiSectorBinaryFormat.EntriesPerDataset + 2; k++)
        {
            File.AppendAllText(notes, $"\nedit {k}");
            DatasetCache.ReadMultiSector(directory, cache.Path);
            var entries = Entries(cache.Path);
            written.Add(entries.OrderByDescending(File.GetLastWriteTimeUtc).First());
            foreach (var e in entries) File.SetLastWriteTimeUtc(e, File.GetLastWriteTimeUtc(e).AddSeconds(-1)); // distinct times
        }
        Assert.Equal(written.TakeLast(MultiSectorBinaryFormat.EntriesPerDataset).Order(), Entries(cache.Path).Order());
    }

    [Fact]
    public void A_damaged_entry_is_not_used_and_is_rebuilt()
    {
        using var cache = new TempFolder();
        var directory = Path.Combine(BundledData.Root, BundledData.Cp2015Name);
        var expected = DatasetCache.ReadMultiSector(directory, cache.Path);
        var entry = Assert.Single(Entries(cache.Path));
        var bytes = File.ReadAllBytes(entry);
        File.WriteAllBytes(entry, bytes[..(bytes.Length / 2)]); // truncated
        AssertSame(expected, DatasetCache.ReadMultiSector(directory, cache.Path));
        Assert.Equal(bytes, File.ReadAllBytes(entry));
    }

    [Fact]
    public void A_cache_folder_that_cannot_be_written_only_costs_the_csv_read()
    {
        using var temp = new TempFolder();
        var notAFolder = temp.Write("file-in-the-way", "x");
        var directory = Path.Combine(BundledData.Root, BundledData.Cp2015Name);
        AssertSame(MultiSectorDatasetReader.Read(directory), DatasetCache.ReadMultiSector(directory, notAFolder));
    }

    [Fact]
    public void A_manifest_naming_files_outside_its_folder_is_never_cached()
    {
        using var temp = new TempFolder();
        using var cache = new TempFolder();
        var directory = CopyCp2015(temp);
        var manifest = Path.Combine(directory, "dataset.yaml");
        File.Move(Path.Combine(directory, "regions.csv"), Path.Combine(temp.Path, "regions.csv"));
        File.WriteAllText(manifest, File.ReadAllText(manifest).Replace("regions.csv", "../regions.csv"));
        DatasetCache.ReadMultiSector(directory, cache.Path);
        Assert.Empty(Entries(cache.Path));
    }

    [Theory]
    [InlineData("/tmp/c", null, "/home/u", null, "/tmp/c")]
    [InlineData("off", "/x", "/home/u", null, null)]
    [InlineData(null, "/x/cache", "/home/u", null, "/x/cache/parley")]
    [InlineData(null, "relative", "/home/u", null, "/home/u/.cache/parley")]  // XDG requires an absolute path
    [InlineData(null, null, "/home/u", null, "/home/u/.cache/parley")]
    [InlineData(null, null, "", null, null)]
    public void The_cache_folder_follows_PARLEY_CACHE_DIR_then_XDG_then_home(string? configured, string? xdg, string? home, string? windows, string? expected)
    {
        Assert.Equal(expected, DatasetCache.ResolveFolder(configured, xdg, home, windows));
    }
}
