using Parley.Data;
using Parley.Models.Numerics;
using Parley.Models.OneSector;
using Parley.Reports;

namespace Parley.Scenarios;

/// <summary>Turns a <see cref="Scenario"/> into model inputs, solves it and assembles the report (prepare → solve → results).</summary>
public static class ScenarioRunner
{
    /// <summary>Group label for the world aggregate in report lists.</summary>
    public const string World = "WORLD";

    /// <summary>Loads the scenario's dataset: a bundled name, or a directory relative to the scenario file.</summary>
    public static WorldDataset LoadDataset(Scenario s)
    {
        if (s.Dataset.Equals(BundledData.World2023Name, StringComparison.OrdinalIgnoreCase)) return BundledData.World2023;
        var baseDir = s.SourceFile is null ? Directory.GetCurrentDirectory() : Path.GetDirectoryName(Path.GetFullPath(s.SourceFile))!;
        var path = Path.GetFullPath(Path.Combine(baseDir, s.Dataset));
        if (!Directory.Exists(path))
            throw new ParleyInputException(s.SourceFile ?? "(scenario)", null, "dataset", s.Dataset,
                $"'{BundledData.World2023Name}' or an existing dataset directory (looked for {path})");
        return WorldDatasetReader.ReadDirectory(path);
    }

    /// <summary>Calibrates the economy of the scenario's model variant.</summary>
    public static Economy Calibrate(Scenario s, WorldDataset data)
    {
        var economy = s.Variant switch
        {
            ModelVariant.EatonKortum => Calibration.EatonKortum(Calibration.Baseline(data, s.Parameters)),
            ModelVariant.Roundabout => Calibration.Baseline(data, s.Parameters, new CalibrationOptions { ValueAddedShare = 0.49 }),
            _ => Calibration.Baseline(data, s.Parameters),
        };
        return s.Deficits == DeficitRule.Zero ? Calibration.WithoutTransfers(economy) : economy;
    }

    /// <summary>Builds the N×N tariff matrix: base, then changes in order, then retaliation.</summary>
    public static double[] BuildTariffs(Scenario s, WorldDataset data, Economy economy, IReadOnlyList<string>? extraOverlays = null)
    {
        var n = data.Countries.Count;
        var file = s.SourceFile ?? "(scenario)";
        double[] t;
        if (s.Base == "announced-us")
        {
            if (data.AnnouncedUsTariffs is null)
                throw new ParleyInputException(file, null, "tariffs.base", "announced-us", $"'zero', because dataset '{data.Name}' has no tariffs.csv");
            t = TariffShocks.AnnouncedUs(data, s.BaseFloor);
        }
        else
        {
            t = TariffShocks.Zero(n);
        }
        if (s.FromSchedule is { } fs)
        {
            var (fromSchedule, _) = Tariffs.ScheduleBridge.ToWorld(ScheduleEngine(fs, extraOverlays), Tariffs.ImportWeights.Bundled2024, fs.Date, data);
            for (var k = 0; k < t.Length; k++) t[k] = Math.Max(t[k], fromSchedule[k]);
        }
        ApplyChanges(t, s.Changes, data, file);
        var r = s.Retaliation;
        if (r.Mode != RetaliationMode.None)
        {
            var target = data.Countries.IndexOf(r.Target);
            if (target < 0)
                throw new ParleyInputException(file, null, "retaliation.against", r.Target, $"an ISO3 code of dataset '{data.Name}'");
            var by = Resolve(data, r.By, file, null, "retaliation.by").Where(j => j != target).ToArray();
            var rate = r.Mode switch
            {
                RetaliationMode.Optimal => OptimalTariffs.Retaliation(economy, target, s.Parameters.TradeElasticity),
                RetaliationMode.Uniform => r.Rate!.Value,
                _ => double.NaN,
            };
            foreach (var j in by) t[target * n + j] = r.Mode == RetaliationMode.Reciprocal ? t[j * n + target] : rate;
        }
        return t;
    }

    /// <summary>Applies tariff changes (levels) in order to an N×N matrix. Mutates and returns <paramref name="t"/>.</summary>
    public static double[] ApplyChanges(double[] t, IEnumerable<TariffChange> changes, WorldDataset data, string file)
    {
        var n = data.Countries.Count;
        foreach (var c in changes)
            TariffShocks.Set(t, n, Resolve(data, c.Importers, file, c.Line, "importer"), Resolve(data, c.Exporters, file, c.Line, "exporter"), c.Rate);
        return t;
    }

