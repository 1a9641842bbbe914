using System.Globalization;
using System.Xml.Linq;
using Parley.Application;
using Parley.Reports;
using Parley.Scenarios;
using Parley.Tests.Cli;
using Parley.Tests.Reports;
using Xunit;

namespace Parley.Tests.Scenarios;

/// <summary>`sweep:` in a scenario file: parsing, limits, the variants' identity with single runs, and what a sweep writes.</summary>
public class SweepTests
{
    private static readonly string JapanSweep = Path.Combine(AppContext.BaseDirectory, "examples", "sweeps", "japan-autos-0-to-27.5.yaml");

    /// <summary>The shipped example cut to three of its values (the full twelve run in the README's command).</summary>
    private static readonly Lazy<SweepResult> s_three = new(() =>
    {
        var s = ScenarioFile.Read(JapanSweep);
        return SweepRunner.Run(s with { Sweep = s.Sweep! with { Values = [0, 0.1, 0.275] } });
    });

    [Fact]
    public void Shipped_example_sweeps_Japans_rate_from_0_to_27_5_percent_in_twelve_steps()
    {
        var s = ScenarioFile.Read(JapanSweep);
        var sweep = Assert.IsType<Sweep>(s.Sweep);
        Assert.Equal(SweepParameter.Rate, sweep.Parameter);
        Assert.Equal(0, sweep.ChangeIndex);
        Assert.Equal(Enumerable.Range(0, 12).Select(k => Math.Round(0.025 * k, 12)), sweep.Values);
        Assert.Equal(0.275, sweep.Values[^1]); // exactly, not 0.27500000000000002
        Assert.Equal(0.25, s.Changes[1].Rate); // Korea held at 25%
        Assert.Equal("kor-autos", s.Changes[1].Id);
    }

    [Fact]
    public void Rate_sweep_of_two_values_equals_two_separate_simulate_runs_exactly()
    {
        using var tmp = new TempFolder();
        var text = File.ReadAllText(JapanSweep);
        var single = text[..text.IndexOf("\nsweep:", StringComparison.Ordinal)] + "\nreport: [USA, JPN, KOR, MEX, DEU, WORLD]\n";
        var s = ScenarioFile.Read(JapanSweep);
        var swept = SweepRunner.Run(s with { Sweep = s.Sweep! with { Values = [0.05, 0.2] } });
        foreach (var v in swept.Variants)
        {
            var file = Path.Combine(tmp.Path, $"japan-{v.Number}.yaml");
            File.WriteAllText(file, single.Replace("rate: 0.275", "rate: " + v.Value.ToString("R", CultureInfo.InvariantCulture), StringComparison.Ordinal));
            var alone = ScenarioRunner.Run(ScenarioRunner.Load(file));
            var expected = ComparisonStatistics.Rows("x", alone.StatusQuo!.Rows, alone.StatusQuo.BaseYear).ToArray();
            var got = swept.Rows.Where(r => r.Variant == v.Number).ToArray();
            Assert.Equal(expected.Length, got.Length);
            for (var k = 0; k < got.Length; k++)
            {
                Assert.Equal((expected[k].Country, expected[k].Statistic, expected[k].Unit), (got[k].Country, got[k].Statistic, got[k].Unit));
                Assert.True(expected[k].Value == got[k].Value, $"variant {v.Number} {got[k].Country} {got[k].Statistic}: {got[k].Value:R} vs {expected[k].Value:R}");
            }
        }
    }

    [Fact]
    public void Elasticity_sweep_of_two_values_equals_two_separate_runs_exactly()
    {
        using var tmp = new TempFolder();
        string File(string extra) => Write(tmp, $"e{extra.Length}.yaml", $"""
            name: elasticity
            model: {extra}
            status_quo: tariff-free
            tariffs:
              changes:
                - {"{"} importer: USA, exporter: ALL, rate: 0.1 {"}"}
            report: [USA, CHN]
            """ + (extra == "{}" ? "\nsweep: { parameter: trade_elasticity, values: [3, 5] }\n" : "\n"));
        var swept = SweepRunner.Run(ScenarioFile.Read(File("{}")));
        foreach (var (value, number) in new[] { (3, 1), (5, 2) })
        {
            var alone = ScenarioRunner.Run(ScenarioFile.Read(File($"{{ trade_elasticity: {value} }}")));
            var expected = alone.StatusQuo!.Rows.Single(r => r.Label == "USA");
            Assert.Equal(expected.Welfare, swept.Value(number, "USA", "welfare"));
            Assert.Equal(expected.RealWage, swept.Value(number, "USA", "real_wage"));
            Assert.Equal(expected.Employment, swept.Value(number, "USA", "employment"));
        }
        Assert.NotEqual(swept.Value(1, "USA", "welfare"), swept.Value(2, "USA", "welfare"));
    }

