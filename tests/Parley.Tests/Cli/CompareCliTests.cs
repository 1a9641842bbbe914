using System.Globalization;
using System.Text.Json;
using Parley.Cli;
using Parley.Scenarios;
using Spectre.Console;
using Xunit;

namespace Parley.Tests.Cli;

public class CompareCliTests
{
    private static string Example(string name) => Path.Combine(AppContext.BaseDirectory, "examples", name);

    private static (int Code, string Out, string Err) Run(int width, params string[] args) => PlainConsole.Run(width, args);

    private static readonly string[] Files = [Example("us-japan/3-deal-15.yaml"), Example("us-japan/2-baseline-10.yaml")];

    [Fact]
    public void Compare_xlsx_writes_the_workbook_with_out_and_needs_out()
    {
        var (code, _, stderr) = Run(120, ["compare", .. Files, "--format", "xlsx"]);
        Assert.Equal(2, code);
        Assert.Contains("--out DIR", stderr);
        using var tmp = new TempFolder();
        var dir = Path.Combine(tmp.Path, "cmp");
        (code, var stdout, stderr) = Run(120, ["compare", .. Files, "--status-quo", "2025-05-30", "--format", "xlsx", "--out", dir]);
        Assert.True(code == 0, stderr);
        Assert.Contains("workbook.xlsx", stdout);
        Parley.Tests.Reports.WorkbookCheck.Check(dir); // every sheet equals its CSV cell by cell
    }

    [Fact]
    public void Compare_csv_has_the_exact_header_one_row_per_scenario_country_statistic_and_parses_back()
    {
        var (code, stdout, stderr) = Run(220, ["compare", .. Files, "--status-quo", "2025-05-30", "--format", "csv"]);
        Assert.True(code == 0, stderr);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("scenario,country,statistic,value,unit", lines[0]);
        var rows = lines.Skip(1).Select(l => l.Split(',')).ToArray();
        Assert.All(rows, r => Assert.Equal(5, r.Length));
        var countries = new[] { "USA", "JPN", "KOR", "CHN", "EU27", "WORLD" };
        Assert.Equal(2 * countries.Length * ComparisonStatistics.Names.Count, rows.Length); // one-sector: every statistic incl. employment
        Assert.Equal(["3-deal-15", "2-baseline-10"], rows.Select(r => r[0]).Distinct());
        Assert.Equal(countries, rows.Select(r => r[1]).Distinct());
        Assert.Equal(ComparisonStatistics.Names, rows.Select(r => r[2]).Distinct());
        Assert.All(rows, r => Assert.True(double.IsFinite(double.Parse(r[3], CultureInfo.InvariantCulture)), string.Join(',', r)));
        Assert.Equal("USD billions (2023)", rows.First(r => r[2] == "welfare_usd")[4]);
        Assert.Equal("percent", rows.First(r => r[2] == "welfare")[4]);
        // EU27 welfare_usd is the sum of its members' equivalent variations, so group welfare × group absorption: same sign as welfare.
        var eu = rows.Where(r => r[0] == "3-deal-15" && r[1] == "EU27").ToDictionary(r => r[2], r => double.Parse(r[3], CultureInfo.InvariantCulture));
        Assert.Equal(Math.Sign(eu["welfare"]), Math.Sign(eu["welfare_usd"]));
    }

    [Fact]
    public void Compare_json_has_status_quo_scenarios_and_rows()
    {
        var (code, stdout, stderr) = Run(220, ["compare", .. Files, "--status-quo", "2025-05-30", "--format", "json"]);
        Assert.True(code == 0, stderr);
        using var doc = JsonDocument.Parse(stdout);
        var root = doc.RootElement;
        Assert.Equal("schedule:2025-05-30", root.GetProperty("status_quo").GetString());
        Assert.Contains("2025-05-30", root.GetProperty("status_quo_description").GetString());
        Assert.Equal(2023, root.GetProperty("base_year").GetInt32());
        Assert.Equal(2, root.GetProperty("scenarios").GetArrayLength());
        var rows = root.GetProperty("rows").EnumerateArray().ToArray();
        Assert.Equal(2 * 6 * ComparisonStatistics.Names.Count, rows.Length);
        var usJapan = rows.Single(r => r.GetProperty("scenario").GetString() == "3-deal-15" && r.GetProperty("country").GetString() == "JPN"
                                       && r.GetProperty("statistic").GetString() == "welfare");
        Assert.True(double.IsFinite(usJapan.GetProperty("value").GetDouble()));
    }

