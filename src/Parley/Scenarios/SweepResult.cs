namespace Parley.Scenarios;

/// <summary>One variant of a sweep: its 1-based number, the parameter's value and the scenario's full result.</summary>
/// <param name="Number">1-based variant number, in the order of <see cref="Sweep.Values"/>.</param>
/// <param name="Value">The parameter's value (a rate as a fraction).</param>
/// <param name="Result">The variant's result, exactly as <c>parley simulate</c> gives it for a file with the value written in.</param>
public sealed record SweepVariant(int Number, double Value, ScenarioResult Result);

/// <summary>One value of a sweep (a row of <c>sweep.csv</c>): a variant, a country or group, a statistic of <see cref="ComparisonStatistics"/>.</summary>
/// <param name="Variant">1-based variant number.</param>
/// <param name="ParameterValue">The parameter's value in that variant (a rate as a fraction).</param>
/// <param name="Country">Country code, group name or WORLD.</param>
/// <param name="Statistic">Statistic name (as in <c>parley compare</c>).</param>
/// <param name="Value">Change from the status quo, in <paramref name="Unit"/>.</param>
/// <param name="Unit">Unit, e.g. <c>percent</c>.</param>
public sealed record SweepRow(int Variant, double ParameterValue, string Country, string Statistic, double Value, string Unit);

/// <summary>A sweep's variants, each measured against the same status quo.</summary>
/// <param name="Scenario">The sweep file's scenario (with its <see cref="Scenarios.Sweep"/>).</param>
/// <param name="Sweep">What was varied.</param>
/// <param name="Variants">Variants in value order.</param>
/// <param name="Rows">Change from the status quo: variant × country × statistic.</param>
/// <param name="StatusQuoDescription">A sentence naming the status quo.</param>
/// <param name="BaseYear">The data's base year (money in that year's USD), or null.</param>
/// <param name="Manifest">Run manifest: the first variant's, with the sweep's settings and every variant's solves.</param>
/// <param name="ElapsedSeconds">Wall-clock time of all the variants' solves, seconds.</param>
public sealed record SweepResult(
    Scenario Scenario,
    Sweep Sweep,
    IReadOnlyList<SweepVariant> Variants,
    IReadOnlyList<SweepRow> Rows,
    string StatusQuoDescription,
    int? BaseYear,
    RunManifest Manifest,
    double ElapsedSeconds)
{
    /// <summary>The countries and groups reported, in the file's <c>report:</c> order.</summary>
    public IReadOnlyList<string> Countries => Rows.Select(r => r.Country).Distinct().ToArray();

    /// <summary>A statistic of a country in a variant, or null where the model has none.</summary>
    public double? Value(int variant, string country, string statistic) =>
        Rows.FirstOrDefault(r => r.Variant == variant && r.Country == country && r.Statistic == statistic)?.Value;
}
