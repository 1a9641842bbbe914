using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Parley.Web.Runs;
using Xunit;

namespace Parley.Web.Tests;

/// <summary>Draws over HTTP (issue 14): the JSON of <c>parley negotiate FILE --draws N --seed S --format json</c>, bounded
/// by the workbench's cap, bad values a one-line 400, and a run that stops when its client goes away.</summary>
public sealed class DrawsApiTests : WorkbenchTest
{
    /// <summary>The small fixture: one-sector, 12 packages, ε and κ drawn.</summary>
    public static string FixturePath => RepositoryRoot.File("tests", "Parley.Web.Tests", "Fixtures", "small-uncertain-talks.yaml");

    private static StringContent Yaml(string text) => new(text, Encoding.UTF8, "application/yaml");

    /// <summary>The CLI in-process: its own command, console and JSON writer (exit code, stdout, stderr).</summary>
    private static (int Code, string Out, string Err) CliInProcess(params string[] args) =>
        Parley.Tests.Cli.PlainConsole.Run(80, args);

    [Fact]
    public async Task Negotiate_with_draws_and_seed_returns_the_json_of_the_cli_for_the_same_file()
    {
        var cli = CliInProcess("negotiate", FixturePath, "--draws", "6", "--seed", "3", "--format", "json");
        Assert.True(cli.Code == 0, cli.Err);
        var response = await Client.PostAsync("/api/negotiate?draws=6&seed=3&name=small-uncertain-talks.yaml", Yaml(await File.ReadAllTextAsync(FixturePath)));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(JsonText.WithoutElapsed(cli.Out.TrimEnd()), JsonText.WithoutElapsed(body.TrimEnd()));
        using var json = JsonDocument.Parse(body);
        Assert.Equal(6, json.RootElement.GetProperty("draws").GetInt32());
        Assert.Equal(3, json.RootElement.GetProperty("seed").GetInt32());
        Assert.Equal(12, json.RootElement.GetProperty("packages").GetArrayLength());
        Assert.InRange(json.RootElement.GetProperty("p_zopa").GetDouble(), 0, 1);
    }

    [Theory]
    [InlineData("draws=0", "draws", "0")]
    [InlineData("draws=-5", "draws", "-5")]
    [InlineData("draws=1001", "draws", "1001")]
    [InlineData("draws=many", "draws", "many")]
    [InlineData("draws=2.5", "draws", "2.5")]
    [InlineData("draws=4&seed=1.5", "seed", "1.5")]
    [InlineData("draws=4&seed=-1", "seed", "-1")]
    [InlineData("draws=4&seed=9007199254740992", "seed", "9007199254740992")]
    [InlineData("draws=4&resolve=everything", "resolve", "everything")]
    public async Task Bad_draws_seed_or_resolve_gets_400_with_one_line_naming_the_field_and_value(string query, string field, string value)
    {
        var response = await Client.PostAsync("/api/negotiate?" + query, Yaml(await File.ReadAllTextAsync(FixturePath)));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString()!;
        Assert.StartsWith($"(request): field '{field}' = '{value}': expected ", error);
        Assert.DoesNotContain('\n', error);
        Assert.DoesNotContain(" at ", error);
    }

    [Fact]
    public async Task The_cap_is_the_documented_one_and_the_message_states_it()
    {
        Assert.Equal(1000, new WebOptions().MaxDraws);
        var doc = await File.ReadAllTextAsync(RepositoryRoot.File("docs", "web-api.md"));
        Assert.Contains("1,000 draws", doc);
        var response = await Client.PostAsync("/api/negotiate?draws=1001", Yaml(await File.ReadAllTextAsync(FixturePath)));
        var error = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString();
        Assert.Equal("(request): field 'draws' = '1001': expected a whole number of draws from 1 to 1,000 (the workbench's cap; the CLI takes up to 1,000,000)", error);
    }

    [Fact]
    public async Task Seed_without_draws_on_a_file_that_sets_none_is_a_400_not_a_plain_negotiation()
    {
        var response = await Client.PostAsync("/api/negotiate?seed=4", Yaml(await File.ReadAllTextAsync(FixturePath)));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("field 'seed' = '4': expected draws=N as well", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Room_draws_of_an_unknown_run_are_a_404()
    {
        var response = await Client.PostAsync("/api/runs/0123456789abcdef/uncertainty?draws=4", null);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync("/api/draws/0123456789abcdef")).StatusCode);
    }

    [Fact]
    public async Task A_draws_run_whose_client_goes_away_stops_frees_the_engine_and_caches_nothing()
    {
        var yaml = await File.ReadAllTextAsync(FixturePath);
        const string id = "cancelled0123456789";
        using var gone = new CancellationTokenSource();
        var request = Client.PostAsync($"/api/negotiate?draws=1000&seed=90210&progress={id}", Yaml(yaml), gone.Token);
        // Wait for the event (the run has drawn something, past the screen's build), then let the client go.
        while (true)
        {
            var poll = await Client.GetAsync($"/api/draws/{id}");
            if (poll.IsSuccessStatusCode && (await poll.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("done").GetInt32() > 0) break;
            Assert.False(request.IsCompleted, "the run ended before it was cancelled");
            await Task.Delay(100);
        }
        await gone.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => request);
        while ((await Client.GetAsync($"/api/draws/{id}")).StatusCode != HttpStatusCode.NotFound) await Task.Delay(100); // the server side ended
        Assert.Null(ResultCache.Shared.Get<DrawsAnswer>(DrawRuns.CacheKey(yaml, new DrawsRequest(1000, 90210, false))));
        var next = await Client.PostAsync("/api/negotiate?draws=2&seed=90210", Yaml(yaml)); // the engine is free again
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
    }
}
