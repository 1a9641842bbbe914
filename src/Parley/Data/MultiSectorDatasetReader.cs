using System.Collections.Immutable;
using System.Runtime.InteropServices;
using System.Globalization;
using Parley.Data.Internals;
using Parley.Internals;

namespace Parley.Data;

/// <summary>
/// Reads a multi-sector dataset directory: a <c>dataset.yaml</c> manifest naming long-format CSV files
/// (format in <c>docs/multi-sector-dataset.md</c>). Validates as it reads — unknown regions or sectors, missing
/// region × sector cells, negative flows, tariffs outside [0, 10], shares that do not sum to one, deficits that do not
/// sum to zero, value added and trade that disagree by orders of magnitude (<see cref="WorldDatasetReader.MaxTradeToGdp"/>) — and reports each problem with file, line, field and value.
/// </summary>
public static class MultiSectorDatasetReader
{
    /// <summary>Tolerance on share identities (Σα = 1, γ + Σγ^k = 1).</summary>
    public const double ShareTolerance = 1e-6;

    /// <summary>The money units a dataset may declare (reports convert revenue to USD millions; no currency conversion is done,
    /// so another currency, e.g. EUR, is an input error rather than a number silently read as dollars).</summary>
    public static readonly IReadOnlyDictionary<string, string> MoneyUnits = new Dictionary<string, string>
    {
        ["usd"] = "USD", ["usd thousands"] = "USD thousands", ["usd millions"] = "USD millions",
    };

    /// <summary>Reads the dataset in <paramref name="directory"/>.</summary>
    public static MultiSectorDataset Read(string directory)
    {
        var manifestPath = Path.Combine(directory, "dataset.yaml");
        var m = YamlMap.Load(manifestPath);
        var name = m.String("name") ?? Path.GetFileName(Path.GetFullPath(directory).TrimEnd(Path.DirectorySeparatorChar));
        var title = m.String("title") ?? name;
        var vintage = m.String("vintage") ?? "unknown vintage";
        var unit = m.Choice("money_unit", MoneyUnits) ?? "USD";
        var notes = m.String("notes");
        var files = m.Map("files") ?? throw m.Error("files", null, null, "a 'files:' mapping naming the CSV files");
        string F(string key) => Path.Combine(directory, files.RequiredString(key, $"the file name of the {key} table"));
        var paths = new Dictionary<string, string>
        {
            ["regions"] = F("regions"), ["sectors"] = F("sectors"), ["trade_elasticity"] = F("trade_elasticity"),
            ["trade_flows"] = F("trade_flows"), ["tariffs"] = F("tariffs"), ["value_added"] = F("value_added"),
            ["intermediate_inputs"] = F("intermediate_inputs"), ["final_demand"] = F("final_demand"), ["region_totals"] = F("region_totals"),
        };
        var groupsFile = files.String("country_groups");
        files.RejectUnknownKeys();
        var baseTariffs = m.RequiredString("base_tariffs", "the name of the tariff column in force in the data year, e.g. 'base_tariffs: tariff_1993'");
        m.RejectUnknownKeys("built_by");

        var (regions, regionIndex) = ReadRegions(paths["regions"], groupsFile is null ? null : Path.Combine(directory, groupsFile));
        var sectorsTable = CsvTable.Read(paths["sectors"]);
        var n = regions.Count;
        var sectorNames = new List<(string Code, string Name, bool Tradable, bool Goods)>();
        int sName = sectorsTable.Column("sector");
        int Optional(string column) => Array.FindIndex(sectorsTable.Header, h => h.Equals(column, StringComparison.OrdinalIgnoreCase));
        int sCode = Optional("code"), sTrad = Optional("tradable"), sGoods = Optional("goods");
        bool Flag(CsvRow row, int column, string field) => sectorsTable.Field(row, column).ToUpperInvariant() switch
        {
            "TRUE" => true,
            "FALSE" => false,
            var other => throw new ParleyInputException(paths["sectors"], row.LineNumber, field, other, "TRUE or FALSE"),
        };
        foreach (var row in sectorsTable.Rows)
        {
            var sname = sectorsTable.Field(row, sName);
            if (sname.Length == 0) throw new ParleyInputException(paths["sectors"], row.LineNumber, "sector", sname, "a sector name");
            var code = sCode >= 0 ? sectorsTable.Field(row, sCode) : (sectorNames.Count + 1).ToString(CultureInfo.InvariantCulture);
            var tradable = sTrad < 0 || Flag(row, sTrad, "tradable");
            var goods = sGoods < 0 ? tradable : Flag(row, sGoods, "goods"); // no goods column: the tradable sectors are the goods
            if (sectorNames.Any(s => s.Name.Equals(sname, StringComparison.OrdinalIgnoreCase)))
                throw new ParleyInputException(paths["sectors"], row.LineNumber, "sector", sname, "each sector once");
            sectorNames.Add((code, sname, tradable, goods));
        }
        var jCount = sectorNames.Count;
        if (jCount == 0) throw new ParleyInputException(paths["sectors"], null, "sector", "0 rows", "at least one sector");
        var sectorIndex = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var j = 0; j < jCount; j++) sectorIndex[sectorNames[j].Name] = j;
        for (var j = 0; j < jCount; j++) sectorIndex.TryAdd(sectorNames[j].Code, j);

