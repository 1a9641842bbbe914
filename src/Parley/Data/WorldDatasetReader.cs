using Parley.Data.Internals;
using Parley.Internals;

namespace Parley.Data;

/// <summary>
/// Reads one-sector world datasets, validating as it goes. Two layouts:
/// <list type="bullet">
/// <item><b>Directory</b> (the bundled <c>world-2023</c> layout): <c>country_labels.csv</c> (iso3, iso_code, CountryName),
/// <c>trade_cepii.csv</c> (wide: one row per exporter, one column per importer, thousands of USD, empty = 0),
/// <c>gdp.csv</c> (column <c>gdp</c>, current USD, one row per country), optional <c>tariffs.csv</c>
/// (column <c>applied_tariff</c>, fraction) and optional <c>country_groups.csv</c> (group, iso3).</item>
/// <item><b>Long CSV</b> for users' own matrices: <c>exporter,importer,value</c> (ISO3 codes, thousands of USD) plus a
/// GDP file <c>iso3,gdp_usd_thousands</c>. Missing pairs are zero; repeated pairs are an error.</item>
/// </list>
/// Every problem is reported as a <see cref="ParleyInputException"/> naming file, line and field.
/// </summary>
public static class WorldDatasetReader
{
    /// <summary>Largest tariff accepted in any input file (fraction; 10 = 1000%).</summary>
    public const double MaxTariff = YamlMap.MaxRate;

    /// <summary>Largest total exports or total imports of one country as a multiple of its GDP (50×; value added in a
    /// multi-sector dataset). The bundled world-2023 data peak at 27× (the Marshall Islands' imports: ships under its
    /// flag registry), then 3.7× (Liberia); wiod-2011 at 1.5× (Luxembourg), cp2015-nafta at 0.65× (Ireland). A GDP read
    /// in the wrong unit (thousands for USD, or the reverse) moves the ratio by 1000×.</summary>
    public const double MaxTradeToGdp = 50;

    /// <summary>Largest GDP (or value added) as a multiple of the country's exports plus imports (1000×). The bundled
    /// world-2023 data peak at 28× (Venezuela), then 9.7× (Sudan, Iran); wiod-2011 at 3.8× (Brazil), cp2015-nafta at
    /// 7.3× (Japan). Trade read in the wrong unit moves the ratio by 1000×.</summary>
    public const double MaxGdpToTrade = 1000;

    /// <summary>Reads a dataset directory in the <c>world-2023</c> layout.</summary>
    public static WorldDataset ReadDirectory(string directory, string? name = null, string? vintage = null)
    {
        if (!Directory.Exists(directory))
            throw new ParleyInputException(directory, null, "(directory)", null, "an existing dataset directory");
        var countries = ReadCountryLabels(Path.Combine(directory, "country_labels.csv"));
        var n = countries.Count;
        var groups = ReadGroups(Path.Combine(directory, "country_groups.csv"), countries);
        var set = new CountrySet(countries, groups);
        var trade = ReadWideTrade(Path.Combine(directory, "trade_cepii.csv"), n);
        var gdpPath = Path.Combine(directory, "gdp.csv");
        var gdpUsd = ReadColumn(gdpPath, "gdp", n, out var gdpLines, positive: true);
        var gdp = gdpUsd.Select(g => g / 1000.0).ToArray();
        TradeScale.Check(countries, k => (trade.RowSum(k) - trade[k, k], trade.ColumnSum(k) - trade[k, k]), gdp, 1000,
            new TradeScale.Source(gdpPath, gdpLines, "gdp", "GDP", "current USD", Path.Combine(directory, "trade_cepii.csv"), "thousands of USD"));
        var tariffsPath = Path.Combine(directory, "tariffs.csv");
        double[]? tariffs = File.Exists(tariffsPath) ? ReadColumn(tariffsPath, "applied_tariff", n, out _, tariff: true) : null;
        return new WorldDataset(name ?? directory, vintage ?? $"dataset directory {directory}", set,
            trade, [.. gdp], tariffs is null ? null : [.. tariffs]);
    }

