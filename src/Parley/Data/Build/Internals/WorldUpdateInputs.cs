// Reads the inputs of the world-2022 update (docs/world-2022.md §1): the WIOD 2011 prior in WIOD's long format, the ADB
// MRIO country × sector aggregates of the target year mapped onto WIOD's 41 regions, and the 2023 bilateral goods trade
// of data/world-2023 aggregated to the same regions. Why here and not in the builder: every mapping choice (which
// economy joins the rest of the world, how RoW's own exports are split off) is one place to read and to test.
using Parley.Internals;

namespace Parley.Data.Build.Internals;

/// <summary>The WIOD prior: flows by (sector, exporter, importer) and each importer's use matrix (inputs and final-demand categories).</summary>
internal sealed record WiodPrior(string[] RegionCodes, string[] Iso3, string[] Sectors, double[] Flows, double[] Inputs, double[] Final)
{
    /// <summary>WIOD's five final-demand categories, in the order of the <see cref="Final"/> block.</summary>
    public static readonly string[] FinalCategories = ["CONS_h", "CONS_np", "CONS_g", "GFCF", "INVEN"];

    public int N => RegionCodes.Length;
    public int J => Sectors.Length;

    /// <summary>Reads the labels, intermediate and final-demand long files; regions get their ISO3 code from data/wiod-2011/regions.csv.</summary>
    public static WiodPrior Read(string wiodDir, string wiodDatasetDir)
    {
        var regions = CsvTable.Read(Path.Combine(wiodDatasetDir, "regions.csv"));
        int rw = regions.Column("wiod_code"), ri3 = regions.Column("iso3");
        var isoOf = regions.Rows.ToDictionary(r => regions.Field(r, rw), r => regions.Field(r, ri3));
        var labels = CsvTable.Read(Path.Combine(wiodDir, "wiot2011_labels.csv"));
        int lc = labels.Column("country"), ls = labels.Column("sector");
        var codes = new List<string>();
        var sectors = new List<string>();
        foreach (var row in labels.Rows)
        {
            var c = labels.Field(row, lc);
            if (!codes.Contains(c)) codes.Add(c);
            var s = labels.Field(row, ls);
            if (!sectors.Contains(s)) sectors.Add(s);
            if (!isoOf.ContainsKey(c)) throw new ParleyInputException(labels.File, row.LineNumber, "country", c, "a WIOD region listed in data/wiod-2011/regions.csv");
        }
        int n = codes.Count, jn = sectors.Count, fn = FinalCategories.Length;
        var ri = codes.Select((c, k) => (c, k)).ToDictionary(x => x.c, x => x.k);
        var si = sectors.Select((s, k) => (s, k)).ToDictionary(x => x.s, x => x.k);
        var flows = new double[jn * n * n];
        var inputs = new double[n * jn * jn];
        var final = new double[n * jn * fn];
        var inter = CsvTable.Read(Path.Combine(wiodDir, "wiot2011_intermediate_long.csv.gz"));
        int fc = inter.Column("from_country"), fs = inter.Column("from_sector"), tc = inter.Column("to_country"), ts = inter.Column("to_sector"), iv = inter.Column("value");
        foreach (var row in inter.Rows)
        {
            int i = Index(ri, inter, row, fc), k = Index(si, inter, row, fs), r = Index(ri, inter, row, tc), j = Index(si, inter, row, ts);
            var v = inter.Number(row, iv);
            flows[(k * n + i) * n + r] += v;
            inputs[(r * jn + k) * jn + j] += v;
        }
        var fin = CsvTable.Read(Path.Combine(wiodDir, "wiot2011_final_long.csv.gz"));
        int gc = fin.Column("from_country"), gs = fin.Column("from_sector"), gt = fin.Column("to_country"), gk = fin.Column("fd_category"), gv = fin.Column("value");
        foreach (var row in fin.Rows)
        {
            int i = Index(ri, fin, row, gc), k = Index(si, fin, row, gs), r = Index(ri, fin, row, gt);
            var cat = Array.IndexOf(FinalCategories, fin.Field(row, gk));
            if (cat < 0) throw new ParleyInputException(fin.File, row.LineNumber, "fd_category", fin.Field(row, gk), "one of " + string.Join(", ", FinalCategories));
            var v = fin.Number(row, gv);
            flows[(k * n + i) * n + r] += v;
            final[(r * jn + k) * fn + cat] += v;
        }
        return new WiodPrior([.. codes], codes.Select(c => isoOf[c]).ToArray(), [.. sectors], flows, inputs, final);
    }

