using System.Globalization;
using Parley.Reports;
using Parley.Application;
using Parley.Scenarios;
using Xunit;

namespace Parley.Tests.Reports;

/// <summary>
/// regions.csv, sectors.csv, bilateral.csv and decomposition.csv of the NAFTA example, parsed back and checked cell by
/// cell against the solved equilibria (bilateral changes recomputed from the equilibrium flows, not read from the result).
/// </summary>
public sealed class MultiSectorTablesTests(MultiSectorTablesTests.Nafta nafta) : IClassFixture<MultiSectorTablesTests.Nafta>
{
    /// <summary>The NAFTA example solved once and its tables written once for the whole class.</summary>
    public sealed class Nafta : IDisposable
    {
        public TempFolder Folder { get; } = new();
        public ScenarioResult Run { get; } = ScenarioRunner.Run(ScenarioFile.Read(Path.Combine(AppContext.BaseDirectory, "examples", "nafta-1993-2005.yaml")));

        public Nafta() => MultiSectorTables.Write(Run.MultiSector!, Run.MultiSectorData!, Folder.Path);

        public void Dispose() => Folder.Dispose();
    }

    private readonly TempFolder _tmp = nafta.Folder;
    private readonly ScenarioResult _run = nafta.Run;
    private readonly Parley.Data.MultiSectorDataset _d = nafta.Run.MultiSectorData!;
    private readonly Parley.Models.MultiSector.MultiSectorResult _r = nafta.Run.MultiSector!;

    private StrictCsv.Table Read(string name) => StrictCsv.Read(Path.Combine(_tmp.Path, name));

    private static double D(string s) => double.Parse(s, CultureInfo.InvariantCulture);

    private int Region(string iso3) => _d.Regions.IndexOf(iso3) is var i and >= 0 ? i : throw new KeyNotFoundException(iso3);

    [Fact]
    public void Regions_csv_has_one_row_per_region_with_every_outcome_at_full_precision()
    {
        var t = Read("regions.csv");
        Assert.Equal(MultiSectorTables.RegionColumns(_d.MoneyUnit), t.Header);
        Assert.Equal(_d.N, t.Rows.Count);
        foreach (var o in _r.Regions)
        {
            var row = t.Rows.Single(x => x[0] == o.Iso3);
            Assert.Equal(o.Name, row[t.Column("name")]);
            Assert.Equal(o.RealIncome, D(row[t.Column("real_income_pct")]));
            Assert.Equal(o.Welfare, D(row[t.Column("welfare_cp_first_order_pct")]));
            Assert.Equal(o.TermsOfTrade, D(row[t.Column("terms_of_trade_pct")]));
            Assert.Equal(o.VolumeOfTrade, D(row[t.Column("volume_of_trade_pct")]));
            Assert.Equal(o.Wage, D(row[t.Column("nominal_wage_pct")]));
            Assert.Equal(o.TariffRevenueCounterfactual, D(row[t.Column($"tariff_revenue_counterfactual ({_d.MoneyUnit})")]));
        }
        var usa = _run.Rows.Single(x => x.Label == "USA");
        Assert.Equal(usa.Welfare, D(t.Rows.Single(x => x[0] == "USA")[t.Column("real_income_pct")]), 12);
    }

    [Fact]
    public void Sectors_csv_has_every_region_and_sector_in_dataset_order_with_baseline_output_in_the_money_unit()
    {
        var t = Read("sectors.csv");
        Assert.Equal(_d.N * _d.J, t.Rows.Count);
        for (var n = 0; n < _d.N; n++)
            for (var j = 0; j < _d.J; j++)
            {
                var row = t.Rows[n * _d.J + j];
                Assert.Equal(_d.Regions[n].Iso3, row[0]);
                Assert.Equal(_d.Sectors[j].Code, row[t.Column("sector_code")]);
                Assert.Equal(_d.Sectors[j].Name, row[t.Column("sector")]);
                Assert.Equal(_r.SectorOutput[n * _d.J + j], D(row[t.Column("gross_output_pct")]));
                Assert.Equal(_r.Baseline.GrossOutput[n * _d.J + j], D(row[t.Column($"gross_output_baseline ({_d.MoneyUnit})")]));
            }
    }

    [Fact]
    public void Bilateral_csv_gives_the_change_of_imports_of_the_importer_from_the_exporter()
    {
        var t = Read("bilateral.csv");
        Assert.Equal(_d.N * (_d.N - 1), t.Rows.Count);
        Assert.DoesNotContain(t.Rows, x => x[0] == x[1]);
        foreach (var row in t.Rows)
        {
            int i = Region(row[0]), n = Region(row[1]);
            double before = 0, after = 0;
            for (var j = 0; j < _d.J; j++)
            {
                before += _r.Baseline.Flow(j, i, n);
                after += _r.Counterfactual.Flow(j, i, n);
            }
            Assert.Equal(before > 0 ? 100 * (after / before - 1) : 0, D(row[2]), 9); // documented: 0 where there was no baseline trade
        }
        var mexToUsa = D(t.Rows.Single(x => x[0] == "MEX" && x[1] == "USA")[2]);
        var usaToMex = D(t.Rows.Single(x => x[0] == "USA" && x[1] == "MEX")[2]);
        Assert.NotEqual(mexToUsa, usaToMex, 6); // a transposed writer would swap these
    }

    [Fact]
    public void Decomposition_csv_lists_each_region_by_partner_then_by_sector()
    {
        var t = Read("decomposition.csv");
        Assert.Equal(MultiSectorTables.DecompositionColumns, t.Header);
        Assert.Equal(_d.N * (_d.N - 1 + _d.J), t.Rows.Count);
        for (var n = 0; n < _d.N; n++)
        {
            var mine = t.Rows.Where(x => x[0] == _d.Regions[n].Iso3).ToArray();
            var partners = mine.Where(x => x[1] == "partner").ToArray();
            var sectors = mine.Where(x => x[1] == "sector").ToArray();
            Assert.Equal(_d.Regions.Countries.Where((_, i) => i != n).Select(x => x.Iso3), partners.Select(x => x[2]));
            Assert.Equal(_d.Sectors.Select(s => s.Code), sectors.Select(x => x[2]));
            foreach (var p in partners)
                Assert.Equal(_r.Decompositions[n].TermsOfTradeByPartner[Region(p[2])], D(p[3]));
            for (var j = 0; j < _d.J; j++)
                Assert.Equal(_r.Decompositions[n].VolumeOfTradeBySector[j], D(sectors[j][4]));
        }
    }
}