    /// <summary>
    /// Reads a long trade file (<c>exporter,importer,value</c>, thousands of USD) and a GDP file
    /// (<c>iso3,gdp_usd_thousands</c>). Countries are those of the GDP file, in its order. Country names and groups
    /// are taken from <paramref name="metadata"/> where the code is known there.
    /// </summary>
    public static WorldDataset ReadLong(string tradeCsv, string gdpCsv, CountrySet? metadata = null)
    {
        var gdpTable = CsvTable.Read(gdpCsv);
        int cIso = gdpTable.Column("iso3"), cGdp = gdpTable.Column("gdp_usd_thousands");
        var list = new List<Country>();
        var gdp = new List<double>();
        var gdpLines = new List<int>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in gdpTable.Rows)
        {
            var iso = gdpTable.Field(row, cIso).ToUpperInvariant();
            if (iso.Length != 3 || !iso.All(char.IsAsciiLetter))
                throw new ParleyInputException(gdpCsv, row.LineNumber, "iso3", iso, "a three-letter ISO3 code");
            if (!seen.Add(iso))
                throw new ParleyInputException(gdpCsv, row.LineNumber, "iso3", iso, "each country once");
            var g = gdpTable.Number(row, cGdp);
            if (!(g > 0))
                throw new ParleyInputException(gdpCsv, row.LineNumber, "gdp_usd_thousands", gdpTable.Field(row, cGdp), "a positive GDP in thousands of USD");
            var known = metadata?.IndexOf(iso) ?? -1;
            list.Add(new Country(list.Count, iso, known >= 0 ? metadata![known].Name : iso));
            gdp.Add(g);
            gdpLines.Add(row.LineNumber);
        }
        if (list.Count < 2)
            throw new ParleyInputException(gdpCsv, null, "iso3", list.Count.ToString(), "at least two countries");

