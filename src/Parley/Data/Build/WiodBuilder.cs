// Builds Parley's world default dataset (data/wiod-2011) from the WIOD world input–output table for 2011
// (Timmer, Dietzenbacher, Los, Stehrer & de Vries 2015, Review of International Economics 23: 575–605; release 2013),
// in the generic multi-sector format read by MultiSectorDatasetReader. Why a builder in the library: anyone can
// regenerate the bundled files from the published table (`parley data build-wiod`), and every choice below is code.
// Choices (documented in data/wiod-2011/PROVENANCE.md):
//  - bilateral flow of sector j from i to n = intermediate use (all using sectors) + final demand (all categories);
//    negative cells (inventory drawdowns) are set to 0; gross output = sales after that;
//  - γ^{k,j} = purchases of composite k by sector j / gross output of j; γ^j = 1 − Σ_k γ^{k,j} (inputs are scaled down
//    where they exceed output so that γ^j ≥ 1%);
//  - α = final demand by composite (negative totals clipped to 0, then renormalised), as Caliendo–Parro do;
//  - (region, sector) cells with no output or no purchases get a 1-USD domestic placeholder flow (as in CP's data);
//  - tariffs: none in the data year (WIOD has no tariff layer); trade elasticities mapped from CP (2015).
using System.Globalization;
using Parley.Internals;

namespace Parley.Data.Build;

/// <summary>Builds <c>data/wiod-2011</c> from the WIOD 2013-release table for 2011.</summary>
public static class WiodBuilder
{
    /// <summary>Line written into dataset.yaml naming the builder (reuse of an output folder is decided by its manifest.json, see OutputDirectory).</summary>
    public const string Marker = "built_by: parley data build-wiod";

    private const double Placeholder = 1e-6; // 1 USD in millions

    /// <summary>γ^{k,j} = inputs / output per region r and sector j, with inputs above 99% of output scaled down to 99%,
    /// and γ^j = 1 − Σ_k γ^{k,j}. <paramref name="use"/>[(r·J + k)·<paramref name="stride"/> + j] is sector k's input into
    /// sector j of region r (the WIOD build and the world-2022 update share this one rule).</summary>
    internal static (double[] Io, double[] Va, int Scaled) InputCoefficients(double[] use, int stride, double[] output, int n, int jn)
    {
        var io = new double[n * jn * jn];
        var va = new double[n * jn];
        var scaled = 0;
        for (var r = 0; r < n; r++)
            for (var j = 0; j < jn; j++)
            {
                var go = output[r * jn + j];
                double used = 0;
                for (var k = 0; k < jn; k++) used += Math.Max(0, use[(r * jn + k) * stride + j]);
                var scale = used / go > 0.99 ? 0.99 * go / used : 1.0;
                if (scale < 1) scaled++;
                double share = 0;
                for (var k = 0; k < jn; k++)
                {
                    var g = Math.Max(0, use[(r * jn + k) * stride + j]) * scale / go;
                    io[(r * jn + k) * jn + j] = g;
                    share += g;
                }
                va[r * jn + j] = 1 - share;
            }
        return (io, va, scaled);
    }

    private static readonly Dictionary<string, (string Iso3, string Name)> RegionNames = new()
    {
        ["AUS"] = ("AUS", "Australia"), ["AUT"] = ("AUT", "Austria"), ["BEL"] = ("BEL", "Belgium"), ["BGR"] = ("BGR", "Bulgaria"),
        ["BRA"] = ("BRA", "Brazil"), ["CAN"] = ("CAN", "Canada"), ["CHN"] = ("CHN", "China"), ["CYP"] = ("CYP", "Cyprus"),
        ["CZE"] = ("CZE", "Czechia"), ["DEU"] = ("DEU", "Germany"), ["DNK"] = ("DNK", "Denmark"), ["ESP"] = ("ESP", "Spain"),
        ["EST"] = ("EST", "Estonia"), ["FIN"] = ("FIN", "Finland"), ["FRA"] = ("FRA", "France"), ["GBR"] = ("GBR", "United Kingdom"),
        ["GRC"] = ("GRC", "Greece"), ["HUN"] = ("HUN", "Hungary"), ["IDN"] = ("IDN", "Indonesia"), ["IND"] = ("IND", "India"),
        ["IRL"] = ("IRL", "Ireland"), ["ITA"] = ("ITA", "Italy"), ["JPN"] = ("JPN", "Japan"), ["KOR"] = ("KOR", "South Korea"),
        ["LTU"] = ("LTU", "Lithuania"), ["LUX"] = ("LUX", "Luxembourg"), ["LVA"] = ("LVA", "Latvia"), ["MEX"] = ("MEX", "Mexico"),
        ["MLT"] = ("MLT", "Malta"), ["NLD"] = ("NLD", "Netherlands"), ["POL"] = ("POL", "Poland"), ["PRT"] = ("PRT", "Portugal"),
        ["ROM"] = ("ROU", "Romania"), ["RUS"] = ("RUS", "Russia"), ["SVK"] = ("SVK", "Slovakia"), ["SVN"] = ("SVN", "Slovenia"),
        ["SWE"] = ("SWE", "Sweden"), ["TUR"] = ("TUR", "Turkey"), ["TWN"] = ("TWN", "Taiwan"), ["USA"] = ("USA", "United States"),
        ["RoW"] = ("ROW", "Rest of the world"),
    };