        var theta = new double[jCount];
        var thetaSeen = new bool[jCount];
        var tt = CsvTable.Read(paths["trade_elasticity"]);
        int tSec = tt.Column("sector"), tTheta = tt.Column("theta");
        foreach (var row in tt.Rows)
        {
            var j = Lookup(sectorIndex, tt, row, tSec, "a sector listed in sectors.csv");
            var v = tt.Number(row, tTheta);
            if (!(v > 0)) throw new ParleyInputException(tt.File, row.LineNumber, "theta", tt.Field(row, tTheta), "a positive trade elasticity");
            theta[j] = v;
            thetaSeen[j] = true;
        }
        RequireAll(thetaSeen, paths["trade_elasticity"], "sector", j => sectorNames[j].Name);
        var sectors = sectorNames.Select((s, j) => new Sector(j, s.Code, s.Name, s.Tradable, theta[j], s.Goods)).ToArray();

        var flows = new double[jCount * n * n];
        var ft = CsvTable.Read(paths["trade_flows"]);
        int fImp = ft.Column("importer"), fExp = ft.Column("exporter"), fSec = ft.Column("sector");
        var fVal = ValueColumn(ft, "value_usd", "value");
        foreach (var row in ft.Rows)
        {
            var i = Lookup(regionIndex, ft, row, fExp, "a region listed in regions.csv");
            var nn = Lookup(regionIndex, ft, row, fImp, "a region listed in regions.csv");
            var j = Lookup(sectorIndex, ft, row, fSec, "a sector listed in sectors.csv");
            flows[(j * n + i) * n + nn] = ft.Number(row, fVal, nonNegative: true);
        }

        var tariffSets = ReadTariffs(paths["tariffs"], regionIndex, sectorIndex, n, jCount);
        if (!tariffSets.ContainsKey(baseTariffs))
            throw new ParleyInputException(manifestPath, null, "base_tariffs", baseTariffs, "one of the tariff columns: " + string.Join(", ", tariffSets.Keys));

        var vaShare = new double[n * jCount];
        var vaLevel = new double[n];
        var seen = new bool[n * jCount];
        var vt = CsvTable.Read(paths["value_added"]);
        int vReg = vt.Column("region"), vSec = vt.Column("sector"), vShare = vt.Column("va_share");
        var vVal = ValueColumn(vt, "value_added_usd", "value_added");
        foreach (var row in vt.Rows)
        {
            var r = Lookup(regionIndex, vt, row, vReg, "a region listed in regions.csv");
            var j = Lookup(sectorIndex, vt, row, vSec, "a sector listed in sectors.csv");
            var share = vt.Number(row, vShare);
            if (share is < 0 or > 1) throw new ParleyInputException(vt.File, row.LineNumber, "va_share", vt.Field(row, vShare), "a value-added share between 0 and 1");
            vaShare[r * jCount + j] = share;
            vaLevel[r] += vt.Number(row, vVal, nonNegative: true);
            seen[r * jCount + j] = true;
        }
        RequireAll(seen, vt.File, "region,sector", k => $"{regions[k / jCount].Iso3},{sectorNames[k % jCount].Name}");

