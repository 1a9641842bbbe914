using Parley.Application;
using Parley.Models.OneSector;
using Parley.Scenarios;
using Xunit;

namespace Parley.Tests.Scenarios;

public class ScenarioFileTests
{
    private const string Valid = """
        name: test
        tariffs:
          base: announced-us
          changes:
            - { importer: USA, exporter: JPN, rate: 0.15 }
            - importer: USA
              exporter: [KOR, EU27]
              rate: 0.15
        retaliation: { mode: uniform, rate: 0.1, by: [CHN] }
        report: [USA, JPN, KOR, EU27, WORLD]
        """;

    [Fact]
    public void Valid_file_reads_every_setting()
    {
        using var tmp = new TempFolder();
        var s = ScenarioFile.Read(tmp.Write("s.yaml", Valid));
        Assert.Equal("test", s.Name);
        Assert.Equal("announced-us", s.Base);
        Assert.Equal(2, s.Changes.Count);
        Assert.Equal(["KOR", "EU27"], s.Changes[1].Exporters);
        Assert.Equal(6, s.Changes[1].Line);
        Assert.Equal(RetaliationMode.Uniform, s.Retaliation.Mode);
        Assert.Equal(RevenueRecycling.IncomeTaxRelief, s.Parameters.Recycling);
    }

    [Fact]
    public void Changes_apply_in_order_to_the_resolved_matrix()
    {
        using var tmp = new TempFolder();
        var s = ScenarioFile.Read(tmp.Write("s.yaml", Valid));
        var data = OneSectorScenario.LoadDataset(s);
        var t = OneSectorScenario.BuildTariffs(s, data, OneSectorScenario.Calibrate(s, data));
        var c = data.Countries;
        var n = c.Count;
        int us = c.Require("USA"), jpn = c.Require("JPN"), deu = c.Require("DEU"), chn = c.Require("CHN"), bra = c.Require("BRA");
        Assert.Equal(0.15, t[jpn * n + us]);
        Assert.Equal(0.15, t[deu * n + us]);
        Assert.Equal(0.54, t[chn * n + us], 12);
        Assert.Equal(0.10, t[us * n + chn]);
        Assert.Equal(0, t[us * n + bra]);
        Assert.Equal(0, t[us * n + us]);
    }

    private static ParleyInputException Fails(string yaml)
    {
        using var tmp = new TempFolder();
        var path = tmp.Write("bad.yaml", yaml);
        return Assert.Throws<ParleyInputException>(() =>
        {
            var s = ScenarioFile.Read(path);
            ScenarioRunner.Run(s);
        });
    }

    [Fact]
    public void Malformed_yaml_names_the_line()
    {
        var e = Fails("name: x\ntariffs:\n  changes:\n    - { importer: USA, exporter: JPN rate: 0.1\n");
        Assert.Equal("(syntax)", e.Field);
        Assert.NotNull(e.LineNumber);
    }

    [Fact]
    public void Unknown_country_code_names_line_field_and_code()
    {
        var e = Fails("name: x\ntariffs:\n  changes:\n    - { importer: USA, exporter: JPX, rate: 0.1 }\n");
        Assert.Equal(4, e.LineNumber);
        Assert.Equal("exporter", e.Field);
        Assert.Equal("JPX", e.Value);
        Assert.Contains("EU27", e.Message);
    }

    [Theory]
    [InlineData("-0.05")]
    [InlineData("\"1000.5%\"")]
    [InlineData("fifteen")]
    public void Tariff_rate_outside_0_to_10_is_rejected(string rate)
    {
        var e = Fails($"name: x\ntariffs:\n  changes:\n    - importer: USA\n      exporter: JPN\n      rate: {rate}\n");
        Assert.Equal("tariffs.changes[0].rate", e.Field);
        Assert.Equal(6, e.LineNumber);
        Assert.Contains("from 0 to 10", e.Message);
    }

    [Fact]
    public void Misspelled_key_is_an_error_not_a_silent_default()
    {
        var e = Fails("name: x\nmodel:\n  trade_elastcity: 8\n");
        Assert.Equal("model.trade_elastcity", e.Field);
        Assert.Equal(3, e.LineNumber);
    }

    [Fact]
    public void Missing_name_and_missing_file_are_errors()
    {
        Assert.Equal("name", Fails("tariffs: { base: zero }\n").Field);
        var missing = Assert.Throws<ParleyInputException>(() => ScenarioFile.Read("/nonexistent/scenario.yaml"));
        Assert.Contains("existing YAML file", missing.Message);
    }

    [Fact]
    public void Unknown_report_label_and_unknown_enum_value_are_errors()
    {
        Assert.Equal("report", Fails("name: x\nreport: [USA, ATLANTIS]\n").Field);
        var e = Fails("name: x\nmodel: { recycling: helicopter }\n");
        Assert.Contains("income-tax-relief", e.Message);
    }

    [Fact]
    public void Announced_base_on_a_dataset_without_tariffs_is_an_error()
    {
        using var tmp = new TempFolder();
        var dir = tmp.CopyWorld2023("mydata");
        File.Delete(Path.Combine(dir, "tariffs.csv"));
        var path = tmp.Write("s.yaml", "name: x\ndataset: mydata\ntariffs: { base: announced-us }\n");
        var e = Assert.Throws<ParleyInputException>(() => ScenarioRunner.Run(ScenarioFile.Read(path)));
        Assert.Equal("tariffs.base", e.Field);
    }

    [Fact]
    public void Zero_deficit_rule_removes_all_transfers_and_closes_the_US_deficit()
    {
        using var tmp = new TempFolder();
        var s = ScenarioFile.Read(tmp.Write("s.yaml", "name: balanced\nmodel: { deficits: zero }\ntariffs: { base: zero }\n"));
        Assert.Equal(DeficitRule.Zero, s.Deficits);
        var r = ScenarioRunner.Run(s);
        Assert.All(r.Result.Economy.Transfers, t => Assert.Equal(0, t));
        Assert.True(r.Result["USA"].Deficit < -50, $"US deficit change {r.Result["USA"].Deficit}");
        Assert.True(r.Result["CHN"].Deficit > 50, $"China runs a surplus (negative deficit): closing it is a positive change; got {r.Result["CHN"].Deficit}");
    }
}