    [Theory]
    [InlineData("{ change: jpn }", "sweep.parameter")]
    [InlineData("{ parameter: tarif, change: jpn, values: [0] }", "sweep.parameter")]
    [InlineData("{ parameter: rate, values: [0] }", "sweep.change")]
    [InlineData("{ parameter: rate, change: usa, values: [0] }", "sweep.change")]
    [InlineData("{ parameter: rate, change: 3, values: [0] }", "sweep.change")]
    [InlineData("{ parameter: rate, change: jpn }", "sweep.from")]
    [InlineData("{ parameter: rate, change: jpn, values: [] }", "sweep.values")]
    [InlineData("{ parameter: rate, change: jpn, values: [0.1, abc] }", "sweep.values")]
    [InlineData("{ parameter: rate, change: jpn, values: [0.1, 0.1] }", "sweep.values")]
    [InlineData("{ parameter: rate, change: jpn, values: [0.1, 11] }", "sweep.values")]
    [InlineData("{ parameter: rate, change: jpn, values: [0.1], from: 0 }", "sweep.from")]
    [InlineData("{ parameter: rate, change: jpn, from: 0, to: 0.2 }", "sweep.step")]
    [InlineData("{ parameter: rate, change: jpn, from: 0.2, to: 0.1, step: 0.05 }", "sweep.to")]
    [InlineData("{ parameter: rate, change: jpn, from: 0, to: 0.2, step: 0 }", "sweep.step")]
    [InlineData("{ parameter: rate, change: jpn, from: 0, to: 10, step: 0.00001 }", "sweep.step")]
    [InlineData("{ parameter: trade_elasticity, values: [4] }", "sweep.parameter")]
    [InlineData("{ parameter: rate, change: jpn, values: [0], colour: red }", "sweep.colour")]
    [InlineData("[0, 0.1]", "sweep")]
    public void Bad_sweep_specs_are_input_errors_naming_the_key(string sweep, string field)
    {
        using var tmp = new TempFolder();
        var file = Write(tmp, "bad.yaml", $"""
            name: bad
            model: {"{"} type: multi-sector {"}"}
            tariffs:
              changes:
                - {"{"} id: jpn, importer: USA, exporter: JPN, sector: c15, rate: 0.25 {"}"}
            sweep: {sweep}
            """);
        var e = Assert.Throws<ParleyInputException>(() => ScenarioFile.Read(file));
        Assert.Equal(field, e.Field);
        Assert.Contains("bad.yaml", e.Message);
    }

    [Fact]
    public void Change_ids_must_be_unique_and_a_change_may_be_named_by_position()
    {
        using var tmp = new TempFolder();
        const string changes = """
            name: ids
            tariffs:
              changes:
                - { id: a, importer: USA, exporter: JPN, rate: 0.25 }
                - { id: A, importer: USA, exporter: KOR, rate: 0.25 }

            """;
        var e = Assert.Throws<ParleyInputException>(() => ScenarioFile.Read(Write(tmp, "dup.yaml", changes + "sweep: { parameter: rate, change: a, values: [0] }\n")));
        Assert.Equal("tariffs.changes.id", e.Field);
        var ok = ScenarioFile.Read(Write(tmp, "pos.yaml", changes.Replace("id: A", "id: b", StringComparison.Ordinal) + "sweep: { parameter: rate, change: 2, values: [0] }\n"));
        Assert.Equal(1, ok.Sweep!.ChangeIndex);
    }

    [Fact]
    public void More_variants_than_the_limit_is_an_exit_2_error_naming_sweep_and_max_variants()
    {
        var s = ScenarioFile.Read(JapanSweep);
        var e = Assert.Throws<ParleyInputException>(() => SweepRunner.Run(s, new SweepRunOptions { MaxVariants = 11 }));
        Assert.Equal("sweep", e.Field);
        Assert.Contains("12 variants", e.Message);
        Assert.Contains("--max-variants", e.Message);
        Assert.Equal("--max-variants", Assert.Throws<ParleyInputException>(() => new SweepRunOptions { MaxVariants = 0 }.Validated()).Field);
        var (code, _, stderr) = CliTests.Run("simulate", JapanSweep, "--max-variants", "5");
        Assert.Equal(2, code);
        Assert.Contains("sweep", stderr);
        Assert.Contains("--max-variants", stderr);
    }

