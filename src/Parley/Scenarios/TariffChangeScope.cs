using System.Globalization;
using Parley.Data;

namespace Parley.Scenarios;

/// <summary>
/// Which sectors a multi-sector tariff change touches. Without <c>sector:</c> a change applies to the dataset's goods
/// sectors only (<see cref="Sector.Goods"/>: WIOD c1–c16, CP2015's sectors 1–20): a tariff on "Japan" never means a
/// tariff on Japanese hotels or banking. <c>sector: goods</c> says the default explicitly, <c>sector: all</c> takes every
/// sector, and a code or a list of codes takes those (keywords and codes may be mixed, e.g. <c>[goods, c17]</c>).
/// </summary>
/// <param name="Line">1-based line of the change in its file.</param>
/// <param name="Importers">Importers as written, joined with '+'.</param>
/// <param name="Exporters">Exporters as written, joined with '+'.</param>
/// <param name="Rate">The new tariff level (fraction).</param>
/// <param name="Scope">How the sectors were named: <c>goods (default)</c>, <c>goods</c>, <c>all</c> or <c>listed</c>.</param>
/// <param name="Sectors">Codes of the sectors touched, in dataset order.</param>
public sealed record TariffChangeScope(int Line, string Importers, string Exporters, double Rate, string Scope, IReadOnlyList<string> Sectors)
{
    /// <summary>Keyword for every goods sector of the dataset (the default).</summary>
    public const string Goods = "goods";

    /// <summary>Keyword for every sector of the dataset, services included.</summary>
    public const string All = "all";

    /// <summary>Resolves a change's sectors against a dataset (indices in dataset order); errors name the file and line.</summary>
    public static (int[] Indices, string Scope) Resolve(TariffChange c, MultiSectorDataset d, string file)
    {
        if (c.Sectors is null) return (GoodsOf(d, c, file), Goods + " (default)");
        var set = new SortedSet<int>();
        foreach (var code in c.Sectors)
        {
            var key = code.Trim();
            if (key.Equals(All, StringComparison.OrdinalIgnoreCase)) set.UnionWith(d.Sectors.Select(x => x.Index));
            else if (key.Equals(Goods, StringComparison.OrdinalIgnoreCase)) set.UnionWith(GoodsOf(d, c, file));
            else
                set.Add((d.FindSector(key) ?? throw new ParleyInputException(file, c.Line, "sector", code,
                    $"'{All}', '{Goods}', or a sector code or name of dataset '{d.Name}' (e.g. {string.Join(", ", d.Sectors.Take(3).Select(x => $"{x.Code} = {x.Name}"))})")).Index);
        }
        var scope = c.Sectors.Count == 1 && c.Sectors[0].Trim().ToLowerInvariant() is Goods or All ? c.Sectors[0].Trim().ToLowerInvariant() : "listed";
        return ([.. set], scope);
    }

    /// <summary>The scope of every change, for run manifests, result.json and the line under the simulate table.</summary>
    public static IReadOnlyList<TariffChangeScope> Of(IEnumerable<TariffChange> changes, MultiSectorDataset d, string file) =>
        changes.Select(c =>
        {
            var (indices, scope) = Resolve(c, d, file);
            return new TariffChangeScope(c.Line, string.Join('+', c.Importers), string.Join('+', c.Exporters), c.Rate, scope,
                indices.Select(j => d.Sectors[j].Code).ToArray());
        }).ToArray();

    /// <summary>One line per change, e.g. <c>line 14: USA ← JPN 25% on c15 (listed)</c>; goods and all give the code range.</summary>
    public string Describe(MultiSectorDataset d) =>
        $"line {Line}: {Importers} ← {Exporters} {(Rate * 100).ToString("0.##", CultureInfo.InvariantCulture)}% on " +
        (Scope == "listed" ? string.Join(", ", Sectors) : $"{Scope}: {Range(Sectors)} ({Sectors.Count} of {d.J} sectors)");

    private static string Range(IReadOnlyList<string> codes) => codes.Count switch
    {
        0 => "none",
        1 => codes[0],
        _ => $"{codes[0]}–{codes[^1]}",
    };

    private static int[] GoodsOf(MultiSectorDataset d, TariffChange c, string file)
    {
        var goods = d.Sectors.Where(x => x.Goods).Select(x => x.Index).ToArray();
        return goods.Length > 0
            ? goods
            : throw new ParleyInputException(file, c.Line, "sector", c.Sectors is null ? "(none: goods sectors)" : Goods,
                $"a sector list or 'sector: {All}': dataset '{d.Name}' marks no sector as goods (column 'goods' or 'tradable' of its sectors.csv)");
    }
}
