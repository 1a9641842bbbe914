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
        var (cells, partners, rates) = LineRates(engine, weights, date, d, map, sectorIndex, us, rowIndex);
        // Summed in row order, as one serial pass over the weights would: the rates are the same whichever thread evaluated them.
        for (var k = 0; k < cells.Length; k++)
        {
            if (cells[k] < 0) continue;
            var v = weights.Values[k];
            var region = cells[k] % d.N;
            num[cells[k]] += rates[k] * v;
            den[cells[k]] += v;
            allNum[region] += rates[k] * v;
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

    /// <summary>For every weight row: its cell j·N + exporter region (−1 when the row does not count: the USA itself, a
    /// partner the schedule does not know, a line without MFN rate or sector), and that line's effective rate on the date,
    /// evaluated in parallel (the engine is safe for concurrent reads; each row's rate does not depend on the order).</summary>
    private static (int[] Cells, Partner?[] Partners, double[] Rates) LineRates(TariffEngine engine, ImportWeights weights, DateOnly date, MultiSectorDataset d,
        Dictionary<string, string> map, Dictionary<string, int> sectorIndex, int us, int rowIndex)
    {
        var s = engine.Schedule;
        var n = weights.Values.Length;
        var cells = new int[n];
        var partners = new Partner?[n];
        var regionOf = new Dictionary<string, (int Region, Partner? Partner)>();
        var mfn = s.Mfn.GetAlternateLookup<ReadOnlySpan<char>>();
        var sectors = map.GetAlternateLookup<ReadOnlySpan<char>>();
        for (var k = 0; k < n; k++)
        {
            cells[k] = -1;
            var cty = weights.Countries[k];
            if (!regionOf.TryGetValue(cty, out var rp))
            {
                var known = s.Partners.TryGetValue(cty, out var p);
                var region = known ? d.Regions.IndexOf(p!.Iso3) : -1;
                if (region < 0) region = rowIndex;
                regionOf[cty] = rp = (region, known ? p : null);
            }
            if (rp.Region < 0 || rp.Region == us || rp.Partner is null) continue;
            var code = weights.Codes[k].AsSpan();
            if (!mfn.ContainsKey(code[..8]) || !sectors.TryGetValue(code[..6], out var sector) || !sectorIndex.TryGetValue(sector, out var j)) continue;
            cells[k] = j * d.N + rp.Region;
            partners[k] = rp.Partner;
        }
        var rates = new double[n];
        Parallel.ForEach(System.Collections.Concurrent.Partitioner.Create(0, n, 4096), range =>
        {
            for (var k = range.Item1; k < range.Item2; k++)
                if (cells[k] >= 0) rates[k] = engine.Total(date, partners[k]!, HtsCode.TryParse(weights.Codes[k])!.Value, RateBasis.Effective);
        });
        return (cells, partners, rates);
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
