// Why: wire copy dates meetings relative to the day it was filed ("on the 30th (local time)", "last Friday",
// "around the 15th to 16th of next month", "within two weeks"), so every date expression is resolved against the
// publication date. A bare day or weekday is ambiguous in tense, so it carries both readings (the latest such day on or
// before publication, the earliest on or after) and the caller picks by what it looks for: a past meeting or the next
// one. Time zones: a meeting held east of the newsroom can carry a local date one day after the publication date, so
// the past reading may reach one day beyond it (the "slack", docs/rounds.md "Dates").
using System.Globalization;
using System.Text.RegularExpressions;

namespace Parley.Rounds.Internals;

/// <summary>A date expression: its past and future readings (either may be null) and where it sits in the sentence.</summary>
internal sealed record FoundDate(DateRange? Past, DateRange? Future, int Position, string Text, bool Relative);

internal static partial class DateExpressions
{
    private const string Month = "January|February|March|April|May|June|July|August|September|October|November|December|" +
                                 "Jan\\.?|Feb\\.?|Mar\\.?|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|Sept?\\.?|Oct\\.?|Nov\\.?|Dec\\.?";
    private const string Ord = "(?:st|nd|rd|th)?";
    private const string Weekday = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday";

    [GeneratedRegex(@"\b(?<y>20\d\d)-(?<m>\d\d)-(?<d>\d\d)\b")]
    private static partial Regex Iso();

    [GeneratedRegex(@"\b(?<part>early|mid|late)?[\s-]*(?<mon>" + Month + @")\s+(?<d1>\d{1,2})" + Ord + @"(?:\s*(?:-|–|to|and)\s*(?<d2>\d{1,2})" + Ord + @")?(?:,?\s+(?<y>20\d\d))?(?!\d)")]
    private static partial Regex MonthDay();

    [GeneratedRegex(@"\b(?<d1>\d{1,2})" + Ord + @"(?:\s*(?:-|–|to|and)\s*(?<d2>\d{1,2})" + Ord + @")?\s+(?:of\s+)?(?<mon>" + Month + @")(?:,?\s+(?<y>20\d\d))?\b")]
    private static partial Regex DayMonth();

    [GeneratedRegex(@"\b(?:in\s+|of\s+)?(?:(?<part>early|mid|late)[\s-]+|the\s+(?<part2>beginning|middle|end)\s+of\s+)?(?<mon>January|February|March|April|June|July|August|September|October|November|December)(?:\s+(?<y>20\d\d))?\b(?!\s+\d)")]
    private static partial Regex MonthOnly();

    [GeneratedRegex(@"\bthe\s+(?<d1>\d{1,2})(?:st|nd|rd|th)(?:\s*(?:-|–|to|and|or)\s*(?:the\s+)?(?<d2>\d{1,2})(?:st|nd|rd|th))?(?:\s+of\s+(?<which>next|this|last)\s+month)?")]
    private static partial Regex BareDay();

    [GeneratedRegex(@"\b(?<part>early|mid|late)?[\s-]*(?<which>next|this|last)[\s-]+(?<unit>month|week)\b|\b(?<part>early|mid|late)[\s-]*(?<which>next)[\s-]*(?<unit>month)\b", RegexOptions.IgnoreCase)]
    private static partial Regex RelativePeriod();

    [GeneratedRegex(@"\blater\s+this\s+month\b", RegexOptions.IgnoreCase)]
    private static partial Regex LaterThisMonth();

