using System.Text.Json.Nodes;
using Parley.Rounds;
using Parley.Tests.Cli;
using Xunit;
using YamlDotNet.RepresentationModel;

namespace Parley.Tests.Rounds;

/// <summary><c>parley rounds extract</c>: the output formats, the output folder, and bad input.</summary>
public class RoundsCliTests
{
    private static string Seed => Path.Combine(RepositoryRoot.Path, "examples", "news", "us-japan-4th-round-2025-05-30.txt");

    [Fact]
    public void Json_output_is_one_object_with_exactly_the_issues_keys()
    {
        var (code, stdout, stderr) = CliTests.Run("rounds", "extract", Seed, "--published", "2025-05-30", "--format", "json");
        Assert.True(code == 0, stderr);
        var o = (JsonObject)JsonNode.Parse(stdout)!;
        Assert.Equal(RoundRecord.FieldNames, o.Select(kv => kv.Key));
        Assert.Equal(["name", "country", "role"], ((JsonObject)o["participants"]![0]!).Select(kv => kv.Key));
        Assert.Equal(["party", "topic", "stance", "rate"], ((JsonObject)o["positions"]![0]!).Select(kv => kv.Key));
        Assert.Equal(["from", "to"], ((JsonObject)o["next_meeting"]!).Select(kv => kv.Key));
        Assert.All((JsonObject)o["evidence"]!, kv => Assert.Equal(["sentence", "confidence"], ((JsonObject)kv.Value!).Select(e => e.Key)));
        Assert.Equal(("2025-05-30", 130, false, 0.25), ((string)o["date"]!, (int)o["duration_minutes"]!, (bool)o["agreement"]!, (double)o["positions"]![0]!["rate"]!));
    }

    [Fact]
    public void Several_files_give_a_list_and_yaml_parses_back_to_the_same_values()
    {
        var other = Path.Combine(LabelledArticle.Folder, "08-us-japan-fifth-round.html");
        var (code, stdout, stderr) = CliTests.Run("rounds", "extract", Seed, other, "--published", "2025-05-30", "--format", "json");
        Assert.True(code == 0, stderr);
        Assert.Equal(2, ((JsonArray)JsonNode.Parse(stdout)!).Count);

        var (ycode, yaml, yerr) = CliTests.Run("rounds", "extract", Seed, "--published", "2025-05-30");
        Assert.True(ycode == 0, yerr);
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        Assert.Equal(RoundRecord.FieldNames, root.Children.Keys.Select(k => ((YamlScalarNode)k).Value));
        Assert.Equal("2025-05-30", ((YamlScalarNode)root["date"]).Value);
        Assert.Equal("130", ((YamlScalarNode)root["duration_minutes"]).Value);
        Assert.Equal("2025-06-16", ((YamlScalarNode)((YamlMappingNode)root["next_meeting"])["to"]).Value);
        var evidence = (YamlMappingNode)root["evidence"];
        var json = (JsonObject)JsonNode.Parse(CliTests.Run("rounds", "extract", Seed, "--published", "2025-05-30", "--format", "json").Out)!;
        foreach (var (key, value) in (JsonObject)json["evidence"]!)
            Assert.Equal((string?)value!["sentence"] ?? "null", ((YamlScalarNode)((YamlMappingNode)evidence[key])["sentence"]).Value);
    }

