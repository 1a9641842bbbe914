using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Xunit;

namespace Parley.Web.Tests;

/// <summary>The API answers with the real CLI's JSON and the real CLI's error lines; the doc's curl example runs as written.</summary>
[Collection(LiveCollection.Name)]
public sealed class CliEquivalenceTests(LiveServer server)
{
    [Fact]
    public void Web_api_doc_curl_example_returns_the_cli_json()
    {
        var doc = File.ReadAllLines(RepositoryRoot.File("docs", "web-api.md"));
        var command = doc.Single(l => l.StartsWith("curl ", StringComparison.Ordinal) && l.Contains("/api/simulate", StringComparison.Ordinal));
        var args = command.Replace("http://127.0.0.1:5000", server.BaseUrl, StringComparison.Ordinal).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var start = new ProcessStartInfo("/usr/bin/curl") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = RepositoryRoot.Path };
        foreach (var a in args.Skip(1)) start.ArgumentList.Add(a);
        using var curl = Process.Start(start)!;
        var fromApi = curl.StandardOutput.ReadToEnd();
        curl.WaitForExit();
        Assert.Equal(0, curl.ExitCode);
        var file = args.Single(a => a.StartsWith('@'))[1..];
        var cli = Cli.Run("simulate", file, "--format", "json");
        Assert.True(cli.Code == 0, cli.Err);
        Assert.Equal(JsonText.WithoutElapsed(cli.Out.TrimEnd()), JsonText.WithoutElapsed(fromApi.TrimEnd()));
    }

    [Fact]
    public async Task Bad_input_over_http_gets_the_same_one_line_message_as_the_cli()
    {
        using var folder = new TempFolder();
        var yaml = "name: bad deal\ntariffs:\n  changes:\n    - { importer: USA, exporter: JPN, rate: \"150 percent\" }\n";
        await File.WriteAllTextAsync(Path.Combine(folder.Path, "scenario.yaml"), yaml);
        var cli = Cli.RunIn(folder.Path, null, "simulate", "scenario.yaml");
        Assert.Equal(2, cli.Code);
        using var http = new HttpClient();
        var response = await http.PostAsync(server.BaseUrl + "/api/simulate", new StringContent(yaml, Encoding.UTF8, "application/yaml"));
        Assert.Equal(400, (int)response.StatusCode);
        var error = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString();
        Assert.Equal(cli.Err.Trim(), "error: " + error);
    }

    [Fact]
    public async Task Negotiate_endpoint_returns_the_json_of_parley_negotiate_format_json()
    {
        var file = RepositoryRoot.File("examples", "us-japan-2025.yaml");
        var cliTask = Task.Run(() => Cli.Run("negotiate", "examples/us-japan-2025.yaml", "--format", "json", "--no-sensitivity"));
        using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(5) };
        var response = await http.PostAsync(server.BaseUrl + "/api/negotiate?sensitivity=false&name=us-japan-2025.yaml",
            new StringContent(await File.ReadAllTextAsync(file), Encoding.UTF8, "application/yaml"));
        Assert.Equal(200, (int)response.StatusCode);
        var fromApi = await response.Content.ReadAsStringAsync();
        var cli = await cliTask;
        Assert.True(cli.Code == 0, cli.Err);
        Assert.Equal(JsonText.WithoutElapsed(cli.Out.TrimEnd()), JsonText.WithoutElapsed(fromApi.TrimEnd()));
        using var json = JsonDocument.Parse(fromApi);
        Assert.Equal(72, json.RootElement.GetProperty("packages").GetInt32());
    }

    [Theory]
    [InlineData("--version")]
    [InlineData("--help")]
    public void Cli_verbs_other_than_serve_never_load_the_web_host(string verb)
    {
        var (code, _, err) = Cli.RunIn(RepositoryRoot.Path, new Dictionary<string, string> { ["PARLEY_TIMINGS"] = "1" }, verb);
        Assert.Equal(0, code);
        Assert.Contains("web host not loaded", err);
    }
}
