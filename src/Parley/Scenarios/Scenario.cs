using Parley.Models.OneSector;

namespace Parley.Scenarios;

/// <summary>Which calibration of the one-sector model a scenario uses.</summary>
public enum ModelVariant
{
    /// <summary>The paper's baseline (docs/models/one-sector.md (OS-1)–(OS-16)).</summary>
    Baseline,

    /// <summary>Eaton–Kortum–Krugman special case: ν = 0, φ = 1 (docs/models/one-sector.md (OS-18)).</summary>
    EatonKortum,

    /// <summary>One sector with roundabout (input–output) production (docs/models/one-sector.md (OS-22)–(OS-27)).</summary>
    Roundabout,
}

/// <summary>How trade deficits (the model's transfers) are treated in a scenario.</summary>
public enum DeficitRule
{
    /// <summary>One-sector: each country's factual transfer stays fixed as a share of world income (Dekle–Eaton–Kortum; the paper's
    /// default). Multi-sector: deficits stay at their data-year levels in baseline and counterfactual.</summary>
    Fixed,

    /// <summary>All transfers/deficits are zero: trade is balanced in baseline and counterfactual (Caliendo–Parro's NAFTA setup;
    /// for the one-sector model a balanced-trade variant whose transfers sum to zero, docs/models/one-sector.md (OS-21); compare (OS-19)).</summary>
    Zero,
}

/// <summary>Which model a scenario runs.</summary>
public enum ModelKind
{
    /// <summary>One-sector GE of Ignatenko et al. (2025) on a 194-country world dataset.</summary>
    OneSector,

    /// <summary>Multi-sector GE with input–output links of Caliendo &amp; Parro (2015) on a multi-sector dataset.</summary>
    MultiSector,
}

/// <summary>How other countries answer the target's tariffs.</summary>
public enum RetaliationMode
{
    /// <summary>No retaliation.</summary>
    None,

    /// <summary>Each retaliator mirrors the tariff the target levies on it.</summary>
    Reciprocal,

    /// <summary>Each retaliator applies the paper's closed-form optimal retaliation rate (docs/models/one-sector.md (OS-46)).</summary>
    Optimal,

    /// <summary>Each retaliator applies the same given rate.</summary>
    Uniform,
}

/// <summary>One tariff change: importers levy <paramref name="Rate"/> on goods from exporters (in the given sectors).</summary>
/// <param name="Importers">Importer codes or groups as written.</param>
/// <param name="Exporters">Exporter codes or groups as written.</param>
/// <param name="Rate">New tariff level (fraction, 0.15 = 15%), not an increment.</param>
/// <param name="Line">1-based line in the scenario file.</param>
/// <param name="Sectors">Sector codes or names, or the keywords <c>goods</c> and <c>all</c> (multi-sector model only); <c>null</c> =
/// the dataset's goods sectors (see <see cref="TariffChangeScope"/>).</param>
/// <param name="Id">The change's <c>id:</c> (a name a <c>sweep:</c> can refer to), or null.</param>
public sealed record TariffChange(IReadOnlyList<string> Importers, IReadOnlyList<string> Exporters, double Rate, int Line,
    IReadOnlyList<string>? Sectors = null, string? Id = null);

/// <summary>US import tariffs taken from the statutory schedule (optionally with an offer overlay) on a date.</summary>
/// <param name="Date">Date of the schedule.</param>
/// <param name="Overlay">Overlay file (absolute path), or null.</param>
public sealed record ScheduleSource(DateOnly Date, string? Overlay);

/// <summary>Retaliation settings.</summary>
/// <param name="Mode">Mode.</param>
/// <param name="Target">Country retaliated against (default USA).</param>
/// <param name="By">Retaliating countries or groups (default ALL other countries).</param>
/// <param name="Rate">Rate for <see cref="RetaliationMode.Uniform"/>.</param>
public sealed record Retaliation(RetaliationMode Mode, string Target, IReadOnlyList<string> By, double? Rate);

/// <summary>
/// A counterfactual an analyst writes in YAML (see <c>examples/</c>): dataset, model settings, tariffs, retaliation and
/// which countries or groups to report.
/// </summary>
/// <param name="Name">Scenario title.</param>
/// <param name="Description">Free text.</param>
/// <param name="Model">Which model runs.</param>
/// <param name="Dataset">Bundled dataset name (<c>world-2023</c>, <c>wiod-2011</c>, <c>cp2015-nafta</c>) or a dataset directory (relative to the file).</param>
/// <param name="Variant">One-sector calibration.</param>
/// <param name="Parameters">Model parameters.</param>
/// <param name="Deficits">Deficit rule.</param>
/// <param name="Base">Starting tariffs: <c>zero</c>, <c>announced-us</c> (one-sector), <c>data</c> or a tariff column of a multi-sector dataset.</param>
/// <param name="BaseFloor">Floor applied to the announced US tariffs (fraction).</param>
/// <param name="Changes">Tariff changes, applied in order after the base.</param>
/// <param name="Retaliation">Retaliation, applied last.</param>
/// <param name="Report">Countries or groups to show (groups as absorption-weighted means; <c>WORLD</c> = world aggregate).</param>
/// <param name="SourceFile">File the scenario was read from, if any.</param>
/// <param name="FromSchedule">US import tariffs from the statutory schedule, applied after the base and before the changes.</param>
/// <param name="StatusQuo">What the results are compared with; <c>null</c> = the default of <see cref="StatusQuoTariffs.Resolve"/>.</param>
/// <param name="Date">The scenario's date (<c>date:</c>): the default status quo of the bundled world models is the schedule then in force.</param>
/// <param name="Sweep">The file's <c>sweep:</c> (one parameter over a list of values), or null for a single run.</param>
public sealed record Scenario(
    string Name,
    string? Description,
    ModelKind Model,
    string Dataset,
    ModelVariant Variant,
    OneSectorParameters Parameters,
    DeficitRule Deficits,
    string Base,
    double BaseFloor,
    IReadOnlyList<TariffChange> Changes,
    Retaliation Retaliation,
    IReadOnlyList<string> Report,
    string? SourceFile,
    ScheduleSource? FromSchedule = null,
    StatusQuo? StatusQuo = null,
    DateOnly? Date = null,
    Sweep? Sweep = null)
{
    /// <summary>Default report rows: the parties and observers of the US–Japan talks.</summary>
    public static readonly IReadOnlyList<string> DefaultReport = ["USA", "JPN", "KOR", "CHN", "EU27", "WORLD"];
}