    private static int Index(Dictionary<string, int> map, CsvTable t, CsvRow row, int column) =>
        map.TryGetValue(t.Field(row, column), out var k) ? k
            : throw new ParleyInputException(t.File, row.LineNumber, t.Header[column], t.Field(row, column), "a region or sector listed in wiot2011_labels.csv");
}

/// <summary>Target-year aggregates on WIOD's regions and sectors (USD millions).</summary>
/// <param name="Output">x by [region][sector].</param>
/// <param name="Domestic">Sales to the own region (intermediate and final) by [region][sector].</param>
/// <param name="InputsPurchased">Intermediate inputs bought (zuse) by [region][sector].</param>
/// <param name="ValueAdded">va by [region][sector].</param>
/// <param name="GoodsShare">Share of exporter i's goods exports going to importer r, [i][r] (rows sum to 1, diagonal 0).</param>
/// <param name="Measured">Regions that appear in the BACI matrix (Taiwan does not: its goods destinations keep WIOD's 2011 pattern).</param>
/// <param name="RowOutsideShare">Share of the rest of the world's members' exports that leave the rest of the world (BACI goods).</param>
internal sealed record WorldTargets(double[] Output, double[] Domestic, double[] InputsPurchased, double[] ValueAdded, double[] GoodsShare,
    bool[] Measured, double RowOutsideShare)
{
    public const string RestOfWorld = "ROW";

    /// <summary>Reads the ADB summary for <paramref name="year"/> and the BACI goods matrix, both mapped onto <paramref name="iso3"/> (RoW last-resort).</summary>
    public static WorldTargets Read(string adbDir, string world2023Dir, int year, string[] iso3, string[] sectorCodes)
    {
        int n = iso3.Length, jn = sectorCodes.Length;
        var region = iso3.Select((c, k) => (c, k)).ToDictionary(x => x.c, x => x.k);
        if (!region.ContainsKey(RestOfWorld)) throw new ArgumentException("the WIOD regions need a rest of the world (ROW)");
        int RegionOf(string iso) => region.TryGetValue(iso, out var k) ? k : region[RestOfWorld];

        var countries = CsvTable.Read(Path.Combine(adbDir, "adb_mrio_countries.csv"));
        int cm = countries.Column("mrio"), ci = countries.Column("iso_a3");
        var adbRegion = new Dictionary<int, int>();
        foreach (var row in countries.Rows)
        {
            var iso = countries.Field(row, ci);
            var k = RegionOf(iso);
            adbRegion[(int)countries.Number(row, cm)] = k;
        }
        var (output, zuse, va, ownDomestic) = Summary(adbDir, year, adbRegion, n, jn);
        var domestic = new double[n * jn];
        var (share, measured, outside) = GoodsShares(world2023Dir, n, RegionOf, region[RestOfWorld]);
        var row0 = region[RestOfWorld];
        for (var k = 0; k < n; k++)
            for (var j = 0; j < jn; j++)
            {
                var c = k * jn + j;
                // RoW's exports are its members' exports less what they sell to each other (imputed with the BACI goods share)
                domestic[c] = k == row0 ? output[c] - (output[c] - ownDomestic[c]) * outside : ownDomestic[c];
            }
        return new WorldTargets(output, domestic, zuse, va, share, measured, outside);
    }

    /// <summary>ADB x, zuse, va and domestic sales e of <paramref name="year"/>, summed onto the regions.</summary>
    private static (double[] Output, double[] Zuse, double[] Va, double[] Domestic) Summary(string adbDir, int year, Dictionary<int, int> adbRegion, int n, int jn)
    {
        var summary = CsvTable.Read(Path.Combine(adbDir, "adb_mrio_summary_2022.csv"));
        int ct = summary.Column("t"), cs = summary.Column("s"), cj = summary.Column("i"), cx = summary.Column("x"), cz = summary.Column("zuse"),
            cv = summary.Column("va"), ce = summary.Column("e");
        var output = new double[n * jn];
        var zuse = new double[n * jn];
        var va = new double[n * jn];
        var ownDomestic = new double[n * jn]; // RoW: the members' own domestic sales, before intra-RoW trade is added
        var seen = 0;
        foreach (var row in summary.Rows)
        {
            if ((int)summary.Number(row, ct) != year) continue;
            var s = (int)summary.Number(row, cs);
            var j = (int)summary.Number(row, cj) - 1;
            if (!adbRegion.TryGetValue(s, out var k))
                throw new ParleyInputException(summary.File, row.LineNumber, "s", s.ToString(System.Globalization.CultureInfo.InvariantCulture), "a region index listed in adb_mrio_countries.csv");
            if (j < 0 || j >= jn)
                throw new ParleyInputException(summary.File, row.LineNumber, "i", (j + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), $"a sector index 1..{jn}");
            var c = k * jn + j;
            output[c] += summary.Number(row, cx);
            zuse[c] += summary.Number(row, cz);
            va[c] += summary.Number(row, cv);
            ownDomestic[c] += summary.Number(row, ce);
            seen++;
        }
        if (seen == 0) throw new ParleyInputException(summary.File, null, "t", year.ToString(System.Globalization.CultureInfo.InvariantCulture), "rows for the target year");
        return (output, zuse, va, ownDomestic);
    }

    /// <summary>BACI 2023 goods flows (data/world-2023, thousands of USD, row = exporter) aggregated to the regions, as destination shares per exporter.</summary>
    private static (double[] Share, bool[] Measured, double Outside) GoodsShares(string world2023Dir, int n, Func<string, int> regionOf, int rowIndex)
    {
        var labels = CsvTable.Read(Path.Combine(world2023Dir, "country_labels.csv"));
        int li = labels.Column("iso3");
        var map = labels.Rows.Select(r => regionOf(labels.Field(r, li))).ToArray();
        var trade = CsvTable.Read(Path.Combine(world2023Dir, "trade_cepii.csv"));
        if (trade.Rows.Count != map.Length || trade.Header.Length != map.Length)
            throw new ParleyInputException(trade.File, null, "(shape)", $"{trade.Rows.Count}×{trade.Header.Length}", $"{map.Length}×{map.Length}, one row and column per country of country_labels.csv");
        var pair = new double[n * n];
        double rowTotal = 0, rowOutside = 0;
        for (var a = 0; a < map.Length; a++)
            for (var b = 0; b < map.Length; b++)
            {
                if (a == b) continue;
                var v = trade.Number(trade.Rows[a], b, empty: 0, nonNegative: true);
                pair[map[a] * n + map[b]] += v;
                if (map[a] == rowIndex) { rowTotal += v; if (map[b] != rowIndex) rowOutside += v; }
            }
        var share = new double[n * n];
        var measured = new bool[n];
        for (var a = 0; a < map.Length; a++) measured[map[a]] = true;
        for (var i = 0; i < n; i++)
        {
            double total = 0;
            for (var r = 0; r < n; r++) if (r != i) total += pair[i * n + r];
            for (var r = 0; r < n; r++) if (r != i && total > 0) share[i * n + r] = pair[i * n + r] / total;
        }
        return (share, measured, rowTotal > 0 ? rowOutside / rowTotal : 1);
    }
}
