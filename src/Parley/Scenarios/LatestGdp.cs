// Equivalent variation is reported at the data's base year (welfare_usd: Δ welfare × the status quo's absorption). A
// reader of a 2011 input–output world wants today's dollars too, so welfare_usd_latest_gdp applies the same percent
// change to the latest GDP Parley ships: the 2023 GDP of the world-2023 dataset (data/world-2023/PROVENANCE.md).
using Parley.Data;

namespace Parley.Scenarios;

/// <summary>The latest GDP shipped, by the countries of any dataset (matched by ISO3).</summary>
public static class LatestGdp
{
    /// <summary>Year of the latest GDP shipped (world-2023's gdp.csv).</summary>
    public const int Year = 2023;

    /// <summary>Unit of the statistics scaled to it.</summary>
    public static readonly string Unit = $"USD billions ({Year} GDP)";

    /// <summary>
    /// GDP in <see cref="Year"/>, USD billions, for each country of <paramref name="countries"/>: matched by ISO3 in the
    /// bundled world-2023 data; a rest-of-world region (ISO3 <c>ROW</c>) gets the world total less every matched country;
    /// null where there is no match (e.g. Taiwan, absent from the 194-country data), so the statistic is left out rather than guessed.
    /// </summary>
    public static double?[] UsdBillions(CountrySet countries)
    {
        var world = BundledData.World2023;
        var gdp = new double?[countries.Count];
        double matched = 0;
        for (var k = 0; k < countries.Count; k++)
        {
            var i = world.Countries.IndexOf(countries[k].Iso3);
            if (i < 0) continue;
            gdp[k] = world.Gdp[i] / 1e6; // thousands of USD → billions
            matched += gdp[k]!.Value;
        }
        var row = countries.IndexOf("ROW");
        if (row >= 0 && gdp[row] is null) gdp[row] = world.Gdp.Sum() / 1e6 - matched;
        return gdp;
    }
}
