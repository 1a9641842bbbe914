using Parley.Models.OneSector;
using Parley.Internals;

namespace Parley.Scenarios;

/// <summary>
/// Reads scenario YAML files. Keys (all optional except <c>name</c>):
/// <code>
/// name: US–Japan deal at 15%
/// dataset: world-2023              # or wiod-2011 / world-2022 / cp2015-nafta, or a dataset directory, relative to this file
/// model:
///   type: one-sector               # one-sector | multi-sector
///   variant: baseline              # baseline | eaton-kortum | roundabout
///   deficits: fixed                # fixed (share of world income) | zero (balanced trade)
///   trade_elasticity: 4
///   recycling: income-tax-relief   # or lump-sum-rebate
/// tariffs:
///   base: announced-us             # zero | announced-us (April 2 2025 list, 10% floor); multi-sector: data | zero | a tariff column
///   from-schedule: { date: 2025-05-01, overlay: japan-offer.yaml }   # US tariffs from the statutory schedule (optional)
///   changes:
///     - { importer: USA, exporter: JPN, rate: 0.15 }               # or rate: "15%"; a bare rate above 1 needs prohibitive: true
///     - { importer: USA, exporter: KOR, sector: c15, rate: 0.25 }   # multi-sector only; no sector: = goods sectors, sector: all = every sector
/// retaliation: { mode: none }      # none | reciprocal | optimal | uniform (with rate), by: [CHN]
/// report: [USA, JPN, KOR, CHN, EU27, WORLD]
/// date: 2025-08-07                 # the scenario's date (default status quo: the schedule then in force)
/// status_quo: tariff-free          # or { schedule: 2025-05-30 } or { scenario: other.yaml } or data (see StatusQuoFile)
/// sweep: { parameter: rate, change: jpn-autos, from: 0, to: 0.275, step: 0.025 }   # see SweepFile
/// </code>
/// Country codes are checked against the dataset when the scenario runs (see <c>Parley.Application.ScenarioRunner</c>).
/// </summary>
public static class ScenarioFile
{
    private static readonly Dictionary<string, ModelVariant> Variants = new()
    {
        ["baseline"] = ModelVariant.Baseline, ["eaton-kortum"] = ModelVariant.EatonKortum, ["roundabout"] = ModelVariant.Roundabout,
    };

    private static readonly Dictionary<string, RevenueRecycling> Recyclings = new()
    {
        ["income-tax-relief"] = RevenueRecycling.IncomeTaxRelief, ["lump-sum-rebate"] = RevenueRecycling.LumpSumRebate,
    };

    private static readonly Dictionary<string, DeficitRule> Deficits = new()
    {
        ["fixed"] = DeficitRule.Fixed, ["zero"] = DeficitRule.Zero,
    };

    private static readonly Dictionary<string, ModelKind> Kinds = new()
    {
        ["one-sector"] = ModelKind.OneSector, ["multi-sector"] = ModelKind.MultiSector,
    };

    private static readonly Dictionary<string, RetaliationMode> Modes = new()
    {
        ["none"] = RetaliationMode.None, ["reciprocal"] = RetaliationMode.Reciprocal,
        ["optimal"] = RetaliationMode.Optimal, ["uniform"] = RetaliationMode.Uniform,
    };

    /// <summary>Reads and validates a scenario file; errors name file, line and key.</summary>
    public static Scenario Read(string path) => Parse(YamlMap.Load(path), path, null);

    /// <summary>Reads scenario YAML given as text (an upload); <paramref name="name"/> stands for the file in errors and
    /// relative paths resolve against the working directory, as for a file of that name there.</summary>
    public static Scenario ReadText(string yaml, string name) => Parse(YamlMap.Parse(yaml, name), name, null);

    /// <summary>Tariff changes listed under <paramref name="key"/> of a mapping (shared with negotiation files).</summary>
    internal static IReadOnlyList<TariffChange> ParseChanges(YamlMap map, string key, ModelKind kind)
    {
        var changes = new List<TariffChange>();
        foreach (var c in map.MapList(key))
        {
            var importers = c.Codes("importer") ?? throw c.Error("importer", null, null, "an importer code or group, e.g. 'importer: USA'");
            var exporters = c.Codes("exporter") ?? throw c.Error("exporter", null, null, "an exporter code or group, e.g. 'exporter: JPN' or 'exporter: ALL'");
            var rate = c.Rate("rate") ?? throw c.Error("rate", null, null, "a tariff as a fraction or a percent string, e.g. 'rate: 0.15' or 'rate: \"15%\"'");
            var sectors = c.Codes("sector");
            if (sectors is not null && kind == ModelKind.OneSector)
                throw c.Error("sector", null, sectors[0].Value, "no 'sector:' key: the one-sector model has no sectors (use 'model: { type: multi-sector }')");
            var id = c.String("id")?.Trim();
            c.RejectUnknownKeys();
            changes.Add(new TariffChange(importers.Select(x => x.Value).ToArray(), exporters.Select(x => x.Value).ToArray(), rate, c.Line,
                sectors?.Select(x => x.Value).ToArray(), id is { Length: > 0 } ? id : null));
        }
        return changes;
    }

