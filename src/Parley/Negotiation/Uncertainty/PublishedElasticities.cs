// Trade elasticities drawn from their published standard errors (docs/models/uncertainty.md (U-4)): CP (2015) Table 1
// (data/trade-elasticity-se). A dataset sector is drawn only where its θ is CP's estimate; where WIOD merges several CP
// sectors, θ is their mean weighted by 1993 world trade (as WiodBuilder builds it) and its standard error that of the
// weighted mean of independent estimates, sqrt(Σ w_k² se_k²).
using Parley.Data;
using Parley.Data.Build;
using Parley.Internals;

namespace Parley.Negotiation.Uncertainty;

/// <summary>Published sector elasticities and standard errors.</summary>
public static class PublishedElasticities
{
    /// <summary>Name of Caliendo &amp; Parro (2015) Table 1 in files.</summary>
    public const string Cp2015 = "cp2015";

    /// <summary>How far the default draws reach: θ̂ ± this many standard errors (and never below <see cref="Floor"/>).</summary>
    public const double Reach = 2.0;

    /// <summary>Lowest θ a default draw takes (dimensionless): 0.5.</summary>
    public const double Floor = 0.5;

    private static readonly Lazy<IReadOnlyDictionary<string, (double Theta, double Se)>> s_table = new(() =>
    {
        var path = Path.Combine(BundledData.Root, "trade-elasticity-se", "cp2015_table1.csv");
        var t = CsvTable.Read(path);
        int name = t.Column("cp_sector"), theta = t.Column("theta"), se = t.Column("std_error");
        return t.Rows.ToDictionary(r => t.Field(r, name), r => (t.Number(r, theta, nonNegative: true), t.Number(r, se, nonNegative: true)));
    });

    /// <summary>CP sector → (θ, standard error), from <c>data/trade-elasticity-se/cp2015_table1.csv</c>.</summary>
    public static IReadOnlyDictionary<string, (double Theta, double Se)> Table => s_table.Value;

    /// <summary>One uncertain input per group of dataset sectors with the same published estimate (WIOD c4 and c5 share
    /// Textile), each normal(θ, se) truncated to [max(Floor, θ − Reach·se), θ + Reach·se].</summary>
    public static IReadOnlyList<UncertainInput> Inputs(MultiSectorDataset d)
    {
        // world-2022 is the WIOD table brought to 2022 (data/world-2022): same 35 sectors, same θ, same CP sector map.
        var wiod = d.Name.Equals(BundledData.Wiod2011Name, StringComparison.OrdinalIgnoreCase)
                   || d.Name.Equals(BundledData.World2022Name, StringComparison.OrdinalIgnoreCase);
        var cp = wiod ? BundledData.MultiSector(BundledData.Cp2015Name)! : d;
        var trade = new double[cp.J];
        for (var j = 0; j < cp.J; j++)
            for (var i = 0; i < cp.N; i++)
                for (var r = 0; r < cp.N; r++)
                    if (i != r) trade[j] += cp.Flows[cp.Cell(j, i, r)];
        var groups = new Dictionary<string, (List<string> Codes, double Theta, double Se)>();
        foreach (var s in d.Sectors.Where(s => s.Tradable))
        {
            string[] parts = wiod ? WiodBuilder.ElasticityMap.TryGetValue(s.Code, out var m) ? m : [] : [s.Name];
            if (parts.Length == 0 || parts.Any(p => !Table.ContainsKey(p) || cp.FindSector(p) is null)) continue;
            double den = parts.Sum(p => trade[cp.FindSector(p)!.Index]);
            var w = parts.Select(p => den > 0 ? trade[cp.FindSector(p)!.Index] / den : 1.0 / parts.Length).ToArray();
            var theta = parts.Select((p, k) => w[k] * Table[p].Theta).Sum();
            if (Math.Abs(theta - s.TradeElasticity) > 1e-6 * Math.Max(1, theta)) continue; // the dataset does not use CP's estimate here
            var se = Math.Sqrt(parts.Select((p, k) => w[k] * w[k] * Table[p].Se * Table[p].Se).Sum());
            var key = string.Join(" + ", parts);
            if (!groups.TryGetValue(key, out var g)) groups[key] = g = ([], s.TradeElasticity, se);
            g.Codes.Add(s.Code);
        }
        return groups.Select(kv => new UncertainInput(UncertainInputKind.TradeElasticity, "theta:" + string.Join("+", kv.Value.Codes), kv.Value.Codes,
            Distribution.Normal(kv.Value.Theta, kv.Value.Se, Math.Max(Floor, kv.Value.Theta - Reach * kv.Value.Se), kv.Value.Theta + Reach * kv.Value.Se),
            $"Caliendo & Parro (2015) Table 1: {kv.Key}")).ToArray();
    }
}
