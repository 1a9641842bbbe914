// Economic-security view: how concentrated US supply of a critical product group is (Herfindahl–Hirschman index on
// supplier-country shares of 2024 imports, 0–10,000; top-1/top-3 shares; China's share) and what tariff each supplier
// faces on a date (import-weighted over the group's lines, effective basis).
namespace Parley.Tariffs;

/// <summary>A named set of HTS prefixes (e.g. rare earths: 280530, 2846, 850511).</summary>
/// <param name="Name">Group name.</param>
/// <param name="Prefixes">HTS prefixes (2–10 digits, no dots).</param>
public sealed record ProductGroup(string Name, IReadOnlyList<string> Prefixes)
{
    /// <summary>Built-in critical groups: rare earths (2805.30, 2846, 8505.11) and semiconductors (8541, 8542).</summary>
    public static readonly IReadOnlyList<ProductGroup> Critical =
    [
        new("rare-earths", ["280530", "2846", "850511"]),
        new("semiconductors", ["8541", "8542"]),
    ];

    /// <summary>True when a code starts with one of the prefixes.</summary>
    public bool Contains(string digits) => Prefixes.Any(p => digits.StartsWith(p, StringComparison.Ordinal));
}

/// <summary>One supplier of a product group.</summary>
/// <param name="Partner">Supplier.</param>
/// <param name="ImportsUsd">2024 US imports from it (USD).</param>
/// <param name="Share">Share of the group's imports.</param>
/// <param name="Tariff">Import-weighted rate it faces on the date (fraction).</param>
public sealed record Supplier(Partner Partner, double ImportsUsd, double Share, double Tariff);

/// <summary>Concentration of US supply for a group.</summary>
/// <param name="Group">Group.</param>
/// <param name="Date">Date of the tariffs.</param>
/// <param name="ImportsUsd">Total imports of the group.</param>
/// <param name="SupplierCount">Countries with positive imports.</param>
/// <param name="Hhi">Herfindahl–Hirschman index on country shares, 0–10,000.</param>
/// <param name="Top1Share">Largest supplier's share.</param>
/// <param name="Top3Share">Three largest suppliers' share.</param>
/// <param name="ChinaShare">China's share (5700).</param>
/// <param name="Etr">Import-weighted tariff on the group (fraction).</param>
/// <param name="Suppliers">Suppliers, largest first.</param>
public sealed record ConcentrationReport(ProductGroup Group, DateOnly Date, double ImportsUsd, int SupplierCount, double Hhi, double Top1Share,
    double Top3Share, double ChinaShare, double Etr, IReadOnlyList<Supplier> Suppliers);

/// <summary>Computes <see cref="ConcentrationReport"/>s.</summary>
public static class SupplierConcentration
{
    /// <summary>Concentration and tariffs of one product group.</summary>
    public static ConcentrationReport Compute(TariffEngine engine, ImportWeights weights, DateOnly date, ProductGroup group)
    {
        TariffEngine.CheckDate(date);
        var s = engine.Schedule;
        var imports = new Dictionary<string, double>(StringComparer.Ordinal);
        var weighted = new Dictionary<string, double>(StringComparer.Ordinal);
        for (var k = 0; k < weights.Values.Length; k++)
        {
            var code = weights.Codes[k];
            if (!group.Contains(code) || weights.Values[k] <= 0 || !s.Partners.TryGetValue(weights.Countries[k], out var p)) continue;
            var rate = s.Mfn.ContainsKey(code[..8]) ? engine.Total(date, p, HtsCode.TryParse(code)!.Value, RateBasis.Effective) : 0;
            imports[p.CensusCode] = imports.GetValueOrDefault(p.CensusCode) + weights.Values[k];
            weighted[p.CensusCode] = weighted.GetValueOrDefault(p.CensusCode) + rate * weights.Values[k];
        }
        var total = imports.Values.Sum();
        if (total <= 0)
            throw new ParleyInputException("(query)", null, "group", group.Name, "a product group with 2024 US imports (no line of the weights starts with " + string.Join(", ", group.Prefixes) + ")");
        var suppliers = imports.Select(kv => new Supplier(s.Partners[kv.Key], kv.Value, kv.Value / total, weighted[kv.Key] / kv.Value))
            .OrderByDescending(x => x.ImportsUsd).ToArray();
        var hhi = suppliers.Sum(x => Math.Pow(100 * x.Share, 2));
        return new ConcentrationReport(group, date, total, suppliers.Length, hhi, suppliers[0].Share, suppliers.Take(3).Sum(x => x.Share),
            suppliers.Where(x => x.Partner.IsChina).Sum(x => x.Share), weighted.Values.Sum() / total, suppliers);
    }
}
