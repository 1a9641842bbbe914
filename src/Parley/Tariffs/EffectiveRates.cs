// Trade-weighted effective tariff rates (docs/models/tariff-stacking.md (T-17)–(T-19)): ETR = Σ_{h,c} total(h,c,d)·m_{h,c} / Σ_{h,c} m_{h,c}, with the
// denominator over all imports (duty-free flows and lines the schedule does not know included), rates on the effective
// basis (preference and USMCA use), and authority contributions that add up to the total. Import codes of the weights'
// vintage that are not HTS-8 lines of the schedule are bridged to a line of the same HS-6 where one exists; the rest is
// reported as unmatched value.
using System.Collections.Concurrent;

namespace Parley.Tariffs;

/// <summary>How effective rates are grouped.</summary>
public enum EtrGrouping
{
    /// <summary>By Census partner country.</summary>
    Partner,

    /// <summary>By HS chapter (2 digits).</summary>
    Chapter,

    /// <summary>By GTAP sector (crosswalk of the schedule).</summary>
    Sector,

    /// <summary>By the Budget Lab's 8 partner groups.</summary>
    PartnerGroup,

    /// <summary>Only the total and authority contributions.</summary>
    None,
}

/// <summary>One group's effective rate.</summary>
/// <param name="Key">Group key (Census code, chapter, GTAP code).</param>
/// <param name="Name">Readable name.</param>
/// <param name="ImportsUsd">Imports of the group (USD).</param>
/// <param name="Etr">Import-weighted total rate (fraction).</param>
public sealed record EtrGroup(string Key, string Name, double ImportsUsd, double Etr);

/// <summary>An effective-rate calculation with its coverage accounting.</summary>
/// <param name="Date">Date.</param>
/// <param name="Etr">Overall import-weighted rate (fraction).</param>
/// <param name="TotalImportsUsd">All imports in the weights.</param>
/// <param name="MatchedUsd">Imports whose HTS-8 is a line of the schedule.</param>
/// <param name="BridgedUsd">Imports whose code was bridged to a line of the same HS-6.</param>
/// <param name="UnmatchedUsd">Imports with no line or an unknown partner (counted at rate 0 in the denominator):
/// <paramref name="Coverage"/> splits them.</param>
/// <param name="ByAuthority">Contributions to <paramref name="Etr"/> by authority (fractions; they sum to the ETR).</param>
/// <param name="Groups">Rates by group, largest imports first.</param>
/// <param name="WeightsSource">Where the weights come from.</param>
/// <param name="Overlays">Overlays applied.</param>
/// <param name="Coverage">Rows and imports the schedule could not rate, by reason.</param>
public sealed record EffectiveRateReport(DateOnly Date, double Etr, double TotalImportsUsd, double MatchedUsd, double BridgedUsd, double UnmatchedUsd,
    IReadOnlyDictionary<string, double> ByAuthority, IReadOnlyList<EtrGroup> Groups, string WeightsSource, IReadOnlyList<string> Overlays,
    WeightsCoverage Coverage);

/// <summary>What the weights held that the schedule could not rate (reported, never dropped silently).</summary>
/// <param name="Rows">Weight rows read.</param>
/// <param name="UnknownLineRows">Rows whose HTS code has no line in the schedule, not even by HS-6 (rate 0).</param>
/// <param name="UnknownLineUsd">Their imports (USD).</param>
/// <param name="UnknownPartnerRows">Rows whose Census code is not a partner of the schedule (rate 0).</param>
/// <param name="UnknownPartnerUsd">Their imports (USD).</param>
/// <param name="UnknownPartners">The unknown Census codes, sorted.</param>
public sealed record WeightsCoverage(int Rows, int UnknownLineRows, double UnknownLineUsd, int UnknownPartnerRows, double UnknownPartnerUsd,
    IReadOnlyList<string> UnknownPartners);