    [Fact]
    public void Compare_table_fits_80_columns_without_splitting_numbers()
    {
        var (code, stdout, stderr) = Run(80, ["compare", .. Files, "--status-quo", "2025-05-30"]);
        Assert.True(code == 0, stderr);
        var lines = stdout.Split('\n');
        Assert.All(lines, l => Assert.True(l.TrimEnd().Length <= 80, $"{l.TrimEnd().Length} columns: {l}"));
        var csv = Run(220, ["compare", .. Files, "--status-quo", "2025-05-30", "--format", "csv"]).Out;
        var usWelfare = csv.Split('\n').Single(l => l.StartsWith("3-deal-15,USA,welfare,", StringComparison.Ordinal)).Split(',')[3];
        Assert.Contains(double.Parse(usWelfare, CultureInfo.InvariantCulture).ToString("F3", CultureInfo.InvariantCulture), stdout);
        Assert.Contains("status quo: US tariffs in force on 2025-05-30", stdout.Replace("\n", " ", StringComparison.Ordinal).Replace("  ", " ", StringComparison.Ordinal));
    }

    [Fact]
    public void Compare_of_files_on_different_datasets_exits_2_naming_the_file()
    {
        var (code, _, stderr) = Run(220, "compare", Files[0], Example("world-autos/1-japan-25.yaml"));
        Assert.Equal(2, code);
        Assert.Contains("1-japan-25.yaml", stderr);
        Assert.Single(stderr.Trim().Split('\n'));
        Assert.Equal(2, Run(220, "compare", Files[0], "--status-quo", "someday").Code);
        Assert.Equal(2, Run(220, "compare", Files[0], "--format", "xml").Code);
    }

    [Fact]
    public void Simulate_reports_the_change_from_the_status_quo_and_versus_tariff_free_on_request()
    {
        var (code, stdout, stderr) = Run(220, "simulate", Example("us-japan/3-deal-15.yaml"), "--status-quo", "tariff-free");
        Assert.True(code == 0, stderr);
        var text = string.Join(' ', stdout.Split((char[])[' ', '\n', '│'], StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("change from the status quo", text);
        Assert.Contains("status quo: tariff-free", text);
        var versus = Run(220, "simulate", Example("us-japan/3-deal-15.yaml"), "--versus", "tariff-free");
        Assert.Equal(0, versus.Code);
        Assert.Contains("calibrated 2023 equilibrium", versus.Out);
    }
}

public class StatusQuoOutputTests
{
    [Fact]
    public void Result_json_and_manifest_name_the_status_quo_and_hold_both_views()
    {
        using var tmp = new TempFolder();
        var outDir = Path.Combine(tmp.Path, "out");
        var file = Path.Combine(AppContext.BaseDirectory, "examples", "us-japan", "3-deal-15.yaml");
        Assert.Equal(0, Parley.Cli.Program.Run(["simulate", file, "--status-quo", "2025-05-30", "--out", outDir], Spectre.Console.AnsiConsole.Create(
            new Spectre.Console.AnsiConsoleSettings { Out = new Spectre.Console.AnsiConsoleOutput(new StringWriter()) }), new StringWriter()));
        using var result = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "result.json")));
        var sq = result.RootElement.GetProperty("status_quo");
        Assert.Contains("2025-05-30", sq.GetProperty("description").GetString());
        Assert.Equal(6, sq.GetProperty("rows").GetArrayLength());
        Assert.Equal(6, sq.GetProperty("versus_calibration").GetArrayLength());
        var usTariffFree = sq.GetProperty("versus_calibration")[0].GetProperty("welfare").GetDouble();
        Assert.Equal(result.RootElement.GetProperty("summary")[0].GetProperty("welfare").GetDouble(), usTariffFree, 1e-9);
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "manifest.json")));
        Assert.Equal("schedule:2025-05-30", manifest.RootElement.GetProperty("options").GetProperty("status_quo").GetString());
    }
}
