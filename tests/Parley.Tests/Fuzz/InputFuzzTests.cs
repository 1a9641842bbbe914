using CsCheck;
using Parley.Tests.Cli;
using Xunit;
using Xunit.Abstractions;

namespace Parley.Tests.Fuzz;

/// <summary>
/// Property: for any mutation of a valid input of every format Parley reads, the outcome is success (with finite
/// numbers in every output), a one-line input error (exit 2), or non-convergence (exit 3) — never another exception,
/// exit 1, an abort or unbounded time. Iteration counts and time budgets keep the whole class near 60 s on 2 cores.
/// </summary>
[Collection("Fuzz")]
public class InputFuzzTests(ITestOutputHelper output)
{
    /// <summary>Runs the CLI in-process and classifies its exit; exit 1 or a multi-line usage error fails the property.</summary>
    internal static FuzzOutcome Cli(params string[] args)
    {
        var (code, stdout, stderr) = CliTests.Run(args);
        switch (code)
        {
            case 0:
                FuzzHarness.RequireFinite("stdout", stdout);
                return FuzzOutcome.Success;
            case 2 when stderr.TrimEnd().Split('\n').Length == 1 && stderr.StartsWith("error: ", StringComparison.Ordinal):
                return FuzzOutcome.InputError;
            case 3:
                return FuzzOutcome.NotConverged;
            default:
                throw new FuzzFailure($"exit {code}: {stderr}");
        }
    }

    private void Report(string property, (int Cases, Dictionary<FuzzOutcome, int> Outcomes, List<string> Skipped) r)
    {
        output.WriteLine($"{property}: {r.Cases} cases (seeds from {FuzzHarness.BaseSeed}): " +
                         string.Join(", ", r.Outcomes.OrderBy(kv => kv.Key).Select(kv => $"{kv.Key} {kv.Value}")));
        foreach (var s in r.Skipped) output.WriteLine("  skipped " + s);
        Assert.True(r.Cases > 0);
    }

    private static string Print(string s) => s.Length <= 4000 ? s : s[..4000] + "…";

    [Fact]
    public void Scenario_yaml_mutations_never_crash_simulate()
    {
        using var tmp = new TempFolder();
        Fixtures.World(tmp);
        var file = Path.Combine(tmp.Path, "scenario.yaml");
        Report("scenario yaml", FuzzHarness.Run("scenario yaml", Mutations.Of(Fixtures.Scenario), text =>
        {
            File.WriteAllText(file, text);
            return Cli("simulate", file);
        }, iterations: 60, budgetSeconds: 8, print: Print));
    }

    [Fact]
    public void Multi_sector_scenario_yaml_mutations_never_crash_simulate()
    {
        using var tmp = new TempFolder();
        Fixtures.MultiSector(tmp);
        var file = Path.Combine(tmp.Path, "ms-scenario.yaml");
        Report("multi-sector scenario yaml", FuzzHarness.Run("multi-sector scenario yaml", Mutations.Of(Fixtures.MultiSectorScenario), text =>
        {
            File.WriteAllText(file, text);
            return Cli("simulate", file);
        }, iterations: 30, budgetSeconds: 5, print: Print));
    }

    [Fact]
    public void Negotiation_yaml_mutations_never_crash_negotiate()
    {
        using var tmp = new TempFolder();
        Fixtures.World(tmp);
        var file = Path.Combine(tmp.Path, "negotiation.yaml");
        Report("negotiation yaml", FuzzHarness.Run("negotiation yaml", Mutations.Of(Fixtures.Negotiation), text =>
        {
            File.WriteAllText(file, text);
            return Cli("negotiate", file, "--no-sensitivity");
        }, iterations: 30, budgetSeconds: 8, print: Print));
    }

    [Fact]
    public void Estimation_yaml_mutations_never_crash_estimate()
    {
        using var tmp = new TempFolder();
        Fixtures.Panel(tmp);
        var file = Path.Combine(tmp.Path, "estimation.yaml");
        Report("estimation yaml", FuzzHarness.Run("estimation yaml", Mutations.Of(Fixtures.Estimation), text =>
        {
            File.WriteAllText(file, text);
            return Cli("estimate", file, "--format", "csv");
        }, iterations: 50, budgetSeconds: 6, print: Print));
    }

    [Fact]
    public void Gravity_yaml_mutations_never_crash_gravity_simulate()
    {
        using var tmp = new TempFolder();
        Fixtures.Panel(tmp);
        var file = Path.Combine(tmp.Path, "gravity.yaml");
        Report("gravity yaml", FuzzHarness.Run("gravity yaml", Mutations.Of(Fixtures.Gravity), text =>
        {
            File.WriteAllText(file, text);
            return Cli("gravity", "simulate", file, "--format", "csv");
        }, iterations: 50, budgetSeconds: 6, print: Print));
    }

