using Parley.Internals;

namespace Parley.Tariffs;

/// <summary>Import values by HTS line and partner, used to weight tariff rates.</summary>
/// <param name="Source">File or dataset name.</param>
/// <param name="Codes">HTS-10 (or HTS-8) code per row, digits only.</param>
/// <param name="Countries">Census country code per row.</param>
/// <param name="Values">Import value per row, USD (customs value).</param>
public sealed record ImportWeights(string Source, string[] Codes, string[] Countries, double[] Values)
{
    private static readonly Lazy<ImportWeights> s_bundled = new(() =>
        Read(Path.Combine(Data.BundledData.Root, "us-imports-2024", "imports_hts10_country_2024.csv.gz")) with
        { Source = "US imports for consumption 2024, HTS-10 × country (Census, compiled by the Budget Lab at Yale)" });

    /// <summary>Bundled 2024 Census imports (334,728 rows, $3,123.8 bn).</summary>
    public static ImportWeights Bundled2024 => s_bundled.Value;

    /// <summary>Total imports (USD).</summary>
    public double Total => Values.Sum();

    /// <summary>
    /// Reads import weights. Census import detail (<c>IMP_DETL.TXT</c>, <c>IMDByymm.ZIP</c> or a directory of them) is
    /// read by <see cref="CensusImportDetail"/> with the given <paramref name="basis"/>. Anything else is a CSV
    /// (optionally .gz) with a code column (<c>hts10</c>, <c>hts</c> or <c>code</c>), a partner column
    /// (<c>cty_code</c>, <c>country</c> or <c>partner</c>: Census code, ISO2/ISO3 or name) and a value column
    /// (<c>imports_usd</c> or <c>value</c>, USD). Errors name file, line and field.
    /// </summary>
    public static ImportWeights Read(string path, TariffSchedule? schedule = null, ImportBasis basis = ImportBasis.Consumption)
    {
        if (CensusImportDetail.Recognizes(path)) return CensusImportDetail.Read(path, basis);
        // Column by column (codes and countries are interned, so each distinct text is parsed once and shared), but
        // checked row by row in the order a row reader would: the first bad row's first bad field is the error.
        var t = ColumnarCsv.Read(path, InputLimits.MaxCsvBytes, InputLimits.MaxPanelRows, ColumnarCsv.CodeLimit);
        int Col(params string[] names)
        {
            foreach (var n in names)
            {
                var i = Array.FindIndex(t.Header, h => h.Equals(n, StringComparison.OrdinalIgnoreCase));
                if (i >= 0) return i;
            }
            throw new ParleyInputException(path, 1, names[0], string.Join(",", t.Header), "a header with one of the columns " + string.Join(", ", names));
        }
        int cCode = Col("hts10", "hts", "code", "hts8"), cCty = Col("cty_code", "country", "partner"), cVal = Col("imports_usd", "value");
        var (codeIds, codeTexts) = t.Codes(cCode);
        var (ctyIds, ctyTexts) = t.Codes(cCty);
        var digits = codeTexts.Select(c => HtsCode.TryParse(c)?.Digits).ToArray();
        var census = new string?[ctyTexts.Length];
        var values = t.NumbersOrNaN(cVal);
        var codes = new string[t.RowCount];
        var countries = new string[t.RowCount];
        for (var k = 0; k < t.RowCount; k++)
        {
            codes[k] = digits[codeIds[k]] ?? throw new ParleyInputException(path, t.Line(k), t.Header[cCode], codeTexts[codeIds[k]], "an 8- or 10-digit HTS code");
            var cty = ctyTexts[ctyIds[k]];
            countries[k] = census[ctyIds[k]] ??= cty.Length == 4 && cty.All(char.IsAsciiDigit) ? cty
                : (schedule?.FindPartner(cty) ?? throw new ParleyInputException(path, t.Line(k), t.Header[cCty], cty, "a Census country code (5880) or a partner the schedule knows")).CensusCode;
            if (double.IsNaN(values[k])) throw t.NumberError(cVal, k);
            if (values[k] < 0) throw new ParleyInputException(path, t.Line(k), t.Header[cVal], t.Text(cVal, k), "a non-negative number");
        }
        return new ImportWeights(path, codes, countries, values);
    }
}
