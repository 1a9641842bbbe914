using Parley.Negotiation;
using Parley.Scenarios;
using Parley.Tariffs;
using Xunit;

namespace Parley.Tests.Scenarios;

/// <summary>
/// Rates are fractions; "15%" strings are read as 0.15 in every rate field of every YAML file (scenario changes, floor,
/// retaliation rate, negotiation options and BATNA, schedule overlays). A bare number above 1 is an input error that
/// suggests 0.15 or "15%" for 15, unless the entry says <c>prohibitive: true</c>.
/// </summary>
public class TariffRateTests
{
    private static Scenario Read(string yaml)
    {
        using var tmp = new TempFolder();
        return ScenarioFile.Read(tmp.Write("s.yaml", yaml));
    }

    private static ParleyInputException Fails(string yaml) => Assert.Throws<ParleyInputException>(() => Read(yaml));

    [Theory]
    [InlineData("\"15%\"", 0.15)]
    [InlineData("'15 %'", 0.15)]
    [InlineData("\"2.5%\"", 0.025)]
    [InlineData("0.15", 0.15)]
    [InlineData("\"145%\"", 1.45)]
    [InlineData("1", 1.0)]
    public void Change_rate_reads_a_fraction_or_a_percent_string(string rate, double expected)
    {
        var s = Read($"name: x\ntariffs:\n  changes:\n    - {{ importer: USA, exporter: JPN, rate: {rate} }}\n");
        Assert.Equal(expected, s.Changes[0].Rate, 12);
    }

    [Fact]
    public void Floor_and_retaliation_rate_read_percent_strings()
    {
        var s = Read("name: x\ntariffs:\n  base: announced-us\n  floor: \"12%\"\nretaliation: { mode: uniform, rate: \"25%\", by: [CHN] }\n");
        Assert.Equal(0.12, s.BaseFloor, 12);
        Assert.Equal(0.25, s.Retaliation.Rate!.Value, 12);
    }

    [Fact]
    public void Bare_15_is_an_error_that_suggests_0_15_or_15_percent()
    {
        var e = Fails("name: x\ntariffs:\n  changes:\n    - importer: USA\n      exporter: JPN\n      rate: 15\n");
        Assert.Equal("tariffs.changes[0].rate", e.Field);
        Assert.Equal(6, e.LineNumber);
        Assert.Equal("15", e.Value);
        Assert.Contains("write 0.15 or \"15%\"", e.Message);
        Assert.DoesNotContain("prohibitive", e.Message); // 1500% is beyond the 1000% limit: no escape to offer
    }

    [Fact]
    public void Bare_2_5_suggests_0_025_or_a_prohibitive_flag()
    {
        var e = Fails("name: x\ntariffs:\n  changes:\n    - { importer: USA, exporter: CHN, rate: 2.5 }\n");
        Assert.Contains("write 0.025 or \"2.5%\"", e.Message);
        Assert.Contains("if you mean a prohibitive tariff of 250%, add 'prohibitive: true' to this entry", e.Message);
    }

    [Fact]
    public void Bare_rate_above_1_is_read_when_the_change_says_prohibitive()
    {
        var s = Read("name: x\ntariffs:\n  changes:\n    - { importer: USA, exporter: CHN, rate: 2.5, prohibitive: true }\n");
        Assert.Equal(2.5, s.Changes[0].Rate, 12);
    }

    [Fact]
    public void Prohibitive_with_an_ordinary_rate_is_an_error()
    {
        var e = Fails("name: x\ntariffs:\n  changes:\n    - { importer: USA, exporter: CHN, rate: 0.25, prohibitive: true }\n");
        Assert.Equal("tariffs.changes[0].prohibitive", e.Field);
        Assert.Contains("only with a rate above 1", e.Message);
    }

    [Theory]
    [InlineData("retaliation: { mode: uniform, rate: 25, by: [CHN] }\n", "retaliation.rate")]
    [InlineData("tariffs:\n  base: announced-us\n  floor: 10\n", "tariffs.floor")]
    [InlineData("tariffs:\n  changes:\n    - { importer: USA, exporter: JPN, rate: \"1500%\" }\n", "tariffs.changes[0].rate")]
    [InlineData("tariffs:\n  changes:\n    - { importer: USA, exporter: JPN, rate: \"15 percent\" }\n", "tariffs.changes[0].rate")]
    [InlineData("tariffs:\n  changes:\n    - { importer: USA, exporter: JPN, rate: \"-5%\" }\n", "tariffs.changes[0].rate")]
    public void Unit_mistakes_in_other_rate_fields_are_errors(string body, string field)
    {
        var e = Fails("name: x\n" + body);
        Assert.Equal(field, e.Field);
        Assert.NotNull(e.LineNumber);
    }

    [Fact]
    public void The_floor_has_no_prohibitive_escape()
    {
        var e = Fails("name: x\ntariffs:\n  base: announced-us\n  floor: 10\n");
        Assert.DoesNotContain("prohibitive", e.Message);
        Assert.Contains("write 0.1 or \"10%\"", e.Message);
    }

    [Fact]
    public void Negotiation_options_and_batna_read_percent_strings_and_reject_bare_percents()
    {
        using var tmp = new TempFolder();
        var spec = NegotiationFile.Read(tmp.Write("n.yaml", Fuzz.Fixtures.Negotiation
            .Replace("rate: 0.15", "rate: \"15%\"").Replace("rate: 0.35", "rate: \"35%\"")));
        Assert.Equal(0.15, spec.Issues[0].Options[1].Tariffs[0].Rate, 12);
        Assert.Equal(0.35, spec.Batna.Tariffs[0].Rate, 12);

        var e = Assert.Throws<ParleyInputException>(() => NegotiationFile.Read(tmp.Write("bad.yaml", Fuzz.Fixtures.Negotiation.Replace("rate: 0.15", "rate: 15"))));
        Assert.EndsWith(".rate", e.Field);
        Assert.Contains("0.15", e.Message);
    }

    [Fact]
    public void Overlay_measure_rate_reads_percent_strings_and_rejects_bare_percents()
    {
        using var tmp = new TempFolder();
        var schedule = TariffScheduleReader.Bundled;
        const string Measure = "name: x\nmeasures:\n  - { id: A, authority: S232, program: autos, country: JPN, from: 2025-07-23, rate: RATE, type: all-in }\n";
        var overlay = TariffOverlay.Read(tmp.Write("o.yaml", Measure.Replace("RATE", "\"15%\"")), schedule);
        Assert.Equal(0.15, overlay.Measures[0].Rate, 12);

        var e = Assert.Throws<ParleyInputException>(() => TariffOverlay.Read(tmp.Write("bad.yaml", Measure.Replace("RATE", "15")), schedule));
        Assert.Equal("measures[0].rate", e.Field);
        Assert.Contains("write 0.15 or \"15%\"", e.Message);
    }
}
