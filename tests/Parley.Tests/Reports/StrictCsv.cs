using System.Globalization;
using nietras.SeparatedValues;
using Xunit;

namespace Parley.Tests.Reports;

/// <summary>
/// Reads a CSV Parley wrote the way a strict consumer would: RFC 4180 unquoting, every row with exactly the header's
/// column count (Sep's check on), distinct non-empty column names, no NaN or infinity anywhere, and every numeric
/// column named with its unit.
/// </summary>
internal static class StrictCsv
{
    /// <summary>Name endings that state a unit (percent, money, shares, counts of rounds, utility).</summary>
    private static readonly string[] UnitSuffixes =
        ["_pct", "_pct_points", "_usd_thousands", "_usd_millions", "_usd_billions", "_share_of_absorption", "_rounds", "_points", "_utility", ")"];

    /// <summary>
    /// Numeric columns without a unit suffix, each with why it has none: counts and indices, 0/1 flags, utilities
    /// (weighted sums of % outcomes, defined in solutions.json), regression output (in the regressor's units) and
    /// long-format values whose unit is named on the row (<c>unit</c> column, or the statistic's definition), and
    /// identifiers that happen to be digits (regression column "1", CP sector code "1", decomposition key), and a sweep's
    /// variant number and swept value (a rate as a fraction or a unitless elasticity, named in the manifest's sweep keys).
    /// </summary>
    private static readonly HashSet<string> Dimensionless =
        ["members", "package", "round", "on_frontier", "in_zopa", "n_obs", "coefficient", "std_error", "value", "theta", "column", "sector_code", "key",
         "variant", "parameter_value"];

    public sealed record Table(string[] Header, List<string[]> Rows)
    {
        public int Column(string name) => Array.IndexOf(Header, name) is var i and >= 0 ? i : throw new KeyNotFoundException(name);
    }

    /// <summary>Reads a file; <paramref name="unitsInNames"/> off for dataset files, whose unit is the manifest's money_unit.</summary>
    public static Table Read(string path, bool unitsInNames = true) => Parse(File.ReadAllText(path), path, unitsInNames);

    public static Table Parse(string text, string source, bool unitsInNames = true)
    {
        using var reader = Sep.Reader(o => o with { Unescape = true, DisableColCountCheck = false, HasHeader = true }).FromText(text);
        var header = reader.Header.ColNames.ToArray();
        Assert.True(header.Length > 0 && header.All(h => h.Length > 0), $"{source}: empty column name in header");
        Assert.True(header.Distinct().Count() == header.Length, $"{source}: duplicate column names");
        var rows = new List<string[]>();
        foreach (var row in reader)
        {
            var fields = new string[row.ColCount];
            for (var c = 0; c < fields.Length; c++) fields[c] = row[c].ToString();
            Assert.True(fields.Length == header.Length, $"{source}:{row.LineNumberFrom}: {fields.Length} fields under a {header.Length}-column header");
            rows.Add(fields);
        }
        var table = new Table(header, rows);
        CheckNumbers(table, source, unitsInNames);
        return table;
    }

    private static void CheckNumbers(Table t, string source, bool unitsInNames)
    {
        for (var c = 0; c < t.Header.Length; c++)
        {
            var values = t.Rows.Select(r => r[c]).Where(v => v.Length > 0).ToArray();
            foreach (var v in values)
                Assert.False(v is "NaN" or "Infinity" or "-Infinity" or "∞" or "-∞", $"{source}: column {t.Header[c]} holds {v}");
            var numeric = values.Length > 0 && values.All(v => double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out _));
            if (!numeric || !unitsInNames) continue;
            var name = t.Header[c];
            Assert.True(UnitSuffixes.Any(name.EndsWith) || name.StartsWith("utility_", StringComparison.Ordinal) || Dimensionless.Contains(name)
                || name.EndsWith("_index", StringComparison.Ordinal),
                $"{source}: numeric column '{name}' does not name its unit");
        }
    }
}
