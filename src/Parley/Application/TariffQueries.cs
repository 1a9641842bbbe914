// The tariff questions every host asks of the US schedule: a line's rate with its legal breakdown, its timeline, a
// search over the schedule's lines, and the import-weighted effective rate over time (for all partners or one).
// The JSON documents here are what `parley tariffs rate|timeline --format json` print and what the web API returns.
using System.Globalization;
using Parley.Tariffs;

namespace Parley.Application;

/// <summary>One HTS-8 line of the schedule with its HS description and MFN rate (fraction).</summary>
public sealed record HtsLine(string Hts, string Description, double MfnRate);

/// <summary>Queries of the bundled (or overlaid) US tariff schedule.</summary>
public static class TariffQueries
{
    private static readonly Lazy<TariffEngine> s_bundled = new(() => new TariffEngine(TariffScheduleReader.Bundled));

    /// <summary>Most lines a search returns.</summary>
    public const int MaxSearchResults = 50;

    /// <summary>The engine on the bundled schedule (shared, read-only).</summary>
    public static TariffEngine Bundled => s_bundled.Value;

    /// <summary>A date as YYYY-MM-DD on or after 2025-01-01, else an input error naming <paramref name="field"/>.</summary>
    public static DateOnly ParseDate(string? text, string field, string source = "(command line)") =>
        text is not null && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? TariffEngine.CheckDate(d, field)
            : throw new ParleyInputException(source, null, field, text, "a date as YYYY-MM-DD, e.g. 2025-05-01");

    /// <summary>The HS description of a code (6, else 4, else 2 digits), or empty.</summary>
    public static string Describe(string code) => HsDescriptions.Bundled.Find(code)?.Text ?? "";

    /// <summary>Run manifest carried by every output of the tariff queries (JSON, the DuckDB <c>manifest</c> table).</summary>
    public static Dictionary<string, object> Manifest(TariffEngine engine, string command) => new()
    {
        ["parley"] = RunManifest.ParleyVersion,
        ["command"] = command,
        ["schedule"] = ScheduleName(engine),
        ["last_revision"] = engine.Schedule.LastRevision.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["overlays"] = engine.Schedule.Overlays,
        ["created_utc"] = RunManifest.Now,
    };

    /// <summary>The schedule's source for manifests: "bundled data/us-tariffs …" or the user's path.</summary>
    public static string ScheduleName(TariffEngine engine) =>
        engine.Schedule.Source.StartsWith(Data.BundledData.Root, StringComparison.Ordinal)
            ? "bundled data/" + Path.GetRelativePath(Data.BundledData.Root, engine.Schedule.Source) + " (see its PROVENANCE.md)"
            : engine.Schedule.Source;

    /// <summary>The JSON document of one rate (<c>parley tariffs rate --format json</c>).</summary>
    public static object RateDocument(TariffRate r, object manifest) => new
    {
        date = r.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        partner = new { census_code = r.Partner.CensusCode, iso3 = r.Partner.Iso3, name = r.Partner.Name },
        hts = r.Hts.ToString(),
        description = Describe(r.Hts.Digits),
        basis = r.Basis,
        total_rate = r.Total,
        components = r.Components.Select(c => new { authority = c.Authority, program = c.Program, measure_id = c.MeasureId, heading = c.Heading, rate = c.Rate, explanation = c.Explanation }),
        notes = r.Notes,
        manifest,
    };

    /// <summary>The JSON document of a line's timeline (<c>parley tariffs timeline --format json</c>); <c>until</c> is inclusive.</summary>
    public static object TimelineDocument(Partner partner, HtsCode hts, IReadOnlyList<TimelineInterval> timeline) => new
    {
        hts = hts.ToString(),
        description = Describe(hts.Digits),
        partner = new { census_code = partner.CensusCode, iso3 = partner.Iso3, name = partner.Name },
        intervals = timeline.Select(i => new
        {
            from = i.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), until = i.Until.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), total_rate = i.Rate.Total,
            components = i.Rate.Components.Select(c => new { authority = c.Authority, measure_id = c.MeasureId, rate = c.Rate }),
        }),
    };

    /// <summary>
    /// Lines whose code starts with the digits of <paramref name="query"/> (dots ignored), or whose HS description contains
    /// every word of it (case-insensitive); code order, at most <see cref="MaxSearchResults"/>.
    /// </summary>
    public static IReadOnlyList<HtsLine> Search(TariffEngine engine, string? query)
    {
        var q = (query ?? "").Trim();
        if (q.Length is 0 or > 100) throw new ParleyInputException("(query)", null, "q", q.Length > 100 ? q[..100] : q, "1 to 100 characters: HTS digits (8703, 8703.23) or words of a description");
        var digits = q.Replace(".", "", StringComparison.Ordinal);
        var mfn = engine.Schedule.Mfn;
        IEnumerable<string> codes = mfn.Keys;
        if (digits.All(char.IsAsciiDigit)) codes = codes.Where(c => c.StartsWith(digits, StringComparison.Ordinal));
        else
        {
            var words = q.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            codes = codes.Where(c => Describe(c) is var d && d.Length > 0 && words.All(w => d.Contains(w, StringComparison.OrdinalIgnoreCase)));
        }
        return codes.Order(StringComparer.Ordinal).Take(MaxSearchResults)
            .Select(c => new HtsLine(HtsCode.TryParse(c)!.Value.ToString(), Describe(c), mfn[c])).ToArray();
    }

    /// <summary>
    /// The import-weighted effective rate at each date from <paramref name="from"/> to <paramref name="to"/> (revision dates or
    /// month starts), with contributions by authority, over the bundled 2024 imports from <paramref name="partner"/> (all partners when null).
    /// </summary>
    public static IReadOnlyList<EffectiveRateReport> EtrSeries(TariffEngine engine, DateOnly from, DateOnly to, EtrStep step, Partner? partner)
    {
        var dates = EffectiveRateSeries.Dates(engine.Schedule, from, to, step);
        var weights = ImportWeights.Bundled2024;
        if (partner is not null)
        {
            var keep = Enumerable.Range(0, weights.Countries.Length).Where(i => weights.Countries[i] == partner.CensusCode).ToArray();
            weights = new ImportWeights($"{weights.Source}, imports from {partner.Name} only", [.. keep.Select(i => weights.Codes[i])],
                [.. keep.Select(i => weights.Countries[i])], [.. keep.Select(i => weights.Values[i])]);
            if (keep.Length == 0) throw new ParleyInputException("(query)", null, "partner", partner.Iso3, "a partner with US imports in the bundled 2024 data");
        }
        return EffectiveRateSeries.Compute(engine, weights, dates);
    }
}
