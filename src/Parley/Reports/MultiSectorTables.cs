using Parley.Data;
using Parley.Internals;
using Parley.Models.MultiSector;
using nietras.SeparatedValues;

namespace Parley.Reports;

/// <summary>CSV tables of a multi-sector result: regions, region × sector, bilateral imports, welfare decompositions.</summary>
public static class MultiSectorTables
{
    /// <summary>Header of regions.csv (money columns name the dataset's unit, e.g. <c>USD millions</c>).</summary>
    public static IReadOnlyList<string> RegionColumns(string moneyUnit) =>
    [
        "iso3", "name", "real_income_pct", "welfare_cp_first_order_pct", "terms_of_trade_pct", "volume_of_trade_pct", "real_wage_pct",
        "nominal_wage_pct", "prices_pct", "exports_pct", "imports_pct", $"tariff_revenue_baseline ({moneyUnit})", $"tariff_revenue_counterfactual ({moneyUnit})",
    ];

    /// <summary>Header of sectors.csv (one row per region × sector).</summary>
    public static IReadOnlyList<string> SectorColumns(string moneyUnit) =>
        ["iso3", "sector_code", "sector", "gross_output_pct", "price_pct", "exports_pct", $"gross_output_baseline ({moneyUnit})"];

    /// <summary>Header of bilateral.csv (one row per ordered pair of distinct regions).</summary>
    public static readonly IReadOnlyList<string> BilateralColumns = ["exporter", "importer", "imports_pct"];

    /// <summary>Header of decomposition.csv: region n's CP (2015) welfare terms by partner i or sector j.</summary>
    public static readonly IReadOnlyList<string> DecompositionColumns = ["region", "by", "key", "terms_of_trade_pct", "volume_of_trade_pct"];

    /// <summary>Writes regions.csv, sectors.csv, bilateral.csv and decomposition.csv into <paramref name="dir"/>.</summary>
    public static void Write(MultiSectorResult r, MultiSectorDataset d, string dir)
    {
        var f = ScenarioReport.F;
        using (var w = CsvOutput.ToFile(Path.Combine(dir, "regions.csv"), RegionColumns(d.MoneyUnit)))
            foreach (var o in r.Regions)
            {
                using var row = w.NewRow();
                row["iso3"].Set(o.Iso3);
                row["name"].Set(o.Name);
                row["real_income_pct"].Set(f(o.RealIncome));
                row["welfare_cp_first_order_pct"].Set(f(o.Welfare));
                row["terms_of_trade_pct"].Set(f(o.TermsOfTrade));
                row["volume_of_trade_pct"].Set(f(o.VolumeOfTrade));
                row["real_wage_pct"].Set(f(o.RealWage));
                row["nominal_wage_pct"].Set(f(o.Wage));
                row["prices_pct"].Set(f(o.Prices));
                row["exports_pct"].Set(f(o.Exports));
                row["imports_pct"].Set(f(o.Imports));
                row[$"tariff_revenue_baseline ({d.MoneyUnit})"].Set(f(o.TariffRevenueBaseline));
                row[$"tariff_revenue_counterfactual ({d.MoneyUnit})"].Set(f(o.TariffRevenueCounterfactual));
            }
        using (var w = CsvOutput.ToFile(Path.Combine(dir, "sectors.csv"), SectorColumns(d.MoneyUnit)))
            for (var n = 0; n < d.N; n++)
                for (var j = 0; j < d.J; j++)
                {
                    using var row = w.NewRow();
                    row["iso3"].Set(d.Regions[n].Iso3);
                    row["sector_code"].Set(d.Sectors[j].Code);
                    row["sector"].Set(d.Sectors[j].Name);
                    row["gross_output_pct"].Set(f(r.SectorOutput[n * d.J + j]));
                    row["price_pct"].Set(f(r.SectorPrice[n * d.J + j]));
                    row["exports_pct"].Set(f(r.SectorExports[n * d.J + j]));
                    row[$"gross_output_baseline ({d.MoneyUnit})"].Set(f(r.Baseline.GrossOutput[n * d.J + j]));
                }
        using (var w = CsvOutput.ToFile(Path.Combine(dir, "bilateral.csv"), BilateralColumns))
            for (var i = 0; i < d.N; i++)
                for (var n = 0; n < d.N; n++)
                {
                    if (i == n) continue;
                    using var row = w.NewRow();
                    row["exporter"].Set(d.Regions[i].Iso3);
                    row["importer"].Set(d.Regions[n].Iso3);
                    row["imports_pct"].Set(f(r.BilateralImports[i * d.N + n]));
                }
        using (var w = CsvOutput.ToFile(Path.Combine(dir, "decomposition.csv"), DecompositionColumns))
            for (var n = 0; n < d.N; n++)
            {
                var dec = r.Decompositions[n];
                for (var i = 0; i < d.N; i++)
                {
                    if (i == n) continue;
                    Decomposition(w, d.Regions[n].Iso3, "partner", d.Regions[i].Iso3, dec.TermsOfTradeByPartner[i], dec.VolumeOfTradeByPartner[i]);
                }
                for (var j = 0; j < d.J; j++)
                    Decomposition(w, d.Regions[n].Iso3, "sector", d.Sectors[j].Code, dec.TermsOfTradeBySector[j], dec.VolumeOfTradeBySector[j]);
            }
    }

    private static void Decomposition(SepWriter w, string region, string by, string key, double tot, double vot)
    {
        using var row = w.NewRow();
        row["region"].Set(region);
        row["by"].Set(by);
        row["key"].Set(key);
        row["terms_of_trade_pct"].Set(ScenarioReport.F(tot));
        row["volume_of_trade_pct"].Set(ScenarioReport.F(vot));
    }
}
