// What a page shows of a solved scenario: the change from the status quo for every reported party and observer,
// the importers' imports by partner (trade diversion, the largest movers) and, for the multi-sector model, sector
// output. Every number is a field of the ScenarioResult the CLI reports (status_quo.csv, status_quo_partners.csv).
using Parley.Reports.Internals;
using Parley.Scenarios;

namespace Parley.Application;

/// <summary>One partner row of the trade-diversion view (USD billions at the status quo's money base year).</summary>
public sealed record DiversionRow(string Importer, string Exporter, string ExporterName, double StatusQuoUsdBillions, double ScenarioUsdBillions, double ChangeUsdBillions, double? ChangePct);

/// <summary>A solved scenario as the web workbench shows it; numbers are changes from the status quo.</summary>
/// <param name="Scenario">Scenario name.</param>
/// <param name="StatusQuo">Description of the status quo the changes are measured from.</param>
/// <param name="Rows">Change from the status quo per report label (welfare %, USD bn, real wage, trade, revenue, sectors).</param>
/// <param name="Diversion">Imports by partner of the changed importers: the <see cref="MaxDiversionRows"/> largest absolute changes.</param>
/// <param name="Model">Model description from the run manifest.</param>
public sealed record ScenarioView(string Scenario, string StatusQuo, IReadOnlyList<ChangeRow> Rows, IReadOnlyList<DiversionRow> Diversion, string Model)
{
    /// <summary>Most partner rows kept in <see cref="Diversion"/>.</summary>
    public const int MaxDiversionRows = 12;

    /// <summary>The view of a result with a status quo; an input error when the scenario has none (compare with <c>--versus tariff-free</c>).</summary>
    public static ScenarioView Of(ScenarioResult r)
    {
        var sq = r.StatusQuo ?? throw new ParleyInputException(r.Scenario.SourceFile ?? "(scenario)", null, "status_quo", null,
            "a scenario with a status quo (the web workbench shows changes from today's tariffs)");
        var diversion = TradeDiversion.Rows(r).OrderByDescending(p => Math.Abs(p.ChangeUsdBillions)).Take(MaxDiversionRows)
            .Select(p => new DiversionRow(p.Importer, p.Exporter, p.ExporterName, p.StatusQuoUsdBillions, p.ScenarioUsdBillions, p.ChangeUsdBillions, p.ChangePct))
            .ToArray();
        return new ScenarioView(r.Scenario.Name, sq.Description, sq.Rows, diversion, r.Manifest.Model);
    }
}
