using Parley.Cli;
using Parley.Data;
using Parley.Models.Numerics;
using Parley.Negotiation;
using Parley.Scenarios;
using Xunit;
using static Parley.Tests.Cli.CliTests;

namespace Parley.Tests.Fuzz;

/// <summary>The probes of issue 9 §2 that ended in exit 1, an abort or a silent default, kept as specifications.</summary>
public class InputProbeTests
{
    private static (int Code, string Err) Simulate(TempFolder tmp, string yaml)
    {
        var r = Run("simulate", tmp.Write("s.yaml", yaml));
        return (r.Code, r.Err);
    }

    private static void OneLineInputError((int Code, string Err) r, string contains)
    {
        Assert.True(r.Code == 2, r.Err);
        Assert.Single(r.Err.TrimEnd().Split('\n'));
        Assert.Contains(contains, r.Err);
    }

    [Fact]
    public void Yaml_nested_100000_levels_is_an_input_error_not_a_stack_overflow()
    {
        using var tmp = new TempFolder();
        OneLineInputError(Simulate(tmp, "name: " + new string('[', 100_000) + new string(']', 100_000)), "nested at most 64 levels");
        OneLineInputError(Simulate(tmp, "name: x\nreport: " + string.Concat(Enumerable.Repeat("{a: ", 65)) + new string('}', 65)), "(nesting)");
    }

    [Fact]
    public void Yaml_alias_bomb_and_second_document_are_input_errors()
    {
        using var tmp = new TempFolder();
        var bomb = "name: x\na: &a [x, x, x, x, x, x, x, x, x, x]\n" + string.Concat(Enumerable.Range(0, 8).Select(k =>
            $"{(char)('b' + k)}: &{(char)('b' + k)} [{string.Join(", ", Enumerable.Repeat("*" + (char)('a' + k), 10))}]\n"));
        OneLineInputError(Simulate(tmp, bomb), "aliases counted");
        OneLineInputError(Simulate(tmp, "name: x\n---\nname: y\n"), "a single YAML document");
    }

    [Fact]
    public void Unclosed_flow_mapping_is_an_input_error_with_a_line_not_InvalidOperationException()
    {
        using var tmp = new TempFolder();
        OneLineInputError(Simulate(tmp, "name: x\ntariffs:\n  changes:\n    - { importer: USA, exporter: JPN, rate: 0.15 }\n    - { importer: -1\nreport: [USA]\n"), "s.yaml:");
    }

    [Fact]
    public void Csv_rows_with_extra_fields_and_duplicate_columns_name_file_and_line()
    {
        using var tmp = new TempFolder();
        var gdp = tmp.Write("gdp.csv", "iso3,gdp_usd_thousands\nUSA,1000\nJPN,500\n");
        var extra = Assert.Throws<ParleyInputException>(() => WorldDatasetReader.ReadLong(tmp.Write("t.csv", "exporter,importer,value\nUSA,JPN,1,9\n"), gdp));
        Assert.Equal((2, "(row)", "4 fields"), (extra.LineNumber!.Value, extra.Field, extra.Value!));
        var dup = Assert.Throws<ParleyInputException>(() => WorldDatasetReader.ReadLong(tmp.Write("d.csv", "exporter,importer,value,Value\nUSA,JPN,1,2\n"), gdp));
        Assert.Equal((1, "columns 3 and 4"), (dup.LineNumber!.Value, dup.Value!));
    }

    [Fact]
    public void Nul_in_a_path_argument_or_a_yaml_value_is_an_input_error()
    {
        using var tmp = new TempFolder();
        OneLineInputError(Run("simulate", "a\0b.yaml") is var r ? (r.Code, r.Err) : default, "argument 2");
        OneLineInputError(Simulate(tmp, "name: x\ndataset: \"wor\\0ld\"\n"), "control characters");
    }

    [Theory]
    [InlineData("simulate", "liberation-day.yaml")]
    [InlineData("negotiate", "us-japan-2025.yaml")]
    [InlineData("estimate", "yotov-table1.yaml")]
    [InlineData("gravity simulate", "can-jpn-pta.yaml")]
    [InlineData("replicate", "jie2025")]
    [InlineData("tariffs rate", "--date=2025-05-01")]
    [InlineData("tariffs etr", "--date=2025-05-01")]
    [InlineData("demo", "")]
    public void Unknown_options_are_usage_errors_for_every_verb(string verb, string argument)
    {
        var file = Path.Combine(AppContext.BaseDirectory, "examples", argument);
        var args = verb.Split(' ').Concat(argument.Length == 0 ? [] : [File.Exists(file) ? file : argument]).Append("--no-such-option").ToArray();
        var r = Run(args);
        OneLineInputError((r.Code, r.Err), "Unknown option 'no-such-option'");
    }

    [Fact]
    public void A_branch_without_a_command_is_a_usage_error()
    {
        var r = Run("tariffs");
        OneLineInputError((r.Code, r.Err), "not a complete command");
    }