/// <summary>Computes effective tariff rates from a <see cref="TariffEngine"/> and <see cref="ImportWeights"/>.</summary>
public static class EffectiveRates
{
    /// <summary>Computes the ETR on <paramref name="date"/> (effective basis), grouped as asked.</summary>
    public static EffectiveRateReport Compute(TariffEngine engine, ImportWeights weights, DateOnly date, EtrGrouping grouping = EtrGrouping.Partner)
    {
        TariffEngine.CheckDate(date);
        var s = engine.Schedule;
        var bridge = BuildBridge(s, weights);
        var n = weights.Values.Length;
        var sum = 0.0;
        foreach (var v in weights.Values) sum += v;
        if (!(sum > 0) || !double.IsFinite(sum))
            throw new ParleyInputException(weights.Source, null, "imports_usd", sum.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
                "import weights with a positive, finite total (an effective rate divides by total imports)");
        var rates = new double[n];
        var status = new byte[n]; // 0 matched, 1 bridged, 2 unknown line, 3 unknown partner
        var authority = new ConcurrentDictionary<string, double>();
        Parallel.ForEach(System.Collections.Concurrent.Partitioner.Create(0, n, 4096), range =>
        {
            var local = new Dictionary<string, double>();
            var byAuth = new Dictionary<string, double>();
            for (var k = range.Item1; k < range.Item2; k++)
            {
                if (!s.Partners.TryGetValue(weights.Countries[k], out var partner)) { status[k] = 3; continue; }
                var code = weights.Codes[k];
                if (!s.Mfn.ContainsKey(code[..8]))
                {
                    if (!bridge.TryGetValue(code[..6], out var hs8)) { status[k] = 2; continue; }
                    code = hs8 + (code.Length == 10 ? code[8..] : "");
                    status[k] = 1;
                }
                byAuth.Clear();
                rates[k] = engine.Total(date, partner, HtsCode.TryParse(code)!.Value, RateBasis.Effective, byAuth);
                foreach (var (a, r) in byAuth) local[a] = local.GetValueOrDefault(a) + r * weights.Values[k];
            }
            foreach (var (a, v) in local) authority.AddOrUpdate(a, v, (_, old) => old + v);
        });
        double total = 0, weighted = 0, matched = 0, bridged = 0, unmatched = 0, unknownLineUsd = 0, unknownPartnerUsd = 0;
        int unknownLines = 0, unknownPartnerRows = 0;
        var unknownPartners = new SortedSet<string>(StringComparer.Ordinal);
        var groups = new Dictionary<string, (double Imports, double Weighted)>();
        for (var k = 0; k < n; k++)
        {
            var v = weights.Values[k];
            total += v;
            weighted += rates[k] * v;
            if (status[k] == 0) matched += v; else if (status[k] == 1) bridged += v; else unmatched += v;
            if (status[k] == 2) { unknownLines++; unknownLineUsd += v; }
            else if (status[k] == 3) { unknownPartnerRows++; unknownPartnerUsd += v; unknownPartners.Add(weights.Countries[k]); }
            if (grouping == EtrGrouping.None) continue;
            var key = grouping switch
            {
                EtrGrouping.Partner => weights.Countries[k],
                EtrGrouping.Chapter => weights.Codes[k][..2],
                EtrGrouping.Sector => s.GtapSector(weights.Codes[k]) ?? "unmapped",
                _ => s.Partners.TryGetValue(weights.Countries[k], out var p) ? p.PartnerGroup : "row",
            };
            var g = groups.GetValueOrDefault(key);
            groups[key] = (g.Imports + v, g.Weighted + rates[k] * v);
        }
        var list = groups.Select(kv => new EtrGroup(kv.Key, GroupName(s, grouping, kv.Key), kv.Value.Imports, kv.Value.Imports > 0 ? kv.Value.Weighted / kv.Value.Imports : 0))
            .OrderByDescending(g => g.ImportsUsd).ToArray();
        var byAuthority = authority.ToDictionary(kv => kv.Key, kv => kv.Value / total);
        return new EffectiveRateReport(date, weighted / total, total, matched, bridged, unmatched, byAuthority, list, weights.Source, s.Overlays,
            new WeightsCoverage(n, unknownLines, unknownLineUsd, unknownPartnerRows, unknownPartnerUsd, unknownPartners.ToArray()));
    }

    /// <summary>HS-6 → an HTS-8 line of the schedule with that HS-6 (for codes of another vintage).</summary>
    private static Dictionary<string, string> BuildBridge(TariffSchedule s, ImportWeights weights)
    {
        var byHs6 = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var hs8 in s.Mfn.Keys.Order(StringComparer.Ordinal)) byHs6.TryAdd(hs8[..6], hs8);
        return byHs6;
    }

    private static string GroupName(TariffSchedule s, EtrGrouping grouping, string key) => grouping switch
    {
        EtrGrouping.Partner => s.Partners.TryGetValue(key, out var p) ? p.Name : key,
        EtrGrouping.Chapter => $"HS chapter {key}",
        EtrGrouping.Sector => $"GTAP {key}",
        _ => key,
    };
}
