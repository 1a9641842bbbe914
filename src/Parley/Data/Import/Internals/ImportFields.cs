using System.Globalization;
using Parley.Internals;

namespace Parley.Data.Import.Internals;

/// <summary>Field rules shared by the one-sector and multi-sector importers: codes, units, rates, optional columns.</summary>
internal static class ImportFields
{
    /// <summary>0-based index of an optional column, or -1.</summary>
    public static int Optional(CsvTable t, string name) =>
        Array.FindIndex(t.Header, h => h.Equals(name, StringComparison.OrdinalIgnoreCase));

    /// <summary>A three-letter code, upper-cased.</summary>
    public static string Code(CsvTable t, CsvRow row, int column, string expected = "a three-letter code (ISO3, or ROW for the rest of the world)")
    {
        var code = t.Field(row, column).ToUpperInvariant();
        if (code.Length != 3 || !code.All(char.IsAsciiLetter))
            throw new ParleyInputException(t.File, row.LineNumber, t.Header[column], code, expected);
        return code;
    }

    /// <summary>
    /// The unit of a row: its <c>unit</c> column when the file has one (which must then agree with
    /// <paramref name="stated"/> when that is given too), else <paramref name="stated"/>; an error when neither says.
    /// </summary>
    public static MoneyUnit Unit(CsvTable t, CsvRow row, int unitColumn, MoneyUnit? stated, string option)
    {
        if (unitColumn < 0)
            return stated ?? throw new ParleyInputException(t.File, 1, "unit", string.Join(",", t.Header),
                $"a 'unit' column or the {option} option stating the money unit (USD, USD thousands, USD millions or USD billions)");
        var text = t.Field(row, unitColumn);
        var unit = MoneyUnit.TryParse(text) ?? throw new ParleyInputException(t.File, row.LineNumber, t.Header[unitColumn], text, MoneyUnit.Expected);
        if (stated is not null && unit != stated)
            throw new ParleyInputException(t.File, row.LineNumber, t.Header[unitColumn], text,
                $"the unit stated by {option} ({stated.Name}): the file and the command line disagree, so one of them is wrong");
        return unit;
    }

    /// <summary>A non-negative money amount in the row's unit, converted to <paramref name="target"/>.</summary>
    public static double Money(CsvTable t, CsvRow row, int column, MoneyUnit unit, MoneyUnit target, bool positive = false)
    {
        var v = t.Number(row, column, nonNegative: true);
        if (positive && !(v > 0))
            throw new ParleyInputException(t.File, row.LineNumber, t.Header[column], t.Field(row, column), $"a positive amount in {unit.Name}");
        return unit.To(target, v);
    }

    /// <summary>
    /// A tariff: a fraction (<c>0.15</c>) or a percent string (<c>15%</c>), between 0 and
    /// <see cref="WorldDatasetReader.MaxTariff"/>. A bare number above 1 is refused: it is almost always a percent typed
    /// without '%' (write <c>150%</c> for a tariff above 100%).
    /// </summary>
    public static double Rate(CsvTable t, CsvRow row, int column)
    {
        var text = t.Field(row, column);
        var percent = text.EndsWith('%');
        var body = percent ? text[..^1].Trim() : text;
        const string expected = "a tariff as a fraction (0.15 = 15%) or a percent string ('15%'); a bare number above 1 reads as a percent without '%'";
        if (!double.TryParse(body, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || !double.IsFinite(v))
            throw new ParleyInputException(t.File, row.LineNumber, t.Header[column], text, expected);
        if (percent) v /= 100;
        else if (v > 1) throw new ParleyInputException(t.File, row.LineNumber, t.Header[column], text, expected);
        if (v < 0 || v > WorldDatasetReader.MaxTariff)
            throw new ParleyInputException(t.File, row.LineNumber, t.Header[column], text, $"a tariff between 0 and {WorldDatasetReader.MaxTariff * 100:0}%");
        return v;
    }

    /// <summary>Reads a <c>group,iso3</c> file against known codes.</summary>
    public static Dictionary<string, List<string>> Groups(string path, IReadOnlyList<string> codes)
    {
        var t = CsvTable.Read(path);
        int cg = t.Column("group"), ci = t.Column("iso3");
        var known = new HashSet<string>(codes, StringComparer.OrdinalIgnoreCase);
        var groups = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in t.Rows)
        {
            var g = t.Field(row, cg);
            if (g.Length == 0 || g.Any(ch => ch == ',' || char.IsWhiteSpace(ch)))
                throw new ParleyInputException(path, row.LineNumber, "group", g, "a group name without spaces or commas, e.g. EU27");
            if (g.Equals(CountrySet.AllGroup, StringComparison.OrdinalIgnoreCase) || known.Contains(g))
                throw new ParleyInputException(path, row.LineNumber, "group", g, "a name other than ALL and the country codes");
            var iso = t.Field(row, ci).ToUpperInvariant();
            if (!known.Contains(iso))
                throw new ParleyInputException(path, row.LineNumber, "iso3", iso, "a country code of the dataset: " + string.Join(", ", codes));
            if (!groups.TryGetValue(g, out var members)) groups[g] = members = [];
            if (members.Contains(iso, StringComparer.OrdinalIgnoreCase))
                throw new ParleyInputException(path, row.LineNumber, "group,iso3", $"{g},{iso}", "each member once per group");
            members.Add(iso);
        }
        return groups;
    }

    /// <summary>Writes the groups as the readers expect them (<c>group,iso3</c>).</summary>
    public static void WriteGroups(string path, Dictionary<string, List<string>> groups) =>
        CsvOutput.File(path, ["group", "iso3"], groups.SelectMany(g => g.Value.Select(m => (IReadOnlyList<string>)[g.Key, m])));
}
