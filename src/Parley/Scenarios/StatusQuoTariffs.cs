// Turns a status quo into the tariff matrix the model solves (docs/models/status-quo.md (SQ-1)): the same preparation
// path as a scenario's own tariffs, so a schedule status quo is exactly a scenario with `from-schedule: { date: D }`
// and no changes, and a scenario status quo is that file's counterfactual tariffs.
using Parley.Data;
using Parley.Models.OneSector;

namespace Parley.Scenarios;

/// <summary>Resolves a scenario's status quo and builds its tariffs.</summary>
public static class StatusQuoTariffs
{
    /// <summary>
    /// The status quo a scenario is compared with: its own <c>status_quo:</c>; otherwise, for the bundled world models
    /// (world-2023, wiod-2011, world-2022), the US schedule in force on the scenario's <c>date:</c> or <paramref name="today"/>, capped
    /// at the schedule's last revision; otherwise the data's own tariffs (tariff-free for one-sector data).
    /// </summary>
    public static StatusQuo Resolve(Scenario s, DateOnly? today = null)
    {
        if (s.StatusQuo is { } explicitStatusQuo) return explicitStatusQuo;
        var world = s.Model == ModelKind.OneSector
            ? s.Dataset.Equals(BundledData.World2023Name, StringComparison.OrdinalIgnoreCase)
            : s.Dataset.Equals(BundledData.Wiod2011Name, StringComparison.OrdinalIgnoreCase) || s.Dataset.Equals(BundledData.World2022Name, StringComparison.OrdinalIgnoreCase);
        if (!world) return StatusQuo.DataTariffs;
        var date = s.Date ?? today ?? DateOnly.FromDateTime(DateTime.Today);
        var last = Tariffs.TariffScheduleReader.Bundled.LastRevision;
        if (date > last) date = last;
        return new StatusQuo(StatusQuoKind.Schedule, Tariffs.TariffEngine.CheckDate(date, "date"));
    }

    /// <summary>A sentence naming the status quo, for captions, manifests and JSON.</summary>
    public static string Describe(StatusQuo sq, Scenario s) => sq.Kind switch
    {
        StatusQuoKind.TariffFree => "tariff-free (no tariffs anywhere)",
        StatusQuoKind.Data when s.Model == ModelKind.OneSector => "tariff-free (the data's calibration; the world data holds no tariffs)",
        StatusQuoKind.Data => "the data's base tariffs",
        StatusQuoKind.Schedule => $"US tariffs in force on {sq.Date:yyyy-MM-dd} (statutory schedule)" +
                                  (s.Model == ModelKind.MultiSector ? " on top of the data's base tariffs" : "; partners' tariffs as in the data (none)"),
        _ => $"the tariffs of scenario {Path.GetFileName(sq.ScenarioFile)}",
    };

    /// <summary>The scenario whose counterfactual tariffs are the status quo (tariff-free is a scenario with base zero).</summary>
    public static Scenario AsScenario(StatusQuo sq, Scenario s)
    {
        var none = new Retaliation(RetaliationMode.None, "USA", [CountrySet.AllGroup], null);
        var dataBase = s.Model == ModelKind.MultiSector ? "data" : "zero";
        var name = "status quo: " + sq.Label;
        switch (sq.Kind)
        {
            case StatusQuoKind.TariffFree:
                return s with { Name = name, Base = "zero", FromSchedule = null, Changes = [], Retaliation = none };
            case StatusQuoKind.Data:
                return s with { Name = name, Base = dataBase, FromSchedule = null, Changes = [], Retaliation = none };
            case StatusQuoKind.Schedule:
                return s with { Name = name, Base = dataBase, FromSchedule = new ScheduleSource(sq.Date!.Value, null), Changes = [], Retaliation = none };
            default:
                var other = ScenarioFile.Read(sq.ScenarioFile!);
                RequireSameModel(s, other);
                return other with { Name = name };
        }
    }

    /// <summary>Throws unless two scenarios share dataset and model settings (their solutions are then comparable).</summary>
    public static void RequireSameModel(Scenario reference, Scenario other)
    {
        string Describe(Scenario x) => $"{x.Model}, dataset {x.Dataset}, {x.Variant}, deficits {x.Deficits}, {x.Parameters}";
        if (Describe(reference) != Describe(other) || !SameDataset(reference, other))
            throw new ParleyInputException(other.SourceFile ?? "(scenario)", null, "dataset/model", Describe(other),
                $"the same dataset and model settings as {Path.GetFileName(reference.SourceFile ?? "(scenario)")} ({Describe(reference)})");
    }

    private static bool SameDataset(Scenario a, Scenario b)
    {
        string Where(Scenario x) => BundledData.MultiSector(x.Dataset) is not null || x.Dataset.Equals(BundledData.World2023Name, StringComparison.OrdinalIgnoreCase)
            ? x.Dataset.ToLowerInvariant()
            : Path.GetFullPath(Path.Combine(x.SourceFile is null ? Directory.GetCurrentDirectory() : Path.GetDirectoryName(Path.GetFullPath(x.SourceFile))!, x.Dataset));
        return Where(a) == Where(b);
    }

    /// <summary>One-sector status-quo tariffs (N×N).</summary>
    public static double[] OneSector(StatusQuo sq, Scenario s, WorldDataset data, Economy economy) =>
        OneSectorScenario.BuildTariffs(AsScenario(sq, s), data, economy);

    /// <summary>Multi-sector status-quo tariffs ([j][i][n]).</summary>
    public static double[] MultiSector(StatusQuo sq, Scenario s, MultiSectorDataset d) =>
        MultiSectorScenario.BuildTariffs(AsScenario(sq, s), d);
}
