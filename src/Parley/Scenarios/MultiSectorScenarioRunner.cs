using Parley.Data;
using Parley.Models.MultiSector;
using Parley.Reports;

namespace Parley.Scenarios;

/// <summary>Runs scenarios on the Caliendo–Parro multi-sector model (called by <see cref="ScenarioRunner"/>).</summary>
public static class MultiSectorScenarioRunner
{
    /// <summary>Loads a bundled multi-sector dataset by name, or a dataset directory relative to the scenario file.</summary>
    public static MultiSectorDataset LoadDataset(Scenario s)
    {
        if (BundledData.MultiSector(s.Dataset) is { } bundled) return bundled;
        var baseDir = s.SourceFile is null ? Directory.GetCurrentDirectory() : Path.GetDirectoryName(Path.GetFullPath(s.SourceFile))!;
        var path = Path.GetFullPath(Path.Combine(baseDir, s.Dataset));
        if (!File.Exists(Path.Combine(path, "dataset.yaml")))
            throw new ParleyInputException(s.SourceFile ?? "(scenario)", null, "dataset", s.Dataset,
                $"'{BundledData.Wiod2011Name}', '{BundledData.Cp2015Name}' or a multi-sector dataset directory with a dataset.yaml (looked in {path})");
        return MultiSectorDatasetReader.Read(path);
    }

    /// <summary>Counterfactual tariffs ([j][i][n]): the base set, then the changes in order.</summary>
    public static double[] BuildTariffs(Scenario s, MultiSectorDataset d, IReadOnlyList<string>? extraOverlays = null)
    {
        var file = s.SourceFile ?? "(scenario)";
        double[] t;
        if (s.Base is "data") t = (double[])d.Base.Clone();
        else if (s.Base is "zero") t = new double[d.Flows.Length];
        else if (d.TariffSets.TryGetValue(s.Base, out var set)) t = (double[])set.Clone();
        else throw new ParleyInputException(file, null, "tariffs.base", s.Base, "data, zero or a tariff column of the dataset: " + string.Join(", ", d.TariffSets.Keys));
        if (s.FromSchedule is { } fs)
            t = Tariffs.ScheduleBridge.ToMultiSector(ScenarioRunner.ScheduleEngine(fs, extraOverlays), Tariffs.ImportWeights.Bundled2024, fs.Date, d, t);
        ApplyChanges(t, s.Changes, d, file);
        return t;
    }

    /// <summary>Applies tariff changes (levels) in order to a [j][i][n] tariff array. Mutates and returns <paramref name="t"/>.</summary>
    public static double[] ApplyChanges(double[] t, IEnumerable<TariffChange> changes, MultiSectorDataset d, string file)
    {
        var wld = new WorldDataset(d.Name, d.Vintage, d.Regions, new TradeMatrix(d.N, new double[d.N * d.N]), new double[d.N], null);
        foreach (var c in changes)
        {
            var importers = ScenarioRunner.Resolve(wld, c.Importers, file, c.Line, "importer");
            var exporters = ScenarioRunner.Resolve(wld, c.Exporters, file, c.Line, "exporter");
            var sectors = c.Sectors is null ? d.Sectors.Select(x => x.Index).ToArray() : c.Sectors.Select(code =>
                    (d.FindSector(code) ?? throw new ParleyInputException(file, c.Line, "sector", code,
                        $"a sector code or name of dataset '{d.Name}' (e.g. {string.Join(", ", d.Sectors.Take(3).Select(x => $"{x.Code} = {x.Name}"))})")).Index)
                .ToArray();
            foreach (var j in sectors)
                foreach (var n in importers)
                    foreach (var i in exporters)
                        if (i != n) t[d.Cell(j, i, n)] = c.Rate;
        }
        return t;
    }

    /// <summary>Runs a multi-sector scenario end to end.</summary>
    public static ScenarioResult Run(Scenario s, string command)
    {
        var file = s.SourceFile ?? "(scenario)";
        if (s.Retaliation.Mode != RetaliationMode.None)
            throw new ParleyInputException(file, null, "retaliation", s.Retaliation.Mode.ToString(),
                "mode: none for the multi-sector model (write retaliatory tariffs as tariff changes instead)");
        var d = LoadDataset(s);
        var tariffs = BuildTariffs(s, d);
        var wld = new WorldDataset(d.Name, d.Vintage, d.Regions, new TradeMatrix(d.N, new double[d.N * d.N]), new double[d.N], null);
        foreach (var label in s.Report)
            if (!label.Equals(ScenarioRunner.World, StringComparison.OrdinalIgnoreCase) && d.Regions.TryResolve(label) is null)
                throw new ParleyInputException(file, null, "report", label, $"a region code or group of dataset '{d.Name}', or {ScenarioRunner.World}");
        var deficits = s.Deficits == DeficitRule.Zero ? MultiSectorDeficits.Zero : MultiSectorDeficits.DataYear;
        var result = MultiSectorExperiment.Run(s.Name, d, d.Base, tariffs, deficits);
        var rows = s.Report.Select(label => Row(result, d, label)).ToArray();
        var inv = System.Globalization.CultureInfo.InvariantCulture;
        var manifest = new RunManifest(RunManifest.ParleyVersion, command, s.SourceFile, RunManifest.Sha256(s.SourceFile), d.Name, d.Vintage,
            "multi-sector GE with input–output links (Caliendo & Parro 2015)",
            new Dictionary<string, string>
            {
                ["deficits"] = deficits.ToString(),
                ["baseline_tariffs"] = d.BaseTariffs,
                ["tariff_base"] = s.Base,
                ["tariff_changes"] = s.Changes.Count.ToString(inv),
                ["money_unit"] = d.MoneyUnit,
                ["solver_tolerance_fixed_point"] = new Models.Numerics.AndersonOptions().Tolerance.ToString(inv),
                ["data_note"] = d.Notes ?? "",
            },
            [result.Baseline.Diagnostics, result.Counterfactual.Diagnostics], RunManifest.Now, RunManifest.MachineDescription);
        return new ScenarioResult(s, rows, manifest, MultiSector: result, MultiSectorData: d);
    }

    /// <summary>Millions of USD per unit of the dataset's money.</summary>
    public static double ToUsdMillions(MultiSectorDataset d) => d.MoneyUnit.Trim().ToUpperInvariant() switch
    {
        "USD MILLIONS" => 1,
        "USD THOUSANDS" => 1e-3,
        _ => 1e-6,
    };

    private static ReportRow Row(MultiSectorResult r, MultiSectorDataset d, string label)
    {
        var world = label.Equals(ScenarioRunner.World, StringComparison.OrdinalIgnoreCase);
        var members = world ? Enumerable.Range(0, d.N).ToArray() : d.Regions.TryResolve(label)!.ToArray();
        var toMillions = ToUsdMillions(d);
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