        var io = new double[n * jCount * jCount];
        var it = CsvTable.Read(paths["intermediate_inputs"]);
        int iReg = it.Column("region"), iIn = it.Column("input_sector"), iOut = it.Column("output_sector"), iCoef = it.Column("io_coefficient");
        foreach (var row in it.Rows)
        {
            var r = Lookup(regionIndex, it, row, iReg, "a region listed in regions.csv");
            var k = Lookup(sectorIndex, it, row, iIn, "a sector listed in sectors.csv");
            var j = Lookup(sectorIndex, it, row, iOut, "a sector listed in sectors.csv");
            var v = it.Number(row, iCoef);
            if (v is < -1 or > 1) throw new ParleyInputException(it.File, row.LineNumber, "io_coefficient", it.Field(row, iCoef), "an input share between −1 and 1");
            io[(r * jCount + k) * jCount + j] = v;
        }
        for (var r = 0; r < n; r++)
            for (var j = 0; j < jCount; j++)
            {
                var total = vaShare[r * jCount + j];
                for (var k = 0; k < jCount; k++) total += io[(r * jCount + k) * jCount + j];
                if (Math.Abs(total - 1) > ShareTolerance)
                    throw new ParleyInputException(it.File, null, "io_coefficient", $"{regions[r].Iso3}/{sectorNames[j].Name}: va_share + Σ inputs = {total.ToString("G8", CultureInfo.InvariantCulture)}",
                        $"value-added share plus input shares summing to 1 (±{ShareTolerance}) for every region and output sector");
            }

        var alpha = new double[n * jCount];
        Array.Clear(seen);
        var at = CsvTable.Read(paths["final_demand"]);
        int aReg = at.Column("region"), aSec = at.Column("sector"), aAlpha = at.Column("alpha");
        foreach (var row in at.Rows)
        {
            var r = Lookup(regionIndex, at, row, aReg, "a region listed in regions.csv");
            var j = Lookup(sectorIndex, at, row, aSec, "a sector listed in sectors.csv");
            var v = at.Number(row, aAlpha);
            if (v is < 0 or > 1) throw new ParleyInputException(at.File, row.LineNumber, "alpha", at.Field(row, aAlpha), "a final-demand share between 0 and 1");
            alpha[r * jCount + j] = v;
            seen[r * jCount + j] = true;
        }
        RequireAll(seen, at.File, "region,sector", k => $"{regions[k / jCount].Iso3},{sectorNames[k % jCount].Name}");
        for (var r = 0; r < n; r++)
        {
            double s = 0;
            for (var j = 0; j < jCount; j++) s += alpha[r * jCount + j];
            if (Math.Abs(s - 1) > ShareTolerance)
                throw new ParleyInputException(at.File, null, "alpha", $"{regions[r].Iso3}: Σ alpha = {s.ToString("G8", CultureInfo.InvariantCulture)}", $"final-demand shares summing to 1 (±{ShareTolerance}) in every region");
        }

        var deficits = new double[n];
        var dSeen = new bool[n];
        var rt = CsvTable.Read(paths["region_totals"]);
        int rReg = rt.Column("region");
        var rDef = ValueColumn(rt, "deficit_usd", "deficit");
        foreach (var row in rt.Rows)
        {
            var r = Lookup(regionIndex, rt, row, rReg, "a region listed in regions.csv");
            deficits[r] = rt.Number(row, rDef);
            dSeen[r] = true;
        }
        RequireAll(dSeen, rt.File, "region", r => regions[r].Iso3);
        var worldVa = vaLevel.Sum();
        if (Math.Abs(deficits.Sum()) > 1e-6 * worldVa)
            throw new ParleyInputException(rt.File, null, "deficit", deficits.Sum().ToString("G6", CultureInfo.InvariantCulture), "deficits summing to zero across regions (world imports = world exports)");
        for (var r = 0; r < n; r++)
            if (!(vaLevel[r] > 0)) throw new ParleyInputException(vt.File, null, "value_added", $"{regions[r].Iso3}: {vaLevel[r]}", "positive total value added in every region");
        TradeScale.Check(regions.Countries, r => InternationalTrade(flows, n, jCount, r), vaLevel,
            unit switch { "USD millions" => 1e6, "USD thousands" => 1e3, _ => 1 },
            new TradeScale.Source(vt.File, null, vt.Header[vVal], "value added", unit, ft.File, unit));

