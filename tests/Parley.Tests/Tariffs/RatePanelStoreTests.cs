using System.Globalization;
using DuckDB.NET.Data;
using Parley.Data;
using Parley.DuckDb;
using Parley.Tariffs;
using Xunit;

namespace Parley.Tests.Tariffs;

/// <summary>The DuckDB rate panel answers the same rate as the engine, for any line, partner and day (oracle test).</summary>
public class RatePanelStoreTests
{
    private static readonly TariffEngine Engine = new(TariffScheduleReader.Bundled);

    private static (ScheduleExpansion Expansion, long Rows) Write(string path)
    {
        var partners = new[] { "JPN", "KOR", "CHN" }.Select(p => Engine.Schedule.FindPartner(p)!).ToArray();
        var x = ScheduleExpansion.Run(Engine, partners);
        return (x, RatePanelStore.Write(x, path, new Dictionary<string, string> { ["test"] = "yes" }));
    }

    [Fact]
    public void SQL_lookup_matches_the_engine_on_400_random_line_partner_days()
    {
        using var tmp = new TempFolder();
        var path = Path.Combine(tmp.Path, "rates.duckdb");
        var (x, rows) = Write(path);
        Assert.Equal(x.ChangeCount, rows);
        using var db = new DuckDBConnection($"Data Source={path}");
        db.Open();
        using var cmd = db.CreateCommand();
        cmd.CommandText = "SELECT rate, count(*) OVER () FROM rates WHERE hts8 = $h AND census_code = $c AND valid_from <= $d AND (valid_until IS NULL OR $d < valid_until)";
        var rng = new Random(20251015);
        var first = new DateOnly(2025, 1, 1);
        var span = ScheduleExpansion.Horizon.DayNumber - first.DayNumber;
        for (var i = 0; i < 400; i++)
        {
            var line = x.Lines[rng.Next(x.Lines.Count)];
            var partner = x.Partners[rng.Next(x.Partners.Count)];
            var day = first.AddDays(rng.Next(span + 1));
            cmd.Parameters.Clear();
            cmd.Parameters.Add(new DuckDBParameter("h", line));
            cmd.Parameters.Add(new DuckDBParameter("c", partner.CensusCode));
            cmd.Parameters.Add(new DuckDBParameter("d", day.ToDateTime(TimeOnly.MinValue)));
            using var r = cmd.ExecuteReader();
            Assert.True(r.Read(), $"no interval for {line} {partner.Iso3} {day}");
            Assert.Equal(1L, r.GetInt64(1));
            var expected = Engine.Rate(day, partner.CensusCode, line).Total;
            Assert.True(Math.Abs(expected - r.GetDouble(0)) < 1e-6, $"{line} {partner.Iso3} {day:yyyy-MM-dd}: store {r.GetDouble(0)}, engine {expected}");
        }
    }

    [Fact]
    public void Intervals_do_not_overlap_and_the_manifest_is_stored()
    {
        using var tmp = new TempFolder();
        var path = Path.Combine(tmp.Path, "rates.duckdb");
        Write(path);
        using var db = new DuckDBConnection($"Data Source={path}");
        db.Open();
        using var cmd = db.CreateCommand();
        cmd.CommandText = """
            SELECT count(*) FROM (
              SELECT valid_until, lead(valid_from) OVER (PARTITION BY hts8, census_code ORDER BY valid_from) AS next_from FROM rates)
            WHERE valid_until IS DISTINCT FROM next_from
            """;
        Assert.Equal(0L, Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture));
        cmd.CommandText = "SELECT value FROM manifest WHERE key = 'partners'";
        Assert.Equal("3", cmd.ExecuteScalar());
        cmd.CommandText = "SELECT count(*) FROM partners WHERE iso3 IN ('JPN', 'KOR', 'CHN')";
        Assert.Equal(3L, Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture));
    }

    [Fact]
    public void An_existing_file_is_never_overwritten()
    {
        using var tmp = new TempFolder();
        var path = tmp.Write("rates.duckdb", "the user's own file");
        var x = ScheduleExpansion.Run(Engine, [Engine.Schedule.FindPartner("JPN")!]);
        var e = Assert.Throws<ParleyInputException>(() => RatePanelStore.Write(x, path, new Dictionary<string, string>()));
        Assert.Equal("--out", e.Field);
        Assert.Equal("the user's own file", File.ReadAllText(path));
        var (code, _, err) = Cli.CliTests.Run("tariffs", "expand", "--partners", "JPN", "--out", path);
        Assert.Equal(2, code);
        Assert.Contains("does not overwrite", err);
        Assert.Equal(2, Cli.CliTests.Run("tariffs", "expand", "--partners", "ATLANTIS", "--out", Path.Combine(tmp.Path, "new.duckdb")).Code);
    }
}
