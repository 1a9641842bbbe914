using System.Text.Json.Nodes;
using Parley.Rounds;
using Xunit;
using Xunit.Abstractions;

namespace Parley.Tests.Rounds;

/// <summary>The extractor on the seed article verbatim and on the hand-labelled wire articles (docs/rounds.md).</summary>
public class RoundExtractionTests(ITestOutputHelper output)
{
    private static string Seed => Path.Combine(RepositoryRoot.Path, "examples", "news", "us-japan-4th-round-2025-05-30.txt");

    [Fact]
    public void Seed_article_yields_the_fourth_round_field_by_field()
    {
        var r = Parley.Application.RoundExtraction.ExtractFile(Seed, new DateOnly(2025, 5, 30)).Record;
        Assert.Equal(new DateOnly(2025, 5, 30), r.Date);
        Assert.Equal("Washington, D.C.", r.Place);
        Assert.Equal([("Ryosei Akazawa", "JPN"), ("Scott Bessent", "USA"), ("Howard Lutnick", "USA")], r.Participants.Select(p => (p.Name, p.Country)));
        Assert.Equal(["Minister for Economic Revitalization (Japan's chief tariff negotiator)", "Secretary of the Treasury", "Secretary of Commerce"], r.Participants.Select(p => p.Role));
        Assert.Equal(130, r.DurationMinutes);
        foreach (var t in new[] { "autos", "semiconductors", "rare_earths", "investment", "economic_security", "non_tariff" }) Assert.Contains(t, r.Topics);
        Assert.False(r.Agreement);
        Assert.Equal([new StatedPosition("JPN", "autos", Stance.Eliminate, 0.25)], r.Positions);
        Assert.Empty(r.OutcomeRates);
        Assert.Equal(new DateRange(new DateOnly(2025, 6, 15), new DateOnly(2025, 6, 16)), r.NextMeeting);
        Assert.StartsWith("On the 30th (local time)", r.Evidence["date"].Sentence);
        Assert.Contains("about 130 minutes", r.Evidence["duration_minutes"].Sentence);
        Assert.Contains("rather than reduce", r.Evidence["positions[0]"].Sentence);
        Assert.Contains("15th to 16th of next month", r.Evidence["next_meeting"].Sentence);
    }

    [Fact]
    public void The_seed_in_the_repository_is_the_article_as_published()
    {
        var text = File.ReadAllText(Seed);
        Assert.StartsWith("On the 30th (local time), the United States and Japan held the fourth Minister-level tariff negotiations", text);
        Assert.EndsWith("which lasted for about 130 minutes.", text);
        Assert.Equal(13, text.Split('\n').Length);
        Assert.Contains("verbatim", File.ReadAllText(Path.Combine(RepositoryRoot.Path, "examples", "news", "PROVENANCE.md")), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Labelled_articles_are_extracted_at_90_percent_of_fields_or_better_with_precision_and_recall_per_field()
    {
        var articles = LabelledArticle.All();
        Assert.True(articles.Count(a => !a.Name.StartsWith("00", StringComparison.Ordinal)) >= 12, "at least twelve written articles");
        var written = new FieldScores();
        var heldOut = new FieldScores();
        var all = new FieldScores();
        foreach (var a in articles)
        {
            var actual = RoundDocument.Node(a.Extract());
            all.Add(a.Name, a.Expected, actual);
            if (!a.Name.StartsWith("00", StringComparison.Ordinal)) written.Add(a.Name, a.Expected, actual);
            if (a.Name.Contains("held-out", StringComparison.Ordinal)) heldOut.Add(a.Name, a.Expected, actual);
        }
        output.WriteLine($"written articles ({articles.Count - 1}): {written.ExactShare:P1} of fields exact");
        foreach (var line in written.Lines()) output.WriteLine("  " + line);
        // Articles 14-16 were labelled before the extractor first ran on them and the rules were not changed for them.
        output.WriteLine($"held-out articles (14-16): {heldOut.ExactShare:P1} of fields exact");
        foreach (var line in heldOut.Lines()) output.WriteLine("  " + line);
        output.WriteLine($"all articles with the seed: {all.ExactShare:P1} of fields exact");
        foreach (var miss in all.Misses) output.WriteLine("  miss " + miss);
        Assert.True(written.ExactShare >= 0.90, $"{written.ExactShare:P1} of fields exact:\n" + string.Join("\n", written.Misses));
        Assert.DoesNotContain(all.Misses, m => m.StartsWith("00", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_known_field_of_every_fixture_has_its_evidence_sentence_and_unknown_fields_have_low_confidence()
    {
        foreach (var a in LabelledArticle.All())
        {
            var r = a.Extract();
            var node = RoundDocument.Node(r);
            var prose = ArticleText.Prepare(File.ReadAllText(a.File), a.Name);
            foreach (var field in FieldScores.Fields)
            {
                if (node[field] is JsonArray list)
                {
                    for (var k = 0; k < list.Count; k++)
                    {
                        var e = r.Evidence[$"{field}[{k}]"];
                        Assert.False(string.IsNullOrEmpty(e.Sentence), $"{a.Name}: {field}[{k}] has no evidence");
                        Assert.Contains(e.Sentence!, prose);
                        Assert.InRange(e.Confidence, 0.5, 1);
                    }
                    if (list.Count == 0) Assert.True(r.Evidence[field].Sentence is null && r.Evidence[field].Confidence <= 0.1, $"{a.Name}: empty {field}");
                }
                else if (node[field] is null) Assert.True(r.Evidence[field].Sentence is null && r.Evidence[field].Confidence <= 0.1, $"{a.Name}: null {field}");
                else
                {
                    Assert.False(string.IsNullOrEmpty(r.Evidence[field].Sentence), $"{a.Name}: {field} has no evidence");
                    Assert.Contains(r.Evidence[field].Sentence!, prose);
                    Assert.InRange(r.Evidence[field].Confidence, 0.5, 1);
                }
            }
        }
    }
}
