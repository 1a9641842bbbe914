using System.Collections.Immutable;

namespace Parley.Data;

/// <summary>
/// A multi-country, multi-sector dataset with input–output links (the inputs of Caliendo–Parro 2015 and of any
/// ICIO/WIOD/GTAP aggregate). Read one with <see cref="MultiSectorDatasetReader"/>.
/// Layouts (row-major, 0-based): bilateral arrays are [sector j][exporter i][importer n] — row = exporter, column = importer,
/// one N×N block per sector; region × sector arrays are [n][j]; input shares are [n][input k][output j].
/// </summary>
/// <param name="Name">Short name (e.g. <c>cp2015-nafta</c>).</param>
/// <param name="Title">Human-readable title.</param>
/// <param name="Vintage">Source and year for run manifests.</param>
/// <param name="MoneyUnit">Unit of every money value (e.g. <c>USD</c>, <c>USD millions</c>).</param>
/// <param name="Regions">Regions in data order (ISO3 codes, names, groups).</param>
/// <param name="Sectors">Sectors in data order.</param>
/// <param name="Flows">Trade flows net of tariffs, [j][i][n]; the diagonal blocks hold domestic sales.</param>
/// <param name="TariffSets">Named tariff sets (fractions), each [j][i][n] (tariff importer n levies on exporter i's sector-j goods).</param>
/// <param name="BaseTariffs">Name of the tariff set in force in the data year.</param>
/// <param name="ValueAddedShare">γ_n^j: value added / gross output, [n][j].</param>
/// <param name="InputShares">γ_n^{k,j}: purchases of input k per unit of gross output of j, [n][k][j].</param>
/// <param name="FinalShares">α_n^j: sector j's share of final demand, [n][j]; sums to 1 by region.</param>
/// <param name="ValueAdded">w_n L_n: value added by region.</param>
/// <param name="Deficits">D_n: imports − exports by region (positive = deficit); they sum to zero.</param>
/// <param name="Notes">Free-text caveats to repeat in reports (e.g. where autos sit).</param>
public sealed record MultiSectorDataset(
    string Name,
    string Title,
    string Vintage,
    string MoneyUnit,
    CountrySet Regions,
    IReadOnlyList<Sector> Sectors,
    ImmutableArray<double> Flows,
    IReadOnlyDictionary<string, ImmutableArray<double>> TariffSets,
    string BaseTariffs,
    ImmutableArray<double> ValueAddedShare,
    ImmutableArray<double> InputShares,
    ImmutableArray<double> FinalShares,
    ImmutableArray<double> ValueAdded,
    ImmutableArray<double> Deficits,
    string? Notes)
{
    /// <summary>Number of regions N.</summary>
    public int N => Regions.Count;

    /// <summary>Number of sectors J.</summary>
    public int J => Sectors.Count;

    /// <summary>Flat index of bilateral cell (sector j, exporter i, importer n).</summary>
    public int Cell(int j, int exporter, int importer) => (j * N + exporter) * N + importer;

    /// <summary>The base-year tariffs.</summary>
    public ImmutableArray<double> Base => TariffSets[BaseTariffs];

    /// <summary>Resolves a sector by code, name (case-insensitive) or 1-based index text; <c>null</c> when unknown.</summary>
    public Sector? FindSector(string key)
    {
        var k = key.Trim();
        return Sectors.FirstOrDefault(s => s.Code.Equals(k, StringComparison.OrdinalIgnoreCase))
               ?? Sectors.FirstOrDefault(s => s.Name.Equals(k, StringComparison.OrdinalIgnoreCase))
               ?? Sectors.FirstOrDefault(s => Slug(s.Name) == Slug(k));
    }

    /// <summary>Lower-case name with non-alphanumerics as '-', so <c>transport-equipment</c> finds <c>Transport Equipment</c>.</summary>
    public static string Slug(string name) =>
        string.Join('-', new string(name.ToLowerInvariant().Select(ch => char.IsAsciiLetterOrDigit(ch) ? ch : ' ').ToArray())
            .Split(' ', StringSplitOptions.RemoveEmptyEntries));
}
