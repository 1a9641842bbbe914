using Parley.Data;
using Parley.Models.MultiSector;
using Parley.Scenarios;

namespace Parley.Application;

/// <summary>The multi-sector branch of <see cref="ScenarioRunner"/>: solves on the Caliendo–Parro model and builds the rows.</summary>
internal static class MultiSectorScenarioRunner
{
    /// <summary>Runs a multi-sector scenario end to end with the fixed-point solver's <paramref name="options"/> (defaults when null).</summary>
    internal static ScenarioResult Run(Scenario s, string command, Models.Numerics.AndersonOptions? options = null)
    {
        options ??= new Models.Numerics.AndersonOptions();
        var file = s.SourceFile ?? "(scenario)";
        if (s.Retaliation.Mode != RetaliationMode.None)
            throw new ParleyInputException(file, null, "retaliation", s.Retaliation.Mode.ToString(),
                "mode: none for the multi-sector model (write retaliatory tariffs as tariff changes instead)");
        var d = MultiSectorScenario.LoadDataset(s);
        var tariffs = MultiSectorScenario.BuildTariffs(s, d);
        foreach (var label in s.Report)
            if (!label.Equals(ScenarioRunner.World, StringComparison.OrdinalIgnoreCase) && d.Regions.TryResolve(label) is null)
                throw new ParleyInputException(file, null, "report", label, $"a region code or group of dataset '{d.Name}', or {ScenarioRunner.World}");
        var deficits = s.Deficits == DeficitRule.Zero ? MultiSectorDeficits.Zero : MultiSectorDeficits.DataYear;
        var result = MultiSectorExperiment.Run(s.Name, d, d.Base.AsSpan(), tariffs, deficits, options);
        var rows = s.Report.Select(label => Row(result, d, label)).ToArray();
        var inv = System.Globalization.CultureInfo.InvariantCulture;
        var view = StatusQuoSolutions.View(s, d, result, options);
        var manifest = new RunManifest(RunManifest.ParleyVersion, command, s.SourceFile, RunManifest.Sha256(s.SourceFile), d.Name, d.Vintage,
            "multi-sector GE with input–output links (Caliendo & Parro 2015)",
            ScenarioRunner.WithStatusQuo(new Dictionary<string, string>
            {
                ["deficits"] = deficits.ToString(),
                ["baseline_tariffs"] = d.BaseTariffs,
                ["tariff_base"] = s.Base,
                ["tariff_changes"] = s.Changes.Count.ToString(inv),
                ["money_unit"] = d.MoneyUnit,
                ["solver_tolerance_fixed_point"] = options.Tolerance.ToString(inv),
                ["solver_max_iterations"] = options.MaxIterations.ToString(inv),
                ["data_note"] = d.Notes ?? "",
            }, view),
            [result.Baseline.Diagnostics, result.Counterfactual.Diagnostics], RunManifest.Now, RunManifest.MachineDescription);
        return new ScenarioResult(s, rows, manifest, MultiSector: result, MultiSectorData: d, StatusQuo: view);
    }

    private static ReportRow Row(MultiSectorResult r, MultiSectorDataset d, string label)
    {
        var world = label.Equals(ScenarioRunner.World, StringComparison.OrdinalIgnoreCase);
        var members = world ? Enumerable.Range(0, d.N).ToArray() : d.Regions.TryResolve(label)!.ToArray();
        var toMillions = MultiSectorScenario.ToUsdMillions(d);
        if (members.Length == 1 && !world && d.Regions.IndexOf(label) >= 0)
        {
            var o = r.Regions[members[0]];
            return new ReportRow(o.Iso3, o.Name, 1, o.RealIncome, null, null, null, null, o.Prices, o.RealWage, o.TariffRevenueCounterfactual * toMillions,
                o.Exports, o.Imports, o.Welfare, o.TermsOfTrade, o.VolumeOfTrade);
        }
        double Mean(Func<RegionOutcome, double> f)
        {
            double num = 0, den = 0;
            foreach (var k in members)
            {
                num += r.Baseline.Income[k] * f(r.Regions[k]);
                den += r.Baseline.Income[k];
            }
            return num / den;
        }
        var name = world ? "World (baseline-income-weighted)" : $"{label} ({members.Length} regions, baseline-income-weighted)";
        return new ReportRow(label.ToUpperInvariant(), name, members.Length, Mean(o => o.RealIncome), null, null, null, null, Mean(o => o.Prices),
            Mean(o => o.RealWage), members.Sum(k => r.Regions[k].TariffRevenueCounterfactual) * toMillions, Mean(o => o.Exports), Mean(o => o.Imports),
            Mean(o => o.Welfare), Mean(o => o.TermsOfTrade), Mean(o => o.VolumeOfTrade));
    }
}
