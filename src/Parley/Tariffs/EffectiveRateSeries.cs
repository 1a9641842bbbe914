// Why this type exists: "what is the effective US tariff rate, and which authority is behind it" is asked over time —
// since January, month by month, or at each change of the schedule. A date range is evaluated at the dates the answer
// can change (every first and every day after a last day of a measure in force in the range) or at month starts, so a
// chart of the series has a point wherever the schedule moved and nowhere it did not.
namespace Parley.Tariffs;

/// <summary>How a date range is sampled.</summary>
public enum EtrStep
{
    /// <summary>The range's first day and every date in it on which a measure starts or ends (the day after its last day).</summary>
    Revision,

    /// <summary>The range's first day and the first day of every later month in it.</summary>
    Month,
}

/// <summary>Effective rates over a date range (each point an <see cref="EffectiveRateReport"/> with its authority breakdown).</summary>
public static class EffectiveRateSeries
{
    /// <summary>Most dates one series evaluates (each costs one pass over the import weights).</summary>
    public const int MaxPoints = 120;

    /// <summary>The dates of <paramref name="from"/>..<paramref name="to"/> (inclusive) sampled by <paramref name="step"/>, ascending.</summary>
    public static IReadOnlyList<DateOnly> Dates(TariffSchedule schedule, DateOnly from, DateOnly to, EtrStep step)
    {
        TariffEngine.CheckDate(from, "--from");
        if (to < from)
            throw new ParleyInputException("(command line)", null, "--to", to.ToString("yyyy-MM-dd"), $"a date on or after --from ({from:yyyy-MM-dd})");
        var dates = new SortedSet<DateOnly> { from };
        if (step == EtrStep.Month)
            for (var d = new DateOnly(from.Year, from.Month, 1).AddMonths(1); d <= to; d = d.AddMonths(1)) dates.Add(d);
        else
            foreach (var m in schedule.Measures)
            {
                if (m.ValidFrom > from && m.ValidFrom <= to) dates.Add(m.ValidFrom);
                if (m.ValidUntil is { } u && u.AddDays(1) > from && u.AddDays(1) <= to) dates.Add(u.AddDays(1));
            }
        if (dates.Count > MaxPoints)
            throw new ParleyInputException("(command line)", null, "--to", to.ToString("yyyy-MM-dd"),
                $"a range of at most {MaxPoints} dates ({dates.Count} dates from {from:yyyy-MM-dd}; shorten the range or use --step month)");
        return [.. dates];
    }

    /// <summary>The effective rate on each date, with contributions by authority (no grouping by partner).</summary>
    public static IReadOnlyList<EffectiveRateReport> Compute(TariffEngine engine, ImportWeights weights, IReadOnlyList<DateOnly> dates) =>
        dates.Select(d => EffectiveRates.Compute(engine, weights, d, EtrGrouping.None)).ToArray();

    /// <summary>Authorities in a series, largest total contribution first (ties by name).</summary>
    public static IReadOnlyList<string> Authorities(IReadOnlyList<EffectiveRateReport> series) =>
        series.SelectMany(r => r.ByAuthority).GroupBy(kv => kv.Key).OrderByDescending(g => g.Sum(kv => kv.Value)).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.Key).ToArray();
}