    private static readonly string[] Eu27 = ["AUT", "BEL", "BGR", "CYP", "CZE", "DEU", "DNK", "ESP", "EST", "FIN", "FRA", "GBR", "GRC", "HUN",
        "IRL", "ITA", "LTU", "LUX", "LVA", "MLT", "NLD", "POL", "PRT", "ROU", "SVK", "SVN", "SWE"];

    /// <summary>
    /// CP (2015) sectors whose trade elasticities θ map onto each WIOD sector (c1..c16; c17..c35 services take CP's 8.22).
    /// Where several CP sectors fall into one WIOD sector, θ is their mean weighted by 1993 world trade in the CP data.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string[]> ElasticityMap = new Dictionary<string, string[]>
    {
        ["c1"] = ["Agriculture"], ["c2"] = ["Mining"], ["c3"] = ["Food"], ["c4"] = ["Textile"], ["c5"] = ["Textile"],
        ["c6"] = ["Wood"], ["c7"] = ["Paper"], ["c8"] = ["Petroleum"], ["c9"] = ["Chemicals"], ["c10"] = ["Plastic"],
        ["c11"] = ["Minerals"], ["c12"] = ["Basic metals", "Metal products"], ["c13"] = ["Machinery n.e.c"],
        ["c14"] = ["Office", "Electrical", "Communication", "Medical"], ["c15"] = ["Auto", "Other Transport"], ["c16"] = ["Other"],
    };

    /// <summary>θ for WIOD services (CP's replication value for all its non-tradable sectors).</summary>
    public const double ServicesElasticity = 8.22;

    /// <summary>What the build did (counts for the provenance file and the CLI).</summary>
    public sealed record BuildSummary(int Regions, int Sectors, int NegativeCellsZeroed, int Placeholders, int InputScaled, int AlphaClipped, IReadOnlyDictionary<string, double> Elasticities);

