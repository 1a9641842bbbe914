using System.Text.Json;
using Parley.Reports;
using Parley.Tests.Cli;
using Xunit;

namespace Parley.Tests.Reports;

/// <summary>
/// Every file the examples write is parsed back: each CSV with a strict reader (column count checked on every row,
/// units in the names of numeric columns), each JSON file with System.Text.Json, and the manifest's hashes recomputed.
/// The quick examples of each verb run here (the slow schedule and negotiation examples share their writers).
/// </summary>
public class ExampleOutputsTests
{
    private static string Example(string name) => Path.Combine(AppContext.BaseDirectory, "examples", name);

    public static TheoryData<string[]> Runs => new()
    {
        new[] { "simulate", Example("liberation-day.yaml") },
        new[] { "simulate", Example("us-japan/3-deal-15.yaml") },
        new[] { "simulate", Example("nafta-1993-2005.yaml") },
        new[] { "simulate", Example("world-autos/1-japan-25.yaml") },
        new[] { "estimate", Example("yotov-table1.yaml") },
        new[] { "estimate", Example("gegravity-ppml.yaml") },
        new[] { "gravity", "simulate", Example("can-jpn-pta.yaml"), "--monte-carlo", "5" },
    };

    [Theory]
    [MemberData(nameof(Runs))]
    public void Every_file_an_example_writes_parses_back(string[] command)
    {
        using var tmp = new TempFolder();
        var dir = Path.Combine(tmp.Path, "out");
        var (code, _, err) = CliTests.Run([.. command, "--out", dir]);
        Assert.True(code == 0, err);
        CheckFolder(dir);
    }

    [Fact]
    public void Every_file_a_negotiation_writes_parses_back()
    {
        using var tmp = new TempFolder();
        var file = tmp.Write("n.yaml", Negotiation.NegotiationFileTests.Small);
        var dir = Path.Combine(tmp.Path, "out");
        var (code, _, err) = CliTests.Run("negotiate", file, "--no-sensitivity", "--out", dir);
        Assert.True(code == 0, err);
        CheckFolder(dir);
        var packages = StrictCsv.Read(Path.Combine(dir, "packages.csv"));
        Assert.Equal(12, packages.Rows.Count);
        Assert.Contains("KOR/welfare_pct", packages.Header);
        Assert.Contains("USA/tariff_revenue_pct_points", packages.Header);
    }

    [Fact]
    public void Summary_csv_quotes_group_names_with_commas()
    {
        using var tmp = new TempFolder();
        var dir = Path.Combine(tmp.Path, "out");
        Assert.Equal(0, CliTests.Run("simulate", Example("liberation-day.yaml"), "--out", dir).Code);
        var summary = StrictCsv.Read(Path.Combine(dir, "summary.csv"));
        Assert.Equal(ScenarioReport.SummaryColumns, summary.Header);
        var eu = summary.Rows.Single(r => r[0] == "EU27");
        Assert.Equal("EU27 (27 countries, absorption-weighted)", eu[summary.Column("name")]);
        Assert.Equal("27", eu[summary.Column("members")]);
        var result = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "result.json")));
        var euJson = result.RootElement.GetProperty("summary").EnumerateArray().Single(r => r.GetProperty("label").GetString() == "EU27");
        Assert.Equal(euJson.GetProperty("welfare").GetDouble(), double.Parse(eu[summary.Column("welfare_pct")], System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void A_scenario_reporting_no_rows_writes_a_header_only_summary_instead_of_failing_half_way()
    {
        // `report: []` used to fail in the HTML chart after summary.csv, countries.csv and result.json were written.
        var run = Parley.Application.ScenarioRunner.Run(Parley.Scenarios.ScenarioFile.Read(Example("liberation-day.yaml")));
        using var tmp = new TempFolder();
        var dir = ScenarioReport.Write(run with { Rows = [] }, Path.Combine(tmp.Path, "out"));
        CheckFolder(dir, "summary.csv", ScenarioReport.PartnersFile); // no reported country: no importer to tabulate
        Assert.Equal(ScenarioReport.SummaryColumns, StrictCsv.Read(Path.Combine(dir, "summary.csv")).Header);
        Assert.Contains("<svg", File.ReadAllText(Path.Combine(dir, "report.html")));
    }

    internal static void CheckFolder(string dir, params string[] headerOnly) => CheckFolder(dir, true, headerOnly);

    internal static void CheckFolder(string dir, bool unitsInNames, params string[] headerOnly)
    {
        var files = Directory.GetFiles(dir).Select(f => Path.GetFileName(f)).ToArray();
        Assert.Contains(OutputDirectory.ManifestFile, files);
        foreach (var f in files.Where(f => f.EndsWith(".csv", StringComparison.Ordinal)))
        {
            var table = StrictCsv.Read(Path.Combine(dir, f), unitsInNames);
            Assert.True(table.Rows.Count > 0 || headerOnly.Contains(f), $"{f} has no rows");
        }
        foreach (var f in files.Where(f => f.EndsWith(".json", StringComparison.Ordinal)))
            using (JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, f)))) { }
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, OutputDirectory.ManifestFile)));
        var listed = manifest.RootElement.GetProperty("files").EnumerateArray()
            .ToDictionary(e => e.GetProperty("name").GetString()!, e => e.GetProperty("sha256").GetString());
        Assert.Equal(files.Where(f => f != OutputDirectory.ManifestFile).Order(StringComparer.Ordinal), listed.Keys.Order(StringComparer.Ordinal));
        foreach (var (name, hash) in listed) Assert.Equal(OutputDirectory.Sha256(Path.Combine(dir, name)), hash);
        ChartCheck.Check(dir); // every chart's bars equal the CSV cells they name
        if (unitsInNames) WorkbookCheck.Check(dir); // a run's results (a dataset folder has no workbook)
        else Assert.DoesNotContain(RunWorkbook.FileName, files);
    }
}
