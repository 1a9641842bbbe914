// Base-year (2022) import tariffs of the partners for which a public extract was found: the WTO's MFN applied duty
// averages by MTN product group for Japan, the European Union, China and India (docs/world-2022.md §3; decision 0035).
// Why a mapping and not HS-6 lines: no public repository with applied HS-6 schedules of these importers was found; the
// WTO extract gives trade-weighted averages for the 22 MTN groups and their ~80 sub-groups, which map onto WIOD's goods
// sectors. A WIOD sector's rate is the unweighted mean of its groups' or sub-groups' trade-weighted averages (the simple
// average where the WTO gives no trade weight); a sector that is one whole MTN group (c4, c15) takes the group's own. Preferences: the EU customs union is duty-free inside; a short list of
// agreements that were fully in force in 2022 sets industrial goods (every goods sector but c1 and c3) to zero; every
// other pair pays MFN, which overstates protection where other preferences exist (listed in PROVENANCE).
using Parley.Internals;

namespace Parley.Data.Build.Internals;

/// <summary>Reads the WTO extract and spreads it over importer × exporter × sector.</summary>
internal static class PartnerTariffs
{
    /// <summary>The tariff column (and base tariff set) of data/world-2022.</summary>
    public const string Column = "mfn_2022";

    /// <summary>One tariff cell (rate as a fraction).</summary>
    public sealed record Cell(string Importer, string Exporter, string Sector, double Rate);

    /// <summary>One reporter's MFN rate for one WIOD sector and the MTN sub-groups it averages.</summary>
    public sealed record SectorRate(string Reporter, string Sector, double Rate, string Groups);

    /// <summary>MTN groups or sub-groups (WTO product classification MT4) per WIOD goods sector.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> SectorGroups = new Dictionary<string, string[]>
    {
        ["c1"] = ["A01", "C01", "C02", "D01", "E01", "F01", "I01", "I02", "J01"],
        ["c2"] = ["L01", "L02", "M01"],
        ["c3"] = ["A02", "B00", "C03", "D02", "D03", "E02", "F02", "F03", "G00", "H01", "H02", "H03", "J03", "J04", "K00"],
        ["c4"] = ["P", "Q"],
        ["c5"] = ["R02", "R03"],
        ["c6"] = ["O01"],
        ["c7"] = ["O02"],
        ["c8"] = ["M02"],
        ["c9"] = ["J02", "N01", "N02", "N03", "N05", "N09"],
        ["c10"] = ["N04", "R01"],
        ["c11"] = ["L03"],
        ["c12"] = ["L05", "L06", "L07"],
        ["c13"] = ["S01", "S02", "S03"],
        ["c14"] = ["S04", "T01", "T02", "T03", "T04", "T05", "T06", "V01", "V02", "V03"],
        ["c15"] = ["U"], // the whole group: its trade weights carry the cars' weight against aircraft and ships
        ["c16"] = ["L04", "O03", "V04", "V05", "V06", "V09"],
    };

    /// <summary>EU members in 2022 (Croatia sits in WIOD's rest of the world; the United Kingdom left in 2020).</summary>
    public static readonly string[] Eu2022 = ["AUT", "BEL", "BGR", "CYP", "CZE", "DEU", "DNK", "ESP", "EST", "FIN", "FRA", "GRC", "HUN",
        "IRL", "ITA", "LTU", "LUX", "LVA", "MLT", "NLD", "POL", "PRT", "ROU", "SVK", "SVN", "SWE"];

    /// <summary>WTO reporter → the WIOD importers it covers.</summary>
    private static readonly Dictionary<string, string[]> Reporters = new()
    {
        ["Japan"] = ["JPN"], ["European Union"] = Eu2022, ["China"] = ["CHN"], ["India"] = ["IND"],
    };

    /// <summary>Agreements in force throughout 2022 with industrial tariffs eliminated (importer group, exporter, agreement).</summary>
    public static readonly (string Reporter, string Exporter, string Agreement)[] IndustrialFree =
    [
        ("European Union", "GBR", "EU–UK Trade and Cooperation Agreement (2021)"),
        ("European Union", "KOR", "EU–Korea FTA (2011; industrial tariffs eliminated by 2016)"),
        ("European Union", "MEX", "EU–Mexico FTA (2000; industrial tariffs eliminated by 2007)"),
        ("European Union", "TUR", "EU–Turkey customs union for industrial goods (1995)"),
        ("European Union", "CAN", "CETA (provisionally applied 2017; industrial tariffs eliminated at entry)"),
    ];

