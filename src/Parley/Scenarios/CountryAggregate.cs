// One rule for every row that stands for several countries (docs/models/status-quo.md (SQ-5)): a group such as EU27,
// USMCA or ASEAN, or WORLD. Ratio statistics (welfare, real wage, employment, prices, exports/GDP) are means weighted by
// the reference equilibrium's absorption (one-sector) or income (multi-sector); flows and money (exports, imports,
// tariff revenue, transfers, trade balances, equivalent variation) are sums over members. Simulate rows, compare rows
// and negotiation outcomes all aggregate here, so a group reads the same in every output; a transfer to or from a group
// is split across its members by the same weights (docs/negotiation-file.md).
using Parley.Data;

namespace Parley.Scenarios;

/// <summary>
/// A country, a group of a dataset or <see cref="World"/>, resolved to member indices, with the weights its ratio
/// statistics are averaged with.
/// </summary>
public sealed class CountryAggregate
{
    /// <summary>Label of the aggregate of every country.</summary>
    public const string World = "WORLD";

    private readonly IReadOnlyList<double> _weights;

    private CountryAggregate(string label, bool isCountry, int[] members, IReadOnlyList<double> weights)
    {
        Label = label;
        IsCountry = isCountry;
        Members = members;
        _weights = weights;
        WeightTotal = members.Sum(k => weights[k]);
    }

    /// <summary>Code (dataset spelling) or group name (upper case) as reported.</summary>
    public string Label { get; }

    /// <summary>True when the label is one country of the dataset (not a group or WORLD).</summary>
    public bool IsCountry { get; }

    /// <summary>Member indices in dataset order.</summary>
    public IReadOnlyList<int> Members { get; }

    /// <summary>Sum of the members' weights (same unit as the weights, e.g. USD billions of absorption).</summary>
    public double WeightTotal { get; }

    /// <summary>
    /// Resolves a code, a group of <paramref name="countries"/> or WORLD; <paramref name="weights"/> (one per country, in
    /// dataset order, all positive) weight the ratio statistics. Null when the label is none of these.
    /// </summary>
    public static CountryAggregate? TryResolve(CountrySet countries, string label, IReadOnlyList<double> weights)
    {
        var key = label.Trim();
        if (key.Equals(World, StringComparison.OrdinalIgnoreCase))
            return new CountryAggregate(World, false, Enumerable.Range(0, countries.Count).ToArray(), weights);
        if (countries.IndexOf(key) is var i and >= 0) return new CountryAggregate(countries[i].Iso3, true, [i], weights);
        return countries.TryResolve(key) is { } members ? new CountryAggregate(key.ToUpperInvariant(), false, [.. members], weights) : null;
    }

    /// <summary>As <see cref="TryResolve"/>, throwing <see cref="ArgumentException"/> for an unknown label (callers validate input first).</summary>
    public static CountryAggregate Resolve(CountrySet countries, string label, IReadOnlyList<double> weights) =>
        TryResolve(countries, label, weights) ?? throw new ArgumentException($"unknown code or group {label}", nameof(label));

    /// <summary>The row name: the country's name, or "<c>EU27 (27 countries, {weighting})</c>" / "<c>World ({weighting})</c>".</summary>
    public string Name(CountrySet countries, string weighting, string noun = "countries") =>
        IsCountry ? countries[Members[0]].Name
        : Label == World ? $"World ({weighting})" : $"{Label} ({Members.Count} {noun}, {weighting})";

    /// <summary>Weighted mean of a ratio statistic over members (for one country: its value).</summary>
    public double Mean(Func<int, double> statistic)
    {
        if (IsCountry) return statistic(Members[0]);
        double num = 0;
        foreach (var k in Members) num += _weights[k] * statistic(k);
        return num / WeightTotal;
    }

    /// <summary>Weighted mean over the members whose statistic is defined; null when none is.</summary>
    public double? Mean(Func<int, double?> statistic)
    {
        double num = 0, den = 0;
        foreach (var k in Members)
        {
            if (statistic(k) is not { } v) continue;
            num += _weights[k] * v;
            den += _weights[k];
        }
        return den > 0 ? num / den : null;
    }

    /// <summary>Sum of a flow or money amount over members.</summary>
    public double Sum(Func<int, double> amount)
    {
        double s = 0;
        foreach (var k in Members) s += amount(k);
        return s;
    }

    /// <summary>Sum of a per-country vector over members.</summary>
    public double Sum(IReadOnlyList<double> amounts) => Sum(k => amounts[k]);

    /// <summary>Percent change of the members' summed flow from <paramref name="before"/> to <paramref name="after"/> (0 when nothing flowed before).</summary>
    public double PercentChangeOfSum(IReadOnlyList<double> before, IReadOnlyList<double> after)
    {
        var b = Sum(before);
        return b > 0 ? 100 * (Sum(after) / b - 1) : 0;
    }

    /// <summary>Sum of a bilateral amount <paramref name="flow"/>(i, k) over members i of this aggregate and k of <paramref name="partner"/>, i ≠ k.</summary>
    public double SumWith(CountryAggregate partner, Func<int, int, double> flow)
    {
        double s = 0;
        foreach (var i in Members)
            foreach (var k in partner.Members)
                if (i != k) s += flow(i, k);
        return s;
    }

    /// <summary>
    /// Splits an amount across members in proportion to their weights (a transfer to or from a group); the parts sum to
    /// <paramref name="amount"/>. Returns (member index, part) pairs.
    /// </summary>
    public IEnumerable<(int Member, double Part)> Split(double amount) => Members.Select(k => (k, IsCountry ? amount : amount * _weights[k] / WeightTotal));
}
