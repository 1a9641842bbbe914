using Parley.Application;
using Parley.Cli;
using Spectre.Console;
using Xunit;

namespace Parley.Tests.Cli;

public class CliTests
{
    internal static (int Code, string Out, string Err) Run(params string[] args) => PlainConsole.Run(220, args);

    private static string Example(string name) => Path.Combine(AppContext.BaseDirectory, "examples", name);

    [Fact]
    public void Simulate_prints_the_report_rows_and_writes_all_outputs()
    {
        using var tmp = new TempFolder();
        var outDir = Path.Combine(tmp.Path, "out");
        var (code, stdout, stderr) = Run("simulate", Example("liberation-day.yaml"), "--out", outDir);
        Assert.True(code == 0, stderr);
        Assert.Contains("United States", stdout); // countries by name
        Assert.Contains("1.13", stdout); // paper: US welfare +1.13% (the file says status_quo: tariff-free)
        foreach (var f in new[] { "countries.csv", "summary.csv", "result.json", "report.html", "manifest.json" })
            Assert.True(File.Exists(Path.Combine(outDir, f)), f);
        var html = File.ReadAllText(Path.Combine(outDir, "report.html"));
        Assert.Contains("<svg", html);
        Assert.DoesNotContain("<script", html);
        Assert.DoesNotContain("NaN", File.ReadAllText(Path.Combine(outDir, "countries.csv")));
        Assert.Equal(195, File.ReadAllLines(Path.Combine(outDir, "countries.csv")).Length);
        var manifest = File.ReadAllText(Path.Combine(outDir, "manifest.json"));
        Assert.Contains("\"data_vintage\"", manifest);
        Assert.Contains("\"converged\": true", manifest);

        // A second run into the same folder replaces Parley's own files...
        Assert.Equal(0, Run("simulate", Example("liberation-day.yaml"), "--out", outDir).Code);
        // ...but a folder holding a user's file is refused, and the file is untouched.
        File.WriteAllText(Path.Combine(outDir, "notes.txt"), "mine");
        var refused = Run("simulate", Example("liberation-day.yaml"), "--out", outDir);
        Assert.Equal(2, refused.Code);
        Assert.Contains("notes.txt", refused.Err);
        Assert.Equal("mine", File.ReadAllText(Path.Combine(outDir, "notes.txt")));
    }