    /// <summary>The negotiated lines of the 2025 talks and their finest WTO product group (no HS-6 extract was found).</summary>
    public static readonly (string Line, string Group)[] NegotiationLines =
    [
        ("rice", "E01"), ("beef", "A02"), ("autos", "U01"), ("machinery: general industrial", "S01"),
        ("machinery: specialised", "S02"), ("machinery: power generating", "S03"),
    ];

    /// <summary>One reporter's MFN 2022 averages (percent) for a negotiated line's product group.</summary>
    public sealed record LineRate(string Reporter, string Line, string Group, string GroupName, double? SimpleAveragePct, double? TradeWeightedPct, double? DutyFreeShare);

    /// <summary>The negotiated lines for every reporter of the extract.</summary>
    public static IReadOnlyList<LineRate> Lines(string wtoDir)
    {
        var t = CsvTable.Read(Path.Combine(wtoDir, "wto_mfn_mtn_2022.csv"));
        int cr = t.Column("reporter_name"), cy = t.Column("year"), cp = t.Column("product_code"), cn = t.Column("mtn_categories"),
            cs = t.Column("simple_average"), cw = t.Column("trade_weighted"), cf = t.Column("duty_free_share");
        double? N(CsvRow row, int c) => t.Field(row, c).Length == 0 ? null : t.Number(row, c);
        return [.. from line in NegotiationLines
                   from row in t.Rows
                   where t.Field(row, cy) == "2022" && t.Field(row, cp) == line.Group
                   orderby t.Field(row, cr), Array.IndexOf(NegotiationLines, line)
                   select new LineRate(t.Field(row, cr), line.Line, line.Group, t.Field(row, cn), N(row, cs), N(row, cw), N(row, cf))];
    }

    public static (IReadOnlyList<Cell> Cells, IReadOnlyList<SectorRate> Rates) Read(string wtoDir, string[] iso3, string[] sectorCodes)
    {
        var table = CsvTable.Read(Path.Combine(wtoDir, "wto_mfn_mtn_2022.csv"));
        int cr = table.Column("reporter_name"), cy = table.Column("year"), cp = table.Column("product_code"),
            cs = table.Column("simple_average"), cw = table.Column("trade_weighted");
        var rate = new Dictionary<(string, string), double>();
        foreach (var row in table.Rows)
        {
            if (table.Field(row, cy) != "2022") continue;
            var tw = table.Number(row, cw, empty: double.NaN);
            var v = double.IsNaN(tw) ? table.Number(row, cs, empty: double.NaN) : tw;
            if (!double.IsNaN(v)) rate[(table.Field(row, cr), table.Field(row, cp))] = v / 100;
        }
        var present = iso3.ToHashSet();
        var cells = new List<Cell>();
        var rates = new List<SectorRate>();
        foreach (var (reporter, importers) in Reporters)
            foreach (var sector in sectorCodes.Where(SectorGroups.ContainsKey))
            {
                var groups = SectorGroups[sector].Where(g => rate.ContainsKey((reporter, g))).ToArray();
                if (groups.Length == 0)
                    throw new ParleyInputException(table.File, null, "product_code", string.Join("/", SectorGroups[sector]), $"2022 rates of {reporter} for at least one MTN group of {sector}");
                var mfn = groups.Average(g => rate[(reporter, g)]);
                rates.Add(new SectorRate(reporter, sector, mfn, string.Join(" ", groups)));
                foreach (var importer in importers.Where(present.Contains))
                    foreach (var exporter in iso3)
                    {
                        if (exporter == importer || (importers.Length > 1 && importers.Contains(exporter))) continue; // inside a customs union
                        var free = sector is not ("c1" or "c3") && IndustrialFree.Any(a => a.Reporter == reporter && a.Exporter == exporter);
                        if (!free && mfn > 0) cells.Add(new Cell(importer, exporter, sector, mfn));
                    }
            }
        return (cells, rates);
    }
}
