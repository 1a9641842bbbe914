using System.Globalization;

namespace Parley.Scenarios;

/// <summary>One value of a comparison: a scenario, a country or group, a statistic (see <see cref="ComparisonStatistics"/>).</summary>
/// <param name="Scenario">Scenario label (the file name without extension).</param>
/// <param name="Country">Country code, group name or WORLD.</param>
/// <param name="Statistic">Statistic name.</param>
/// <param name="Value">Value in <paramref name="Unit"/>.</param>
/// <param name="Unit">Unit, e.g. <c>percent</c> or <c>USD billions (2023)</c>.</param>
public sealed record ComparisonRow(string Scenario, string Country, string Statistic, double Value, string Unit);

/// <summary>Several scenarios measured against one status quo.</summary>
/// <param name="StatusQuo">The status quo (label).</param>
/// <param name="StatusQuoDescription">A sentence naming it.</param>
/// <param name="Scenarios">Scenario labels in command-line order with their names and files.</param>
/// <param name="Rows">Values, scenario × country × statistic.</param>
/// <param name="BaseYear">The data's base year: money is in USD billions of that year.</param>
public sealed record ScenarioComparisonResult(
    string StatusQuo,
    string StatusQuoDescription,
    IReadOnlyList<ComparedScenario> Scenarios,
    IReadOnlyList<ComparisonRow> Rows,
    int? BaseYear);

/// <summary>A scenario in a comparison.</summary>
/// <param name="Label">Short label (file name without extension).</param>
/// <param name="Name">Scenario title.</param>
/// <param name="File">Scenario file.</param>
public sealed record ComparedScenario(string Label, string Name, string? File);

/// <summary>The statistics of <c>parley compare</c> and their units (documented in the README).</summary>
public static class ComparisonStatistics
{
    /// <summary>Statistic names in output order.</summary>
    public static readonly IReadOnlyList<string> Names =
        ["welfare", "welfare_usd", "welfare_usd_latest_gdp", "real_wage", "employment", "exports", "imports", "tariff_revenue_usd", "deficit_usd", "consumer_prices"];

    /// <summary>Prefix of the per-sector statistic Δ gross output (%), followed by the sector code: <c>sector_output_c15</c>.</summary>
    public const string SectorOutputPrefix = "sector_output_";

    /// <summary>Prefix of the per-sector statistic Δ value added (value added at risk), base-year USD billions: <c>value_added_usd_c15</c>.</summary>
    public const string ValueAddedPrefix = "value_added_usd_";

    /// <summary>Rows of one scenario's change rows (employment only where the model has labour supply; the latest-GDP
    /// dollar value where every member has a 2023 GDP; sector rows for the sectors the multi-sector scenario names).</summary>
    public static IEnumerable<ComparisonRow> Rows(string scenario, IEnumerable<ChangeRow> changes, int? baseYear)
    {
        var usd = baseYear is { } y ? $"USD billions ({y.ToString(CultureInfo.InvariantCulture)})" : "USD billions";
        foreach (var c in changes)
        {
            yield return new ComparisonRow(scenario, c.Label, "welfare", c.Welfare, "percent");
            yield return new ComparisonRow(scenario, c.Label, "welfare_usd", c.WelfareUsdBillions, usd);
            if (c.WelfareUsdLatestGdp is { } latest) yield return new ComparisonRow(scenario, c.Label, "welfare_usd_latest_gdp", latest, LatestGdp.Unit);
            yield return new ComparisonRow(scenario, c.Label, "real_wage", c.RealWage, "percent");
            if (c.Employment is { } e) yield return new ComparisonRow(scenario, c.Label, "employment", e, "percent");
            yield return new ComparisonRow(scenario, c.Label, "exports", c.Exports, "percent");
            yield return new ComparisonRow(scenario, c.Label, "imports", c.Imports, "percent");
            yield return new ComparisonRow(scenario, c.Label, "tariff_revenue_usd", c.TariffRevenueUsdBillions, usd);
            yield return new ComparisonRow(scenario, c.Label, "deficit_usd", c.DeficitUsdBillions, usd);
            yield return new ComparisonRow(scenario, c.Label, "consumer_prices", c.ConsumerPrices, "percent");
            foreach (var sector in c.Sectors ?? [])
            {
                yield return new ComparisonRow(scenario, c.Label, SectorOutputPrefix + sector.Code, sector.GrossOutput, "percent");
                yield return new ComparisonRow(scenario, c.Label, ValueAddedPrefix + sector.Code, sector.ValueAddedUsdBillions, usd);
            }
        }
    }
}