    [Fact]
    public void A_sweep_file_is_refused_where_a_single_scenario_is_expected()
    {
        var e = Assert.Throws<ParleyInputException>(() => ScenarioRunner.Run(ScenarioFile.Read(JapanSweep)));
        Assert.Equal("sweep", e.Field);
        Assert.Contains("parley simulate", e.Message);
    }

    [Fact]
    public void Sweep_csv_parses_back_to_the_results_rows()
    {
        var r = s_three.Value;
        var csv = StrictCsv.Parse(SweepReport.Csv(r), "sweep.csv");
        Assert.Equal(["variant", "parameter_value", "country", "statistic", "value", "unit"], csv.Header);
        Assert.Equal(r.Rows.Count, csv.Rows.Count);
        for (var k = 0; k < csv.Rows.Count; k++)
        {
            var (row, want) = (csv.Rows[k], r.Rows[k]);
            Assert.Equal(want.Variant, int.Parse(row[0], CultureInfo.InvariantCulture));
            Assert.Equal(want.ParameterValue, double.Parse(row[1], CultureInfo.InvariantCulture));
            Assert.Equal((want.Country, want.Statistic, want.Unit), (row[2], row[3], row[5]));
            Assert.Equal(want.Value, double.Parse(row[4], CultureInfo.InvariantCulture));
        }
        Assert.Equal(3 * 6, csv.Rows.Count(x => x[3] == "welfare")); // 3 variants × 6 reported countries
    }

    [Fact]
    public void Chart_points_equal_the_csv_welfare_values()
    {
        var r = s_three.Value;
        using var tmp = new TempFolder();
        var dir = Path.Combine(tmp.Path, "run");
        using (var output = OutputDirectory.Open(dir)) SweepReport.Write(r, output);
        Assert.Equal(SweepReport.Files.Order(), Directory.GetFiles(dir).Select(f => Path.GetFileName(f)).Order());
        var csv = StrictCsv.Read(Path.Combine(dir, "sweep.csv"));
        var welfare = csv.Rows.Where(x => x[3] == "welfare").ToDictionary(x => (x[0], x[2]), x => x[4]);
        var html = File.ReadAllText(Path.Combine(dir, "report.html"));
        var svg = XDocument.Parse(html[html.IndexOf("<svg", StringComparison.Ordinal)..(html.IndexOf("</svg>", StringComparison.Ordinal) + 6)]);
        XNamespace ns = "http://www.w3.org/2000/svg";
        var plot = svg.Descendants(ns + "g").Single(g => (string?)g.Attribute("class") == "plot");
        double A(XElement e, string name) => double.Parse(e.Attribute(name)!.Value, CultureInfo.InvariantCulture);
        var points = svg.Descendants(ns + "circle").Where(c => (string?)c.Attribute("class") == "point").ToArray();
        Assert.Equal(welfare.Count, points.Length);
        Assert.Equal(6, svg.Descendants(ns + "polyline").Count()); // one line per reported country
        foreach (var p in points)
        {
            var key = (p.Attribute("data-variant")!.Value, p.Attribute("data-country")!.Value);
            Assert.Equal(welfare[key], p.Attribute("data-value")!.Value);
            // The drawn position is the number: invert the axes and land within a hundredth of a pixel's rounding.
            var value = double.Parse(welfare[key], CultureInfo.InvariantCulture);
            var y = A(plot, "data-bottom") - (value - A(plot, "data-y-min")) / (A(plot, "data-y-max") - A(plot, "data-y-min")) * (A(plot, "data-bottom") - A(plot, "data-top"));
            Assert.InRange(A(p, "cy"), y - 0.006, y + 0.006);
            var x = A(plot, "data-left") + (A(p, "data-parameter") - A(plot, "data-x-min")) / (A(plot, "data-x-max") - A(plot, "data-x-min")) * (A(plot, "data-right") - A(plot, "data-left"));
            Assert.InRange(A(p, "cx"), x - 0.006, x + 0.006);
        }
        Assert.Contains("\"sweep_variants\": \"3\"", File.ReadAllText(Path.Combine(dir, "manifest.json")));
    }

    private static string Write(TempFolder tmp, string name, string text)
    {
        var path = Path.Combine(tmp.Path, name);
        File.WriteAllText(path, text);
        return path;
    }
}
