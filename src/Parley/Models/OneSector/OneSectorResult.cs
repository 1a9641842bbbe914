namespace Parley.Models.OneSector;

/// <summary>Everything a counterfactual produced: inputs, the equilibrium, per-country and world statistics.</summary>
/// <param name="Scenario">Scenario name.</param>
/// <param name="Economy">The calibrated factual economy.</param>
/// <param name="Tariffs">Tariff matrix applied (N×N row-major, fraction, row = exporter, column = importer).</param>
/// <param name="Parameters">Model parameters.</param>
/// <param name="Equilibrium">Solved changes and diagnostics.</param>
/// <param name="Countries">Statistics by country, dataset order.</param>
/// <param name="World">World aggregates.</param>
public sealed record OneSectorResult(
    string Scenario,
    Economy Economy,
    double[] Tariffs,
    OneSectorParameters Parameters,
    Equilibrium Equilibrium,
    IReadOnlyList<CountryOutcome> Countries,
    WorldOutcome World)
{
    /// <summary>Outcome of one country by ISO3 code.</summary>
    public CountryOutcome this[string iso3] => Countries[Economy.Countries.Require(iso3)];

    /// <summary>
    /// Weighted mean of a statistic over a set of countries (the paper's group rows use factual absorption E as weights).
    /// Countries whose statistic is <c>null</c> are left out of numerator and denominator.
    /// </summary>
    public double WeightedMean(IEnumerable<int> members, Func<CountryOutcome, double?> statistic, IReadOnlyList<double> weights)
    {
        double num = 0, den = 0;
        foreach (var i in members)
        {
            if (statistic(Countries[i]) is not { } v) continue;
            num += weights[i] * v;
            den += weights[i];
        }
        return den > 0 ? num / den : 0;
    }
}