    [Fact]
    public void Retaliation_on_a_multi_sector_baseline_is_rejected_when_read_by_simulate_and_negotiate_alike()
    {
        using var tmp = new TempFolder();
        var e = Assert.Throws<ParleyInputException>(() => ScenarioFile.Read(tmp.Write("m.yaml",
            "name: x\nmodel: { type: multi-sector }\nretaliation:\n  mode: reciprocal\n")));
        Assert.Equal(("retaliation.mode", 4), (e.Field, e.LineNumber!.Value));
        var negotiation = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "examples", "us-korea-2025.yaml"));
        Assert.Contains("multi-sector", negotiation);
        var n = tmp.Write("n.yaml", negotiation.Replace("baseline:\n", "baseline:\n  retaliation: { mode: reciprocal }\n", StringComparison.Ordinal));
        Assert.Equal("baseline.retaliation.mode", Assert.Throws<ParleyInputException>(() => NegotiationFile.Read(n)).Field);
    }

    [Fact]
    public void Money_unit_EUR_and_enumerated_typos_are_rejected_not_defaulted()
    {
        using var tmp = new TempFolder();
        var ms = Fixtures.MultiSector(tmp);
        File.WriteAllText(Path.Combine(ms, "dataset.yaml"), File.ReadAllText(Path.Combine(ms, "dataset.yaml")).Replace("USD millions", "EUR"));
        Assert.Equal(("money_unit", "EUR"), Assert.Throws<ParleyInputException>(() => MultiSectorDatasetReader.Read(ms)) is var m ? (m.Field, m.Value!) : default);
        Fixtures.Panel(tmp);
        foreach (var (from, to, field) in new[]
                 {
                     ("vce: stata", "vce: fixst", "columns[0].vce"), ("singletons: drop", "singletons: dorp", "columns[1].singletons"),
                     ("drop_domestic: true", "drop_domestic: ture", "columns[1].sample.drop_domestic"), ("method: ols", "method: OLSS", "columns[0].method"),
                 })
        {
            var file = tmp.Write("e.yaml", Fixtures.Estimation.Replace(from, to, StringComparison.Ordinal));
            Assert.Equal(field, Assert.Throws<ParleyInputException>(() => Parley.Gravity.EstimationFile.Read(file)).Field);
        }
        var g = tmp.Write("g.yaml", Fixtures.Gravity.Replace("variant: gegravity", "variant: gegravity2", StringComparison.Ordinal));
        Assert.Equal("variant", Assert.Throws<ParleyInputException>(() => Parley.Gravity.GravityExperiment.Read(g)).Field);
    }

    [Fact]
    public void Aggregate_exceptions_are_unwrapped_to_their_input_or_non_convergence_kind()
    {
        var input = new ParleyInputException("f.yaml", 3, "rate", "x", "a number");
        var stalled = new EquilibriumNotConvergedException("x", new SolverDiagnostics("Newton", false, 5, 1, 1.0, 1e-12, "M", 0));
        Assert.Same(input, Program.Unwrap(new AggregateException(new InvalidOperationException(), new AggregateException(input))));
        Assert.Same(stalled, Program.Unwrap(new AggregateException(stalled)));
        Assert.Null(Program.Unwrap(new AggregateException(new InvalidOperationException())));
    }

    [Fact]
    public void Package_spaces_above_the_documented_limit_are_refused_before_any_solve_naming_max_packages()
    {
        var spec = NegotiationFile.Read(Path.Combine(AppContext.BaseDirectory, "examples", "us-japan-2025.yaml"));
        var options = Enumerable.Range(0, 10).Select(k => new IssueOption($"o{k}", $"o{k}", [], [], null)).ToArray();
        var huge = spec with { Issues = Enumerable.Range(0, 20).Select(k => new Issue($"i{k}", $"i{k}", options)).ToArray() };
        var priced = 0;
        var e = Assert.Throws<ParleyInputException>(() => NegotiationAnalysis.Run(huge, (_, _) => priced++, sensitivity: false));
        Assert.Equal(0, priced); // refused up front: not one package was priced
        Assert.Contains("--max-packages", e.Message);
        Assert.Contains("100,000", e.Message);
        var r = Run("negotiate", Path.Combine(AppContext.BaseDirectory, "examples", "us-japan-2025.yaml"), "--max-packages", "3");
        OneLineInputError((r.Code, r.Err), "--max-packages");
    }

    [Fact]
    public void Monte_carlo_trials_above_max_trials_are_refused_before_solving()
    {
        var file = Path.Combine(AppContext.BaseDirectory, "examples", "can-jpn-pta.yaml");
        var r = Run("gravity", "simulate", file, "--monte-carlo", "200000");
        OneLineInputError((r.Code, r.Err), "--max-trials");
        OneLineInputError(Run("gravity", "simulate", file, "--max-trials", "10") is var x ? (x.Code, x.Err) : default, "monte_carlo.trials");
    }
}