    /// <summary>Builds the dataset from <paramref name="wiodDir"/> (the WIOD files) into <paramref name="outDir"/> (the caller guards it, e.g. with OutputDirectory).</summary>
    public static BuildSummary Build(string wiodDir, MultiSectorDataset cp2015, string outDir)
    {
        var labels = CsvTable.Read(Path.Combine(wiodDir, "wiot2011_labels.csv"));
        int lc = labels.Column("country"), ls = labels.Column("sector"), lw = labels.Column("wiod_code"), ln = labels.Column("sector_name");
        var regionCodes = new List<string>();
        var sectors = new List<(string Code, string Wiod, string Name)>();
        foreach (var row in labels.Rows)
        {
            var c = labels.Field(row, lc);
            if (!regionCodes.Contains(c)) regionCodes.Add(c);
            var s = labels.Field(row, ls);
            if (!sectors.Any(x => x.Code == s)) sectors.Add((s, labels.Field(row, lw), labels.Field(row, ln)));
        }
        int n = regionCodes.Count, jn = sectors.Count;
        var ri = regionCodes.Select((c, k) => (c, k)).ToDictionary(x => x.c, x => x.k);
        var si = sectors.Select((s, k) => (s.Code, k)).ToDictionary(x => x.Code, x => x.k);
        foreach (var c in regionCodes)
            if (!RegionNames.ContainsKey(c)) throw new ParleyInputException(labels.File, null, "country", c, "one of the 41 WIOD 2013 regions");

        var flows = new double[jn * n * n];          // [j][i][n]
        var inputs = new double[n * jn * jn];        // purchases by n's sector j of composite k: [n][k][j]
        var final = new double[n * jn];              // [n][j]
        var inter = CsvTable.Read(Path.Combine(wiodDir, "wiot2011_intermediate_long.csv.gz"));
        int fc = inter.Column("from_country"), fs = inter.Column("from_sector"), tc = inter.Column("to_country"), ts = inter.Column("to_sector"), iv = inter.Column("value");
        foreach (var row in inter.Rows)
        {
            int i = ri[inter.Field(row, fc)], k = si[inter.Field(row, fs)], r = ri[inter.Field(row, tc)], j = si[inter.Field(row, ts)];
            var v = inter.Number(row, iv);
            flows[(k * n + i) * n + r] += v;
            inputs[(r * jn + k) * jn + j] += v;
        }
        var fin = CsvTable.Read(Path.Combine(wiodDir, "wiot2011_final_long.csv.gz"));
        int gc = fin.Column("from_country"), gs = fin.Column("from_sector"), gt = fin.Column("to_country"), gv = fin.Column("value");
        foreach (var row in fin.Rows)
        {
            int i = ri[fin.Field(row, gc)], k = si[fin.Field(row, gs)], r = ri[fin.Field(row, gt)];
            var v = fin.Number(row, gv);
            flows[(k * n + i) * n + r] += v;
            final[r * jn + k] += v;
        }
        var negatives = 0;
        for (var c = 0; c < flows.Length; c++)
            if (flows[c] < 0) { flows[c] = 0; negatives++; }

        var output = new double[n * jn];
        var purchases = new double[n * jn];
        for (var j = 0; j < jn; j++)
            for (var i = 0; i < n; i++)
                for (var r = 0; r < n; r++)
                {
                    output[i * jn + j] += flows[(j * n + i) * n + r];
                    purchases[r * jn + j] += flows[(j * n + i) * n + r];
                }
        var placeholders = 0;
        for (var r = 0; r < n; r++)
            for (var j = 0; j < jn; j++)
                if (output[r * jn + j] <= 0 || purchases[r * jn + j] <= 0)
                {
                    flows[(j * n + r) * n + r] += Placeholder;
                    output[r * jn + j] += Placeholder;
                    purchases[r * jn + j] += Placeholder;
                    placeholders++;
                }

        var (io, va, scaled) = InputCoefficients(inputs, jn, output, n, jn);
        var alpha = new double[n * jn];
        var clipped = 0;
        for (var r = 0; r < n; r++)
        {
            double total = 0;
            for (var j = 0; j < jn; j++)
            {
                var v = final[r * jn + j];
                if (v < 0) { v = 0; clipped++; }
                alpha[r * jn + j] = v;
                total += v;
            }
            for (var j = 0; j < jn; j++) alpha[r * jn + j] /= total;
        }
        var theta = Elasticities(cp2015, sectors.Select(s => s.Code).ToArray());

        Directory.CreateDirectory(outDir);
        var inv = CultureInfo.InvariantCulture;
        string F(double v) => CsvOutput.Number(v);
        string Iso(int r) => RegionNames[regionCodes[r]].Iso3;
        Write(Path.Combine(outDir, "regions.csv"), ["region_index", "region", "iso3", "wiod_code"],
            Enumerable.Range(0, n).Select(r => new[] { (r + 1).ToString(inv), RegionNames[regionCodes[r]].Name, Iso(r), regionCodes[r] }));
        // goods = agriculture, mining and manufacturing (c1–c16, the sectors with a CP 2015 goods elasticity); every WIOD
        // sector trades, so 'tradable' is TRUE throughout and 'goods' decides what a tariff change without 'sector:' touches.
        Write(Path.Combine(outDir, "sectors.csv"), ["sector_index", "code", "sector", "tradable", "goods", "wiod_code"],
            sectors.Select((s, j) => new[] { (j + 1).ToString(inv), s.Code, s.Name, "TRUE", ElasticityMap.ContainsKey(s.Code) ? "TRUE" : "FALSE", s.Wiod }));
        Write(Path.Combine(outDir, "trade_elasticity.csv"), ["sector", "theta", "theta_origin"],
            sectors.Select(s => new[] { s.Code, theta[s.Code].ToString("G12", inv), ElasticityMap.TryGetValue(s.Code, out var cp) ? "CP2015: " + string.Join(" + ", cp) : "CP2015 services value 8.22" }));
        Write(Path.Combine(outDir, "trade_flows.csv"), ["importer", "exporter", "sector", "value"],
            Cells(n, jn).Where(c => flows[(c.j * n + c.i) * n + c.r] != 0)
                .Select(c => new[] { Iso(c.r), Iso(c.i), sectors[c.j].Code, F(flows[(c.j * n + c.i) * n + c.r]) }));
        Write(Path.Combine(outDir, "tariffs.csv"), ["importer", "exporter", "sector", "none"], []);
        Write(Path.Combine(outDir, "value_added.csv"), ["region", "sector", "value_added", "gross_output", "va_share"],
            Enumerable.Range(0, n * jn).Select(k => new[] { Iso(k / jn), sectors[k % jn].Code, F(va[k] * output[k]), F(output[k]), F(va[k]) }));
        Write(Path.Combine(outDir, "intermediate_inputs.csv"), ["region", "input_sector", "output_sector", "io_coefficient"],
            Enumerable.Range(0, n * jn * jn).Where(k => io[k] != 0)
                .Select(k => new[] { Iso(k / (jn * jn)), sectors[k / jn % jn].Code, sectors[k % jn].Code, F(io[k]) }));
        Write(Path.Combine(outDir, "final_demand.csv"), ["region", "sector", "final_demand", "alpha"],
            Enumerable.Range(0, n * jn).Select(k => new[] { Iso(k / jn), sectors[k % jn].Code, F(Math.Max(0, final[k])), F(alpha[k]) }));
        var deficits = new double[n];
        for (var j = 0; j < jn; j++)
            for (var i = 0; i < n; i++)
                for (var r = 0; r < n; r++)
                    if (i != r) { deficits[r] += flows[(j * n + i) * n + r]; deficits[i] -= flows[(j * n + i) * n + r]; }
        Write(Path.Combine(outDir, "region_totals.csv"), ["region", "value_added", "deficit"],
            Enumerable.Range(0, n).Select(r => new[] { Iso(r), F(Enumerable.Range(0, jn).Sum(j => va[r * jn + j] * output[r * jn + j])), F(deficits[r]) }));
        var present = Enumerable.Range(0, n).Select(Iso).ToHashSet();
        Write(Path.Combine(outDir, "country_groups.csv"), ["group", "iso3"],
            Eu27.Select(c => new[] { "EU27", c })
                .Concat(new[] { "USA", "CAN", "MEX" }.Select(c => new[] { "USMCA", c }))
                .Concat(new[] { "CAN", "FRA", "DEU", "ITA", "JPN", "GBR", "USA" }.Select(c => new[] { "G7", c }))
                .Where(g => present.Contains(g[1]))); // a table with fewer regions lists only the members it has
        File.WriteAllText(Path.Combine(outDir, "dataset.yaml"), $"""
            # Parley multi-sector dataset manifest — generated; rebuild with `parley data build-wiod` (do not edit by hand).
            {Marker}
            name: wiod-2011
            title: WIOD world input–output table 2011 — 41 regions × 35 sectors
            vintage: "2011; WIOD release 2013 (Timmer et al. 2015) via bquast/wiod@50ce59b; elasticities from Caliendo & Parro (2015)"
            money_unit: USD millions
            files:
              regions: regions.csv
              sectors: sectors.csv
              trade_elasticity: trade_elasticity.csv
              trade_flows: trade_flows.csv
              tariffs: tariffs.csv
              value_added: value_added.csv
              intermediate_inputs: intermediate_inputs.csv
              final_demand: final_demand.csv
              region_totals: region_totals.csv
              country_groups: country_groups.csv
            base_tariffs: none
            notes: >-
              Sectors are WIOD's 35 (ISIC Rev.3): automobiles sit inside c15 "Transport Equipment" (with aircraft, ships and
              rail), semiconductors inside c14 "Electrical and Optical Equipment", steel and aluminium inside c12, rare-earth
              ores inside c2 "Mining". The data carry no tariffs: 2011 is treated as a tariff-free equilibrium, so scenario
              tariffs are levels relative to zero.

            """.Replace("\r", ""));
        return new BuildSummary(n, jn, negatives, placeholders, scaled, clipped, theta);
    }

