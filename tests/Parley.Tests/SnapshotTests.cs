using Parley.Reports;
using Parley.Scenarios;
using Xunit;

namespace Parley.Tests;

/// <summary>Rendered output compared with reviewed snapshots (set PARLEY_UPDATE_SNAPSHOTS=1 to rewrite them after a deliberate change).</summary>
public class SnapshotTests
{
    private static void Verify(string name, string actual)
    {
        var source = Path.Combine(AppContext.BaseDirectory, "Snapshots", name);
        if (Environment.GetEnvironmentVariable("PARLEY_UPDATE_SNAPSHOTS") == "1")
        {
            var repo = new DirectoryInfo(AppContext.BaseDirectory);
            while (repo is not null && !File.Exists(Path.Combine(repo.FullName, "Parley.slnx"))) repo = repo.Parent;
            File.WriteAllText(Path.Combine(repo!.FullName, "tests", "Parley.Tests", "Snapshots", name), actual);
            return;
        }
        Assert.True(File.Exists(source), $"snapshot {name} is missing; run the tests once with PARLEY_UPDATE_SNAPSHOTS=1 and review it");
        Assert.Equal(File.ReadAllText(source).ReplaceLineEndings("\n"), actual.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Welfare_chart_svg_matches_snapshot()
    {
        ReportRow Row(string label, double welfare) => new(label, label, 1, welfare, null, null, null, null, 0, 0, 0);
        var svg = HtmlReport.WelfareChart([Row("USA", 1.131), Row("JPN", -0.291), Row("KOR", -1.708), Row("WORLD", -0.12)]);
        Verify("welfare-chart.svg", svg);
    }
}
