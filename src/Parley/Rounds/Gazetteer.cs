// Why: names, offices and places are facts of the public record, not rules of the extractor, so they live as data
// (data/gazetteer/*.csv, with a PROVENANCE.md) that a user can read, check and extend without touching the code.
using System.Globalization;
using Parley.Internals;

namespace Parley.Rounds;

/// <summary>A negotiator or official: canonical name, the other ways articles write it, country, office and its dates.</summary>
/// <param name="Name">Canonical name.</param>
/// <param name="Variants">Other spellings and title forms (e.g. <c>Minister Ahn</c>); the canonical name always matches too.</param>
/// <param name="Country">ISO3 code or group (<c>EU27</c>).</param>
/// <param name="Role">Office.</param>
/// <param name="From">First day in office.</param>
/// <param name="To">Last day in office (null: still in office).</param>
public sealed record Official(string Name, IReadOnlyList<string> Variants, string Country, string Role, DateOnly From, DateOnly? To)
{
    /// <summary>Whether the official held the office on <paramref name="date"/>.</summary>
    public bool InOffice(DateOnly date) => From <= date && (To is not { } t || date <= t);
}

/// <summary>A place where rounds are held, with its time zone (IANA id) for "local time" dates.</summary>
/// <param name="Name">Canonical name (e.g. <c>Washington, D.C.</c>).</param>
/// <param name="Variants">Ways articles write it, longest first.</param>
/// <param name="Country">ISO3 code.</param>
/// <param name="TimeZone">IANA time-zone id (e.g. <c>America/New_York</c>).</param>
public sealed record Place(string Name, IReadOnlyList<string> Variants, string Country, string TimeZone)
{
    /// <summary>UTC offset in hours at noon UTC of <paramref name="date"/> (0 when the zone is unknown to this system).</summary>
    public double UtcOffsetHours(DateOnly date)
    {
        try
        {
            var zone = TimeZoneInfo.FindSystemTimeZoneById(TimeZone);
            return zone.GetUtcOffset(date.ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc)).TotalHours;
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return 0;
        }
    }
}

/// <summary>A country or group and the words articles use for it (<c>Japan</c>, <c>Japanese</c>).</summary>
/// <param name="Code">ISO3 code or group.</param>
/// <param name="Variants">Names and adjectives.</param>
/// <param name="Capitals">Capitals that stand for the government ("a request Seoul rejected"), counted only where they are
/// not a place ("in Seoul", "from Washington").</param>
public sealed record CountryName(string Code, IReadOnlyList<string> Variants, IReadOnlyList<string> Capitals);

/// <summary>The extractor's facts: officials, countries and places (format and sources: data/gazetteer/PROVENANCE.md).</summary>
/// <param name="Officials">Negotiators and officials.</param>
/// <param name="Countries">Countries and groups.</param>
/// <param name="Places">Meeting places.</param>
public sealed record Gazetteer(IReadOnlyList<Official> Officials, IReadOnlyList<CountryName> Countries, IReadOnlyList<Place> Places)
{
    private static readonly Lazy<Gazetteer> s_bundled = new(() => Read(Path.Combine(Data.BundledData.Root, "gazetteer")));

    /// <summary>The gazetteer shipped in <c>data/gazetteer/</c> (read once).</summary>
    public static Gazetteer Bundled => s_bundled.Value;

    /// <summary>Reads <c>officials.csv</c>, <c>countries.csv</c> and <c>places.csv</c> from <paramref name="folder"/>; errors name file, line and field.</summary>
    public static Gazetteer Read(string folder)
    {
        var officials = CsvTable.Read(Path.Combine(folder, "officials.csv"));
        int name = officials.Column("name"), variants = officials.Column("variants"), country = officials.Column("country"),
            role = officials.Column("role"), from = officials.Column("office_from"), to = officials.Column("office_to");
        var people = officials.Rows.Select(r => new Official(officials.Field(r, name), Split(officials.Field(r, variants)), officials.Field(r, country),
            officials.Field(r, role), Day(officials, r, from, first: true) ?? throw new ParleyInputException(officials.File, r.LineNumber, "office_from", "", "a date as YYYY-MM-DD or YYYY-MM"),
            Day(officials, r, to, first: false))).ToArray();

        var countries = CsvTable.Read(Path.Combine(folder, "countries.csv"));
        int code = countries.Column("code"), words = countries.Column("variants"), capitals = countries.Column("capitals");
        var nations = countries.Rows.Select(r => new CountryName(countries.Field(r, code), Split(countries.Field(r, words)), Split(countries.Field(r, capitals)))).ToArray();

        var places = CsvTable.Read(Path.Combine(folder, "places.csv"));
        int pname = places.Column("name"), pvariants = places.Column("variants"), pcountry = places.Column("country"), zone = places.Column("time_zone");
        var sites = places.Rows.Select(r => new Place(places.Field(r, pname),
            Split(places.Field(r, pvariants)).Append(places.Field(r, pname)).Distinct().OrderByDescending(v => v.Length).ToArray(),
            places.Field(r, pcountry), places.Field(r, zone))).ToArray();
        return new Gazetteer(people, nations, sites);
    }

    private static string[] Split(string cell) => cell.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>A date cell: <c>YYYY-MM-DD</c>, or <c>YYYY-MM</c> (the month's first day for a start, its last for an end); empty → null.</summary>
    private static DateOnly? Day(CsvTable table, CsvRow row, int column, bool first)
    {
        var text = table.Field(row, column);
        if (text.Length == 0) return null;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)) return day;
        if (DateOnly.TryParseExact(text + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month))
            return first ? month : month.AddMonths(1).AddDays(-1);
        throw new ParleyInputException(table.File, row.LineNumber, table.Header[column], text, "a date as YYYY-MM-DD or YYYY-MM");
    }
}
