using System.Globalization;
using Parley.Internals;
using Parley.Tariffs;
using Xunit;

namespace Parley.Tests.Tariffs;

/// <summary>The tariff-side reference files of tests/Reference, read and checked cell by cell.</summary>
public class ReferenceFileTests
{
    private static readonly TariffEngine Engine = new(TariffScheduleReader.Bundled);

    private static CsvTable Reference(string file) => CsvTable.Read(Path.Combine(AppContext.BaseDirectory, "Reference", file));

    [Fact]
    public void Supplier_concentration_of_all_59_critical_product_groups_matches_the_reference_cell_by_cell()
    {
        // Reference: shared computation from the 2024 Census HTS-10 file (see Reference/PROVENANCE.md). Tolerances are
        // half a unit of each printed digit: HHI 1 decimal (0.05), shares 6 decimals (5e-7), imports whole dollars (0.5).
        var csv = Reference("critical_goods_us_supplier_concentration_2024.csv");
        Assert.Equal(59, csv.Rows.Count);
        var date = new DateOnly(2025, 10, 15);
        (string Column, string Census)[] shares =
            [("share_china", "5700"), ("share_japan", "5880"), ("share_korea", "5800"), ("share_taiwan", "5830"), ("share_mexico", "2010"), ("share_canada", "1220"), ("share_germany", "4280")];
        foreach (var row in csv.Rows)
        {
            var code = csv.Field(row, csv.Column("product_code"));
            var r = SupplierConcentration.Compute(Engine, ImportWeights.Bundled2024, date, new ProductGroup(code, [code]));
            string Where(string column) => $"{code} {column} (line {row.LineNumber})";
            Assert.True(Math.Abs(r.ImportsUsd - csv.Number(row, csv.Column("total_imports_usd"))) <= 0.5, Where("total_imports_usd"));
            Assert.True(r.SupplierCount == (int)csv.Number(row, csv.Column("n_suppliers")), Where("n_suppliers"));
            Assert.True(Math.Abs(r.Hhi - csv.Number(row, csv.Column("hhi_0_10000"))) <= 0.05, Where("hhi_0_10000"));
            for (var k = 0; k < 3; k++)
            {
                var top = r.Suppliers[k];
                Assert.True(top.Partner.CensusCode == csv.Field(row, csv.Column($"top{k + 1}_cty_code")), Where($"top{k + 1}_cty_code"));
                Assert.True(Math.Abs(top.Share - csv.Number(row, csv.Column($"top{k + 1}_share"))) <= 5e-7, Where($"top{k + 1}_share"));
            }
            Assert.True(Math.Abs(r.Top3Share - csv.Number(row, csv.Column("top3_cum_share"))) <= 5e-7, Where("top3_cum_share"));
            foreach (var (column, census) in shares)
            {
                var ours = r.Suppliers.Where(s => s.Partner.CensusCode == census).Sum(s => s.Share);
                Assert.True(Math.Abs(ours - csv.Number(row, csv.Column(column))) <= 5e-7, $"{Where(column)}: Parley {ours}");
            }
        }
    }

    [Fact]
    public void ETR_on_the_benchmark_date_is_the_documented_gap_below_the_Budget_Lab_benchmark_file()
    {
        // The benchmark is read from Reference/us-etr-benchmarks.csv, not restated. It must be the daily series' value
        // for the same date (us-etr-daily-budget-lab.csv, rounded to 6 decimals), and Parley must sit the documented gap
        // below it (known_gap_pts ± tolerance_pts of that row: −0.095 ± 0.03 points, decisions 0005 and 0011).
        var csv = Reference("us-etr-benchmarks.csv");
        var row = Assert.Single(csv.Rows);
        Assert.Equal("fraction", csv.Field(row, csv.Column("unit")));
        var period = csv.Field(row, csv.Column("period"));
        var benchmark = csv.Number(row, csv.Column("value"));
        var daily = Reference("us-etr-daily-budget-lab.csv");
        var same = Assert.Single(daily.Rows, r => daily.Field(r, daily.Column("date")) == period);
        Assert.Equal(daily.Number(same, daily.Column("budget_lab_etr")), benchmark, 5e-7);
        var gap = daily.Number(same, daily.Column("known_gap_pts")) / 100;
        var tolerance = daily.Number(same, daily.Column("tolerance_pts")) / 100;
        var r = EffectiveRates.Compute(Engine, ImportWeights.Bundled2024, DateOnly.Parse(period, CultureInfo.InvariantCulture), EtrGrouping.None);
        Assert.True(Math.Abs(r.Etr - benchmark - gap) <= tolerance, $"Parley {r.Etr:P3}, Budget Lab {benchmark:P3}, documented gap {gap:P3}");
    }
}
