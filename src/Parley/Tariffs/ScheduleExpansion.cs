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
/// <param name="ChangeCount">Number of (line, partner, date) change points stored.</param>
/// <param name="Evaluations">Rates evaluated (lines × partners × dates).</param>
/// <param name="ElapsedMilliseconds">Wall-clock time.</param>
/// <param name="PeakWorkingSetBytes">Peak working set of the process after the expansion.</param>
public sealed record ScheduleExpansion(IReadOnlyList<DateOnly> Dates, IReadOnlyList<string> Lines, IReadOnlyList<Partner> Partners,
    long ChangeCount, long Evaluations, double ElapsedMilliseconds, long PeakWorkingSetBytes)
{
    /// <summary>Expands the schedule of <paramref name="engine"/> (statutory basis) over all lines, partners and revision dates.</summary>
    public static ScheduleExpansion Run(TariffEngine engine, int? maxPartners = null)
    {
        var sw = Stopwatch.StartNew();
        var dates = engine.Boundaries().Where(d => d <= new DateOnly(2026, 12, 31)).ToArray();
        var lines = engine.Schedule.Mfn.Keys.Order(StringComparer.Ordinal).ToArray();
        var codes = lines.Select(l => HtsCode.TryParse(l)!.Value).ToArray();
        var partners = engine.Schedule.Partners.Values.OrderBy(p => p.CensusCode, StringComparer.Ordinal).Take(maxPartners ?? int.MaxValue).ToArray();
        long changes = 0;
        var stores = new List<(int Line, short Date, float Rate)>[partners.Length];
        Parallel.For(0, partners.Length, pi =>
        {
            var store = new List<(int, short, float)>();
            var last = new float[codes.Length];
            Array.Fill(last, float.NaN);
            for (var di = 0; di < dates.Length; di++)
                for (var li = 0; li < codes.Length; li++)
                {
                    var r = (float)engine.Total(dates[di], partners[pi], codes[li], RateBasis.Statutory);
                    if (r != last[li]) { store.Add((li, (short)di, r)); last[li] = r; }
                }
            stores[pi] = store;
            Interlocked.Add(ref changes, store.Count);
        });
        var peak = Process.GetCurrentProcess().PeakWorkingSet64;
        GC.KeepAlive(stores);
        return new ScheduleExpansion(dates, lines, partners, changes, (long)dates.Length * lines.Length * partners.Length, sw.Elapsed.TotalMilliseconds, peak);
    }
}
