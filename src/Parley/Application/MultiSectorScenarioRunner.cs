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
        var scopes = TariffChangeScope.Of(s.Changes, d, file);
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
                ["tariff_change_sectors"] = string.Join("; ", scopes.Select(x => x.Describe(d))),
                ["money_unit"] = d.MoneyUnit,
                ["solver_tolerance_fixed_point"] = options.Tolerance.ToString(inv),
                ["solver_max_iterations"] = options.MaxIterations.ToString(inv),
                ["data_note"] = d.Notes ?? "",
            }, view),
            [result.Baseline.Diagnostics, result.Counterfactual.Diagnostics], RunManifest.Now, RunManifest.MachineDescription);
        return new ScenarioResult(s, rows, manifest, MultiSector: result, MultiSectorData: d, StatusQuo: view, TariffChanges: scopes);
    }

    /// <summary>
    /// A report row for a region, a group or WORLD. Groups aggregate by <see cref="CountryAggregate"/> with baseline income
    /// as weight: the exact statistics through <see cref="ChangeRow.Between(SolutionLevels, SolutionLevels, string)"/> (so a
    /// group's exports are the change of its members' summed exports), the first-order decomposition as weighted means and
    /// tariff revenue as a sum.
    /// </summary>
    internal static ReportRow Row(MultiSectorResult r, MultiSectorDataset d, string label)
    {
        var g = CountryAggregate.Resolve(d.Regions, label, r.Baseline.Income);
        var toMillions = MultiSectorScenario.ToUsdMillions(d);
        if (g.IsCountry)
        {
            var o = r.Regions[g.Members[0]];
            return new ReportRow(o.Iso3, o.Name, 1, o.RealIncome, null, null, null, null, o.Prices, o.RealWage, o.TariffRevenueCounterfactual * toMillions,
                o.Exports, o.Imports, o.Welfare, o.TermsOfTrade, o.VolumeOfTrade);
        }
        var x = ChangeRow.Between(SolutionLevels.Of(r.Baseline, d), SolutionLevels.Of(r.Counterfactual, d), label);
        var m = r.Regions;
        return new ReportRow(g.Label, g.Name(d.Regions, "baseline-income-weighted", "regions"), g.Members.Count, x.Welfare, null, null, null, null,
            x.ConsumerPrices, x.RealWage, g.Sum(k => m[k].TariffRevenueCounterfactual) * toMillions, x.Exports, x.Imports,
            g.Mean(k => m[k].Welfare), g.Mean(k => m[k].TermsOfTrade), g.Mean(k => m[k].VolumeOfTrade));
    }
}
