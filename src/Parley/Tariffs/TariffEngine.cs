// Queries of the US statutory schedule: the total rate of one HTS line from one partner on one date with its components
// by authority (docs/models/tariff-stacking.md (T-1)–(T-16)), timelines and diffs. Why one PartnerPolicy per
// (date, partner): the measures in force (T-1)–(T-2) are chosen once, so each line evaluation is dictionary lookups only.
using System.Collections.Concurrent;
using Parley.Tariffs.Internals;

namespace Parley.Tariffs;

/// <summary>One interval of a line's timeline: the same total and components from <paramref name="From"/> to <paramref name="Until"/>.</summary>
/// <param name="From">First day (inclusive).</param>
/// <param name="Until">Last day (inclusive).</param>
/// <param name="Rate">The rate in force.</param>
public sealed record TimelineInterval(DateOnly From, DateOnly Until, TariffRate Rate);

/// <summary>A line whose total differs between two dates or two schedules.</summary>
/// <param name="Hts">Line.</param>
/// <param name="Partner">Partner.</param>
/// <param name="Before">Rate before.</param>
/// <param name="After">Rate after.</param>
public sealed record LineChange(HtsCode Hts, Partner Partner, TariffRate Before, TariffRate After)
{
    /// <summary>After − before (fraction).</summary>
    public double Change => After.Total - Before.Total;
}

/// <summary>
/// Answers "what is charged on this line, from this partner, on this date, and why" from a <see cref="TariffSchedule"/>
/// (base or with an offer overlay). Queries take microseconds after the first one per (date, partner).
/// </summary>
public sealed class TariffEngine(TariffSchedule schedule)
{
    private readonly ConcurrentDictionary<(DateOnly, string), PartnerPolicy> _policies = new();

    /// <summary>The schedule evaluated.</summary>
    public TariffSchedule Schedule { get; } = schedule;

    /// <summary>Resolves a partner (ISO2, ISO3, Census code or name) or throws an input error naming <paramref name="field"/>.</summary>
    public Partner ResolvePartner(string text, string field = "country") =>
        Schedule.FindPartner(text) ?? throw new ParleyInputException("(query)", null, field, text,
            "a partner as ISO3 (JPN), ISO2 (JP), Census code (5880) or Census name (Japan)");

    /// <summary>Parses and checks an HTS code or throws an input error.</summary>
    public HtsCode ResolveHts(string text, string field = "hts")
    {
        var code = HtsCode.TryParse(text) ?? throw new ParleyInputException("(query)", null, field, text, "an 8- or 10-digit HTS code, with or without dots (8703.23.01)");
        return Schedule.Knows(code) ? code : throw new ParleyInputException("(query)", null, field, text,
            "an HTS-8 line of the 2025 tariff schedule (this heading is not in the MFN table; check the code or its vintage)");
    }

    /// <summary>Checks a date: on or after 2025-01-01.</summary>
    public static DateOnly CheckDate(DateOnly date, string field = "date") => date >= TariffSchedule.FirstDate
        ? date
        : throw new ParleyInputException("(query)", null, field, date.ToString("yyyy-MM-dd"), $"a date on or after {TariffSchedule.FirstDate:yyyy-MM-dd} (the schedule starts there)");

    /// <summary>The total rate and its breakdown (texts are resolved; errors are <see cref="ParleyInputException"/>).</summary>
    public TariffRate Rate(DateOnly date, string partner, string hts, RateBasis basis = RateBasis.Statutory) =>
        Rate(CheckDate(date), ResolvePartner(partner), ResolveHts(hts), basis);

    /// <summary>The total rate and its breakdown. An HTS-8 code is the import-weighted mean of its HTS-10 lines
    /// (<see cref="TariffSchedule.TenDigitLines"/>), component by component.</summary>
    public TariffRate Rate(DateOnly date, Partner partner, HtsCode hts, RateBasis basis = RateBasis.Statutory)
    {
        var (lines, weights) = hts.IsTenDigit ? ([], []) : Schedule.TenDigitLines(hts.Hs8);
        var notes = new List<string>();
        TariffRate rate;
        if (lines.Length == 0) rate = Line(date, partner, hts, basis);
        else
        {
            var rates = lines.Select(l => Line(date, partner, l, basis)).ToArray();
            rate = Aggregate(hts, rates, weights);
            var (low, high) = (rates.Min(r => r.Total), rates.Max(r => r.Total));
            if (high - low > 1e-12)
                notes.Add($"{hts} is the 2024-import-weighted mean of its {lines.Length} HTS-10 lines, which range from {LineEvaluator.Pct(low)} to {LineEvaluator.Pct(high)}: query a 10-digit code for one line.");
        }
        notes.AddRange(rate.Notes);
        if (date > Schedule.LastRevision)
            notes.Add($"{date:yyyy-MM-dd} is after the last recorded revision ({Schedule.LastRevision:yyyy-MM-dd}): the schedule then in force is used, with later dated measures where the data has them.");
        if (Schedule.Overlays.Count > 0) notes.Add("Overlay applied: " + string.Join(", ", Schedule.Overlays));
        return rate with { Notes = notes.Distinct().ToArray() };
    }

    private TariffRate Line(DateOnly date, Partner partner, HtsCode hts, RateBasis basis)
    {
        var parts = new List<TariffComponent>();
        var notes = new List<string>();
        var total = LineEvaluator.Evaluate(Schedule, Policy(date, partner), hts, basis, parts, notes);
        return new TariffRate(date, partner, hts, basis, total, parts, notes);
    }

