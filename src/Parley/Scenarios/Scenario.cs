using Parley.Models.OneSector;

namespace Parley.Scenarios;

/// <summary>Which calibration of the one-sector model a scenario uses.</summary>
public enum ModelVariant
{
    /// <summary>The paper's baseline (spec §2–3).</summary>
    Baseline,

    /// <summary>Eaton–Kortum–Krugman special case: ν = 0, φ = 1 (spec §6.6).</summary>
    EatonKortum,

    /// <summary>One sector with roundabout (input–output) production (spec §8.1).</summary>
    Roundabout,
}

/// <summary>How trade deficits (the model's transfers) are treated in a scenario.</summary>
public enum DeficitRule
{
    /// <summary>Each country's factual transfer stays fixed as a share of world income (Dekle–Eaton–Kortum; the paper's default).</summary>
    Fixed,

    /// <summary>All transfers are zero: every country's trade is balanced in the factual and counterfactual worlds
    /// (a clean balanced-trade variant whose transfers sum to zero; compare spec §6.8).</summary>
    Zero,
}

/// <summary>Where the starting tariffs come from before a scenario's changes.</summary>
public enum TariffBase
{
    /// <summary>No tariffs anywhere (the calibrated factual equilibrium).</summary>
    Zero,

    /// <summary>The US tariffs announced on 2 April 2025 on every partner, with a floor (default 10%).</summary>
    AnnouncedUs,
}

/// <summary>How other countries answer the target's tariffs.</summary>
public enum RetaliationMode
{
    /// <summary>No retaliation.</summary>
    None,

    /// <summary>Each retaliator mirrors the tariff the target levies on it.</summary>
    Reciprocal,

    /// <summary>Each retaliator applies the paper's closed-form optimal retaliation rate (spec §5).</summary>
    Optimal,

    /// <summary>Each retaliator applies the same given rate.</summary>
    Uniform,
}

/// <summary>One tariff change: importers levy <paramref name="Rate"/> on goods from exporters.</summary>
/// <param name="Importers">Importer codes or groups as written.</param>
/// <param name="Exporters">Exporter codes or groups as written.</param>
/// <param name="Rate">New tariff level (fraction, 0.15 = 15%), not an increment.</param>
/// <param name="Line">1-based line in the scenario file.</param>
public sealed record TariffChange(IReadOnlyList<string> Importers, IReadOnlyList<string> Exporters, double Rate, int Line);

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
/// <param name="Dataset">Bundled dataset name (<c>world-2023</c>) or a dataset directory (relative to the file).</param>
/// <param name="Variant">Model calibration.</param>
/// <param name="Parameters">Model parameters.</param>
/// <param name="Deficits">Deficit rule.</param>
/// <param name="Base">Starting tariffs.</param>
/// <param name="BaseFloor">Floor applied to the announced US tariffs (fraction).</param>
/// <param name="Changes">Tariff changes, applied in order after the base.</param>
/// <param name="Retaliation">Retaliation, applied last.</param>
/// <param name="Report">Countries or groups to show (groups as absorption-weighted means; <c>WORLD</c> = world aggregate).</param>
/// <param name="SourceFile">File the scenario was read from, if any.</param>
public sealed record Scenario(
    string Name,
    string? Description,
    string Dataset,
    ModelVariant Variant,
    OneSectorParameters Parameters,
    DeficitRule Deficits,
    TariffBase Base,
    double BaseFloor,
    IReadOnlyList<TariffChange> Changes,
    Retaliation Retaliation,
    IReadOnlyList<string> Report,
    string? SourceFile)
{
    /// <summary>Default report rows: the parties and observers of the US–Japan talks.</summary>
    public static readonly IReadOnlyList<string> DefaultReport = ["USA", "JPN", "KOR", "CHN", "EU27", "WORLD"];
}
