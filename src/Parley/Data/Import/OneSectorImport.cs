// Why: users of the one-sector model hold trade in a long table (BACI, UN Comtrade, IMF DOTS: exporter, importer,
// value) in whatever unit the source uses, and GDP from the World Bank in dollars. The model reads the wide world-2023
// layout in fixed units (WorldDatasetReader.ReadDirectory). This importer converts, and refuses what would otherwise
// calibrate into silently wrong numbers: a stated unit that disagrees with the file, a truncated file (missing pairs),
// duplicates, negative or self flows, a country whose exports exceed its GDP (the model's domestic sales, GDP − exports,
// would be negative — also the signature of flows in millions read as thousands), or world trade too small to be real.
// Format: docs/data-import.md.
using System.Globalization;
using Parley.Data.Import.Internals;
using Parley.Internals;

namespace Parley.Data.Import;

/// <summary>The source files of a one-sector import.</summary>
/// <param name="Flows"><c>exporter,importer,value</c> (ISO3; optional <c>unit</c> column).</param>
/// <param name="Gdp"><c>iso3,gdp</c> (optional <c>name</c> and <c>unit</c> columns); defines the countries and their order.</param>
/// <param name="Tariffs">Optional <c>exporter,us_tariff</c>: the US tariff on each exporter (fraction or "15%").</param>
/// <param name="Groups">Optional <c>group,iso3</c>.</param>
/// <param name="FlowsUnit">Unit of the flows when the file has no <c>unit</c> column (checked against it when it has).</param>
/// <param name="GdpUnit">Unit of GDP when the file has no <c>unit</c> column; default <paramref name="FlowsUnit"/>.</param>
public sealed record OneSectorImportFiles(string Flows, string Gdp, string? Tariffs = null, string? Groups = null,
    MoneyUnit? FlowsUnit = null, MoneyUnit? GdpUnit = null);

/// <summary>Turns long one-sector inputs into a folder that <see cref="WorldDatasetReader.ReadDirectory"/> reads.</summary>
public static class OneSectorImport
{
    /// <summary>Smallest world trade accepted, as a share of world GDP (real data: 20–30% for goods).</summary>
    public const double MinWorldTradeShare = 0.005;

    /// <summary>Country the one-sector calibration needs (it splits the world into it and the rest).</summary>
    public const string FocalCountry = "USA";

    /// <summary>Reads and validates <paramref name="files"/> and writes the dataset into <paramref name="outDir"/>
    /// (an existing folder the caller guards, e.g. an OutputDirectory staging folder).</summary>
    public static ImportSummary Write(OneSectorImportFiles files, string outDir, ImportOptions? options = null)
    {
        options ??= new ImportOptions();
        var (codes, names, gdpUsd) = ReadGdp(files.Gdp, files.GdpUnit, files.FlowsUnit);
        var n = codes.Count;
        var index = codes.Select((c, k) => (c, k)).ToDictionary(x => x.c, x => x.k, StringComparer.OrdinalIgnoreCase);
        var (trade, missingSetToZero) = ReadFlows(files, index, codes, options);
        CheckMagnitudes(files, codes, trade, gdpUsd);
        var tariffs = files.Tariffs is null ? null : ReadTariffs(files.Tariffs, index, codes, files.Gdp);
        var groups = files.Groups is null ? null : ImportFields.Groups(files.Groups, codes);

        CsvOutput.File(Path.Combine(outDir, "country_labels.csv"), ["iso3", "iso_code", "CountryName"],
            codes.Select((c, k) => (IReadOnlyList<string>)[c, CsvOutput.Number(k + 1), names[k]]));
        CsvOutput.File(Path.Combine(outDir, "trade_cepii.csv"), Enumerable.Range(1, n).Select(k => $"export_ij{k}").ToArray(),
            Enumerable.Range(0, n).Select(i => (IReadOnlyList<string>)Enumerable.Range(0, n)
                .Select(j => i == j ? "" : CsvOutput.Number(trade[i * n + j])).ToArray()));
        CsvOutput.File(Path.Combine(outDir, "gdp.csv"), ["gdp"], gdpUsd.Select(g => (IReadOnlyList<string>)[CsvOutput.Number(g)]));
        if (tariffs is not null)
            CsvOutput.File(Path.Combine(outDir, "tariffs.csv"), ["applied_tariff"], tariffs.Select(v => (IReadOnlyList<string>)[CsvOutput.Number(v)]));
        if (groups is not null) ImportFields.WriteGroups(Path.Combine(outDir, "country_groups.csv"), groups);

        var sources = new List<ImportSource> { Source("flows", files.Flows), Source("gdp", files.Gdp) };
        if (files.Tariffs is not null) sources.Add(Source("tariffs", files.Tariffs));
        if (files.Groups is not null) sources.Add(Source("groups", files.Groups));
        return new ImportSummary("one-sector", codes, 1, sources, new Dictionary<string, string>
        {
            ["countries"] = CsvOutput.Number(n),
            ["pairs_missing_set_to_zero"] = CsvOutput.Number(missingSetToZero),
            ["world_trade_usd_billions"] = Billions(trade.Sum() * 1e3),
            ["world_gdp_usd_billions"] = Billions(gdpUsd.Sum()),
            ["groups"] = CsvOutput.Number(groups?.Count ?? 0),
            ["us_tariffs"] = tariffs is null ? "none" : "given",
        });
    }