    [GeneratedRegex(@"\b(?<kind>within|in)\s+(?:the\s+next\s+)?(?<n>\d+|a|one|two|three|four|five|six|seven|eight|nine|ten)\s+(?<unit>days?|weeks?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Within();

    [GeneratedRegex(@"\b(?<which>last|next|this|on)?\s*(?<wd>" + Weekday + @")\b")]
    private static partial Regex WeekdayPattern();

    [GeneratedRegex(@"\b(?<w>yesterday|today|tomorrow)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Deictic();

    /// <summary>Every date expression of <paramref name="sentence"/>, resolved against <paramref name="published"/>; the past
    /// reading may reach <paramref name="slackDays"/> beyond it (a meeting in a time zone east of the newsroom).</summary>
    public static IReadOnlyList<FoundDate> Find(string sentence, DateOnly published, int slackDays)
    {
        var found = new List<FoundDate>();
        var taken = new bool[sentence.Length];
        void Add(Match m, DateRange? past, DateRange? future, bool relative)
        {
            if (Enumerable.Range(m.Index, m.Length).Any(k => taken[k])) return;
            for (var k = m.Index; k < m.Index + m.Length; k++) taken[k] = true;
            if (past is not null || future is not null) found.Add(new FoundDate(past, future, m.Index, m.Value.Trim(), relative));
        }
        foreach (Match m in Iso().Matches(sentence))
            if (Day(Int(m, "y"), Int(m, "m"), Int(m, "d")) is { } d) Add(m, Single(d), Single(d), false);
        foreach (Match m in MonthDay().Matches(sentence)) AddCalendar(m, Add, published, slackDays);
        foreach (Match m in DayMonth().Matches(sentence)) AddCalendar(m, Add, published, slackDays);
        foreach (Match m in BareDay().Matches(sentence)) AddBareDay(m, Add, published, slackDays);
        foreach (Match m in RelativePeriod().Matches(sentence)) Add(m, null, RelativeRange(m, published), true);
        foreach (Match m in LaterThisMonth().Matches(sentence))
            Add(m, null, new DateRange(published.AddDays(1), EndOfMonth(published)), true);
        foreach (Match m in Within().Matches(sentence))
        {
            var n = m.Groups["n"].Value is "a" or "one" ? 1 : (int)(Quantities.Number(m.Groups["n"].Value) ?? 1);
            var days = m.Groups["unit"].Value.StartsWith("week", StringComparison.OrdinalIgnoreCase) ? 7 * n : n;
            var range = m.Groups["kind"].Value.Equals("within", StringComparison.OrdinalIgnoreCase)
                ? new DateRange(published.AddDays(1), published.AddDays(days))
                : new DateRange(published.AddDays(Math.Max(1, days - 3)), published.AddDays(days + 3));
            Add(m, null, range, true);
        }
        foreach (Match m in MonthOnly().Matches(sentence)) AddMonthOnly(m, Add, published);
        foreach (Match m in WeekdayPattern().Matches(sentence)) AddWeekday(m, Add, published, slackDays);
        foreach (Match m in Deictic().Matches(sentence))
        {
            var offset = m.Groups["w"].Value.ToLowerInvariant() switch { "yesterday" => -1, "today" => 0, _ => 1 };
            var d = published.AddDays(offset);
            Add(m, offset <= 0 ? Single(d) : null, offset >= 0 ? Single(d) : null, true);
        }
        return found.OrderBy(f => f.Position).ToArray();
    }

    private static void AddCalendar(Match m, Action<Match, DateRange?, DateRange?, bool> add, DateOnly published, int slack)
    {
        var month = MonthNumber(m.Groups["mon"].Value);
        var d1 = Int(m, "d1");
        var d2 = m.Groups["d2"].Success ? Int(m, "d2") : d1;
        if (m.Groups["y"].Success)
        {
            if (Day(Int(m, "y"), month, d1) is { } a && Day(Int(m, "y"), month, d2) is { } b && a <= b) add(m, new(a, b), new(a, b), false);
            return;
        }
        // No year: the nearest such date before (past reading) or after (future reading) publication.
        DateRange? past = null, future = null;
        for (var y = published.Year - 1; y <= published.Year + 1; y++)
        {
            if (Day(y, month, d1) is not { } a || Day(y, month, d2) is not { } b || a > b) continue;
            if (a <= published.AddDays(slack)) past = new(a, b);
            if (future is null && b >= published) future = new(a, b);
        }
        add(m, past, future, false);
    }

    private static void AddBareDay(Match m, Action<Match, DateRange?, DateRange?, bool> add, DateOnly published, int slack)
    {
        var d1 = Int(m, "d1");
        var d2 = m.Groups["d2"].Success ? Int(m, "d2") : d1;
        if (d2 < d1) return;
        if (m.Groups["which"].Success)
        {
            var anchor = new DateOnly(published.Year, published.Month, 1).AddMonths(m.Groups["which"].Value switch { "next" => 1, "last" => -1, _ => 0 });
            if (Day(anchor.Year, anchor.Month, d1) is not { } a || Day(anchor.Year, anchor.Month, d2) is not { } b) return;
            var range = new DateRange(a, b);
            add(m, a <= published.AddDays(slack) ? range : null, b >= published ? range : null, true);
            return;
        }
        DateRange? past = null, future = null;
        for (var back = 0; back <= 12 && past is null; back++)
        {
            var month = new DateOnly(published.Year, published.Month, 1).AddMonths(-back);
            if (Day(month.Year, month.Month, d1) is { } a && Day(month.Year, month.Month, d2) is { } b && a <= published.AddDays(slack)) past = new(a, b);
        }
        for (var ahead = 0; ahead <= 12 && future is null; ahead++)
        {
            var month = new DateOnly(published.Year, published.Month, 1).AddMonths(ahead);
            if (Day(month.Year, month.Month, d1) is { } a && Day(month.Year, month.Month, d2) is { } b && b >= published) future = new(a, b);
        }
        add(m, past, future, true);
    }

    private static DateRange? RelativeRange(Match m, DateOnly published)
    {
        var which = m.Groups["which"].Value.ToLowerInvariant();
        if (which != "next") return null; // "this/last week|month" date no meeting precisely enough to be a next round
        if (m.Groups["unit"].Value.Equals("week", StringComparison.OrdinalIgnoreCase))
        {
            var monday = published.AddDays(((int)DayOfWeek.Monday - (int)published.DayOfWeek + 7) % 7 is 0 ? 7 : ((int)DayOfWeek.Monday - (int)published.DayOfWeek + 7) % 7);
            return new DateRange(monday, monday.AddDays(6));
        }
        var first = new DateOnly(published.Year, published.Month, 1).AddMonths(1);
        return Part(first, m.Groups["part"].Value.ToLowerInvariant());
    }

    private static void AddMonthOnly(Match m, Action<Match, DateRange?, DateRange?, bool> add, DateOnly published)
    {
        var month = MonthNumber(m.Groups["mon"].Value);
        var part = m.Groups["part"].Success ? m.Groups["part"].Value.ToLowerInvariant()
            : m.Groups["part2"].Value.ToLowerInvariant() switch { "beginning" => "early", "middle" => "mid", "end" => "late", _ => "" };
        if (m.Groups["y"].Success)
        {
            var r = Part(new DateOnly(Int(m, "y"), month, 1), part);
            add(m, r, r, false);
            return;
        }
        var thisYear = Part(new DateOnly(published.Year, month, 1), part);
        var past = thisYear.From <= published ? thisYear : Part(new DateOnly(published.Year - 1, month, 1), part);
        var future = thisYear.To >= published ? thisYear : Part(new DateOnly(published.Year + 1, month, 1), part);
        add(m, past, future, false);
    }

    private static void AddWeekday(Match m, Action<Match, DateRange?, DateRange?, bool> add, DateOnly published, int slack)
    {
        var day = Enum.Parse<DayOfWeek>(m.Groups["wd"].Value);
        var which = m.Groups["which"].Value;
        var back = ((int)published.DayOfWeek - (int)day + 7) % 7;       // 0 = today
        var ahead = ((int)day - (int)published.DayOfWeek + 7) % 7;
        var lastOne = published.AddDays(back == 0 ? -7 : -back);
        var pastOne = slack > 0 && ahead == 1 ? published.AddDays(1) : published.AddDays(-back);
        var nextOne = published.AddDays(ahead == 0 ? 7 : ahead);
        switch (which)
        {
            case "last": add(m, Single(lastOne), null, true); break;
            case "next": add(m, null, Single(nextOne), true); break;
            default: add(m, Single(pastOne), Single(published.AddDays(ahead)), true); break;
        }
    }

    private static DateRange Part(DateOnly first, string part) => part switch
    {
        "early" => new(first, first.AddDays(9)),
        "mid" => new(first.AddDays(10), first.AddDays(19)),
        "late" => new(first.AddDays(20), EndOfMonth(first)),
        _ => new(first, EndOfMonth(first)),
    };

    private static DateOnly EndOfMonth(DateOnly d) => new DateOnly(d.Year, d.Month, 1).AddMonths(1).AddDays(-1);

    private static DateRange Single(DateOnly d) => new(d, d);

    private static int Int(Match m, string group) => int.Parse(m.Groups[group].Value, CultureInfo.InvariantCulture);

    private static DateOnly? Day(int year, int month, int day) =>
        year is >= 1900 and <= 2200 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month) ? new DateOnly(year, month, day) : null;

    private static int MonthNumber(string name)
    {
        var key = name.TrimEnd('.')[..3].ToLowerInvariant();
        return Array.IndexOf(["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], key) + 1;
    }
}