    [Fact]
    public void Replicate_csv_has_the_exact_header_and_Table1_rows()
    {
        var (code, stdout, stderr) = Run("replicate", "jie2025", "--format", "csv");
        Assert.True(code == 0, stderr);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("table,case,row_label,column_label,value,unit,published,note", lines[0].TrimEnd('\r'));
        Assert.Contains(lines, l => l.StartsWith("1,Case 1: USTR tariffs + income tax relief + no retaliation,USA,welfare,1.1307", StringComparison.Ordinal)
                                    && l.EndsWith(",percent_change,1.13,", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("2,(1) USTR + reciprocal retaliation,USA,welfare,", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains(",,skipped,", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("simulate", "/nonexistent/file.yaml")]
    [InlineData("replicate", "nosuchpaper")]
    [InlineData("replicate", "jie2025", "--format", "xml")]
    [InlineData("frobnicate")]
    public void Bad_input_gives_a_one_line_error_and_exit_code_2(params string[] args)
    {
        var (code, _, stderr) = Run(args);
        Assert.Equal(2, code);
        Assert.StartsWith("error: ", stderr);
        Assert.Single(stderr.Trim().Split('\n'));
        Assert.DoesNotContain("   at ", stderr);
    }

    [Fact]
    public void Bad_scenario_file_gives_exit_code_2_naming_file_and_line()
    {
        using var tmp = new TempFolder();
        var path = tmp.Write("bad.yaml", "name: x\ntariffs:\n  changes:\n    - { importer: USA, exporter: ZZZ, rate: 0.1 }\n");
        var (code, _, stderr) = Run("simulate", path);
        Assert.Equal(2, code);
        Assert.Contains("bad.yaml:4", stderr);
        Assert.Contains("ZZZ", stderr);
    }

    [Fact]
    public void Non_convergence_is_exit_code_3_with_diagnostics()
    {
        var (code, _, stderr) = Run("simulate", Example("liberation-day.yaml"), "--max-iterations", "1");
        Assert.Equal(3, code);
        Assert.Contains("did not converge", stderr);
        Assert.Contains("NOT converged in 1 iterations", stderr);
        Assert.Contains("worst:", stderr);
    }

    [Fact]
    public void Every_example_scenario_runs_and_converges()
    {
        var files = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "examples"), "*.yaml", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}offers{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(f => !File.ReadAllText(f).Contains("\nparties:", StringComparison.Ordinal))
            .Where(f => Path.GetFileName(f) != "dataset.yaml") // imported dataset manifests (examples/import/*-dataset), not scenarios
            .Where(f => Path.GetFileName(f) is not ("yotov-table1.yaml" or "can-jpn-pta.yaml" or "gegravity-ppml.yaml" or "can-jpn-pta-estimated.yaml")).ToArray();
        foreach (var negotiation in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "examples"), "us-*-2025.yaml"))
            Assert.Equal(2, Parley.Negotiation.NegotiationFile.Read(negotiation).Parties.Count);
        Assert.True(files.Length >= 11);
        foreach (var offer in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "examples", "offers"), "*.yaml"))
            Assert.NotEmpty(Parley.Tariffs.TariffOverlay.Read(offer, Parley.Tariffs.TariffScheduleReader.Bundled).Measures);
        foreach (var f in files)
        {
            var s = Parley.Scenarios.ScenarioFile.Read(f);
            if (s.Sweep is { } sweep) // a sweep file: its first and last variants (all of them: SweepTests and the README run)
            {
                var swept = Parley.Application.SweepRunner.Run(s with { Sweep = sweep with { Values = [sweep.Values[0], sweep.Values[^1]] } });
                Assert.All(swept.Manifest.Solves, d => Assert.True(d.Converged, f));
                continue;
            }
            var r = Parley.Application.ScenarioRunner.Run(s);
            Assert.All(r.Diagnostics, d => Assert.True(d.Converged, f));
            Assert.All(r.Rows, row => Assert.True(double.IsFinite(row.Welfare)));
        }
    }

    // The demo runs once, at 80 columns: ReadableOutputTests.Demo_fits_80_columns_and_reports_the_US_Japan_offers_by_country_name.

    [Fact]
    public void Tariffs_rate_json_has_total_rate_and_components()
    {
        var (code, stdout, stderr) = Run("tariffs", "rate", "--date", "2025-10-15", "--country", "JPN", "--hts", "8703.23.01", "--format", "json");
        Assert.True(code == 0, stderr);
        using var doc = System.Text.Json.JsonDocument.Parse(stdout);
        Assert.Equal(0.15, doc.RootElement.GetProperty("total_rate").GetDouble(), 12);
        Assert.Equal(2, doc.RootElement.GetProperty("components").GetArrayLength());
    }

    [Fact]
    public void Tariffs_etr_json_has_etr_as_a_fraction_and_a_manifest()
    {
        var (code, stdout, stderr) = Run("tariffs", "etr", "--date", "2025-01-01", "--by", "group", "--format", "json");
        Assert.True(code == 0, stderr);
        using var doc = System.Text.Json.JsonDocument.Parse(stdout);
        Assert.InRange(doc.RootElement.GetProperty("etr").GetDouble(), 0.02, 0.03);
        var manifest = doc.RootElement.GetProperty("manifest");
        Assert.Equal(RunManifest.ParleyVersion, manifest.GetProperty("parley").GetString());
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", manifest.GetProperty("last_revision").GetString());
        Assert.False(string.IsNullOrEmpty(manifest.GetProperty("schedule").GetString()));
    }

    [Theory]
    [InlineData("tariffs", "rate", "--date", "2024-12-31", "--country", "JPN", "--hts", "8703.23.01")]
    [InlineData("tariffs", "rate", "--date", "2025-05-01", "--country", "Narnia", "--hts", "8703.23.01")]
    [InlineData("tariffs", "rate", "--date", "2025-05-01", "--country", "JPN", "--hts", "1234.56.78")]
    [InlineData("tariffs", "rate", "--date", "May 1", "--country", "JPN", "--hts", "8703.23.01")]
    [InlineData("tariffs", "etr", "--date", "2025-05-01", "--by", "planet")]
    public void Tariff_query_errors_exit_2_with_one_line(params string[] args)
    {
        var (code, _, stderr) = Run(args);
        Assert.Equal(2, code);
        Assert.StartsWith("error: ", stderr);
        Assert.Single(stderr.Trim().Split('\n'));
    }

    [Fact]
    public void Malformed_overlay_on_the_command_line_exits_2()
    {
        using var tmp = new TempFolder();
        var overlay = tmp.Write("bad.yaml", "name: x\nmeasures:\n  - { id: A, authority: S232, program: autos, country: JPN, from: 2025-07-01, rate: -1 }\n");
        var (code, _, stderr) = Run("tariffs", "rate", "--date", "2025-10-15", "--country", "JPN", "--hts", "8703.23.01", "--overlay", overlay);
        Assert.Equal(2, code);
        Assert.Contains("bad.yaml:3", stderr);
    }

    [Fact]
    public void Negotiate_writes_the_report_and_bad_files_exit_2()
    {
        using var tmp = new TempFolder();
        var file = tmp.Write("n.yaml", Parley.Tests.Negotiation.NegotiationFileTests.Small);
        var outDir = Path.Combine(tmp.Path, "report");
        var (code, stdout, stderr) = Run("negotiate", file, "--out", outDir, "--no-sensitivity");
        Assert.True(code == 0, stderr);
        Assert.Contains("Bargaining solutions", stdout);
        foreach (var f in Parley.Reports.NegotiationReport.Files) Assert.True(File.Exists(Path.Combine(outDir, f)), f);
        Assert.Contains("<svg", File.ReadAllText(Path.Combine(outDir, "report.html")));
        Assert.Equal(13, File.ReadAllLines(Path.Combine(outDir, "packages.csv")).Length);

        var bad = tmp.Write("bad.yaml", Parley.Tests.Negotiation.NegotiationFileTests.Small.Replace("weight: 0.2", "weight: lots"));
        var failed = Run("negotiate", bad);
        Assert.Equal(2, failed.Code);
        Assert.Contains("bad.yaml:", failed.Err);
    }

    [Fact]
    public void Estimate_csv_and_gravity_csv_have_the_documented_columns()
    {
        var est = Run("estimate", Example("yotov-table1.yaml"), "--format", "csv");
        Assert.True(est.Code == 0, est.Err);
        Assert.StartsWith("column,variable,coefficient,std_error,n_obs", est.Out);
        Assert.Contains("4,ln_DIST,", est.Out);
        var ge = Run("gravity", "simulate", Example("can-jpn-pta.yaml"), "--format", "csv", "--monte-carlo", "20");
        Assert.True(ge.Code == 0, ge.Err);
        Assert.StartsWith("country,statistic,value", ge.Out);
        foreach (var stat in new[] { "real_gdp_change", "factory_gate_price_change", "foreign_exports_change", "foreign_imports_change", "omr_change", "imr_change", "welfare_statistic" })
            Assert.Contains($"CAN,{stat},", ge.Out);
        Assert.Contains("CAN,real_gdp_change_mc_mean,", ge.Out);
        Assert.Equal(2, Run("estimate", Example("yotov-table1.yaml"), "--format", "docx").Code);
    }
}
