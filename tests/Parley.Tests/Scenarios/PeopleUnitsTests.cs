using System.Globalization;
using Parley.Application;
using Parley.Scenarios;
using Xunit;

namespace Parley.Tests.Scenarios;

/// <summary>Statistics in the units people use: welfare at the latest GDP shipped, and sector output and value added at risk.</summary>
public class PeopleUnitsTests
{
    /// <summary>2023 GDP in USD billions, read straight from the shipped CSVs (not through the dataset reader).</summary>
    private static readonly Lazy<Dictionary<string, double>> s_gdp2023 = new(() =>
    {
        var root = Path.Combine(RepositoryRoot.Path, "data", "world-2023");
        var codes = File.ReadAllLines(Path.Combine(root, "country_labels.csv")).Skip(1).Select(l => l.Split(',')[0]).ToArray();
        var gdp = File.ReadAllLines(Path.Combine(root, "gdp.csv")).Skip(1).Select(l => double.Parse(l, CultureInfo.InvariantCulture) / 1e9).ToArray();
        return codes.Zip(gdp).ToDictionary(x => x.First, x => x.Second);
    });

    private static double Stat(IEnumerable<ComparisonRow> rows, string country, string statistic) =>
        rows.Single(r => r.Country == country && r.Statistic == statistic).Value;

    private static string Write(TempFolder tmp, string text)
    {
        var path = Path.Combine(tmp.Path, "s.yaml");
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void One_sector_welfare_at_latest_gdp_is_the_percent_change_times_2023_GDP_summed_over_members()
    {
        using var tmp = new TempFolder();
        var s = ScenarioFile.Read(Write(tmp, """
            name: us 10% on all
            status_quo: tariff-free
            tariffs: { changes: [ { importer: USA, exporter: ALL, rate: 0.1 } ] }
            report: [USA, CHN, EU27]
            """));
        var r = ScenarioRunner.Run(s);
        var rows = ComparisonStatistics.Rows("s", r.StatusQuo!.Rows, r.StatusQuo.BaseYear).ToArray();
        var gdp = s_gdp2023.Value;
        foreach (var c in new[] { "USA", "CHN" })
        {
            var expected = Stat(rows, c, "welfare") / 100 * gdp[c];
            Assert.Equal(expected, Stat(rows, c, "welfare_usd_latest_gdp"), 1e-9 * Math.Abs(expected) + 1e-12);
            Assert.Equal(LatestGdp.Unit, rows.Single(x => x.Country == c && x.Statistic == "welfare_usd_latest_gdp").Unit);
        }
        // A group sums its members' own percent changes at their own GDP (not the group's mean times the group's GDP).
        var eu = File.ReadAllLines(Path.Combine(RepositoryRoot.Path, "data", "world-2023", "country_groups.csv")).Skip(1)
            .Select(l => l.Split(',')).Where(p => p[0] == "EU27").Select(p => p[1]).ToArray();
        Assert.Equal(27, eu.Length);
        var byMember = eu.Sum(m => r.OneSector!.Countries.Single(c => c.Iso3 == m).Welfare / 100 * gdp[m]);
        Assert.Equal(byMember, Stat(rows, "EU27", "welfare_usd_latest_gdp"), 1e-9 * Math.Abs(byMember));
    }

    [Fact]
    public void Multi_sector_rows_give_2023_dollars_sector_output_and_value_added_at_risk()
    {
        using var tmp = new TempFolder();
        var every = string.Join(", ", Enumerable.Range(1, 35).Select(j => "c" + j.ToString(CultureInfo.InvariantCulture)));
        var s = ScenarioFile.Read(Write(tmp, $$"""
            name: US 25% on Japanese transport equipment, against the data
            model: { type: multi-sector }
            status_quo: data
            tariffs:
              changes:
                - { importer: USA, exporter: JPN, sector: c15, rate: 0.25 }
                - { importer: USA, exporter: KOR, sector: [{{every}}], rate: 0 }
            report: [JPN, TWN, ROW, WORLD]
            """));
        var r = ScenarioRunner.Run(s);
        var rows = ComparisonStatistics.Rows("s", r.StatusQuo!.Rows, r.StatusQuo.BaseYear).ToArray();
        var gdp = s_gdp2023.Value;
        Assert.Equal(Stat(rows, "JPN", "welfare") / 100 * gdp["JPN"], Stat(rows, "JPN", "welfare_usd_latest_gdp"), 1e-9);
        // Taiwan has no 2023 GDP in the shipped data: the statistic is left out for it and for the world, not guessed.
        Assert.DoesNotContain(rows, x => x.Statistic == "welfare_usd_latest_gdp" && x.Country is "TWN" or "WORLD");
        // The rest of the world is the world total less every WIOD region matched by ISO3.
        var d = r.MultiSectorData!;
        var rowGdp = gdp.Values.Sum() - d.Regions.Countries.Select(x => x.Iso3).Where(gdp.ContainsKey).Sum(c => gdp[c]);
        Assert.Equal(Stat(rows, "ROW", "welfare") / 100 * rowGdp, Stat(rows, "ROW", "welfare_usd_latest_gdp"), 1e-9);

        // Against the data, sector output is the model's own sector output change (a separate code path).
        var jpn = d.Regions.IndexOf("JPN");
        var c15 = d.FindSector("c15")!.Index;
        Assert.Equal(r.MultiSector!.SectorOutput[jpn * d.J + c15], Stat(rows, "JPN", "sector_output_c15"), 1e-9);
        // Value added over every sector adds up to the change of factor income I − R (deficits fixed), in 2011 USD.
        var b = r.MultiSector.Baseline;
        var c = r.MultiSector.Counterfactual;
        var factorIncome = (c.Income[jpn] - c.TariffRevenue[jpn] - (b.Income[jpn] - b.TariffRevenue[jpn])) / 1000;
        var summed = Enumerable.Range(1, 35).Sum(j => Stat(rows, "JPN", $"value_added_usd_c{j}"));
        Assert.Equal(factorIncome, summed, 1e-6);
        Assert.True(Stat(rows, "JPN", "value_added_usd_c15") < 0, "Japan's transport-equipment value added falls under a US tariff on it");
    }
}
