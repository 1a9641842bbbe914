using nietras.SeparatedValues;
using Parley.Data;
using Parley.Models.MultiSector;

namespace Parley.Reports;

/// <summary>CSV tables of a multi-sector result: regions, region × sector, bilateral imports, welfare decompositions.</summary>
public static class MultiSectorTables
{
    /// <summary>Writes regions.csv, sectors.csv, bilateral.csv and decomposition.csv into <paramref name="dir"/>.</summary>
    public static void Write(MultiSectorResult r, MultiSectorDataset d, string dir)
    {
        var f = ScenarioReport.F;
        using (var w = Sep.New(',').Writer(o => o with { Escape = true }).ToFile(Path.Combine(dir, "regions.csv")))
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
        using (var w = Sep.New(',').Writer(o => o with { Escape = true }).ToFile(Path.Combine(dir, "sectors.csv")))
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
        using (var w = Sep.New(',').Writer(o => o with { Escape = true }).ToFile(Path.Combine(dir, "bilateral.csv")))
            for (var i = 0; i < d.N; i++)
                for (var n = 0; n < d.N; n++)
                {
                    if (i == n) continue;
                    using var row = w.NewRow();
                    row["exporter"].Set(d.Regions[i].Iso3);
                    row["importer"].Set(d.Regions[n].Iso3);
                    row["imports_pct"].Set(f(r.BilateralImports[i * d.N + n]));
                }
        using (var w = Sep.New(',').Writer(o => o with { Escape = true }).ToFile(Path.Combine(dir, "decomposition.csv")))
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