    internal static ImportSource Source(string role, string path) => new(role, path, Convert.ToHexStringLower(
        System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(path))));

    internal static string Billions(double usd) => (usd / 1e9).ToString("0.###", CultureInfo.InvariantCulture);

    private static (List<string> Codes, List<string> Names, double[] GdpUsd) ReadGdp(string path, MoneyUnit? gdpUnit, MoneyUnit? flowsUnit)
    {
        var t = CsvTable.Read(path);
        int cIso = t.Column("iso3"), cGdp = t.Column("gdp"), cName = ImportFields.Optional(t, "name"), cUnit = ImportFields.Optional(t, "unit");
        var codes = new List<string>();
        var names = new List<string>();
        var gdp = new List<double>();
        // --gdp-unit is checked against a unit column; --unit (the flows' unit) is only the fallback when there is neither.
        var stated = cUnit >= 0 ? gdpUnit : gdpUnit ?? flowsUnit;
        foreach (var row in t.Rows)
        {
            var iso = ImportFields.Code(t, row, cIso);
            if (codes.Contains(iso)) throw new ParleyInputException(path, row.LineNumber, "iso3", iso, "each country once");
            var unit = ImportFields.Unit(t, row, cUnit, stated, gdpUnit is null ? "--unit" : "--gdp-unit");
            gdp.Add(ImportFields.Money(t, row, cGdp, unit, MoneyUnit.Dollars, positive: true));
            codes.Add(iso);
            names.Add(cName >= 0 && t.Field(row, cName).Length > 0 ? t.Field(row, cName) : iso);
        }
        if (codes.Count < 2) throw new ParleyInputException(path, null, "iso3", $"{codes.Count} countries", "at least two countries");
        if (!codes.Contains(FocalCountry))
            throw new ParleyInputException(path, null, "iso3", string.Join(",", codes.Take(8)),
                $"a row for {FocalCountry}: the one-sector model calibrates on a {FocalCountry} / rest-of-world split");
        return (codes, names, [.. gdp]);
    }

    private static (double[] ThousandsUsd, int MissingSetToZero) ReadFlows(OneSectorImportFiles files, Dictionary<string, int> index,
        List<string> codes, ImportOptions options)
    {
        var n = codes.Count;
        var t = CsvTable.Read(files.Flows);
        int ce = t.Column("exporter"), ci = t.Column("importer"), cv = t.Column("value"), cu = ImportFields.Optional(t, "unit");
        var values = new double[n * n];
        var seen = new bool[n * n];
        var known = $"a country listed in {Path.GetFileName(files.Gdp)}";
        foreach (var row in t.Rows)
        {
            var e = Lookup(t, row, ce, index, known);
            var i = Lookup(t, row, ci, index, known);
            var unit = ImportFields.Unit(t, row, cu, files.FlowsUnit, "--unit");
            var v = ImportFields.Money(t, row, cv, unit, MoneyUnit.Thousands);
            if (e == i)
            {
                if (v != 0) throw new ParleyInputException(t.File, row.LineNumber, "importer", codes[i],
                    "an importer other than the exporter (domestic sales are rebuilt from GDP; leave them out)");
                continue;
            }
            if (seen[e * n + i])
                throw new ParleyInputException(t.File, row.LineNumber, "exporter,importer", $"{codes[e]},{codes[i]}", "each exporter–importer pair once (this pair is repeated)");
            seen[e * n + i] = true;
            values[e * n + i] = v;
        }
        var missing = 0;
        for (var e = 0; e < n; e++)
            for (var i = 0; i < n; i++)
                if (e != i && !seen[e * n + i])
                {
                    if (!options.MissingPairsAreZero)
                        throw new ParleyInputException(t.File, null, "exporter,importer", $"{codes[e]},{codes[i]}",
                            "a row for every ordered pair of distinct countries (write 0 for no trade, or pass --missing-pairs zero)");
                    missing++;
                }
        return (values, missing);
    }

    private static int Lookup(CsvTable t, CsvRow row, int column, Dictionary<string, int> index, string expected) =>
        index.TryGetValue(t.Field(row, column).Trim(), out var k) ? k
            : throw new ParleyInputException(t.File, row.LineNumber, t.Header[column], t.Field(row, column), expected);

    private static void CheckMagnitudes(OneSectorImportFiles files, List<string> codes, double[] tradeThousands, double[] gdpUsd)
    {
        var n = codes.Count;
        double world = 0;
        for (var i = 0; i < n; i++)
        {
            double exports = 0, imports = 0;
            for (var j = 0; j < n; j++) { exports += tradeThousands[i * n + j] * 1e3; imports += tradeThousands[j * n + i] * 1e3; }
            world += exports;
            if (exports > gdpUsd[i])
                throw new ParleyInputException(files.Flows, null, "value", $"{codes[i]}: exports USD {Billions(exports)} bn, GDP USD {Billions(gdpUsd[i])} bn",
                    "exports at most GDP for every country (the model's domestic sales are GDP − exports; a gap of 1000× is a unit mistake: check --unit and --gdp-unit)");
            if (exports == 0 || imports == 0)
                throw new ParleyInputException(files.Flows, null, exports == 0 ? "exporter" : "importer", codes[i],
                    "some exports and some imports for every country (a country without trade has no place in a trade model)");
        }
        if (world < MinWorldTradeShare * gdpUsd.Sum())
            throw new ParleyInputException(files.Flows, null, "value", $"world trade USD {Billions(world)} bn, world GDP USD {Billions(gdpUsd.Sum())} bn",
                $"world trade of at least {MinWorldTradeShare:P1} of world GDP (it is 20–30% in real data; far less is a unit mistake: check --unit and --gdp-unit)");
    }

    private static double[] ReadTariffs(string path, Dictionary<string, int> index, List<string> codes, string gdpFile)
    {
        var t = CsvTable.Read(path);
        int ce = t.Column("exporter"), cr = t.Column("us_tariff");
        var result = new double[codes.Count];
        var seen = new bool[codes.Count];
        foreach (var row in t.Rows)
        {
            var e = Lookup(t, row, ce, index, $"a country listed in {Path.GetFileName(gdpFile)}");
            if (seen[e]) throw new ParleyInputException(path, row.LineNumber, "exporter", codes[e], "each exporter once");
            seen[e] = true;
            var v = ImportFields.Rate(t, row, cr);
            if (codes[e] == FocalCountry && v != 0)
                throw new ParleyInputException(path, row.LineNumber, "us_tariff", t.Field(row, cr), $"0 for {FocalCountry} itself (a country levies no tariff on its own goods)");
            result[e] = v;
        }
        for (var e = 0; e < codes.Count; e++)
            if (!seen[e] && codes[e] != FocalCountry)
                throw new ParleyInputException(path, null, "exporter", codes[e], $"a row for every exporter other than {FocalCountry} (this one is missing)");
        return result;
    }
}
