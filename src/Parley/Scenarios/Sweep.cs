// A sweep runs one scenario many times with one parameter set to each of a list of values (docs/models/status-quo.md,
// "Sweeps"). A variant is the scenario itself with that one value written in, so every variant is exactly what
// `parley simulate` gives for a file with the value typed in: the same preparation, the same solver, the same status quo.
using System.Globalization;

namespace Parley.Scenarios;

/// <summary>Which parameter a <see cref="Sweep"/> varies.</summary>
public enum SweepParameter
{
    /// <summary>The <c>rate:</c> of one tariff change (a fraction, 0.15 = 15%).</summary>
    Rate,

    /// <summary>The one-sector model's trade elasticity ε (<c>model.trade_elasticity</c>).</summary>
    TradeElasticity,

    /// <summary>The one-sector model's labour supply elasticity κ (<c>model.labor_supply_elasticity</c>).</summary>
    LaborSupplyElasticity,
}

/// <summary>One parameter of a scenario over a list of values.</summary>
/// <param name="Parameter">What is varied.</param>
/// <param name="Change">For <see cref="SweepParameter.Rate"/>: the tariff change as written (its <c>id:</c> or 1-based position); else null.</param>
/// <param name="ChangeIndex">For <see cref="SweepParameter.Rate"/>: the change's 0-based index in <see cref="Scenario.Changes"/>; else −1.</param>
/// <param name="Values">The values, in run order (rates as fractions; elasticities unitless).</param>
/// <param name="Line">Line of <c>sweep:</c> in the scenario file.</param>
public sealed record Sweep(SweepParameter Parameter, string? Change, int ChangeIndex, IReadOnlyList<double> Values, int Line)
{
    /// <summary>Default largest number of variants (CLI <c>--max-variants</c> raises it): 200.</summary>
    public const int DefaultMaxVariants = 200;

    /// <summary>Most variants a file may describe at all, whatever the limit (guards a range with a tiny step): 100,000.</summary>
    public const int HardMaxVariants = 100_000;

    /// <summary>The parameter's name as written in a file (<c>rate</c>, <c>trade_elasticity</c>, <c>labor_supply_elasticity</c>).</summary>
    public string ParameterName => Parameter switch
    {
        SweepParameter.Rate => "rate",
        SweepParameter.TradeElasticity => "trade_elasticity",
        _ => "labor_supply_elasticity",
    };

    /// <summary>A short description, e.g. <c>rate of tariff change jpn-autos</c>.</summary>
    public string Description => Parameter == SweepParameter.Rate ? $"rate of tariff change {Change}" : ParameterName;

    /// <summary>Unit of the values: <c>fraction</c> for a rate, <c>unitless</c> for an elasticity.</summary>
    public string Unit => Parameter == SweepParameter.Rate ? "fraction" : "unitless";

    /// <summary>A value as the chart and table show it (a rate in percent).</summary>
    public string Format(double value) => Parameter == SweepParameter.Rate
        ? (100 * value).ToString("0.###", CultureInfo.InvariantCulture) + "%"
        : value.ToString("0.####", CultureInfo.InvariantCulture);

    /// <summary>The scenario with the parameter set to <paramref name="value"/> and no sweep: one variant.</summary>
    public Scenario Variant(Scenario s, double value)
    {
        switch (Parameter)
        {
            case SweepParameter.Rate:
                var changes = s.Changes.ToArray();
                changes[ChangeIndex] = changes[ChangeIndex] with { Rate = value };
                return s with { Changes = changes, Sweep = null };
            case SweepParameter.TradeElasticity:
                return s with { Parameters = s.Parameters with { TradeElasticity = value }, Sweep = null };
            default:
                return s with { Parameters = s.Parameters with { LaborSupplyElasticity = value }, Sweep = null };
        }
    }
}
