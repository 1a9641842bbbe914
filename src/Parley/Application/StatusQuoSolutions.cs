// Every scenario is reported against a status quo (docs/models/status-quo.md), so the status quo's equilibrium is solved
// once per process and reused: keyed by the dataset instance (bundled datasets are cached singletons; a folder read
// again is a new instance and solves again), the model settings, the solver options and a hash of the tariffs.
using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using Parley.Data;
using Parley.Models.MultiSector;
using Parley.Models.Numerics;
using Parley.Models.OneSector;
using Parley.Scenarios;

namespace Parley.Application;

/// <summary>Solves (and caches) status-quo equilibria and forms a scenario's change from its status quo.</summary>
public static class StatusQuoSolutions
{
    private static readonly ConditionalWeakTable<object, ConcurrentDictionary<string, Lazy<object>>> s_cache = new();

    /// <summary>Number of status-quo equilibria solved by this process (a cache hit solves none).</summary>
    public static int Solved => s_solved;

    private static int s_solved;

    /// <summary>The one-sector status quo's solution.</summary>
    public static OneSectorResult OneSector(StatusQuo sq, Scenario s, WorldDataset data, Economy economy, NewtonOptions? solver)
    {
        var t = StatusQuoTariffs.OneSector(sq, s, data, economy);
        var key = $"one-sector|{s.Variant}|{s.Deficits}|{s.Parameters}|{solver ?? new NewtonOptions()}|{Hash(t)}";
        return Cached(data, key, () => EquilibriumSolver.Solve("status quo: " + sq.Label, economy, t, s.Parameters, solver));
    }

    /// <summary>The multi-sector status quo's equilibrium (warm-started from <paramref name="start"/>).</summary>
    public static MultiSectorEquilibrium MultiSector(StatusQuo sq, Scenario s, MultiSectorDataset d, double[] deficits, MultiSectorEquilibrium? start,
        AndersonOptions? options = null)
    {
        var t = StatusQuoTariffs.MultiSector(sq, s, d);
        var key = $"multi-sector|{s.Deficits}|{options ?? new AndersonOptions()}|{Hash(deficits)}|{Hash(t)}";
        return Cached(d, key, () => MultiSectorModel.Solve("status quo: " + sq.Label, d, t, deficits, options, start));
    }

    /// <summary>A one-sector scenario's view against its status quo and against the calibration.</summary>
    public static StatusQuoView View(Scenario s, WorldDataset data, Economy economy, OneSectorResult result, NewtonOptions? solver)
    {
        var sq = StatusQuoTariffs.Resolve(s);
        var from = SolutionLevels.Of(OneSector(sq, s, data, economy, solver));
        var calibration = SolutionLevels.Of(OneSector(StatusQuo.TariffFree, s, data, economy, solver));
        var to = SolutionLevels.Of(result);
        return new StatusQuoView(sq, StatusQuoTariffs.Describe(sq, s), ChangeRow.Between(from, to, s.Report),
            ChangeRow.Between(calibration, to, s.Report), BaseYear(data.Vintage), from, to);
    }

    /// <summary>A multi-sector scenario's view against its status quo and against the data's baseline.</summary>
    public static StatusQuoView View(Scenario s, MultiSectorDataset d, MultiSectorResult result, AndersonOptions? options = null)
    {
        var sq = StatusQuoTariffs.Resolve(s);
        var from = SolutionLevels.Of(MultiSector(sq, s, d, result.Baseline.Deficits, result.Baseline, options), d);
        var to = SolutionLevels.Of(result.Counterfactual, d);
        var calibration = SolutionLevels.Of(result.Baseline, d);
        var sectors = NamedSectors(s, d);
        return new StatusQuoView(sq, StatusQuoTariffs.Describe(sq, s), ChangeRow.Between(from, to, s.Report, sectors),
            ChangeRow.Between(calibration, to, s.Report, sectors), BaseYear(d.Vintage), from, to);
    }

    /// <summary>Indices of the sectors the scenario's tariff changes name (reported by sector), in first-named order.</summary>
    private static IReadOnlyList<int> NamedSectors(Scenario s, MultiSectorDataset d) =>
        s.Changes.Where(c => c.Sectors is not null).SelectMany(c => c.Sectors!).Select(d.FindSector).OfType<Sector>()
            .Select(x => x.Index).Distinct().ToArray();

    /// <summary>The first four-digit year (19xx/20xx) in a data vintage, e.g. 2011 in "2011; WIOD release 2013".</summary>
    public static int? BaseYear(string vintage) =>
        System.Text.RegularExpressions.Regex.Match(vintage, @"\b(19|20)\d\d\b") is { Success: true } m ? int.Parse(m.Value, System.Globalization.CultureInfo.InvariantCulture) : null;

    private static T Cached<T>(object dataset, string key, Func<T> solve) where T : class
    {
        var table = s_cache.GetValue(dataset, _ => new ConcurrentDictionary<string, Lazy<object>>());
        var lazy = table.GetOrAdd(key, _ => new Lazy<object>(() =>
        {
            Interlocked.Increment(ref s_solved);
            return solve();
        }));
        try
        {
            return (T)lazy.Value;
        }
        catch
        {
            table.TryRemove(key, out _); // a failed solve (e.g. non-convergence) is not cached
            throw;
        }
    }

    private static string Hash(double[] values) => Convert.ToHexString(SHA256.HashData(MemoryMarshal.AsBytes(values.AsSpan())));
}
