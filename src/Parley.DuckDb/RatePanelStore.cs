using System.Globalization;
using DuckDB.NET.Data;
using Parley.Tariffs;

namespace Parley.DuckDb;

/// <summary>
/// Writes an expanded tariff schedule to an embedded DuckDB database, so analysts can join statutory rates with their
/// own trade data in SQL. Tables:
/// <list type="bullet">
/// <item><c>rates(hts8, census_code, valid_from, valid_until, rate)</c>: one row per change point. <c>valid_from</c> is
/// inclusive, <c>valid_until</c> exclusive (the next change of that line for that partner), NULL when the rate is still in
/// force at the last revision expanded. <c>rate</c> is the total statutory ad valorem rate as a fraction (rounded to 1e-7).</item>
/// <item><c>partners(census_code, iso2, iso3, name, partner_group)</c>.</item>
/// <item><c>manifest(key, value)</c>: schedule vintage, revision dates, counts, Parley version.</item>
/// </list>
/// The rate of line <c>h</c> from partner <c>c</c> on day <c>d</c> is the row with
/// <c>valid_from &lt;= d AND (valid_until IS NULL OR d &lt; valid_until)</c>.
/// </summary>
public static class RatePanelStore
{
    /// <summary>Writes <paramref name="expansion"/> to a new DuckDB file. An existing file is never overwritten.</summary>
    /// <returns>Rows written to <c>rates</c>.</returns>
    public static long Write(ScheduleExpansion expansion, string path, IReadOnlyDictionary<string, string> manifest)
    {
        CheckNewFile(path);
        var dir = Path.GetDirectoryName(Path.GetFullPath(path));
        if (dir is not null) Directory.CreateDirectory(dir);

        using var connection = new DuckDBConnection($"Data Source={path}");
        connection.Open();
        Execute(connection, """
            CREATE TABLE partners(census_code VARCHAR PRIMARY KEY, iso2 VARCHAR, iso3 VARCHAR, name VARCHAR, partner_group VARCHAR);
            CREATE TABLE rates(hts8 VARCHAR NOT NULL, census_code VARCHAR NOT NULL, valid_from DATE NOT NULL, valid_until DATE, rate DOUBLE NOT NULL);
            CREATE TABLE manifest(key VARCHAR PRIMARY KEY, value VARCHAR);
            """);

        using (var appender = connection.CreateAppender("partners"))
            foreach (var p in expansion.Partners)
                appender.CreateRow().AppendValue(p.CensusCode).AppendValue(p.Iso2).AppendValue(p.Iso3).AppendValue(p.Name).AppendValue(p.PartnerGroup).EndRow();

        long rows = 0;
        var dates = expansion.Dates.Select(d => d.ToDateTime(TimeOnly.MinValue)).ToArray();
        using (var appender = connection.CreateAppender("rates"))
        {
            for (var pi = 0; pi < expansion.Partners.Count; pi++)
            {
                var changes = expansion.Changes[pi];
                var country = expansion.Partners[pi].CensusCode;
                // Change points come in date order; the next change of the same line closes the interval.
                var next = new int[changes.Length];
                var seen = new Dictionary<int, int>();
                for (var k = changes.Length - 1; k >= 0; k--)
                {
                    next[k] = seen.GetValueOrDefault(changes[k].Line, -1);
                    seen[changes[k].Line] = k;
                }
                for (var k = 0; k < changes.Length; k++)
                {
                    var c = changes[k];
                    var row = appender.CreateRow().AppendValue(expansion.Lines[c.Line]).AppendValue(country).AppendValue(dates[c.Date]);
                    row = next[k] < 0 ? row.AppendNullValue() : row.AppendValue(dates[changes[next[k]].Date]);
                    row.AppendValue(Math.Round((double)c.Rate, 7)).EndRow();
                    rows++;
                }
            }
        }

        using (var appender = connection.CreateAppender("manifest"))
        {
            var entries = new Dictionary<string, string>(manifest)
            {
                ["revision_dates"] = string.Join(",", expansion.Dates.Select(d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))),
                ["lines"] = expansion.Lines.Count.ToString(CultureInfo.InvariantCulture),
                ["partners"] = expansion.Partners.Count.ToString(CultureInfo.InvariantCulture),
                ["rate_rows"] = rows.ToString(CultureInfo.InvariantCulture),
                ["basis"] = "statutory (column-1 MFN, no preference claims), total ad valorem rate as a fraction",
            };
            foreach (var (k, v) in entries) appender.CreateRow().AppendValue(k).AppendValue(v).EndRow();
        }
        Execute(connection, "CREATE INDEX rates_line ON rates(hts8, census_code);");
        return rows;
    }

    /// <summary>Throws when <paramref name="path"/> exists: Parley never overwrites a database (or anything else).</summary>
    public static void CheckNewFile(string path)
    {
        if (File.Exists(path) || Directory.Exists(path))
            throw new ParleyInputException(path, null, "--out", path, "a new file name: Parley does not overwrite an existing database");
    }

    private static void Execute(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