    [Fact]
    public void Panel_csv_mutations_never_crash_estimate_or_gravity()
    {
        using var tmp = new TempFolder();
        var panel = Fixtures.Panel(tmp);
        var valid = File.ReadAllText(panel);
        var estimation = tmp.Write("estimation.yaml", Fixtures.Estimation);
        var gravity = tmp.Write("gravity.yaml", Fixtures.Gravity);
        var gen = Gen.Select(Mutations.Of(valid), Gen.Bool);
        Report("panel csv", FuzzHarness.Run("panel csv", gen, x =>
        {
            File.WriteAllText(panel, x.Item1);
            return x.Item2 ? Cli("estimate", estimation, "--format", "csv") : Cli("gravity", "simulate", gravity, "--format", "csv");
        }, iterations: 40, budgetSeconds: 6, print: x => Print(x.Item1)));
    }

    [Fact]
    public void Panel_csv_mutations_read_the_same_with_the_columnar_and_the_row_reader()
    {
        // Differential property of the estimation-panel reader (decision 0036): on any mutation, the same cells or the same
        // one-line error as CsvTable, on the code path (default limit) and on the double path (limit 2).
        using var tmp = new TempFolder();
        var panel = Fixtures.Panel(tmp);
        var gen = Gen.Select(Mutations.Of(File.ReadAllText(panel)), Gen.Bool);
        Report("panel csv, columnar reader", FuzzHarness.Run("panel csv, columnar reader", gen, x =>
        {
            File.WriteAllText(panel, x.Item1);
            var differs = Estimation.ColumnarCsvTests.Disagreement(panel, x.Item2 ? Parley.Internals.ColumnarCsv.CodeLimit : 2);
            return differs is null ? FuzzOutcome.Success : throw new FuzzFailure(differs);
        }, iterations: 60, budgetSeconds: 4, print: x => Print(x.Item1)));
    }

    [Fact]
    public void World_dataset_csv_mutations_never_crash_simulate()
    {
        using var tmp = new TempFolder();
        var dir = Fixtures.World(tmp);
        var files = Directory.GetFiles(dir).Order(StringComparer.Ordinal).ToArray();
        var valid = files.ToDictionary(f => f, File.ReadAllText);
        var scenario = tmp.Write("scenario.yaml", Fixtures.Scenario);
        var gen = Gen.Int[0, files.Length - 1].SelectMany(k => Mutations.Of(valid[files[k]]).Select(text => (File: files[k], Text: text)));
        Report("world dataset csv", FuzzHarness.Run("world dataset csv", gen, x =>
        {
            foreach (var (f, text) in valid) File.WriteAllText(f, text);
            File.WriteAllText(x.File, x.Text);
            return Cli("simulate", scenario);
        }, iterations: 50, budgetSeconds: 6, print: x => Path.GetFileName(x.File) + ":\n" + Print(x.Text)));
    }

    [Fact]
    public void Multi_sector_dataset_mutations_never_crash_simulate()
    {
        using var tmp = new TempFolder();
        var dir = Fixtures.MultiSector(tmp);
        var files = Directory.GetFiles(dir).Order(StringComparer.Ordinal).ToArray();
        var valid = files.ToDictionary(f => f, File.ReadAllText);
        var scenario = tmp.Write("ms-scenario.yaml", Fixtures.MultiSectorScenario);
        var gen = Gen.Int[0, files.Length - 1].SelectMany(k => Mutations.Of(valid[files[k]]).Select(text => (File: files[k], Text: text)));
        Report("multi-sector dataset", FuzzHarness.Run("multi-sector dataset", gen, x =>
        {
            foreach (var (f, text) in valid) File.WriteAllText(f, text);
            File.WriteAllText(x.File, x.Text);
            return Cli("simulate", scenario);
        }, iterations: 50, budgetSeconds: 8, print: x => Path.GetFileName(x.File) + ":\n" + Print(x.Text)));
    }

    [Fact]
    public void Overlay_yaml_mutations_never_crash_the_overlay_reader()
    {
        using var tmp = new TempFolder();
        var valid = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "examples", "offers", "japan-autos-15-early.yaml"));
        var file = Path.Combine(tmp.Path, "overlay.yaml");
        Report("overlay yaml", FuzzHarness.Run("overlay yaml", Mutations.Of(valid), text =>
        {
            File.WriteAllText(file, text);
            Parley.Tariffs.TariffOverlay.Read(file, Parley.Tariffs.TariffScheduleReader.Bundled);
            return FuzzOutcome.Success;
        }, iterations: 40, budgetSeconds: 4, print: Print));
    }

    [Fact]
    public void Weights_csv_mutations_never_crash_the_weights_reader()
    {
        using var tmp = new TempFolder();
        var file = Path.Combine(tmp.Path, "weights.csv");
        Report("weights csv", FuzzHarness.Run("weights csv", Mutations.Of(Fixtures.Weights), text =>
        {
            File.WriteAllText(file, text);
            Parley.Tariffs.ImportWeights.Read(file);
            return FuzzOutcome.Success;
        }, iterations: 40, budgetSeconds: 3, print: Print));
    }
}
