using Parley.Data;
using Parley.Models.Numerics;
using Parley.Models.OneSector;

namespace Parley.Scenarios;

/// <summary>
/// Prepares a one-sector <see cref="Scenario"/> for the model: its dataset, the calibrated economy and the tariff matrix
/// (base, schedule, changes, retaliation). The application layer (<c>Parley.Application.ScenarioRunner</c>) solves and
/// reports; the negotiation evaluator reuses these steps for every package.
/// </summary>
public static class OneSectorScenario
{
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
    /// <param name="s">Scenario.</param>
    /// <param name="data">Dataset.</param>
    /// <param name="economy">Calibrated economy (for optimal retaliation).</param>
    /// <param name="extraOverlays">Further overlays applied after the scenario's (e.g. a negotiation option's).</param>
    /// <param name="notes">Receives what the build had to assume (e.g. countries without US imports in the weights), when given.</param>
    public static double[] BuildTariffs(Scenario s, WorldDataset data, Economy economy, IReadOnlyList<string>? extraOverlays = null,
        ICollection<string>? notes = null)
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
            var engine = ScheduleEngine(fs, extraOverlays);
            var (fromSchedule, withoutImports) = Internals.ScheduleTariffCache.Get(engine.Schedule, data, fs.Date, [],
                () => Tariffs.ScheduleBridge.ToWorld(engine, Tariffs.ImportWeights.Bundled2024, fs.Date, data), x => (x.Tariffs.ToArray(), x.WithoutImports));
            if (withoutImports.Count > 0)
                notes?.Add($"from-schedule: {withoutImports.Count} countries of '{data.Name}' have no 2024 US imports in the weights, " +
                           $"so their US tariff from the schedule is 0: {string.Join(", ", withoutImports)}");
            for (var k = 0; k < t.Length; k++) t[k] = Math.Max(t[k], fromSchedule[k]);
        }
        ApplyChanges(t, s.Changes, data, file);
        var r = s.Retaliation;
        if (r.Mode != RetaliationMode.None)
        {
            var target = data.Countries.IndexOf(r.Target);
            if (target < 0)
                throw new ParleyInputException(file, null, "retaliation.against", r.Target, $"an ISO3 code of dataset '{data.Name}'");
            var by = Resolve(data.Countries, data.Name, r.By, file, null, "retaliation.by").Where(j => j != target).ToArray();
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
            TariffShocks.Set(t, n, Resolve(data.Countries, data.Name, c.Importers, file, c.Line, "importer"), Resolve(data.Countries, data.Name, c.Exporters, file, c.Line, "exporter"), c.Rate);
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

    /// <summary>Resolves codes and groups of a dataset's country set; an unknown one is an input error naming file, line and field.</summary>
    public static IReadOnlyList<int> Resolve(CountrySet countries, string dataset, IEnumerable<string> codes, string file, int? line, string field)
    {
        var result = new SortedSet<int>();
        foreach (var code in codes)
        {
            var members = countries.TryResolve(code) ?? throw new ParleyInputException(file, line, field, code,
                $"an ISO3 code of dataset '{dataset}' or a group ({string.Join(", ", countries.GroupNames.Prepend(CountrySet.AllGroup))})");
            result.UnionWith(members);
        }
        return result.ToArray();
    }
}
