using System.Text.Json;
using Parley.Reports;
using Parley.Tests.Cli;
using Xunit;

namespace Parley.Tests.Reports;

/// <summary>
/// The --out guard (decision 0009): Parley reuses a folder only when it is new, empty or an unmodified earlier Parley
/// run (a manifest.json with its marker and every file's SHA-256); it never writes through links; a run is staged in
/// a temporary sibling and moved into place at the end.
/// </summary>
public class OutputDirectoryTests
{
    private static string Example(string name) => Path.Combine(AppContext.BaseDirectory, "examples", name);

    private static Dictionary<string, string> Snapshot(string dir) =>
        Directory.EnumerateFileSystemEntries(dir).ToDictionary(p => Path.GetFileName(p), p => File.Exists(p) ? File.ReadAllText(p) : "(folder)");

    private static string[] Siblings(string dir) =>
        Directory.GetFileSystemEntries(Path.GetDirectoryName(dir)!).Select(p => Path.GetFileName(p)).Where(n => n != Path.GetFileName(dir)).ToArray();

    private static void WriteRun(string dir, params (string Name, string Text)[] files)
    {
        using var output = OutputDirectory.Open(dir);
        foreach (var (name, text) in files) output.WriteText(name, text);
        output.Commit(new { command = "test" });
    }

