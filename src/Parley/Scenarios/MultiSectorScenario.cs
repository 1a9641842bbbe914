using Parley.Data;
using Parley.Models.MultiSector;

namespace Parley.Scenarios;

/// <summary>Prepares a multi-sector <see cref="Scenario"/> for the Caliendo–Parro model: its dataset and the counterfactual tariffs.</summary>
public static class MultiSectorScenario
{
    /// <summary>Loads a bundled multi-sector dataset by name, or a dataset directory relative to the scenario file.</summary>
    public static MultiSectorDataset LoadDataset(Scenario s)
    {
        if (BundledData.MultiSector(s.Dataset) is { } bundled) return bundled;
        var baseDir = s.SourceFile is null ? Directory.GetCurrentDirectory() : Path.GetDirectoryName(Path.GetFullPath(s.SourceFile))!;
        var path = Path.GetFullPath(Path.Combine(baseDir, s.Dataset));
        if (!File.Exists(Path.Combine(path, "dataset.yaml")))
            throw new ParleyInputException(s.SourceFile ?? "(scenario)", null, "dataset", s.Dataset,
                $"'{BundledData.Wiod2011Name}', '{BundledData.World2022Name}', '{BundledData.Cp2015Name}' or a multi-sector dataset directory with a dataset.yaml (looked in {path})");
        return MultiSectorDatasetReader.Read(path);
    }

    /// <summary>Counterfactual tariffs ([j][i][n]): the base set, then the changes in order.</summary>
    public static double[] BuildTariffs(Scenario s, MultiSectorDataset d, IReadOnlyList<string>? extraOverlays = null)
    {
        var file = s.SourceFile ?? "(scenario)";
        double[] t;
        if (s.Base is "data") t = d.Base.ToArray();
        else if (s.Base is "zero") t = new double[d.Flows.Length];
        else if (d.TariffSets.TryGetValue(s.Base, out var set)) t = set.ToArray();
        else throw new ParleyInputException(file, null, "tariffs.base", s.Base, "data, zero or a tariff column of the dataset: " + string.Join(", ", d.TariffSets.Keys));
        if (s.FromSchedule is { } fs)
        {
            var engine = OneSectorScenario.ScheduleEngine(fs, extraOverlays);
            var start = t;
            t = Internals.ScheduleTariffCache.Get(engine.Schedule, d, fs.Date, start,
                () => Tariffs.ScheduleBridge.ToMultiSector(engine, Tariffs.ImportWeights.Bundled2024, fs.Date, d, start));
        }
        ApplyChanges(t, s.Changes, d, file);
        return t;
    }

    /// <summary>Applies tariff changes (levels) in order to a [j][i][n] tariff array; a change without <c>sector:</c> touches the
    /// goods sectors only (<see cref="TariffChangeScope"/>). Mutates and returns <paramref name="t"/>.</summary>
    public static double[] ApplyChanges(double[] t, IEnumerable<TariffChange> changes, MultiSectorDataset d, string file)
    {
        foreach (var c in changes)
        {
            var importers = OneSectorScenario.Resolve(d.Regions, d.Name, c.Importers, file, c.Line, "importer");
            var exporters = OneSectorScenario.Resolve(d.Regions, d.Name, c.Exporters, file, c.Line, "exporter");
            var (sectors, _) = TariffChangeScope.Resolve(c, d, file);
            foreach (var j in sectors)
                foreach (var n in importers)
                    foreach (var i in exporters)
                        if (i != n) t[d.Cell(j, i, n)] = c.Rate;
        }
        return t;
    }

    /// <summary>Millions of USD per unit of the dataset's money.</summary>
    public static double ToUsdMillions(MultiSectorDataset d) => d.MoneyUnit.Trim().ToUpperInvariant() switch
    {
        "USD MILLIONS" => 1,
        "USD THOUSANDS" => 1e-3,
        "USD" => 1e-6,
        var other => throw new ParleyInputException(d.Name, null, "money_unit", other, "USD, USD thousands or USD millions"),
    };
}
