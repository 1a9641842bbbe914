using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Parley.Application;
using Parley.Rounds;
using Parley.Web.Runs;
using Xunit;

namespace Parley.Web.Tests;

/// <summary><c>POST /api/rounds/extract</c>, the room's "paste an article" box: the CLI's round JSON, the CLI's errors, nothing stored.</summary>
public sealed class RoundApiTests : WorkbenchTest
{
    private static readonly string Seed = RepositoryRoot.File("examples", "news", "us-japan-4th-round-2025-05-30.txt");
    private static readonly DateOnly Published = new(2025, 5, 31);

    private Task<HttpResponseMessage> Post(string query, string body) =>
        Client.PostAsync("/api/rounds/extract" + query, new StringContent(body, Encoding.UTF8, "text/plain"));

    [Fact]
    public async Task Pasted_seed_article_returns_the_round_json_of_rounds_extract()
    {
        var text = await File.ReadAllTextAsync(Seed);
        var response = await Post("?published=2025-05-31", text);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        var expected = RoundDocument.Json([RoundExtraction.Extract(text, "article", Published).Record]);
        Assert.Equal(expected, answer["record"]!.ToJsonString(RoundDocument.JsonOptions));
        var record = answer["record"]!;
        Assert.Equal("2025-05-30", (string?)record["date"]);
        Assert.Equal(130, (int?)record["duration_minutes"]);
        Assert.False((bool?)record["agreement"]);
        Assert.Null(answer["proposed_rounds"]); // no run named: no negotiation to map onto
    }

    [Fact]
    public async Task Naming_a_stored_negotiation_run_adds_its_proposed_rounds_entry_and_leaves_the_run_as_it_was()
    {
        var path = RepositoryRoot.File("examples", "us-japan-2025.yaml");
        var yaml = await File.ReadAllTextAsync(path);
        var store = new RunStore(Data.Path);
        var run = new RunRecord(RunStore.NewId(), "negotiation", "US–Japan", "2026-01-01T00:00:00Z", "us-japan-2025.yaml", yaml, "{}", "{}", "{}");
        store.Add(run);
        var text = await File.ReadAllTextAsync(Seed);

        var response = await Post($"?published=2025-05-31&run={run.Id}", text);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var expected = RoundExtraction.Extract(text, "article", Published, NegotiationRunner.Load(path));
        var proposed = (string?)answer["proposed_rounds"];
        Assert.Equal(RoundExtraction.ProposedRoundsYaml([expected.Proposal!]), proposed);
        Assert.Contains("date: 2025-05-30", proposed);
        Assert.Equal(run, store.Get(run.Id));
        Assert.Single(store.List());

        var missing = await Post("?published=2025-05-31&run=0123456789abcdef", text);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Theory]
    [InlineData("", "2025-05-31")]
    [InlineData("seed", "31/05/2025")]
    [InlineData("seed", null)]
    public async Task Empty_article_or_bad_date_is_a_400_with_the_clis_message(string body, string? published)
    {
        var text = body == "seed" ? await File.ReadAllTextAsync(Seed) : body;
        var response = await Post(published is null ? "" : "?published=" + Uri.EscapeDataString(published), text);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString()!;
        var expected = Assert.Throws<ParleyInputException>(() =>
            RoundExtraction.Extract(text, "article", RoundExtraction.ParsePublished(published, "(request)", "published"))).Message;
        Assert.Equal(expected, error);
        Assert.DoesNotContain("\n", error);
        Assert.Contains(body == "" ? "(article)" : "'published'", error);
    }
}