        Dictionary<string, IReadOnlyList<string>>? groups = null;
        if (metadata is not null)
        {
            groups = new(StringComparer.OrdinalIgnoreCase);
            foreach (var gname in metadata.GroupNames)
            {
                var members = metadata.Group(gname).Select(i => metadata[i].Iso3).Where(seen.Contains).ToList();
                if (members.Count > 0) groups[gname] = members;
            }
        }
        var set = new CountrySet(list, groups);
        var n = list.Count;
        var values = new double[n * n];
        var filled = new bool[n * n];
        var t = CsvTable.Read(tradeCsv);
        int ce = t.Column("exporter"), ci = t.Column("importer"), cv = t.Column("value");
        foreach (var row in t.Rows)
        {
            var e = set.IndexOf(t.Field(row, ce));
            if (e < 0) throw new ParleyInputException(tradeCsv, row.LineNumber, "exporter", t.Field(row, ce), $"an ISO3 code listed in {Path.GetFileName(gdpCsv)}");
            var i = set.IndexOf(t.Field(row, ci));
            if (i < 0) throw new ParleyInputException(tradeCsv, row.LineNumber, "importer", t.Field(row, ci), $"an ISO3 code listed in {Path.GetFileName(gdpCsv)}");
            var v = t.Number(row, cv, nonNegative: true);
            if (filled[e * n + i])
                throw new ParleyInputException(tradeCsv, row.LineNumber, "exporter,importer", $"{list[e].Iso3},{list[i].Iso3}", "each exporter–importer pair at most once");
            filled[e * n + i] = true;
            values[e * n + i] = e == i ? 0 : v;
        }
        var matrix = new TradeMatrix(n, values);
        TradeScale.Check(list, k => (matrix.RowSum(k) - matrix[k, k], matrix.ColumnSum(k) - matrix[k, k]), [.. gdp], 1000,
            new TradeScale.Source(gdpCsv, [.. gdpLines], "gdp_usd_thousands", "GDP", "thousands of USD", tradeCsv, "thousands of USD"));
        return new WorldDataset(Path.GetFileName(tradeCsv), $"user files {tradeCsv} + {gdpCsv}", set, matrix, [.. gdp], null);
    }

    private static List<Country> ReadCountryLabels(string path)
    {
        var t = CsvTable.Read(path);
        int cIso = t.Column("iso3"), cPos = t.Column("iso_code"), cName = t.Column("CountryName");
        var list = new List<Country>();
        foreach (var row in t.Rows)
        {
            var iso = t.Field(row, cIso).ToUpperInvariant();
            if (iso.Length != 3 || !iso.All(char.IsAsciiLetter))
                throw new ParleyInputException(path, row.LineNumber, "iso3", iso, "a three-letter ISO3 code");
            var pos = t.Field(row, cPos);
            if (pos != (list.Count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture))
                throw new ParleyInputException(path, row.LineNumber, "iso_code", pos, $"position {list.Count + 1} (rows in matrix order)");
            if (list.Any(c => c.Iso3 == iso))
                throw new ParleyInputException(path, row.LineNumber, "iso3", iso, "each country once");
            list.Add(new Country(list.Count, iso, t.Field(row, cName)));
        }
        if (list.Count < 2)
            throw new ParleyInputException(path, null, "iso3", list.Count.ToString(), "at least two countries");
        return list;
    }

    private static Dictionary<string, IReadOnlyList<string>>? ReadGroups(string path, List<Country> countries)
    {
        if (!File.Exists(path)) return null;
        var t = CsvTable.Read(path);
        int cg = t.Column("group"), ci = t.Column("iso3");
        var known = countries.Select(c => c.Iso3).ToHashSet();
        var groups = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in t.Rows)
        {
            var g = t.Field(row, cg);
            var iso = t.Field(row, ci).ToUpperInvariant();
            if (g.Length == 0) throw new ParleyInputException(path, row.LineNumber, "group", g, "a group name");
            if (g.Equals(CountrySet.AllGroup, StringComparison.OrdinalIgnoreCase))
                throw new ParleyInputException(path, row.LineNumber, "group", g, "a name other than ALL (ALL is built in)");
            if (!known.Contains(iso))
                throw new ParleyInputException(path, row.LineNumber, "iso3", iso, "an ISO3 code listed in country_labels.csv");
            if (!groups.TryGetValue(g, out var members)) groups[g] = members = [];
            members.Add(iso);
        }
        return groups.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<string>)kv.Value, StringComparer.OrdinalIgnoreCase);
    }

    private static TradeMatrix ReadWideTrade(string path, int n)
    {
        var t = CsvTable.Read(path);
        if (t.Header.Length != n)
            throw new ParleyInputException(path, 1, "(header)", $"{t.Header.Length} columns", $"{n} columns, one per importer (square matrix)");
        if (t.Rows.Count != n)
            throw new ParleyInputException(path, null, "(rows)", $"{t.Rows.Count} data rows", $"{n} data rows, one per exporter (square matrix)");
        var values = new double[n * n];
        for (var i = 0; i < n; i++)
        {
            var row = t.Rows[i];
            if (row.Fields.Length != n)
                throw new ParleyInputException(path, row.LineNumber, "(row)", $"{row.Fields.Length} fields", $"{n} fields, one per importer");
            for (var j = 0; j < n; j++)
                values[i * n + j] = i == j ? 0 : t.Number(row, j, empty: 0, nonNegative: true);
        }
        return new TradeMatrix(n, values);
    }

    private static double[] ReadColumn(string path, string column, int n, out int[] lines, bool positive = false, bool tariff = false)
    {
        var t = CsvTable.Read(path);
        var c = t.Column(column);
        if (t.Rows.Count != n)
            throw new ParleyInputException(path, null, column, $"{t.Rows.Count} data rows", $"{n} data rows, one per country of country_labels.csv");
        lines = t.Rows.Select(r => r.LineNumber).ToArray();
        var result = new double[n];
        for (var i = 0; i < n; i++)
        {
            var row = t.Rows[i];
            var v = t.Number(row, c);
            if (positive && !(v > 0))
                throw new ParleyInputException(path, row.LineNumber, column, t.Field(row, c), "a positive number");
            if (tariff && (v < 0 || v > MaxTariff))
                throw new ParleyInputException(path, row.LineNumber, column, t.Field(row, c), $"a tariff as a fraction between 0 and {MaxTariff}");
            result[i] = v;
        }
        return result;
    }
}
