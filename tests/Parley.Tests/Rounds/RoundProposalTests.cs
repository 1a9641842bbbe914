using Parley.Application;
using Parley.Negotiation;
using Parley.Rounds;
using Xunit;

namespace Parley.Tests.Rounds;

/// <summary>An extracted round proposed as a `rounds:` entry of a negotiation file, which Parley never edits.</summary>
public class RoundProposalTests
{
    private static string Repo(params string[] parts) => Path.Combine([RepositoryRoot.Path, .. parts]);

    private static readonly Lazy<NegotiationSpec> s_japan = new(() => NegotiationFile.Read(Repo("examples", "us-japan-2025.yaml")));

    [Fact]
    public void Seed_round_appended_to_a_copy_of_the_US_Japan_file_parses_as_its_fourth_round()
    {
        var original = File.ReadAllText(Repo("examples", "us-japan-2025.yaml"));
        var result = RoundExtraction.ExtractFile(Repo("examples", "news", "us-japan-4th-round-2025-05-30.txt"), new DateOnly(2025, 5, 30), s_japan.Value);
        var proposal = result.Proposal!;
        Assert.Equal("eliminate", proposal.Positions["JPN"]["autos"]);
        Assert.False(proposal.Positions.ContainsKey("USA")); // the article states no US position; none is guessed
        var yaml = proposal.ToYaml();
        Assert.Contains("# evidence positions[0] (confidence 0.9): In particular, he explained that Japan's fundamental position is to eliminate", yaml);
        Assert.Contains("source: \"us-japan-4th-round-2025-05-30.txt, published 2025-05-30", yaml);

        using var tmp = new TempFolder();
        var copy = tmp.Write("us-japan-2025.yaml", proposal.InsertInto(original));
        var spec = NegotiationFile.Read(copy);
        Assert.Equal(s_japan.Value.Rounds.Count + 1, spec.Rounds.Count);
        var round = spec.Rounds[^1];
        Assert.Equal((new DateOnly(2025, 5, 30), "Washington, D.C.", 130), (round.Date, round.Place, round.DurationMinutes));
        Assert.Equal(["Ryosei Akazawa", "Scott Bessent", "Howard Lutnick"], round.Participants);
        Assert.Equal("eliminate", round.Positions.Single(p => p.Party == "JPN").Choices["autos"]);
        Assert.StartsWith("us-japan-4th-round-2025-05-30.txt", round.Source);
        Assert.Equal(original, File.ReadAllText(Repo("examples", "us-japan-2025.yaml")));
    }

    [Fact]
    public void An_announced_deal_maps_its_rates_to_the_options_with_those_rates_for_both_parties()
    {
        var article = Path.Combine(LabelledArticle.Folder, "10-us-japan-deal-announced.txt");
        var proposal = RoundExtraction.ExtractFile(article, new DateOnly(2025, 7, 23), s_japan.Value).Proposal!;
        foreach (var party in new[] { "JPN", "USA" })
        {
            Assert.Equal("fifteen", proposal.Positions[party]["autos"]);
            Assert.Equal("fifteen", proposal.Positions[party]["reciprocal"]);
        }
        using var tmp = new TempFolder();
        var spec = NegotiationFile.Read(tmp.Write("n.yaml", proposal.InsertInto(File.ReadAllText(Repo("examples", "us-japan-2025.yaml")))));
        Assert.Equal(new DateOnly(2025, 7, 22), spec.Rounds[^1].Date);
    }

    [Fact]
    public void A_file_without_rounds_gets_a_new_rounds_list_and_unmappable_positions_are_listed_not_guessed()
    {
        var text = File.ReadAllText(Repo("examples", "us-japan-2025.yaml"));
        var start = text.IndexOf("\nrounds:", StringComparison.Ordinal);
        var end = text.IndexOf("\ndeadline_rounds:", StringComparison.Ordinal);
        using var tmp = new TempFolder();
        var withoutRounds = tmp.Write("no-rounds.yaml", text[..start] + text[end..]);
        var spec = NegotiationFile.Read(withoutRounds);
        Assert.Empty(spec.Rounds);
        var article = Path.Combine(LabelledArticle.Folder, "13-us-eu-washington-yesterday.txt");
        var proposal = RoundExtraction.ExtractFile(article, new DateOnly(2025, 6, 13), spec).Proposal!;
        Assert.Contains(proposal.Unmapped, u => u.StartsWith("EU27 reduce autos at 10%: EU27 is not a party", StringComparison.Ordinal));
        Assert.Equal("ten", proposal.Positions["USA"]["reciprocal"]); // keep → the status-quo option
        var reread = NegotiationFile.Read(tmp.Write("proposed.yaml", proposal.InsertInto(File.ReadAllText(withoutRounds))));
        Assert.Equal(new DateOnly(2025, 6, 12), reread.Rounds.Single().Date);
    }

    [Fact]
    public void No_meeting_date_means_no_proposal()
    {
        var article = Path.Combine(LabelledArticle.Folder, "07-no-meeting-trade-data.txt");
        Assert.Null(RoundExtraction.ExtractFile(article, new DateOnly(2025, 6, 20), s_japan.Value).Proposal);
    }
}

/// <summary>Edge cases of the proposal text: lists written at column 0, and YAML for several articles.</summary>
public class RoundProposalLayoutTests
{
    [Fact]
    public void An_entry_joins_a_rounds_list_written_at_column_zero_and_several_records_are_a_yaml_sequence()
    {
        var path = Path.Combine(RepositoryRoot.Path, "examples", "us-japan-2025.yaml");
        var text = File.ReadAllText(path);
        // The same file with its rounds: items at column 0 instead of indented by two.
        var start = text.IndexOf("\nrounds:\n", StringComparison.Ordinal) + "\nrounds:\n".Length;
        var end = text.IndexOf("\ndeadline_rounds:", StringComparison.Ordinal);
        var flush = text[..start] + string.Join('\n', text[start..end].Split('\n').Select(l => l.StartsWith("  ", StringComparison.Ordinal) ? l[2..] : l)) + text[end..];
        using var tmp = new TempFolder();
        var spec = NegotiationFile.Read(tmp.Write("flush.yaml", flush));
        var seed = Path.Combine(RepositoryRoot.Path, "examples", "news", "us-japan-4th-round-2025-05-30.txt");
        var proposal = RoundExtraction.ExtractFile(seed, new DateOnly(2025, 5, 30), spec).Proposal!;
        var reread = NegotiationFile.Read(tmp.Write("flush-proposed.yaml", proposal.InsertInto(flush)));
        Assert.Equal(spec.Rounds.Count + 1, reread.Rounds.Count);

        var html = Path.Combine(LabelledArticle.Folder, "08-us-japan-fifth-round.html");
        var yaml = RoundDocument.Yaml([RoundExtraction.ExtractFile(seed, new DateOnly(2025, 5, 30)).Record, RoundExtraction.ExtractFile(html, new DateOnly(2025, 6, 7)).Record]);
        var stream = new YamlDotNet.RepresentationModel.YamlStream();
        stream.Load(new StringReader(yaml));
        var list = (YamlDotNet.RepresentationModel.YamlSequenceNode)stream.Documents[0].RootNode;
        Assert.Equal(["2025-05-30", "2025-06-06"], list.Children.Select(c => ((YamlDotNet.RepresentationModel.YamlScalarNode)((YamlDotNet.RepresentationModel.YamlMappingNode)c)["date"]).Value));
    }
}
