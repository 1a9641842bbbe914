// Tariff matrices of the one-sector model (row = exporter i, column = importer j, fractions): the announced US tariffs
// with a 10% floor (docs/models/one-sector.md (OS-7)), uniform and bilateral rates, and retaliation such as (OS-48).
using Parley.Data;

namespace Parley.Models.OneSector;

/// <summary>
/// Builders for N×N tariff matrices (row-major; row = exporter i, column = importer j; fraction).
/// A matrix never taxes a country's own goods (the diagonal stays 0).
/// </summary>
public static class TariffShocks
{
    /// <summary>All-zero tariffs (the factual equilibrium).</summary>
    public static double[] Zero(int n) => new double[n * n];

    /// <summary>
    /// The announced US tariffs of 2 April 2025 on every exporter, with a floor (the paper's "USTR" matrix, docs/models/one-sector.md (OS-7)):
    /// t_{i,US} = max(floor, u_i) for i ≠ US.
    /// </summary>
    public static double[] AnnouncedUs(WorldDataset data, double floor = 0.10)
    {
        var u = data.AnnouncedUsTariffs ?? throw new ParleyInputException(data.Name, null, "tariffs.csv", null,
            "a dataset that carries the announced US tariffs (the bundled world-2023 does)");
        var n = data.Countries.Count;
        var us = data.Countries.Require("USA");
        var t = Zero(n);
        for (var i = 0; i < n; i++)
            if (i != us) t[i * n + us] = Math.Max(floor, u[i]);
        return t;
    }

    /// <summary>Sets t_ij = rate for every importer j and exporter i of the given sets (i ≠ j). Mutates and returns <paramref name="t"/>.</summary>
    public static double[] Set(double[] t, int n, IEnumerable<int> importers, IEnumerable<int> exporters, double rate)
    {
        var ex = exporters as IReadOnlyCollection<int> ?? exporters.ToArray();
        foreach (var j in importers)
            foreach (var i in ex)
                if (i != j) t[i * n + j] = rate;
        return t;
    }

    /// <summary>Every country mirrors the tariff it faces from <paramref name="focal"/>: t_{focal,j} = t_{j,focal}. Mutates and returns <paramref name="t"/>.</summary>
    public static double[] Reciprocal(double[] t, int n, int focal)
    {
        for (var j = 0; j < n; j++)
            if (j != focal) t[focal * n + j] = t[j * n + focal];
        return t;
    }
}