    /// <summary>Parses a scenario mapping (a scenario file's root, or a negotiation file's <c>baseline:</c>).</summary>
    internal static Scenario Parse(YamlMap root, string path, string? defaultName)
    {
        var name = defaultName is null ? root.RequiredString("name", "a scenario name, e.g. 'name: US–Japan deal at 15%'") : root.String("name") ?? defaultName;
        var description = root.String("description");
        var datasetKey = root.String("dataset");

        var p = new OneSectorParameters();
        var variant = ModelVariant.Baseline;
        var deficits = DeficitRule.Fixed;
        var kind = ModelKind.OneSector;
        if (root.Map("model") is { } m)
        {
            kind = m.Enum("type", Kinds) ?? kind;
            variant = m.Enum("variant", Variants) ?? variant;
            deficits = m.Enum("deficits", Deficits) ?? deficits;
            p = p with
            {
                TradeElasticity = m.Number("trade_elasticity", 0.1, 50) ?? p.TradeElasticity,
                LaborSupplyElasticity = m.Number("labor_supply_elasticity", 0, 10) ?? p.LaborSupplyElasticity,
                ScaleElasticity = m.Number("scale_elasticity", 0, 1) ?? p.ScaleElasticity,
                PassThroughConstant = m.Number("pass_through_constant", 0, 5) ?? p.PassThroughConstant,
                Recycling = m.Enum("recycling", Recyclings) ?? p.Recycling,
            };
            m.RejectUnknownKeys();
        }

        var tariffBase = kind == ModelKind.MultiSector ? "data" : "zero";
        var floor = 0.10;
        var changes = new List<TariffChange>();
        ScheduleSource? fromSchedule = null;
        if (root.Map("tariffs") is { } t)
        {
            if (t.Map("from-schedule") is { } fs)
            {
                var dateText = fs.RequiredString("date", "a date as YYYY-MM-DD, e.g. 'date: 2025-05-01'");
                if (!DateOnly.TryParseExact(dateText, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var date))
                    throw fs.Error("date", null, dateText, "a date as YYYY-MM-DD");
                var overlay = fs.String("overlay");
                if (overlay is not null)
                {
                    overlay = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, overlay));
                    if (!File.Exists(overlay)) throw fs.Error("overlay", null, fs.String("overlay"), $"an overlay file relative to this scenario (looked for {overlay})");
                }
                fs.RejectUnknownKeys();
                fromSchedule = new ScheduleSource(date, overlay);
            }
            tariffBase = t.String("base")?.Trim() ?? tariffBase;
            if (kind == ModelKind.OneSector && tariffBase is not ("zero" or "announced-us"))
                throw t.Error("base", null, tariffBase, "zero or announced-us for the one-sector model");
            if (fromSchedule is not null && tariffBase == "announced-us")
                throw t.Error("base", null, tariffBase, "zero when 'from-schedule' supplies the US tariffs");
            floor = t.Rate("floor", allowProhibitive: false) ?? floor;
            changes.AddRange(ParseChanges(t, "changes", kind));
            t.RejectUnknownKeys();
        }

        var retaliation = new Retaliation(RetaliationMode.None, "USA", [Data.CountrySet.AllGroup], null);
        if (root.Map("retaliation") is { } r)
        {
            var mode = r.Enum("mode", Modes) ?? RetaliationMode.None;
            var rate = r.Rate("rate");
            if (mode != RetaliationMode.None && kind == ModelKind.MultiSector)
                throw r.Error("mode", null, r.String("mode"), "mode: none for the multi-sector model (retaliation is modelled by the one-sector model only; list the retaliating tariffs under 'tariffs.changes' instead)");
            if (mode == RetaliationMode.Uniform && rate is null)
                throw r.Error("rate", null, null, "a rate for uniform retaliation, e.g. 'rate: 0.25'");
            retaliation = new Retaliation(mode, r.String("against") ?? "USA",
                r.Codes("by")?.Select(x => x.Value).ToArray() ?? [Data.CountrySet.AllGroup], rate);
            r.RejectUnknownKeys();
        }

        var dataset = datasetKey ?? (kind == ModelKind.MultiSector ? Data.BundledData.Wiod2011Name : Data.BundledData.World2023Name);
        var report = root.Codes("report")?.Select(x => x.Value).ToArray() ?? Scenario.DefaultReport;
        var (statusQuo, scenarioDate) = StatusQuoFile.Read(root, path);
        var sweep = defaultName is null ? SweepFile.Read(root, kind, changes) : null; // a negotiation baseline takes no sweep
        root.RejectUnknownKeys();
        return new Scenario(name, description, kind, dataset, variant, p, deficits, tariffBase, floor, changes, retaliation, report, path, fromSchedule,
            statusQuo, scenarioDate, sweep);
    }
}
