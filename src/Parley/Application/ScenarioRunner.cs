// The application layer: every host (the CLI, the web workbench) runs a scenario through here, in the order
// load → prepare → solve → report. Preparation (datasets, calibration, tariff matrices) lives with the scenario in
// Parley.Scenarios; the models solve; this layer assembles report rows and the run manifest.
using Parley.Data;
using Parley.Models.Numerics;
using Parley.Models.OneSector;
using Parley.Scenarios;

namespace Parley.Application;

/// <summary>Runs a <see cref="Scenario"/> end to end (prepare → solve → results) on the model it names.</summary>
public static class ScenarioRunner
{
    /// <summary>Group label for the world aggregate in report lists.</summary>
    public const string World = "WORLD";

    /// <summary>Reads a scenario file (YAML); every error names file, line, field, value and expectation.</summary>
    public static Scenario Load(string path) => ScenarioFile.Read(path);

    /// <summary>Reads scenario YAML given as text (an HTTP body); <paramref name="name"/> names it in errors, as a file of that name would be.</summary>
    public static Scenario LoadText(string yaml, string name = "scenario.yaml") => ScenarioFile.ReadText(yaml, name);

    /// <summary>Runs a scenario end to end: the one-sector model with <paramref name="solver"/>, the multi-sector model with
    /// <paramref name="fixedPoint"/> (defaults when null).</summary>
    public static ScenarioResult Run(Scenario s, string command = "simulate", NewtonOptions? solver = null, AndersonOptions? fixedPoint = null)
    {
        if (s.Sweep is { } sweep)
            throw new ParleyInputException(s.SourceFile ?? "(scenario)", sweep.Line, "sweep", sweep.ParameterName,
                "a scenario without 'sweep:' here (run a sweep file with 'parley simulate FILE')");
        if (s.Model == ModelKind.MultiSector) return MultiSectorScenarioRunner.Run(s, command, fixedPoint);
        var data = OneSectorScenario.LoadDataset(s);
        var economy = OneSectorScenario.Calibrate(s, data);
        var notes = new List<string>(economy.Adjustments);
        var tariffs = OneSectorScenario.BuildTariffs(s, data, economy, notes: notes);
        var file = s.SourceFile ?? "(scenario)";
        foreach (var label in s.Report)
            if (!label.Equals(World, StringComparison.OrdinalIgnoreCase) && data.Countries.TryResolve(label) is null)
                throw new ParleyInputException(file, null, "report", label, $"an ISO3 code, a group of dataset '{data.Name}', or {World}");
        var result = EquilibriumSolver.Solve(s.Name, economy, tariffs, s.Parameters, solver);
        var rows = s.Report.Select(label => Row(result, data, label)).ToArray();
        var view = StatusQuoSolutions.View(s, data, economy, result, solver);
        var manifest = new RunManifest(RunManifest.ParleyVersion, command, s.SourceFile, RunManifest.Sha256(s.SourceFile),
            data.Name, data.Vintage, $"one-sector GE (Ignatenko et al. 2025), variant {economy.Variant}",
            WithNotes(WithStatusQuo(Options(s, solver ?? new NewtonOptions()), view), notes), [result.Equilibrium.Diagnostics], RunManifest.Now, RunManifest.MachineDescription);
        return new ScenarioResult(s, rows, manifest, OneSector: result, StatusQuo: view);
    }

    /// <summary>Adds the status quo used to a manifest's options.</summary>
    /// <summary>Adds the run's data notes (calibration adjustments, schedule assumptions) to the manifest options.</summary>
    internal static Dictionary<string, string> WithNotes(Dictionary<string, string> options, IReadOnlyCollection<string> notes)
    {
        if (notes.Count > 0) options["data_notes"] = string.Join(" | ", notes);
        return options;
    }

    internal static Dictionary<string, string> WithStatusQuo(Dictionary<string, string> options, Scenarios.StatusQuoView view)
    {
        options["status_quo"] = view.StatusQuo.Label;
        options["status_quo_description"] = view.Description;
        if (view.BaseYear is { } y) options["money_base_year"] = y.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return options;
    }

    private static Dictionary<string, string> Options(Scenario s, NewtonOptions solver)
    {
        var p = s.Parameters;
        var inv = System.Globalization.CultureInfo.InvariantCulture;
        return new Dictionary<string, string>
        {
            ["variant"] = s.Variant.ToString(),
            ["deficits"] = s.Deficits.ToString(),
            ["trade_elasticity"] = p.TradeElasticity.ToString(inv),
            ["labor_supply_elasticity"] = p.LaborSupplyElasticity.ToString(inv),
            ["scale_elasticity"] = p.ScaleElasticity.ToString(inv),
            ["pass_through_constant"] = p.PassThroughConstant.ToString(inv),
            ["recycling"] = p.Recycling.ToString(),
            ["tariff_base"] = s.Base,
            ["tariff_base_floor_fraction"] = s.BaseFloor.ToString(inv),
            ["tariff_changes"] = s.Changes.Count.ToString(inv),
            ["retaliation"] = s.Retaliation.Mode.ToString(),
            ["solver_tolerance_scaled_residual"] = solver.Tolerance.ToString(inv),
            ["solver_max_iterations"] = solver.MaxIterations.ToString(inv),
            ["solver_continuation_stages"] = solver.ContinuationStages.ToString(inv),
        };
    }

    /// <summary>A report row for a code, a group or <see cref="World"/>: absorption-weighted means and summed revenue (<see cref="CountryAggregate"/>).</summary>
    public static ReportRow Row(OneSectorResult r, WorldDataset data, string label)
    {
        var g = CountryAggregate.Resolve(data.Countries, label, r.Economy.Absorption);
        if (g.IsCountry)
        {
            var c = r.Countries[g.Members[0]];
            return new ReportRow(c.Iso3, c.Name, 1, c.Welfare, c.Deficit, c.ExportsToGdp, c.ImportsToGdp, c.Employment, c.Prices,
                c.RealWage, c.TariffRevenue / 1000);
        }
        var o = r.Countries;
        return new ReportRow(g.Label, g.Name(data.Countries, "absorption-weighted"), g.Members.Count, g.Mean(k => o[k].Welfare), null,
            g.Mean(k => o[k].ExportsToGdp), g.Mean(k => o[k].ImportsToGdp), g.Mean(k => o[k].Employment), g.Mean(k => o[k].Prices),
            g.Mean(k => o[k].RealWage), g.Sum(k => o[k].TariffRevenue) / 1000);
    }
}