    [Fact]
    public void A_users_own_manifest_json_does_not_make_the_folder_Parleys()
    {
        using var tmp = new TempFolder();
        var dir = Path.Combine(tmp.Path, "mine");
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "manifest.json"), "{\"project\": \"my thesis\"}");
        File.WriteAllText(Path.Combine(dir, "countries.csv"), "my,own,data\n");
        var before = Snapshot(dir);

        var (code, _, err) = CliTests.Run("simulate", Example("liberation-day.yaml"), "--out", dir);

        Assert.Equal(2, code);
        Assert.Single(err.Trim().Split('\n'));
        Assert.Contains("manifest.json", err);
        Assert.Equal(before, Snapshot(dir));
        Assert.Empty(Siblings(dir));
    }

    [Fact]
    public void A_file_edited_after_Parley_wrote_it_blocks_the_rerun_and_is_kept()
    {
        using var tmp = new TempFolder();
        var dir = Path.Combine(tmp.Path, "run");
        Assert.Equal(0, CliTests.Run("simulate", Example("liberation-day.yaml"), "--out", dir).Code);
        File.AppendAllText(Path.Combine(dir, "summary.csv"), "my note\n");
        var before = Snapshot(dir);

        var (code, _, err) = CliTests.Run("simulate", Example("liberation-day.yaml"), "--out", dir);

        Assert.Equal(2, code);
        Assert.Contains("summary.csv", err);
        Assert.Contains("SHA-256", err);
        Assert.Equal(before, Snapshot(dir));
    }

    [Fact]
    public void A_file_added_to_an_earlier_run_blocks_the_rerun()
    {
        using var tmp = new TempFolder();
        var dir = Path.Combine(tmp.Path, "run");
        WriteRun(dir, ("a.csv", "x\n1\n"));
        File.WriteAllText(Path.Combine(dir, "notes.txt"), "mine");
        var e = Assert.Throws<ParleyInputException>(() => OutputDirectory.Open(dir));
        Assert.Contains("notes.txt", e.Message);
        Assert.Equal("mine", File.ReadAllText(Path.Combine(dir, "notes.txt")));
    }

    [Fact]
    public void A_manifest_of_an_older_Parley_without_file_hashes_is_not_trusted()
    {
        using var tmp = new TempFolder();
        var dir = Path.Combine(tmp.Path, "old");
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "manifest.json"), "{\"parley\": \"0.1.0\", \"command\": \"parley simulate x\"}");
        File.WriteAllText(Path.Combine(dir, "countries.csv"), "iso3\nUSA\n");
        var e = Assert.Throws<ParleyInputException>(() => OutputDirectory.Open(dir));
        Assert.Contains("manifest.json", e.Message);
    }

    [Fact]
    public void A_symbolic_link_as_the_out_folder_is_refused_and_its_target_untouched()
    {
        using var tmp = new TempFolder();
        var real = Path.Combine(tmp.Path, "real");
        Directory.CreateDirectory(real);
        File.WriteAllText(Path.Combine(real, "keep.txt"), "mine");
        var link = Path.Combine(tmp.Path, "link");
        Directory.CreateSymbolicLink(link, real);

        var (code, _, err) = CliTests.Run("simulate", Example("liberation-day.yaml"), "--out", link);

        Assert.Equal(2, code);
        Assert.Contains("symbolic link", err);
        Assert.Equal(["keep.txt"], Directory.GetFiles(real).Select(Path.GetFileName));
        Assert.Equal(["real", "link"], Directory.GetFileSystemEntries(tmp.Path).Select(Path.GetFileName).Order().Reverse());
    }

    [Fact]
    public void A_symbolic_link_inside_an_earlier_run_is_refused_not_written_through()
    {
        using var tmp = new TempFolder();
        var dir = Path.Combine(tmp.Path, "run");
        Assert.Equal(0, CliTests.Run("simulate", Example("liberation-day.yaml"), "--out", dir).Code);
        var precious = tmp.Write("precious.csv", "the user's file\n");
        File.Delete(Path.Combine(dir, "countries.csv"));
        File.CreateSymbolicLink(Path.Combine(dir, "countries.csv"), precious);

        var (code, _, err) = CliTests.Run("simulate", Example("liberation-day.yaml"), "--out", dir);

        Assert.Equal(2, code);
        Assert.Contains("countries.csv", err);
        Assert.Contains("symbolic link", err);
        Assert.Equal("the user's file\n", File.ReadAllText(precious));
    }

    [Fact]
    public void A_failure_half_way_leaves_the_earlier_run_intact_and_nothing_half_written_and_a_rerun_works()
    {
        using var tmp = new TempFolder();
        var dir = Path.Combine(tmp.Path, "run");
        WriteRun(dir, ("a.csv", "x\n1\n"), ("b.csv", "y\n2\n"));
        var before = Snapshot(dir);

        Assert.Throws<InvalidOperationException>((Action)(() =>
        {
            using var output = OutputDirectory.Open(dir);
            output.WriteText("a.csv", "x\n9\n");
            throw new InvalidOperationException("a writer failed after the first file");
        }));

        Assert.Equal(before, Snapshot(dir));
        Assert.Empty(Siblings(dir));
        WriteRun(dir, ("a.csv", "x\n3\n"));
        Assert.Equal(["a.csv", "manifest.json", "workbook.xlsx"], Directory.GetFiles(dir).Select(Path.GetFileName).Order());
    }

    [Fact]
    public void A_folder_changed_by_the_user_while_Parley_computes_is_not_replaced()
    {
        using var tmp = new TempFolder();
        var dir = Path.Combine(tmp.Path, "run");
        WriteRun(dir, ("a.csv", "x\n1\n"));
        using var output = OutputDirectory.Open(dir);
        output.WriteText("a.csv", "x\n2\n");
        File.WriteAllText(Path.Combine(dir, "late.txt"), "written during the run");
        var e = Assert.Throws<ParleyInputException>(() => output.Commit(new { command = "test" }));
        Assert.Contains("late.txt", e.Message);
        Assert.Equal("x\n1\n", File.ReadAllText(Path.Combine(dir, "a.csv")));
        output.Dispose();
        Assert.Empty(Siblings(dir));
    }

    [Fact]
    public void Stale_files_of_a_different_earlier_run_disappear()
    {
        using var tmp = new TempFolder();
        var dir = Path.Combine(tmp.Path, "run");
        Assert.Equal(0, CliTests.Run("simulate", Example("nafta-1993-2005.yaml"), "--out", dir).Code); // multi-sector: regions.csv, ...
        Assert.True(File.Exists(Path.Combine(dir, "regions.csv")));

        Assert.Equal(0, CliTests.Run("simulate", Example("liberation-day.yaml"), "--out", dir).Code);  // one-sector: countries.csv

        Assert.Equal(["countries.csv", "manifest.json", "report.html", "result.json", "status_quo.csv", "status_quo_partners.csv", "summary.csv", "workbook.xlsx"],
            Directory.GetFiles(dir).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "manifest.json")));
        Assert.Equal("parley", manifest.RootElement.GetProperty("written_by").GetString());
        var listed = manifest.RootElement.GetProperty("files").EnumerateArray()
            .ToDictionary(f => f.GetProperty("name").GetString()!, f => f.GetProperty("sha256").GetString());
        Assert.Equal(["countries.csv", "report.html", "result.json", "status_quo.csv", "status_quo_partners.csv", "summary.csv", "workbook.xlsx"], listed.Keys.Order(StringComparer.Ordinal));
        foreach (var (name, hash) in listed) Assert.Equal(OutputDirectory.Sha256(Path.Combine(dir, name)), hash);
        Assert.Empty(Siblings(dir));
    }

    [Fact]
    public void Rerunning_into_an_earlier_run_says_it_replaced_that_runs_files()
    {
        using var tmp = new TempFolder();
        var dir = Path.Combine(tmp.Path, "run");
        var first = CliTests.Run("simulate", Example("liberation-day.yaml"), "--out", dir);
        Assert.Equal(0, first.Code);
        Assert.DoesNotContain("replacing the earlier Parley run", first.Out);
        var files = Directory.GetFileSystemEntries(dir).Length;

        var again = CliTests.Run("simulate", Example("liberation-day.yaml"), "--out", dir);

        Assert.Equal(0, again.Code);
        Assert.Contains($"replacing the earlier Parley run there: {files} files", again.Out.Replace("\n", " "));
    }

    [Fact]
    public void The_out_folder_is_checked_before_computing()
    {
        using var tmp = new TempFolder();
        var dir = Path.Combine(tmp.Path, "mine");
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "notes.txt"), "mine");
        // One iteration cannot converge (exit 3): exit 2 shows the folder was refused before the solver ran.
        var (code, _, err) = CliTests.Run("simulate", Example("liberation-day.yaml"), "--max-iterations", "1", "--out", dir);
        Assert.Equal(2, code);
        Assert.Contains("notes.txt", err);
    }

    public static TheoryData<string[]> EveryOutCommand => new()
    {
        new[] { "simulate", Example("liberation-day.yaml") },
        new[] { "estimate", Example("gegravity-ppml.yaml") },
        new[] { "gravity", "simulate", Example("can-jpn-pta.yaml"), "--monte-carlo", "0" },
        new[] { "negotiate", Example("us-japan-2025.yaml"), "--no-sensitivity" },
        new[] { "data", "build-wiod", "--source", AppContext.BaseDirectory },
        new[] { "data", "build-cp2015-elasticities", "--source", AppContext.BaseDirectory },
    };

    [Theory]
    [MemberData(nameof(EveryOutCommand))]
    public void Every_out_option_refuses_a_users_folder_before_it_computes(string[] command)
    {
        using var tmp = new TempFolder();
        var dir = Path.Combine(tmp.Path, "mine");
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "manifest.json"), "{}");
        var (code, _, err) = CliTests.Run([.. command, "--out", dir]);
        Assert.True(code == 2, err);
        Assert.Contains("manifest.json", err);
        Assert.Equal("{}", File.ReadAllText(Path.Combine(dir, "manifest.json")));
        Assert.Empty(Siblings(dir));
    }

    [Theory]
    [InlineData("")]
    [InlineData("a\0b")]
    public void Unusable_paths_are_input_errors(string path) =>
        Assert.Throws<ParleyInputException>(() => OutputDirectory.Open(path));

    [Fact]
    public void An_existing_file_as_the_out_folder_is_refused()
    {
        using var tmp = new TempFolder();
        var file = tmp.Write("x.csv", "mine");
        Assert.Throws<ParleyInputException>(() => OutputDirectory.Open(file));
        Assert.Equal("mine", File.ReadAllText(file));
    }
}
