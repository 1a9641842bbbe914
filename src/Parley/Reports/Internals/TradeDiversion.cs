// Why this type exists: "whose exports replace Japan's in the US market?" is answered by the importer's imports from
// each partner in the status quo and in the scenario. Both solutions' bilateral imports are in the status-quo view's
// levels, so the table is formed the same way for the one-sector and the multi-sector model and written once
// (status_quo_partners.csv); the report's diversion chart plots that file's change column.
using Parley.Data;
using Parley.Scenarios;

namespace Parley.Reports.Internals;

/// <summary>One importer–partner row: imports net of tariffs in the status quo and in the scenario, USD billions.</summary>
internal sealed record PartnerImports(string Importer, string Exporter, string ExporterName, double StatusQuoUsdBillions, double ScenarioUsdBillions)
{
    /// <summary>Change, USD billions.</summary>
    public double ChangeUsdBillions => ScenarioUsdBillions - StatusQuoUsdBillions;

    /// <summary>Change in percent, or null where the status quo has no imports.</summary>
    public double? ChangePct => StatusQuoUsdBillions > 0 ? 100 * (ScenarioUsdBillions / StatusQuoUsdBillions - 1) : null;
}

/// <summary>Chooses the importers of a scenario and forms their imports by partner against the status quo.</summary>
internal static class TradeDiversion
{
    /// <summary>Most importers tabulated.</summary>
    public const int MaxImporters = 2;

    /// <summary>
    /// Importers of the scenario's tariff changes that are single countries (at most <see cref="MaxImporters"/>), else the
    /// first reported single country (the US for a schedule scenario reported as USA first).
    /// </summary>
    public static IReadOnlyList<int> Importers(ScenarioResult r, CountrySet countries)
    {
        var named = r.Scenario.Changes.SelectMany(c => c.Importers).Select(countries.IndexOf).Where(k => k >= 0).Distinct().Take(MaxImporters).ToArray();
        if (named.Length > 0) return named;
        return r.Rows.Where(x => x.Members == 1).Select(x => countries.IndexOf(x.Label)).Where(k => k >= 0).Take(1).ToArray();
    }

    /// <summary>Every importer's rows (partners in data order), or empty when the view holds no bilateral levels.</summary>
    public static IReadOnlyList<PartnerImports> Rows(ScenarioResult r)
    {
        if (r.StatusQuo is not { From: { BilateralUsdBillions: { } a } from, To.BilateralUsdBillions: { } b }) return [];
        var c = from.Countries;
        var n = c.Count;
        return Importers(r, c).SelectMany(k => Enumerable.Range(0, n).Where(i => i != k)
            .Select(i => new PartnerImports(c[k].Iso3, c[i].Iso3, c[i].Name, a[i * n + k], b[i * n + k]))).ToArray();
    }
}
