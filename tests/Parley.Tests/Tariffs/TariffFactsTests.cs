using System.Globalization;
using Parley.Tariffs;
using Xunit;

namespace Parley.Tests.Tariffs;

public class TariffFactsTests
{
    private static readonly TariffEngine Engine = new(TariffScheduleReader.Bundled);

    public static TheoryData<string, string, string, string, double, string> Facts()
    {
        var data = new TheoryData<string, string, string, string, double, string>();
        foreach (var line in File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Reference", "us-tariff-facts.csv")).Skip(1))
        {
            var f = System.Text.RegularExpressions.Regex.Matches(line, "(?:^|,)(\"(?:[^\"]|\"\")*\"|[^,]*)").Select(m => m.Groups[1].Value.Trim('"')).ToArray();
            data.Add(f[0], f[1], f[3], f[4], double.Parse(f[6], CultureInfo.InvariantCulture), f[7]);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Facts))]
    public void Reference_fact_total_rate_matches(string id, string date, string census, string hts, double expected, string components)
    {
        var r = Engine.Rate(DateOnly.Parse(date, CultureInfo.InvariantCulture), census, hts);
        Assert.True(Math.Abs(r.Total - expected) < 1e-9,
            $"{id}: Parley {r.Total} vs expected {expected} ({components}); Parley's components: " +
            string.Join(" + ", r.Components.Select(c => $"{c.Authority}/{c.MeasureId} {c.Rate}")));
    }
}
