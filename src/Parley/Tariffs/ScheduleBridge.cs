// Turns the US schedule (or an offer overlay) into tariff inputs of the GE models: importer USA × exporter (× model
// sector). Aggregation: t_{i,US,s} = Σ_{h∈s} total(h,i,d)·m_{h,i} / Σ_{h∈s} m_{h,i}, an import-weighted mean over the
// HTS-10 lines h of sector s with the bundled 2024 weights (effective basis: preference and USMCA use). Lines map to
// WIOD sectors through HS-6 (2022) → ISIC Rev.3 → WIOD 2013 (concordance of Liao, Kim, Miyano & Zhang); when an HS-6
// maps to several ISIC classes, the first listed is used. Exporter × sector cells without 2024 imports get the
// exporter's all-goods rate (they carry no trade in the model either way).
using Parley.Data;
using Parley.Internals;

namespace Parley.Tariffs;

/// <summary>Schedule → model tariffs.</summary>
public static class ScheduleBridge
{
    private static readonly Lazy<Dictionary<string, string>> s_hs6ToWiod = new(LoadHs6ToWiod);

    /// <summary>
    /// One-sector world dataset: t_{i,USA} = partner i's import-weighted rate on <paramref name="date"/>; all other tariffs 0.
    /// Returns the N×N matrix (row = exporter) and the ISO3 codes of dataset countries without US imports in the weights (rate 0).
    /// </summary>
    public static (double[] Tariffs, IReadOnlyList<string> WithoutImports) ToWorld(TariffEngine engine, ImportWeights weights, DateOnly date, WorldDataset data)
    {
        var report = EffectiveRates.Compute(engine, weights, date, EtrGrouping.Partner);
        var n = data.Countries.Count;
        var us = data.Countries.IndexOf("USA");
        if (us < 0) throw new ParleyInputException(data.Name, null, "countries", "(no USA)", "a dataset with the USA, whose import tariffs 'from-schedule' sets");
        var t = new double[n * n];
        var missing = new List<string>();
        var byIso = report.Groups.Where(g => engine.Schedule.Partners.ContainsKey(g.Key))
            .GroupBy(g => engine.Schedule.Partners[g.Key].Iso3)
            .ToDictionary(g => g.Key, g => g.Sum(x => x.Etr * x.ImportsUsd) / g.Sum(x => x.ImportsUsd), StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < n; i++)
        {
            if (i == us) continue;
            if (byIso.TryGetValue(data.Countries[i].Iso3, out var r)) t[i * n + us] = r;
            else missing.Add(data.Countries[i].Iso3);
        }
        return (t, missing);
    }

    /// <summary>
    /// Multi-sector dataset with WIOD sector codes (c1..c35): the US import tariffs by exporter region × sector, [j][i][n]
    /// with n = USA; other importers keep <paramref name="baseTariffs"/>. Regions not in the schedule's partner list
    /// (ROW) take the weighted mean over all partners outside the dataset's named regions.
    /// </summary>
    public static double[] ToMultiSector(TariffEngine engine, ImportWeights weights, DateOnly date, MultiSectorDataset d, double[] baseTariffs)
    {
        TariffEngine.CheckDate(date);
        var map = s_hs6ToWiod.Value;
        var s = engine.Schedule;
        var us = d.Regions.IndexOf("USA");
        if (us < 0) throw new ParleyInputException(d.Name, null, "regions", "(no USA)", "a dataset with the USA, whose import tariffs 'from-schedule' sets");
        var sectorIndex = d.Sectors.ToDictionary(x => x.Code, x => x.Index, StringComparer.OrdinalIgnoreCase);
        if (!sectorIndex.ContainsKey("c15"))
            throw new ParleyInputException(d.Name, null, "sectors", d.Sectors[0].Code, "a dataset with WIOD sector codes c1..c35 (the HS → WIOD concordance targets them)");
        var rowIndex = d.Regions.IndexOf("ROW");
        var num = new double[d.J * d.N];
        var den = new double[d.J * d.N];
        var allNum = new double[d.N];
        var allDen = new double[d.N];
        var n = weights.Values.Length;
        var regionOf = new Dictionary<string, int>();
        for (var k = 0; k < n; k++)
        {
            var cty = weights.Countries[k];
            if (!regionOf.TryGetValue(cty, out var region))
            {
                region = s.Partners.TryGetValue(cty, out var p) ? d.Regions.IndexOf(p.Iso3) : -1;
                if (region < 0) region = rowIndex;
                regionOf[cty] = region;
            }
            if (region < 0 || region == us || !s.Partners.TryGetValue(cty, out var partner)) continue;
            var code = weights.Codes[k];
            if (!s.Mfn.ContainsKey(code[..8]) || !map.TryGetValue(code[..6], out var sector) || !sectorIndex.TryGetValue(sector, out var j)) continue;
            var rate = engine.Total(date, partner, HtsCode.TryParse(code)!.Value, RateBasis.Effective);
            var v = weights.Values[k];
            num[j * d.N + region] += rate * v;
            den[j * d.N + region] += v;
            allNum[region] += rate * v;
            allDen[region] += v;
        }
        var t = (double[])baseTariffs.Clone();
        for (var j = 0; j < d.J; j++)
            for (var i = 0; i < d.N; i++)
            {
                if (i == us) continue;
                var k = j * d.N + i;
                t[d.Cell(j, i, us)] = den[k] > 0 ? num[k] / den[k] : allDen[i] > 0 ? allNum[i] / allDen[i] : 0;
            }
        return t;
    }

    private static Dictionary<string, string> LoadHs6ToWiod()
    {
        var dir = Path.Combine(BundledData.Root, "concordance-hs-isic");
        var isicToWiod = new Dictionary<string, string>(StringComparer.Ordinal);
        var w = CsvTable.Read(Path.Combine(dir, "wiod_2013.csv"));
        foreach (var row in w.Rows) isicToWiod.TryAdd(w.Field(row, w.Column("ISIC3_4d")), "c" + w.Field(row, w.Column("WIOT2013_n")));
        var h = CsvTable.Read(Path.Combine(dir, "hs6_isic3.csv"));
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var row in h.Rows)
            if (isicToWiod.TryGetValue(h.Field(row, h.Column("ISIC3_4d")), out var sector)) map.TryAdd(h.Field(row, h.Column("HS6_6d")), sector);
        return map;
    }
}
