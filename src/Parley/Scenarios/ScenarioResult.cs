using Parley.Models.OneSector;
using Parley.Reports;

namespace Parley.Scenarios;

/// <summary>
/// One row of a scenario report: a country, or a group shown as the absorption-weighted mean of its members
/// (<c>WORLD</c> = all countries). Percent changes from the factual (zero-tariff) equilibrium.
/// </summary>
/// <param name="Label">Code or group name as requested.</param>
/// <param name="Name">Country name, or a description of the group.</param>
/// <param name="Members">Number of countries behind the row.</param>
/// <param name="Welfare">Δ welfare (%).</param>
/// <param name="Deficit">Δ trade deficit (% of |factual deficit|); null for groups.</param>
/// <param name="ExportsToGdp">Δ exports/income (%).</param>
/// <param name="ImportsToGdp">Δ imports/income (%).</param>
/// <param name="Employment">Δ employment (%).</param>
/// <param name="Prices">Δ consumer prices (%).</param>
/// <param name="RealWage">Δ real wage (%).</param>
/// <param name="TariffRevenueUsdMillions">Tariff revenue collected, millions of USD (sum over members).</param>
public sealed record ReportRow(
    string Label,
    string Name,
    int Members,
    double Welfare,
    double? Deficit,
    double? ExportsToGdp,
    double? ImportsToGdp,
    double Employment,
    double Prices,
    double RealWage,
    double TariffRevenueUsdMillions);

/// <summary>A solved scenario: the model result, the report rows and the run manifest.</summary>
/// <param name="Scenario">The scenario as read.</param>
/// <param name="Result">Full model result (all countries).</param>
/// <param name="Rows">Rows for <see cref="Scenario.Report"/>.</param>
/// <param name="Manifest">Run manifest.</param>
public sealed record ScenarioResult(Scenario Scenario, OneSectorResult Result, IReadOnlyList<ReportRow> Rows, RunManifest Manifest);
