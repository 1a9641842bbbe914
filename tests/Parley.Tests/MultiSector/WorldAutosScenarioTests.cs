using Parley.Application;
using Parley.Scenarios;
using Xunit;

namespace Parley.Tests.MultiSector;

public class WorldAutosScenarioTests
{
    private static ScenarioResult Run(string file) =>
        ScenarioRunner.Run(ScenarioFile.Read(Path.Combine(AppContext.BaseDirectory, "examples", "world-autos", file)));

    [Fact]
    public void Japan_transport_tariff_25_15_0_diverts_US_purchases_to_Mexico_and_away_from_Korea()
    {
        var results = new[] { "1-japan-25.yaml", "2-japan-15.yaml", "3-japan-0.yaml" }.Select(Run).ToArray();
        var d = results[0].MultiSectorData!;
        var c15 = d.FindSector("transport-equipment")!.Index;
        double Output(ScenarioResult r, string iso) => r.MultiSector!.SectorOutput[d.Regions.Require(iso) * d.J + c15];
        double Welfare(ScenarioResult r, string iso) => r.Rows.Single(x => x.Label == iso).Welfare;

        // Lower US tariffs on Japan: Japan's transport output and welfare recover step by step.
        Assert.True(Output(results[0], "JPN") < Output(results[1], "JPN") && Output(results[1], "JPN") < Output(results[2], "JPN"));
        Assert.True(Welfare(results[0], "JPN") < Welfare(results[1], "JPN") && Welfare(results[1], "JPN") < Welfare(results[2], "JPN"));
        // Korea stays at 25% in every case and loses; it loses slightly more as Japan's tariff falls (Japan competes it away).
        Assert.All(results, r => Assert.True(Output(r, "KOR") < -5));
        Assert.True(Output(results[2], "KOR") < Output(results[0], "KOR"));
        // Mexico and Germany replace Asian supply in the US market; the diversion shrinks as Japan's tariff falls.
        Assert.All(results, r => Assert.True(Output(r, "MEX") > 0 && Output(r, "DEU") > 0));
        Assert.True(Output(results[0], "MEX") > Output(results[2], "MEX"));
        Assert.All(results, r => Assert.All(r.Diagnostics, x => Assert.True(x.Converged)));
    }

    [Fact]
    public void Sector_errors_name_line_and_value()
    {
        using var tmp = new TempFolder();
        var bad = tmp.Write("s.yaml", "name: x\nmodel: { type: multi-sector }\ntariffs:\n  changes:\n    - { importer: USA, exporter: JPN, sector: cars, rate: 0.1 }\n");
        var e = Assert.Throws<ParleyInputException>(() => ScenarioRunner.Run(ScenarioFile.Read(bad)));
        Assert.Equal(5, e.LineNumber);
        Assert.Equal("sector", e.Field);
        Assert.Equal("cars", e.Value);

        var oneSector = tmp.Write("o.yaml", "name: x\ntariffs:\n  changes:\n    - { importer: USA, exporter: JPN, sector: c15, rate: 0.1 }\n");
        var o = Assert.Throws<ParleyInputException>(() => ScenarioFile.Read(oneSector));
        Assert.Contains("one-sector model has no sectors", o.Message);

        var column = tmp.Write("c.yaml", "name: x\nmodel: { type: multi-sector }\ndataset: cp2015-nafta\ntariffs: { base: tariff_2099 }\n");
        var c = Assert.Throws<ParleyInputException>(() => ScenarioRunner.Run(ScenarioFile.Read(column)));
        Assert.Contains("tariff_1993", c.Message);
    }

    [Fact]
    public void NAFTA_example_file_reproduces_the_paper_through_the_scenario_path()
    {
        var r = ScenarioRunner.Run(ScenarioFile.Read(Path.Combine(AppContext.BaseDirectory, "examples", "nafta-1993-2005.yaml")));
        Assert.Equal(1.31, r.Rows.Single(x => x.Label == "MEX").WelfareFirstOrder!.Value, 0.005);
        Assert.Equal(-0.06, r.Rows.Single(x => x.Label == "CAN").WelfareFirstOrder!.Value, 0.005);
        Assert.Equal(0.08, r.Rows.Single(x => x.Label == "USA").WelfareFirstOrder!.Value, 0.005);
    }
}