    [Fact]
    public void Out_folder_holds_the_records_the_proposal_and_a_copy_of_the_negotiation_that_parses_and_the_users_file_is_untouched()
    {
        using var tmp = new TempFolder();
        var negotiation = Path.Combine(RepositoryRoot.Path, "examples", "us-japan-2025.yaml");
        var before = File.ReadAllText(negotiation);
        var dir = Path.Combine(tmp.Path, "out");
        var (code, stdout, stderr) = CliTests.Run("rounds", "extract", Seed, "--published", "2025-05-30", "--negotiation", negotiation, "--out", dir);
        Assert.True(code == 0, stderr);
        Assert.StartsWith("rounds:\n  # proposed by parley rounds extract", stdout);
        foreach (var f in new[] { "rounds.json", "rounds.yaml", "proposed-rounds.yaml", "us-japan-2025.with-rounds.yaml", "manifest.json" })
            Assert.True(File.Exists(Path.Combine(dir, f)), f);
        Assert.Equal(before, File.ReadAllText(negotiation));
        var spec = Parley.Negotiation.NegotiationFile.Read(Path.Combine(dir, "us-japan-2025.with-rounds.yaml"));
        Assert.Equal(new DateOnly(2025, 5, 30), spec.Rounds[^1].Date);
        Assert.Equal(RoundRecord.FieldNames, ((JsonObject)JsonNode.Parse(File.ReadAllText(Path.Combine(dir, "rounds.json")))!).Select(kv => kv.Key));
        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(dir, "manifest.json")))!;
        Assert.Equal(4, manifest["files"]!.AsArray().Count);
    }

    [Theory]
    [InlineData("", "the input is empty")]
    [InlineData("\u0000\u0001\u0002PK\u0003\u0004binary", "looks like a binary file")]
    [InlineData("第4回日米関税交渉は30日、ワシントンで行われ、赤沢大臣とベッセント財務長官が約130分間会談した。", "a news article in English")]
    [InlineData("El 30 de mayo, Japón y Estados Unidos celebraron en Washington la cuarta ronda de negociaciones arancelarias.", "a news article in English")]
    public void Empty_binary_and_non_English_articles_are_one_line_input_errors(string content, string expected)
    {
        using var tmp = new TempFolder();
        var file = tmp.Write("article.txt", content);
        var (code, _, stderr) = CliTests.Run("rounds", "extract", file, "--published", "2025-05-30");
        Assert.Equal(2, code);
        Assert.Single(stderr.TrimEnd().Split('\n'));
        Assert.StartsWith("error: " + file, stderr);
        Assert.Contains(expected, stderr);
    }

    [Theory]
    [InlineData(new[] { "--format", "csv" }, "field '--format' = 'csv': expected yaml or json")]
    [InlineData(new[] { "--published", "30/05/2025" }, "field '--published' = '30/05/2025': expected a date as YYYY-MM-DD")]
    [InlineData(new string[0], "field '--published': expected the article's publication date")]
    public void Bad_options_are_one_line_usage_errors(string[] options, string expected)
    {
        var args = new[] { "rounds", "extract", Seed }.Concat(options).ToArray();
        if (!options.Contains("--published") && options.Length > 0) args = [.. args, "--published", "2025-05-30"];
        var (code, _, stderr) = CliTests.Run(args);
        Assert.Equal(2, code);
        Assert.Contains(expected, stderr);
        Assert.Single(stderr.TrimEnd().Split('\n'));
    }

    [Fact]
    public void An_article_that_reports_no_meeting_gives_nulls_with_low_confidence_not_an_error()
    {
        var file = Path.Combine(LabelledArticle.Folder, "07-no-meeting-trade-data.txt");
        var (code, stdout, stderr) = CliTests.Run("rounds", "extract", file, "--published", "2025-06-20", "--format", "json");
        Assert.True(code == 0, stderr);
        var o = (JsonObject)JsonNode.Parse(stdout)!;
        Assert.Null(o["date"]);
        Assert.Null(o["agreement"]);
        Assert.All((JsonObject)o["evidence"]!, kv => Assert.True((double)kv.Value!["confidence"]! <= 0.1));
    }
}

/// <summary>The README's rounds example is what the command prints.</summary>
public partial class RoundsReadmeTests
{
    [System.Text.RegularExpressions.GeneratedRegex("```json\\n(.*?)```", System.Text.RegularExpressions.RegexOptions.Singleline)]
    private static partial System.Text.RegularExpressions.Regex JsonBlock();

    [Fact]
    public void README_rounds_example_is_the_output_of_the_command_on_the_seed()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "README.md"));
        var section = readme[readme.IndexOf("## Rounds from the news", StringComparison.Ordinal)..];
        var command = section[(section.IndexOf("```sh\n", StringComparison.Ordinal) + 6)..];
        command = command[..command.IndexOf('\n')];
        Assert.StartsWith("parley rounds extract ", command);
        var args = command["parley ".Length..].Split(' ');
        args[2] = Path.Combine(RepositoryRoot.Path, args[2]);
        var (code, stdout, stderr) = CliTests.Run(args);
        Assert.True(code == 0, stderr);
        var actual = (JsonObject)JsonNode.Parse(stdout)!;
        actual.Remove("evidence");
        var shown = JsonNode.Parse(JsonBlock().Match(section).Groups[1].Value)!;
        Assert.True(JsonNode.DeepEquals(shown, actual), actual.ToJsonString());
    }
}
