using Parley.Application;
using System.Text.RegularExpressions;
using Parley.Scenarios;
using Xunit;

namespace Parley.Tests;

/// <summary>The README's promises, checked: quick start, the example scenario, the CI script.</summary>
public partial class ReadmeTests
{
    private static string RepoFile(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Parley.slnx"))) return Path.Combine(dir.FullName, name);
        throw new FileNotFoundException("repository root not found");
    }

    private static string Readme => File.ReadAllText(RepoFile("README.md"));

    [GeneratedRegex("```(\\w+)\\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex CodeBlock();

    [Fact]
    public void Quick_start_is_exactly_two_commands_and_CI_runs_the_test_command()
    {
        var quick = Readme[Readme.IndexOf("## Quick start", StringComparison.Ordinal)..];
        var block = CodeBlock().Match(quick);
        var commands = block.Groups[2].Value.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["dotnet run --project src/Parley.Cli -- demo", "dotnet test"], commands);
        var ci = File.ReadAllText(RepoFile(".ci/run"));
        Assert.Contains("\ndotnet test\n", ci);
        Assert.Contains("dotnet run --project src/Parley.Cli -- demo", ci);
    }

    [Fact]
    public void README_scenario_examples_parse_and_run()
    {
        var blocks = CodeBlock().Matches(Readme).Where(m => m.Groups[1].Value == "yaml").Select(m => m.Groups[2].Value).ToList();
        Assert.Equal(3, blocks.Count);
        var sweepBlock = blocks.Single(b => b.Contains("\nsweep:", StringComparison.Ordinal));
        blocks.Remove(sweepBlock);
        using var tmp = new TempFolder();
        var oneSector = ScenarioRunner.Run(ScenarioFile.Read(tmp.Write("readme1.yaml", blocks[0])));
        Assert.True(oneSector.Result.Equilibrium.Diagnostics.Converged);
        Assert.Equal(["USA", "JPN", "KOR", "CHN", "EU27", "WORLD"], oneSector.Rows.Select(r => r.Label));
        var multi = ScenarioRunner.Run(ScenarioFile.Read(tmp.Write("readme2.yaml", blocks[1])));
        Assert.NotNull(multi.MultiSector);
        Assert.All(multi.Diagnostics, d => Assert.True(d.Converged));
        var quoted = Regex.Match(Readme, "`(Tariff change line [^`]+)`").Groups[1].Value; // the README's sample line under the simulate table
        Assert.Equal(quoted, "Tariff change " + multi.TariffChanges![^1].Describe(multi.MultiSectorData!));
        var sweep = ScenarioFile.Read(tmp.Write("readme3.yaml", sweepBlock)).Sweep!;
        Assert.Equal((SweepParameter.Rate, 0, 12, 0.275), (sweep.Parameter, sweep.ChangeIndex, sweep.Values.Count, sweep.Values[^1]));
    }

    [Fact]
    public void README_error_example_is_what_Parley_prints()
    {
        var expected = Readme.Split('\n').Single(l => l.StartsWith("error: examples/my-deal.yaml", StringComparison.Ordinal));
        using var tmp = new TempFolder();
        var comments = string.Concat(Enumerable.Repeat("    # negotiating note\n", 8));       // lines 4–11
        var path = tmp.Write("examples/my-deal.yaml",
            "name: x\ntariffs:\n  changes:\n" + comments + "    - { importer: USA, exporter: JPX, rate: 0.15 }\n"); // line 12
        var e = Assert.Throws<ParleyInputException>(() => ScenarioRunner.Run(ScenarioFile.Read(path)));
        Assert.Equal(expected, "error: " + e.Message.Replace(path, "examples/my-deal.yaml"));
    }

    [GeneratedRegex("^\\| `parley ([^`]+)`", RegexOptions.Multiline)]
    private static partial Regex CommandRow();

    [Fact]
    public void Every_command_in_the_README_table_exists_and_documents_the_options_the_README_names()
    {
        var rows = CommandRow().Matches(Readme).Select(m => m.Groups[1].Value).ToList();
        Assert.True(rows.Count >= 14, $"{rows.Count} command rows");
        foreach (var row in rows)
        {
            var words = row.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var verbs = words.TakeWhile(w => w.All(c => char.IsAsciiLetterLower(c) || c is '-' or '0' or '1' or '2' or '5') && !w.StartsWith('-')).ToArray();
            var (code, stdout, stderr) = Cli.CliTests.Run([.. verbs, "--help"]);
            Assert.True(code == 0, $"parley {string.Join(' ', verbs)} --help: exit {code}: {stderr}");
            foreach (var option in Regex.Matches(row, "--[a-z][a-z-]+").Select(m => m.Value).Distinct())
                Assert.True(stdout.Contains(option, StringComparison.Ordinal), $"README names {option} for 'parley {string.Join(' ', verbs)}', but its help does not");
        }
    }

    [Fact]
    public void README_SQL_example_runs_on_an_expansion_and_agrees_with_the_engine()
    {
        var sql = CodeBlock().Matches(Readme).Single(m => m.Groups[1].Value == "sql").Groups[2].Value;
        var engine = new Parley.Tariffs.TariffEngine(Parley.Tariffs.TariffScheduleReader.Bundled);
        var japan = engine.Schedule.FindPartner("JPN")!;
        using var tmp = new TempFolder();
        var path = Path.Combine(tmp.Path, "rates.duckdb");
        Parley.DuckDb.RatePanelStore.Write(Parley.Tariffs.ScheduleExpansion.Run(engine, [japan]), path, new Dictionary<string, string>());
        using var db = new DuckDB.NET.Data.DuckDBConnection($"Data Source={path}");
        db.Open();
        using var cmd = db.CreateCommand();
        cmd.CommandText = sql;
        using var r = cmd.ExecuteReader();
        Assert.True(r.Read());
        var lines = engine.Schedule.Mfn.Keys.Where(h => h.StartsWith("87", StringComparison.Ordinal)).ToArray();
        var mean = lines.Average(h => engine.Rate(new DateOnly(2025, 10, 15), "JPN", h).Total);
        Assert.Equal(lines.Length, Convert.ToInt32(r.GetValue(0), System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(mean, r.GetDouble(1), 6);
    }
}
