using System.Net;
using Parley.Workspace.Tests.Infrastructure;
using Xunit;

namespace Parley.Workspace.Tests;

/// <summary>Role × endpoint: every route, every role (docs/security.md). The expected codes are written out here, not
/// derived from the policy table, so a change of policy has to change this specification too.</summary>
[Collection(WorkspaceCollection.Name)]
public sealed class AccessMatrixTests(WorkspaceServer server)
{
    private static readonly string[] Callers = ["usa", "jpn", "mediator", "observer", "outsider", "anonymous"];

    /// <summary>(method, path, expected status per caller in the order of <see cref="Callers"/>).</summary>
    private IEnumerable<(string Method, string Path, int[] Expected)> Matrix(int usaOffer)
    {
        var api = $"/workspace/api/ws/{server.Ws}";
        var page = $"/workspace/ws/{server.Ws}";
        //                                                              usa  jpn  med  obs  out  anon
        yield return ("GET", api, [200, 200, 200, 200, 404, 401]);
        yield return ("GET", api + "/releases", [200, 200, 200, 200, 404, 401]);
        yield return ("GET", api + "/offers", [200, 200, 200, 403, 404, 401]);
        yield return ("POST", api + "/offers", [201, 201, 403, 403, 404, 401]);
        yield return ("GET", api + "/private/USA", [200, 404, 200, 404, 404, 401]);
        yield return ("GET", api + "/private/JPN", [404, 200, 200, 404, 404, 401]);
        yield return ("POST", api + "/private/USA", [204, 404, 404, 404, 404, 401]);
        yield return ("POST", api + "/private/JPN", [404, 204, 404, 404, 404, 401]);
        yield return ("GET", api + $"/private/USA/offers/{usaOffer}", [200, 404, 200, 404, 404, 401]);
        yield return ("GET", api + "/analysis", [403, 403, 200, 403, 404, 401]);
        yield return ("POST", api + "/releases", [403, 403, 201, 403, 404, 401]);
        yield return ("GET", page, [200, 200, 200, 200, 404, 302]);
        yield return ("GET", page + "/private/USA", [200, 404, 200, 404, 404, 302]);
        yield return ("GET", page + "/private/JPN", [404, 200, 200, 404, 404, 302]);
        yield return ("POST", page + "/offers", [302, 302, 403, 403, 404, 302]);
        yield return ("POST", page + "/releases", [403, 403, 302, 403, 404, 302]);
        yield return ("POST", page + "/private/USA", [302, 404, 404, 404, 404, 302]);
    }

    private object Body(string path, string caller) => path switch
    {
        _ when path.EndsWith("/offers", StringComparison.Ordinal) => new { choices = Choices(1), message = "matrix" },
        _ when path.EndsWith("/private/USA", StringComparison.Ordinal) => server.Usa.Request,
        _ when path.EndsWith("/private/JPN", StringComparison.Ordinal) => server.Jpn.Request,
        _ => new { kind = "zopa", text = "matrix by " + caller },
    };

    private IEnumerable<KeyValuePair<string, string>> Form(string path) => path switch
    {
        _ when path.EndsWith("/offers", StringComparison.Ordinal) => Choices(2).Select(c => new KeyValuePair<string, string>("choice." + c.Key, c.Value)),
        _ when path.EndsWith("/private/USA", StringComparison.Ordinal) => server.Usa.Weights.Select(w => new KeyValuePair<string, string>("weight." + w.Key, Delegation.R(w.Value)))
            .Append(new("reservation_utility", Delegation.R(server.Usa.Reservation))).Append(new("note", server.Usa.Note)),
        _ => [new("kind", "zopa"), new("text", "matrix")],
    };

    private Dictionary<string, string> Choices(int package) =>
        server.Priced.Issues.Select((issue, k) => (issue.Id, issue.Options[server.Priced.Packages[package].Choices[k]].Id)).ToDictionary(x => x.Item1, x => x.Item2);

    [Fact]
    public async Task Every_role_gets_exactly_its_codes_on_every_route()
    {
        using var usa = await server.SignedIn("usa");
        var (_, created) = await usa.PostJson($"/workspace/api/ws/{server.Ws}/offers", new { choices = Choices(3) });
        var usaOffer = System.Text.Json.JsonDocument.Parse(created).RootElement.GetProperty("number").GetInt32();
        var sessions = new Dictionary<string, Session>();
        foreach (var c in Callers) sessions[c] = c == "anonymous" ? new Session(server.Address, c) : await server.SignedIn(c);
        var failures = new List<string>();
        foreach (var (method, path, expected) in Matrix(usaOffer))
            for (var k = 0; k < Callers.Length; k++)
            {
                var s = sessions[Callers[k]];
                var (status, body) = method == "GET" ? await s.Get(path)
                    : path.Contains("/api/", StringComparison.Ordinal) ? await s.PostJson(path, Body(path, Callers[k])) : await s.PostForm(path, Form(path));
                if ((int)status != expected[k]) failures.Add($"{Callers[k]} {method} {path}: {(int)status}, expected {expected[k]} ({body[..Math.Min(120, body.Length)]})");
            }
        foreach (var s in sessions.Values) s.Dispose();
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task Guessing_ids_of_the_other_partys_private_objects_gets_404_for_every_guess()
    {
        using var usa = await server.SignedIn("usa");
        var mine = new List<int>();
        for (var k = 0; k < 3; k++)
            mine.Add(System.Text.Json.JsonDocument.Parse((await usa.PostJson($"/workspace/api/ws/{server.Ws}/offers", new { choices = Choices(k) })).Body).RootElement.GetProperty("number").GetInt32());
        using var jpn = await server.SignedIn("jpn");
        var api = $"/workspace/api/ws/{server.Ws}";
        var guesses = Enumerable.Range(0, 40).Select(n => $"{api}/private/USA/offers/{n}")
            .Concat(new[] { "/private/usa", "/private/Usa", "/private/USA/", "/private/USA%2F..%2FJPN", "/private/KOR" }.Select(p => api + p))
            .Concat(Enumerable.Range(0, 10).Select(n => $"/workspace/api/ws/{Convert.ToHexStringLower(BitConverter.GetBytes((long)n))}/private/JPN"))
            .Append($"/workspace/api/ws/{server.OtherWs}/offers").Append($"/workspace/ws/{server.Ws}/private/usa");
        foreach (var path in guesses)
        {
            var (status, body) = await jpn.Get(path);
            Assert.True(status is HttpStatusCode.NotFound or HttpStatusCode.Forbidden, $"{path}: {status} {body}");
            Assert.DoesNotContain(server.Usa.Markers[0], body);
        }
        // The owner does reach its own objects, so the 404s above are the policy, not missing data.
        var (own, ownBody) = await usa.Get($"{api}/private/USA/offers/{mine[0]}");
        Assert.Equal(HttpStatusCode.OK, own);
        Assert.Contains("author_utility", ownBody);
    }
}
