using System.Net;
using System.Text.Json;
using AngleSharp.Html.Parser;
using Parley.Workspace.Tests.Infrastructure;
using Xunit;

namespace Parley.Workspace.Tests;

/// <summary>The done-when crawl: every page (followed link by link) and every API route, as each role, never carries a
/// private marker of another party; nor does any error response, nor the server log.</summary>
[Collection(WorkspaceCollection.Name)]
public sealed class ConfidentialityCrawlTests(WorkspaceServer server)
{
    private Dictionary<string, string> Choices(int package) =>
        server.Priced.Issues.Select((issue, k) => (issue.Id, issue.Options[server.Priced.Packages[package].Choices[k]].Id)).ToDictionary(x => x.Item1, x => x.Item2);

    [Fact]
    public async Task No_response_to_any_role_and_no_log_line_holds_another_partys_private_marker()
    {
        var api = $"/workspace/api/ws/{server.Ws}";
        using (var usa = await server.SignedIn("usa")) await usa.PostJson(api + "/offers", new { choices = Choices(10), message = "USA opens" });
        using (var jpn = await server.SignedIn("jpn")) await jpn.PostJson(api + "/offers", new { choices = Choices(11), message = "JPN answers" });
        using (var mediator = await server.SignedIn("mediator"))
        {
            Assert.Equal(HttpStatusCode.Created, (await mediator.PostJson(api + "/releases", new { kind = "nash", text = "Nash package" })).Status);
            Assert.Equal(HttpStatusCode.Created, (await mediator.PostJson(api + "/releases", new { kind = "zopa" })).Status);
        }
        var forbidden = new Dictionary<string, Delegation[]>
        {
            ["usa"] = [server.Jpn], ["jpn"] = [server.Usa], ["observer"] = [server.Usa, server.Jpn], ["outsider"] = [server.Usa, server.Jpn], ["anonymous"] = [server.Usa, server.Jpn],
        };
        var offerCount = 0;
        using (var m = await server.SignedIn("mediator"))
            offerCount = JsonDocument.Parse((await m.Get(api + "/offers")).Body).RootElement.GetArrayLength();
        var crawled = 0;
        foreach (var (role, others) in forbidden)
        {
            using var s = role == "anonymous" ? new Session(server.Address, role) : await server.SignedIn(role);
            var responses = new List<(string Path, string Text)>();
            await Crawl(s, responses);
            var routes = new List<string> { "/workspace/api/workspaces", "/workspace/api/antiforgery", api, api + "/releases", api + "/offers", api + "/analysis" };
            foreach (var party in new[] { "USA", "JPN", "usa", "jpn" })
            {
                routes.Add($"{api}/private/{party}");
                routes.Add($"/workspace/ws/{server.Ws}/private/{party}");
                routes.AddRange(Enumerable.Range(0, offerCount + 2).Select(n => $"{api}/private/{party}/offers/{n}"));
            }
            foreach (var path in routes) responses.Add((path, await Text(s, path)));
            foreach (var post in new[] { "/offers", "/releases", "/private/USA", "/private/JPN" })
            {
                var (_, bad) = await s.PostRaw(api + post, """{"weights":{"welfare":"x"}}""");
                responses.Add(("POST " + post, bad));
            }
            foreach (var (path, text) in responses)
                foreach (var marker in others.SelectMany(d => d.Markers))
                    Assert.False(text.Contains(marker, StringComparison.Ordinal), $"{role}: {path} holds private marker {marker}");
            crawled += responses.Count;
        }
        Assert.True(crawled > 150, $"crawled only {crawled} responses");
        foreach (var line in server.Logs)
            foreach (var marker in server.Usa.Markers.Concat(server.Jpn.Markers))
                Assert.False(line.Contains(marker, StringComparison.Ordinal), $"log line holds private marker {marker}: {line}");
    }

    [Fact]
    public async Task Each_delegate_and_the_mediator_do_see_the_private_values_the_crawl_looks_for()
    {
        // The crawl's markers are real: the owner's private page shows them, so their absence elsewhere means something.
        using var usa = await server.SignedIn("usa");
        using var mediator = await server.SignedIn("mediator");
        var own = (await usa.Get($"/workspace/ws/{server.Ws}/private/USA")).Body;
        var seen = (await mediator.Get($"/workspace/api/ws/{server.Ws}/private/USA")).Body;
        foreach (var marker in server.Usa.Markers)
        {
            Assert.Contains(marker, own);
            Assert.Contains(marker, seen);
        }
    }

    private static async Task<string> Text(Session s, string path)
    {
        using var response = await s.Client.GetAsync(path);
        return string.Join("\n", response.Headers.Concat(response.Content.Headers).Select(h => $"{h.Key}: {string.Join(",", h.Value)}")) + "\n" + await response.Content.ReadAsStringAsync();
    }

    /// <summary>Follows every same-site link from /workspace (breadth first).</summary>
    private static async Task Crawl(Session s, List<(string, string)> responses)
    {
        var parser = new HtmlParser();
        var seen = new HashSet<string>();
        var queue = new Queue<string>(["/workspace", "/workspace/login"]);
        while (queue.Count > 0 && seen.Count < 200)
        {
            var path = queue.Dequeue();
            if (!seen.Add(path)) continue;
            var text = await Text(s, path);
            responses.Add((path, text));
            foreach (var a in parser.ParseDocument(text).QuerySelectorAll("a[href]"))
            {
                var href = a.GetAttribute("href")!.Split('#')[0];
                if (href.StartsWith("/workspace", StringComparison.Ordinal) && !seen.Contains(href)) queue.Enqueue(href);
            }
        }
    }
}
