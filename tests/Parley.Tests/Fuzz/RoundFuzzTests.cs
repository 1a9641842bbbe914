using Parley.Application;
using Xunit;
using Xunit.Abstractions;

namespace Parley.Tests.Fuzz;

/// <summary>
/// Property: for any mutation of a news article (plain text or HTML), the round extractor returns a record or a one-line
/// input error — never another exception, never unbounded time — and a record's every non-null scalar field has evidence.
/// </summary>
[Collection("Fuzz")]
public class RoundFuzzTests(ITestOutputHelper output)
{
    private static string Read(params string[] parts) => File.ReadAllText(Path.Combine([RepositoryRoot.Path, .. parts]));

    private FuzzOutcome Extract(string text)
    {
        var r = RoundExtraction.Extract(text, "fuzz.txt", new DateOnly(2025, 5, 30)).Record;
        foreach (var (field, value) in new (string, object?)[] { ("date", r.Date), ("place", r.Place), ("duration_minutes", r.DurationMinutes), ("agreement", r.Agreement), ("next_meeting", r.NextMeeting) })
            if (value is not null && r.Evidence[field].Sentence is null) throw new FuzzFailure($"{field} = {value} has no evidence sentence");
        // Evidence quotes the article, which may say "NaN"; the numbers themselves must be finite.
        if (r.Positions.Any(p => p.Rate is { } x && !double.IsFinite(x)) || r.OutcomeRates.Any(o => !double.IsFinite(o.Rate)))
            throw new FuzzFailure("a rate is not finite");
        System.Text.Json.Nodes.JsonNode.Parse(Parley.Rounds.RoundDocument.Json([r]));
        return FuzzOutcome.Success;
    }

    private void Report(string property, (int Cases, Dictionary<FuzzOutcome, int> Outcomes, List<string> Skipped) r)
    {
        output.WriteLine($"{property}: {r.Cases} cases: " + string.Join(", ", r.Outcomes.OrderBy(kv => kv.Key).Select(kv => $"{kv.Key} {kv.Value}")));
        Assert.True(r.Cases > 0);
    }

    [Fact]
    public void Seed_article_mutations_never_crash_the_extractor()
    {
        var seed = Read("examples", "news", "us-japan-4th-round-2025-05-30.txt");
        Report("seed article", FuzzHarness.Run("seed article", Mutations.Of(seed), Extract, iterations: 150, budgetSeconds: 5,
            print: s => s.Length <= 2000 ? s : s[..2000] + "…"));
    }

    [Fact]
    public void Html_article_mutations_never_crash_the_extractor()
    {
        var html = Read("tests", "Parley.Tests", "Rounds", "Articles", "08-us-japan-fifth-round.html");
        Report("html article", FuzzHarness.Run("html article", Mutations.Of(html), Extract, iterations: 100, budgetSeconds: 4,
            print: s => s.Length <= 2000 ? s : s[..2000] + "…"));
    }

    [Fact]
    public void Article_files_fed_to_the_cli_end_in_exit_0_or_a_one_line_error()
    {
        using var tmp = new TempFolder();
        var file = Path.Combine(tmp.Path, "article.txt");
        var seed = Read("examples", "news", "us-japan-4th-round-2025-05-30.txt");
        Report("rounds cli", FuzzHarness.Run("rounds cli", Mutations.Of(seed), text =>
        {
            File.WriteAllText(file, text);
            var (code, stdout, stderr) = Parley.Tests.Cli.CliTests.Run("rounds", "extract", file, "--published", "2025-05-30", "--format", "json");
            if (code == 0 && System.Text.Json.Nodes.JsonNode.Parse(stdout) is System.Text.Json.Nodes.JsonObject) return FuzzOutcome.Success;
            if (code == 2 && stderr.TrimEnd().Split('\n').Length == 1 && stderr.StartsWith("error: ", StringComparison.Ordinal)) return FuzzOutcome.InputError;
            throw new FuzzFailure($"exit {code}: {stderr}");
        }, iterations: 40, budgetSeconds: 4));
    }
}