        // The reader owns these arrays and hands them over without a copy; from here on nobody can write to them.
        static ImmutableArray<double> Own(double[] a) => ImmutableCollectionsMarshal.AsImmutableArray(a);
        return new MultiSectorDataset(name, title, vintage, unit, regions, sectors, Own(flows),
            tariffSets.ToDictionary(kv => kv.Key, kv => Own(kv.Value), StringComparer.OrdinalIgnoreCase), baseTariffs,
            Own(vaShare), Own(io), Own(alpha), Own(vaLevel), Own(deficits), notes);
    }

    /// <summary>A region's exports and imports summed over sectors and partners (domestic sales excluded).</summary>
    private static (double Exports, double Imports) InternationalTrade(double[] flows, int n, int jCount, int r)
    {
        double x = 0, m = 0;
        for (var j = 0; j < jCount; j++)
            for (var k = 0; k < n; k++)
                if (k != r)
                {
                    x += flows[(j * n + r) * n + k];
                    m += flows[(j * n + k) * n + r];
                }
        return (x, m);
    }

    private static int ValueColumn(CsvTable t, params string[] names)
    {
        foreach (var name in names)
        {
            var i = Array.FindIndex(t.Header, h => h.Equals(name, StringComparison.OrdinalIgnoreCase));
            if (i >= 0) return i;
        }
        return t.Column(names[0]);
    }

    private static int Lookup(Dictionary<string, int> index, CsvTable t, CsvRow row, int column, string expected) =>
        index.TryGetValue(t.Field(row, column), out var v)
            ? v
            : throw new ParleyInputException(t.File, row.LineNumber, t.Header[column], t.Field(row, column), expected);

    private static void RequireAll(bool[] seen, string file, string field, Func<int, string> describe)
    {
        var missing = Array.IndexOf(seen, false);
        if (missing >= 0)
            throw new ParleyInputException(file, null, field, describe(missing), $"a row for every {field.Replace(",", " × ")} (this one is missing)");
    }

    private static (CountrySet Regions, Dictionary<string, int> Index) ReadRegions(string path, string? groupsPath)
    {
        var t = CsvTable.Read(path);
        int cName = t.Column("region"), cIso = t.Column("iso3");
        var list = new List<Country>();
        var index = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in t.Rows)
        {
            var iso = t.Field(row, cIso).ToUpperInvariant();
            var name = t.Field(row, cName);
            if (iso.Length != 3 || !iso.All(char.IsAsciiLetter))
                throw new ParleyInputException(path, row.LineNumber, "iso3", iso, "a three-letter code (ISO3, or ROW for the rest of the world)");
            if (index.ContainsKey(name) || list.Any(c => c.Iso3 == iso))
                throw new ParleyInputException(path, row.LineNumber, "region", name, "each region once");
            index[name] = list.Count;
            index.TryAdd(iso, list.Count);
            list.Add(new Country(list.Count, iso, name));
        }
        Dictionary<string, IReadOnlyList<string>>? groups = null;
        if (groupsPath is not null)
        {
            var g = CsvTable.Read(groupsPath);
            int gg = g.Column("group"), gi = g.Column("iso3");
            var dict = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
            foreach (var row in g.Rows)
            {
                var iso = g.Field(row, gi).ToUpperInvariant();
                if (!list.Any(c => c.Iso3 == iso)) throw new ParleyInputException(groupsPath, row.LineNumber, "iso3", iso, "a code listed in regions.csv");
                var key = g.Field(row, gg);
                if (!dict.TryGetValue(key, out var members)) dict[key] = members = [];
                members.Add(iso);
            }
            groups = dict.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<string>)kv.Value, StringComparer.OrdinalIgnoreCase);
        }
        return (new CountrySet(list, groups), index);
    }

    private static Dictionary<string, double[]> ReadTariffs(string path, Dictionary<string, int> regionIndex, Dictionary<string, int> sectorIndex, int n, int jCount)
    {
        var t = CsvTable.Read(path);
        int cImp = t.Column("importer"), cExp = t.Column("exporter"), cSec = t.Column("sector");
        var setColumns = Enumerable.Range(0, t.Header.Length).Where(c => c != cImp && c != cExp && c != cSec).ToArray();
        if (setColumns.Length == 0) throw new ParleyInputException(path, 1, "(header)", string.Join(",", t.Header), "at least one tariff column after importer,exporter,sector");
        var sets = setColumns.ToDictionary(c => t.Header[c], _ => new double[jCount * n * n]);
        foreach (var row in t.Rows)
        {
            var i = Lookup(regionIndex, t, row, cExp, "a region listed in regions.csv");
            var nn = Lookup(regionIndex, t, row, cImp, "a region listed in regions.csv");
            var j = Lookup(sectorIndex, t, row, cSec, "a sector listed in sectors.csv");
            foreach (var c in setColumns)
            {
                var v = t.Number(row, c, empty: 0);
                if (v is < 0 or > WorldDatasetReader.MaxTariff)
                    throw new ParleyInputException(path, row.LineNumber, t.Header[c], t.Field(row, c), $"a tariff as a fraction between 0 and {WorldDatasetReader.MaxTariff}");
                sets[t.Header[c]][(j * n + i) * n + nn] = i == nn ? 0 : v;
            }
        }
        return sets;
    }
}
