using System.Collections.Immutable;

namespace Parley.Data;

/// <summary>
/// A one-sector world dataset: countries, bilateral goods trade and GDP.
/// </summary>
/// <param name="Name">Dataset name (e.g. <c>world-2023</c>) or the path it was read from.</param>
/// <param name="Vintage">Human-readable data vintage for run manifests (source and year).</param>
/// <param name="Countries">Countries in matrix order, with groups.</param>
/// <param name="Trade">Bilateral flows, row = exporter, column = importer, thousands of USD; the diagonal
/// (domestic sales) may be zero: the models build it from GDP.</param>
/// <param name="Gdp">GDP by country, thousands of current USD.</param>
/// <param name="AnnouncedUsTariffs">The US "reciprocal" tariff announced on 2 April 2025 by exporter, as a
/// fraction (0.24 = 24%); <c>null</c> when the dataset does not carry it.</param>
public sealed record WorldDataset(
    string Name,
    string Vintage,
    CountrySet Countries,
    TradeMatrix Trade,
    ImmutableArray<double> Gdp,
    ImmutableArray<double>? AnnouncedUsTariffs);
