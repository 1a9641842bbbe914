using Parley.Data;
using Parley.Models.MultiSector;
using Parley.Models.OneSector;

namespace Parley.Scenarios;

/// <summary>
/// One row of a scenario report: a country, or a group shown as the mean of its members weighted by absorption
/// (one-sector) or baseline income (multi-sector); <c>WORLD</c> = all countries. Percent changes; <c>null</c> where the
/// model has no such statistic (e.g. employment in the multi-sector model, where labour supply is fixed).
/// </summary>
/// <param name="Label">Code or group name as requested.</param>
/// <param name="Name">Country name, or a description of the group.</param>
/// <param name="Members">Number of countries behind the row.</param>
/// <param name="Welfare">Δ welfare (%). One-sector: the paper's consumption-equivalent measure; multi-sector: the exact change of real income Î/P̂.</param>
/// <param name="Deficit">Δ trade deficit (% of |factual deficit|); one-sector countries only.</param>
/// <param name="ExportsToGdp">Δ exports/income (%); one-sector only.</param>
/// <param name="ImportsToGdp">Δ imports/income (%); one-sector only.</param>
/// <param name="Employment">Δ employment (%); one-sector only.</param>
/// <param name="Prices">Δ consumer prices (%).</param>
/// <param name="RealWage">Δ real wage (%).</param>
/// <param name="TariffRevenueUsdMillions">Tariff revenue collected in the counterfactual, millions of USD (sum over members).</param>
/// <param name="Exports">Δ exports in value, net of tariffs (%); multi-sector only.</param>
/// <param name="Imports">Δ imports in value, net of tariffs (%); multi-sector only.</param>
/// <param name="WelfareFirstOrder">Caliendo–Parro welfare = terms of trade + volume of trade (% of baseline income); multi-sector only.</param>
/// <param name="TermsOfTrade">Terms-of-trade effect (%); multi-sector only.</param>
/// <param name="VolumeOfTrade">Volume-of-trade effect (%); multi-sector only.</param>
public sealed record ReportRow(
    string Label,
    string Name,
    int Members,
    double Welfare,
    double? Deficit,
    double? ExportsToGdp,
    double? ImportsToGdp,
    double? Employment,
    double Prices,
    double RealWage,
    double TariffRevenueUsdMillions,
    double? Exports = null,
    double? Imports = null,
    double? WelfareFirstOrder = null,
    double? TermsOfTrade = null,
    double? VolumeOfTrade = null);

/// <summary>A solved scenario: report rows, the run manifest, and the full result of whichever model ran.</summary>
/// <param name="Scenario">The scenario as read.</param>
/// <param name="Rows">Rows for <see cref="Scenario.Report"/>.</param>
/// <param name="Manifest">Run manifest.</param>
/// <param name="OneSector">One-sector result (all countries), when that model ran.</param>
/// <param name="MultiSector">Multi-sector result (baseline, counterfactual, decompositions), when that model ran.</param>
/// <param name="MultiSectorData">The multi-sector dataset, when that model ran.</param>
/// <param name="StatusQuo">The change from the status quo (the primary view) and from the calibration; <see cref="Rows"/> are the calibration view in full detail.</param>
/// <param name="TariffChanges">The sectors each tariff change touched (multi-sector model; <c>null</c> for the one-sector model).</param>
public sealed record ScenarioResult(
    Scenario Scenario,
    IReadOnlyList<ReportRow> Rows,
    RunManifest Manifest,
    OneSectorResult? OneSector = null,
    MultiSectorResult? MultiSector = null,
    MultiSectorDataset? MultiSectorData = null,
    StatusQuoView? StatusQuo = null,
    IReadOnlyList<TariffChangeScope>? TariffChanges = null)
{
    /// <summary>Diagnostics of every equilibrium solved.</summary>
    public IReadOnlyList<Models.Numerics.SolverDiagnostics> Diagnostics => Manifest.Solves;

    /// <summary>The one-sector result; throws when the scenario ran the multi-sector model.</summary>
    public OneSectorResult Result => OneSector ?? throw new InvalidOperationException("This scenario ran the multi-sector model; see MultiSector.");
}
