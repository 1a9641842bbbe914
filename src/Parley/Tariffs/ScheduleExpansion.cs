using System.Diagnostics;

namespace Parley.Tariffs;

/// <summary>
/// The whole schedule expanded to every HTS-8 line × partner × revision date, stored as change points only
/// (a line's rate is kept when it differs from the previous revision). This is the object the Budget Lab tracker builds
/// as a ~194.5M-row panel in 32 GB; here it is a few hundred MB.
/// </summary>
/// <param name="Dates">Revision dates evaluated (every measure start and end).</param>
/// <param name="Lines">HTS-8 lines.</param>
/// <param name="Partners">Partners.</param>
/// <param name="Changes">Per partner (same order as <see cref="Partners"/>), the change points in date order then line order.</param>
/// <param name="ChangeCount">Number of (line, partner, date) change points stored.</param>
/// <param name="Evaluations">Rates evaluated (lines × partners × dates).</param>
/// <param name="ElapsedMilliseconds">Wall-clock time.</param>
/// <param name="PeakWorkingSetBytes">Peak working set of the process after the expansion.</param>
public sealed record ScheduleExpansion(IReadOnlyList<DateOnly> Dates, IReadOnlyList<string> Lines, IReadOnlyList<Partner> Partners,
    IReadOnlyList<RateChange[]> Changes, long ChangeCount, long Evaluations, double ElapsedMilliseconds, long PeakWorkingSetBytes)
{
    /// <summary>Last revision date expanded.</summary>
    public static readonly DateOnly Horizon = new(2026, 12, 31);

    /// <summary>Expands the schedule of <paramref name="engine"/> (statutory basis) over all lines and revision dates, for
    /// <paramref name="partners"/> (default: every partner, in Census-code order). <paramref name="progress"/> receives
    /// (partners done, partners in all) from worker threads.</summary>
    public static ScheduleExpansion Run(TariffEngine engine, IReadOnlyList<Partner>? partners = null, Action<int, int>? progress = null)
    {
        var sw = Stopwatch.StartNew();
        var dates = engine.Boundaries().Where(d => d <= Horizon).ToArray();
        var lines = engine.Schedule.Mfn.Keys.Order(StringComparer.Ordinal).ToArray();
        var codes = lines.Select(l => HtsCode.TryParse(l)!.Value).ToArray();
        var chosen = (partners ?? InCensusOrder(engine)).ToArray();
        long changes = 0;
        var done = 0;
        var stores = new RateChange[chosen.Length][];
        Parallel.For(0, chosen.Length, pi =>
        {
            var store = new List<RateChange>();
            var last = new float[codes.Length];
            Array.Fill(last, float.NaN);
            for (var di = 0; di < dates.Length; di++)
                for (var li = 0; li < codes.Length; li++)
                {
                    var r = (float)engine.Total(dates[di], chosen[pi], codes[li], RateBasis.Statutory);
                    if (r != last[li]) { store.Add(new RateChange(li, (short)di, r)); last[li] = r; }
                }
            stores[pi] = store.ToArray();
            Interlocked.Add(ref changes, store.Count);
            progress?.Invoke(Interlocked.Increment(ref done), chosen.Length);
        });
        var peak = Process.GetCurrentProcess().PeakWorkingSet64;
        return new ScheduleExpansion(dates, lines, chosen, stores, changes, (long)dates.Length * lines.Length * chosen.Length, sw.Elapsed.TotalMilliseconds, peak);
    }

    /// <summary>Expands the first <paramref name="maxPartners"/> partners in Census-code order (benchmarks).</summary>
    public static ScheduleExpansion Run(TariffEngine engine, int maxPartners) => Run(engine, InCensusOrder(engine).Take(maxPartners).ToArray());

    private static IEnumerable<Partner> InCensusOrder(TariffEngine engine) =>
        engine.Schedule.Partners.Values.OrderBy(p => p.CensusCode, StringComparer.Ordinal);
}

/// <summary>A line's total statutory rate changes to <paramref name="Rate"/> on revision date <paramref name="Date"/>.</summary>
/// <param name="Line">Index into <see cref="ScheduleExpansion.Lines"/>.</param>
/// <param name="Date">Index into <see cref="ScheduleExpansion.Dates"/>.</param>
/// <param name="Rate">Total ad valorem rate as a fraction, from that date until the next change point of the line.</param>
public readonly record struct RateChange(int Line, short Date, float Rate);