    /// <summary>The tariff engine for a scenario's schedule source: the base schedule with the scenario's overlay and any
    /// further overlays (e.g. a negotiation option's) applied in order.</summary>
    public static Tariffs.TariffEngine ScheduleEngine(ScheduleSource source, IReadOnlyList<string>? extraOverlays = null)
    {
        var schedule = Tariffs.TariffScheduleReader.Bundled;
        foreach (var file in (source.Overlay is { } o ? new[] { o } : []).Concat(extraOverlays ?? []))
            schedule = Tariffs.TariffOverlay.Read(file, schedule).ApplyTo(schedule);
        return new Tariffs.TariffEngine(schedule);
    }

    /// <summary>Resolves codes and groups; an unknown one is an input error naming file, line and field.</summary>
    public static IReadOnlyList<int> Resolve(WorldDataset data, IEnumerable<string> codes, string file, int? line, string field)
    {
        var result = new SortedSet<int>();
        foreach (var code in codes)
        {
            var members = data.Countries.TryResolve(code) ?? throw new ParleyInputException(file, line, field, code,
                $"an ISO3 code of dataset '{data.Name}' or a group ({string.Join(", ", data.Countries.GroupNames.Prepend(CountrySet.AllGroup))})");
            result.UnionWith(members);
        }
        return result.ToArray();
    }

    /// <summary>Runs a scenario end to end.</summary>
    public static ScenarioResult Run(Scenario s, string command = "simulate", NewtonOptions? solver = null)
    {
        if (s.Model == ModelKind.MultiSector) return MultiSectorScenarioRunner.Run(s, command);
        var data = LoadDataset(s);
        var economy = Calibrate(s, data);
        var tariffs = BuildTariffs(s, data, economy);
        var file = s.SourceFile ?? "(scenario)";
        foreach (var label in s.Report)
            if (!label.Equals(World, StringComparison.OrdinalIgnoreCase) && data.Countries.TryResolve(label) is null)
                throw new ParleyInputException(file, null, "report", label, $"an ISO3 code, a group of dataset '{data.Name}', or {World}");
        var result = EquilibriumSolver.Solve(s.Name, economy, tariffs, s.Parameters, solver);
        var rows = s.Report.Select(label => Row(result, data, label)).ToArray();
        var manifest = new RunManifest(RunManifest.ParleyVersion, command, s.SourceFile, RunManifest.Sha256(s.SourceFile),
            data.Name, data.Vintage, $"one-sector GE (Ignatenko et al. 2025), variant {economy.Variant}",
            Options(s, solver ?? new NewtonOptions()), [result.Equilibrium.Diagnostics], RunManifest.Now, RunManifest.MachineDescription);
        return new ScenarioResult(s, rows, manifest, OneSector: result);
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
        };
    }

    /// <summary>A report row for a code, a group (absorption-weighted means) or <see cref="World"/>.</summary>
    public static ReportRow Row(OneSectorResult r, WorldDataset data, string label)
    {
        var members = label.Equals(World, StringComparison.OrdinalIgnoreCase)
            ? Enumerable.Range(0, data.Countries.Count).ToArray()
            : data.Countries.TryResolve(label)!.ToArray();
        if (members.Length == 1 && !label.Equals(World, StringComparison.OrdinalIgnoreCase) && data.Countries.IndexOf(label) >= 0)
        {
            var c = r.Countries[members[0]];
            return new ReportRow(c.Iso3, c.Name, 1, c.Welfare, c.Deficit, c.ExportsToGdp, c.ImportsToGdp, c.Employment, c.Prices,
                c.RealWage, c.TariffRevenue / 1000);
        }
        var w = r.Economy.Absorption;
        double Mean(Func<CountryOutcome, double?> f) => r.WeightedMean(members, f, w);
        var name = label.Equals(World, StringComparison.OrdinalIgnoreCase) ? "World (absorption-weighted)" : $"{label} ({members.Length} countries, absorption-weighted)";
        return new ReportRow(label.ToUpperInvariant(), name, members.Length, Mean(c => c.Welfare), null, Mean(c => c.ExportsToGdp),
            Mean(c => c.ImportsToGdp), Mean(c => c.Employment), Mean(c => c.Prices), Mean(c => c.RealWage),
            members.Sum(i => r.Countries[i].TariffRevenue) / 1000);
    }
}
