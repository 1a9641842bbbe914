// Turning the statutory schedule into model tariffs evaluates every HTS-10 line × partner on the date (a second or more),
// while a solve takes a tenth of that. The result depends only on the schedule, the dataset, the date and the tariffs it
// starts from, so it is computed once per process and copied out: a status quo and its scenario, or the variants of a
// sweep, share one evaluation and get bit-identical tariffs.
using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace Parley.Scenarios.Internals;

/// <summary>Process-wide memo of schedule → model tariffs, keyed by schedule and dataset instance, date and base tariffs.</summary>
internal static class ScheduleTariffCache
{
    private static readonly ConditionalWeakTable<Tariffs.TariffSchedule, ConditionalWeakTable<object, ConcurrentDictionary<string, Lazy<object>>>> s_cache = new();

    /// <summary>A copy of the cached tariffs, computed by <paramref name="compute"/> on the first call.</summary>
    internal static double[] Get(Tariffs.TariffSchedule schedule, object dataset, DateOnly date, ReadOnlySpan<double> baseTariffs, Func<double[]> compute) =>
        Get(schedule, dataset, date, baseTariffs, compute, x => (double[])x.Clone());

    /// <summary>A copy (by <paramref name="copy"/>) of the cached result, computed by <paramref name="compute"/> on the first call.</summary>
    internal static T Get<T>(Tariffs.TariffSchedule schedule, object dataset, DateOnly date, ReadOnlySpan<double> baseTariffs, Func<T> compute, Func<T, T> copy)
        where T : notnull
    {
        var byDataset = s_cache.GetValue(schedule, _ => new ConditionalWeakTable<object, ConcurrentDictionary<string, Lazy<object>>>());
        var table = byDataset.GetValue(dataset, _ => new ConcurrentDictionary<string, Lazy<object>>());
        var key = date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) + "|" +
                  Convert.ToHexString(SHA256.HashData(MemoryMarshal.AsBytes(baseTariffs)));
        key = typeof(T).Name + "|" + key;
        var lazy = table.GetOrAdd(key, _ => new Lazy<object>(() => compute()));
        try
        {
            return copy((T)lazy.Value);
        }
        catch
        {
            table.TryRemove(key, out _); // an input error is not cached
            throw;
        }
    }
}