    private static TariffRate Aggregate(HtsCode hs8, TariffRate[] rates, double[] weights)
    {
        var components = new Dictionary<(string, string, string, string), (double Rate, string How, int Lines)>();
        for (var k = 0; k < rates.Length; k++)
            foreach (var c in rates[k].Components)
            {
                var key = (c.Authority, c.Program, c.MeasureId, c.Heading);
                var had = components.GetValueOrDefault(key, (0, c.Explanation, 0));
                components[key] = (had.Rate + weights[k] * c.Rate, had.How == c.Explanation ? had.How : "differs by HTS-10 line", had.Lines + 1);
            }
        var parts = components.Where(kv => kv.Value.Rate != 0).Select(kv => new TariffComponent(kv.Key.Item1, kv.Key.Item2, kv.Key.Item3, kv.Key.Item4, kv.Value.Rate,
            kv.Value.Lines == rates.Length ? kv.Value.How : $"import-weighted over {kv.Value.Lines} of {rates.Length} HTS-10 lines ({kv.Value.How})")).ToArray();
        var total = 0.0;
        for (var k = 0; k < rates.Length; k++) total += weights[k] * rates[k].Total;
        return new TariffRate(rates[0].Date, rates[0].Partner, hs8, rates[0].Basis, total, parts, rates.SelectMany(r => r.Notes).Distinct().ToArray());
    }

    /// <summary>Total only, without breakdown (the fast path of effective-rate calculations); HTS-8 codes aggregate
    /// their HTS-10 lines as in <see cref="Rate(DateOnly, Partner, HtsCode, RateBasis)"/>.</summary>
    internal double Total(DateOnly date, Partner partner, HtsCode hts, RateBasis basis, Dictionary<string, double>? byAuthority = null)
    {
        var policy = Policy(date, partner);
        var (lines, weights) = hts.IsTenDigit ? ([], []) : Schedule.TenDigitLines(hts.Hs8);
        if (lines.Length == 0) return LineEvaluator.Evaluate(Schedule, policy, hts, basis, null, null, byAuthority);
        var total = 0.0;
        var line = byAuthority is null ? null : new Dictionary<string, double>();
        for (var k = 0; k < lines.Length; k++)
        {
            line?.Clear();
            total += weights[k] * LineEvaluator.Evaluate(Schedule, policy, lines[k], basis, null, null, line);
            if (line is not null) foreach (var (a, r) in line) byAuthority![a] = byAuthority.GetValueOrDefault(a) + weights[k] * r;
        }
        return total;
    }

    internal PartnerPolicy Policy(DateOnly date, Partner partner) =>
        _policies.GetOrAdd((date, partner.CensusCode), _ => new PartnerPolicy(Schedule, partner, date));

    /// <summary>Every date on which some measure starts or ends (the day after its last day), from 2025-01-01.</summary>
    public IReadOnlyList<DateOnly> Boundaries()
    {
        var dates = new SortedSet<DateOnly> { TariffSchedule.FirstDate, new(2025, 8, 18), new(2026, 4, 6) };
        foreach (var m in Schedule.Measures)
        {
            if (m.ValidFrom >= TariffSchedule.FirstDate) dates.Add(m.ValidFrom);
            if (m.ValidUntil is { } u && u < DateOnly.MaxValue && u.AddDays(1) >= TariffSchedule.FirstDate) dates.Add(u.AddDays(1));
        }
        return dates.ToArray();
    }

    /// <summary>The line's rate for a partner across every revision, merged into intervals with the same total and components.</summary>
    public IReadOnlyList<TimelineInterval> Timeline(Partner partner, HtsCode hts, RateBasis basis = RateBasis.Statutory, DateOnly? until = null)
    {
        var end = until ?? new DateOnly(2026, 12, 31);
        var result = new List<TimelineInterval>();
        var bounds = Boundaries().Where(d => d <= end).ToArray();
        for (var k = 0; k < bounds.Length; k++)
        {
            var rate = Rate(bounds[k], partner, hts, basis);
            var last = k + 1 < bounds.Length ? bounds[k + 1].AddDays(-1) : end;
            if (result.Count > 0 && Same(result[^1].Rate, rate))
                result[^1] = result[^1] with { Until = last };
            else
                result.Add(new TimelineInterval(bounds[k], last, rate));
        }
        return result;
    }

    private static bool Same(TariffRate a, TariffRate b) =>
        Math.Abs(a.Total - b.Total) < 1e-12 && a.Components.Select(c => (c.MeasureId, Math.Round(c.Rate, 12))).SequenceEqual(b.Components.Select(c => (c.MeasureId, Math.Round(c.Rate, 12))));

    /// <summary>Lines whose total differs between this engine on <paramref name="before"/> and <paramref name="other"/> on <paramref name="after"/>
    /// (pass this engine as <paramref name="other"/> to compare dates, or the same date to compare schedules).</summary>
    public IReadOnlyList<LineChange> Diff(DateOnly before, TariffEngine other, DateOnly after, IEnumerable<Partner> partners, IEnumerable<HtsCode>? lines = null)
    {
        var codes = (lines ?? Schedule.Mfn.Keys.Order(StringComparer.Ordinal).Select(k => HtsCode.TryParse(k)!.Value)).ToArray();
        var changes = new ConcurrentBag<LineChange>();
        foreach (var p in partners)
            Parallel.ForEach(codes, h =>
            {
                var a = Total(before, p, h, RateBasis.Statutory);
                var b = other.Total(after, p, h, RateBasis.Statutory);
                if (Math.Abs(a - b) > 1e-12) changes.Add(new LineChange(h, p, Rate(before, p, h), other.Rate(after, p, h)));
            });
        return changes.OrderBy(c => c.Partner.CensusCode, StringComparer.Ordinal).ThenBy(c => c.Hts.Digits, StringComparer.Ordinal).ToArray();
    }
}
