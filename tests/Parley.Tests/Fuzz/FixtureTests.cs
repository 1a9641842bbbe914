using Xunit;

namespace Parley.Tests.Fuzz;

/// <summary>The fuzz templates are valid inputs: unmutated, every one runs to success, so the mutations start from a
/// working file and exercise validation past the first line.</summary>
[Collection("Fuzz")]
public class FixtureTests
{
    [Fact]
    public void Every_fuzz_template_runs_successfully()
    {
        using var tmp = new TempFolder();
        Fixtures.World(tmp);
        Fixtures.MultiSector(tmp);
        Fixtures.Panel(tmp);
        foreach (var (name, text, args) in new[]
                 {
                     ("scenario.yaml", Fixtures.Scenario, new[] { "simulate" }), ("ms.yaml", Fixtures.MultiSectorScenario, ["simulate"]),
                     ("negotiation.yaml", Fixtures.Negotiation, ["negotiate", "--no-sensitivity"]), ("estimation.yaml", Fixtures.Estimation, ["estimate", "--format", "csv"]),
                     ("gravity.yaml", Fixtures.Gravity, ["gravity", "simulate", "--format", "csv"]),
                 })
        {
            var file = tmp.Write(name, text);
            var (code, _, err) = Cli.CliTests.Run([.. args, file]);
            Assert.True(code == 0, $"{name}: {err}");
        }
        Parley.Tariffs.ImportWeights.Read(tmp.Write("weights.csv", Fixtures.Weights));
    }
}
