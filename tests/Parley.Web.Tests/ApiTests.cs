using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Parley.Application;
using Parley.Reports;
using Xunit;

namespace Parley.Web.Tests;

/// <summary>The HTTP API on a test server (WebApplicationFactory): the CLI's YAML in, the CLI's JSON out, the CLI's errors as 400.</summary>
public sealed class ApiTests : WorkbenchTest
{
    private static StringContent Yaml(string text) => new(text, Encoding.UTF8, "application/yaml");

    [Fact]
    public async Task Simulate_returns_the_result_json_of_the_application_layer_for_the_same_yaml()
    {
        var path = RepositoryRoot.File("examples", "us-japan-schedule", "2-deal-15.yaml");
        var yaml = await File.ReadAllTextAsync(path);
        var response = await Client.PostAsync("/api/simulate", Yaml(yaml));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        var expected = ScenarioReport.ResultJson(ScenarioRunner.Run(ScenarioRunner.LoadText(yaml, "scenario.yaml")));
        Assert.Equal(JsonText.WithoutElapsed(expected), JsonText.WithoutElapsed(body));
        using var doc = JsonDocument.Parse(body);
        var jpn = doc.RootElement.GetProperty("status_quo").GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("label").GetString() == "JPN");
        Assert.True(double.IsFinite(jpn.GetProperty("welfare").GetDouble()));
    }

    [Fact]
    public async Task Bad_scenario_gets_400_with_the_input_error_line_and_no_stack_trace()
    {
        var yaml = "name: bad\ntariffs:\n  changes:\n    - { importer: USA, exporter: JPN, rate: lots }\n";
        var response = await Client.PostAsync("/api/simulate", Yaml(yaml));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString()!;
        var expected = Assert.Throws<ParleyInputException>(() => ScenarioRunner.LoadText(yaml, "scenario.yaml")).Message;
        Assert.Equal(expected, error);
        Assert.StartsWith("scenario.yaml:4: field 'tariffs.changes[0].rate' = 'lots'", error.Replace("tariffs.changes[1]", "tariffs.changes[0]"));
        Assert.DoesNotContain(" at ", error);
    }

    [Fact]
    public async Task Unknown_country_is_a_400_naming_the_field_not_a_500()
    {
        var response = await Client.PostAsync("/api/simulate", Yaml("name: bad\ntariffs:\n  changes:\n    - { importer: USA, exporter: JPX, rate: 0.1 }\n"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("field 'exporter' = 'JPX'", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Body_over_one_mebibyte_is_refused_with_413_and_a_clear_message()
    {
        var response = await Client.PostAsync("/api/simulate", Yaml("# " + new string('x', (1 << 20) + 10)));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("at most 1,048,576 bytes", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Tariff_rate_endpoint_returns_the_cli_rate_document()
    {
        var json = await Client.GetStringAsync("/api/tariffs/rate?date=2025-05-01&country=JPN&hts=8703.23.01");
        using var doc = JsonDocument.Parse(json);
        var r = TariffQueries.Bundled.Rate(new DateOnly(2025, 5, 1), "JPN", "8703.23.01");
        Assert.Equal(r.Total, doc.RootElement.GetProperty("total_rate").GetDouble());
        Assert.Equal(r.Components.Count, doc.RootElement.GetProperty("components").GetArrayLength());
        var bad = await Client.GetAsync("/api/tariffs/rate?date=2024-05-01&country=JPN&hts=8703.23.01");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("field 'date'", await bad.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Tariff_search_finds_lines_by_code_and_by_description()
    {
        using var byCode = JsonDocument.Parse(await Client.GetStringAsync("/api/tariffs/search?q=8703.23"));
        var codes = byCode.RootElement.GetProperty("lines").EnumerateArray().Select(l => l.GetProperty("hts").GetString()!).ToArray();
        Assert.Contains("8703.23.01", codes);
        Assert.All(codes, c => Assert.StartsWith("8703.23", c));
        using var byText = JsonDocument.Parse(await Client.GetStringAsync("/api/tariffs/search?q=spark-ignition%20vehicles"));
        Assert.Contains(byText.RootElement.GetProperty("lines").EnumerateArray(), l => l.GetProperty("hts").GetString() == "8703.23.01");
    }

    [Fact]
    public async Task OpenApi_document_lists_the_api()
    {
        using var doc = JsonDocument.Parse(await Client.GetStringAsync("/openapi/v1.json"));
        var paths = doc.RootElement.GetProperty("paths");
        foreach (var p in new[] { "/api/simulate", "/api/negotiate", "/api/tariffs/rate", "/api/tariffs/timeline", "/api/tariffs/etr", "/api/runs/{id}" })
            Assert.True(paths.TryGetProperty(p, out _), p);
    }

    [Fact]
    public async Task Scenario_form_yaml_is_what_parley_simulate_reads_and_solves()
    {
        var form = new { name = "Form <test>", model = "one-sector", dataset = "world-2023", status_quo_date = "2025-10-15", report = "USA, JPN, KOR",
            changes = new[] { new { importer = "USA", exporter = "JPN", sectors = "", rate = "0%" } } };
        var response = await Client.PostAsJsonAsync("/api/scenario/yaml", form);
        var yaml = await response.Content.ReadAsStringAsync();
        using var folder = new TempFolder();
        var file = Path.Combine(folder.Path, "form.yaml");
        await File.WriteAllTextAsync(file, yaml);
        var scenario = ScenarioRunner.Load(file);
        Assert.Equal("Form <test>", scenario.Name);
        Assert.Equal(0.0, scenario.Changes.Single().Rate);
        var result = ScenarioRunner.Run(scenario);
        Assert.Equal(["USA", "JPN", "KOR"], result.StatusQuo!.Rows.Select(r => r.Label));
        Assert.True(result.StatusQuo.Rows.Single(r => r.Label == "JPN").Welfare > 0, "lifting the US tariff on Japan raises Japan's welfare from the status quo");
    }

    [Fact]
    public async Task Scenario_job_error_names_the_field_and_the_form_row()
    {
        var form = new { model = "one-sector", dataset = "world-2023", status_quo_date = "2025-10-15",
            changes = new[] { new { importer = "USA", exporter = "JPN", sectors = "", rate = "10%" }, new { importer = "USA", exporter = "KOR", sectors = "", rate = "-5%" } } };
        var response = await Client.PostAsJsonAsync("/api/jobs/scenario", form);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var e = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(1, e.GetProperty("row").GetInt32());
        Assert.EndsWith("rate", e.GetProperty("field").GetString());
        Assert.Contains("'-5%'", e.GetProperty("error").GetString());
    }

    [Fact]
    public async Task Run_survives_a_restart_of_the_app_on_the_same_data_folder_and_can_be_deleted()
    {
        var form = new { name = "restart check", model = "one-sector", dataset = "world-2023", status_quo_date = "2025-10-15",
            changes = new[] { new { importer = "USA", exporter = "JPN", sectors = "", rate = "10%" } } };
        var started = await (await Client.PostAsJsonAsync("/api/jobs/scenario", form)).Content.ReadFromJsonAsync<JsonElement>();
        var runId = await WaitForRun(Client, started.GetProperty("id").GetString()!);
        var before = await Client.GetStringAsync($"/api/runs/{runId}");
        Client.Dispose();
        Factory.Dispose();

        using var again = new WorkbenchFactory(Data.Path);
        using var client = again.CreateClient();
        Assert.Equal(before, await client.GetStringAsync($"/api/runs/{runId}"));
        var page = await client.GetStringAsync($"/runs/{runId}");
        Assert.Contains("restart check", page);
        var csv = await client.GetStringAsync($"/runs/{runId}/files/status_quo.csv");
        Assert.StartsWith(string.Join(',', ScenarioReport.StatusQuoColumns), csv);
        var yaml = await client.GetStringAsync($"/runs/{runId}/files/scenario.yaml");
        Assert.Equal("restart check", ScenarioRunner.LoadText(yaml).Name);
        Assert.Contains(runId, await client.GetStringAsync("/runs"));
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/runs/{runId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/runs/{runId}")).StatusCode);
        Assert.False(Directory.Exists(Path.Combine(Data.Path, "runs", runId)));
    }

    [Fact]
    public async Task Cancelled_negotiation_job_stops_pricing_and_stores_no_run()
    {
        var started = await (await Client.PostAsync("/api/jobs/negotiation?example=us-korea-2025.yaml", null)).Content.ReadFromJsonAsync<JsonElement>();
        var id = started.GetProperty("id").GetString()!;
        Assert.Equal("cancelled", (await (await Client.PostAsync($"/api/jobs/{id}/cancel", null)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        JsonElement job;
        var polls = 0;
        do
        {
            await Task.Delay(100);
            job = await Client.GetFromJsonAsync<JsonElement>($"/api/jobs/{id}");
        } while (!job.GetProperty("finished").GetBoolean() && ++polls < 1200);
        Assert.Equal("cancelled", job.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, job.GetProperty("run_id").ValueKind);
        Assert.True(job.GetProperty("done").GetInt32() <= 1, "pricing stops at the first package after the cancel");
        Assert.Equal("[]", await Client.GetStringAsync("/api/runs"));
    }

    [Fact]
    public async Task Run_files_outside_the_manifest_are_not_served()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync("/runs/0123456789abcdef/files/..%2F..%2Fruns.db")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync("/runs/not-an-id")).StatusCode);
    }

    internal static async Task<string> WaitForRun(HttpClient client, string job)
    {
        for (var k = 0; k < 1200; k++)
        {
            var j = await client.GetFromJsonAsync<JsonElement>($"/api/jobs/{job}");
            switch (j.GetProperty("status").GetString())
            {
                case "done": return j.GetProperty("run_id").GetString()!;
                case "failed": throw new Xunit.Sdk.XunitException("job failed: " + j.GetProperty("error").GetString());
                case "cancelled": throw new Xunit.Sdk.XunitException("job cancelled");
            }
            await Task.Delay(100);
        }
        throw new TimeoutException("job did not finish in 120 s");
    }
}