    private static IEnumerable<(int j, int i, int r)> Cells(int n, int jn)
    {
        for (var j = 0; j < jn; j++)
            for (var i = 0; i < n; i++)
                for (var r = 0; r < n; r++) yield return (j, i, r);
    }

    /// <summary>θ per WIOD sector from CP (2015), trade-weighted where CP sectors merge.</summary>
    public static Dictionary<string, double> Elasticities(MultiSectorDataset cp, IReadOnlyList<string> codes)
    {
        var tradeBySector = new double[cp.J];
        for (var j = 0; j < cp.J; j++)
            for (var i = 0; i < cp.N; i++)
                for (var r = 0; r < cp.N; r++)
                    if (i != r) tradeBySector[j] += cp.Flows[cp.Cell(j, i, r)];
        var result = new Dictionary<string, double>();
        foreach (var code in codes)
        {
            if (!ElasticityMap.TryGetValue(code, out var names)) { result[code] = ServicesElasticity; continue; }
            double num = 0, den = 0;
            foreach (var name in names)
            {
                var s = cp.FindSector(name) ?? throw new InvalidOperationException($"CP sector {name} not found");
                num += tradeBySector[s.Index] * s.TradeElasticity;
                den += tradeBySector[s.Index];
            }
            result[code] = num / den;
        }
        return result;
    }

    private static void Write(string path, string[] header, IEnumerable<string[]> rows) => CsvOutput.File(path, header, rows);
}
