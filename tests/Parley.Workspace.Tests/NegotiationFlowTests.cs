using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Parley.Workspace.Pricing;
using Parley.Workspace.Storage;
using Parley.Workspace.Tests.Infrastructure;
using Xunit;

namespace Parley.Workspace.Tests;

/// <summary>Offers, rounds, pricing, the mediator's analysis and releases, checked against obvious recomputations.</summary>
[Collection(WorkspaceCollection.Name)]
public sealed class NegotiationFlowTests(WorkspaceServer server)
{
    private string Api => $"/workspace/api/ws/{server.Ws}";

    private Dictionary<string, string> Choices(int package) =>
        server.Priced.Issues.Select((issue, k) => (issue.Id, issue.Options[server.Priced.Packages[package].Choices[k]].Id)).ToDictionary(x => x.Item1, x => x.Item2);

    private static int Number(string body) => JsonDocument.Parse(body).RootElement.GetProperty("number").GetInt32();

    [Fact]
    public async Task A_reply_chain_records_who_proposed_what_when_and_in_reply_to_what_with_both_pricings()
    {
        using var usa = await server.SignedIn("usa");
        using var jpn = await server.SignedIn("jpn");
        var first = Number((await usa.PostJson(Api + "/offers", new { choices = Choices(20), message = "opening" })).Body);
        var second = Number((await jpn.PostJson(Api + "/offers", new { choices = Choices(21), in_reply_to = first, message = "counter" })).Body);
        var third = Number((await usa.PostJson(Api + "/offers", new { choices = Choices(22), in_reply_to = second })).Body);
        var offers = JsonDocument.Parse((await jpn.Get(Api + "/offers")).Body).RootElement.EnumerateArray().ToDictionary(o => o.GetProperty("number").GetInt32());
        var (a, b, c) = (offers[first], offers[second], offers[third]);
        Assert.Equal(("USA", "usa", 1, JsonValueKind.Null), (a.GetProperty("party").GetString(), a.GetProperty("author").GetString(), a.GetProperty("round").GetInt32(), a.GetProperty("in_reply_to").ValueKind));
        Assert.Equal(("JPN", 2, first), (b.GetProperty("party").GetString(), b.GetProperty("round").GetInt32(), b.GetProperty("in_reply_to").GetInt32()));
        Assert.Equal((3, second), (c.GetProperty("round").GetInt32(), c.GetProperty("in_reply_to").GetInt32()));
        Assert.True(b.GetProperty("created_utc").GetDateTime() >= a.GetProperty("created_utc").GetDateTime());
        // Public pricing: the model's outcome of exactly that package (welfare of a party and of an observer).
        var priced = server.Priced.Packages[21].Values;
        Assert.Equal(priced["JPN/welfare"], b.GetProperty("pricing").GetProperty("welfare").GetProperty("JPN").GetDouble());
        Assert.Equal(priced["KOR/welfare"], b.GetProperty("pricing").GetProperty("welfare").GetProperty("KOR").GetDouble());
        Assert.Equal(Choices(21), b.GetProperty("pricing").GetProperty("choices").Deserialize<Dictionary<string, string>>());
        // Own utility for the reader (JPN), recomputed term by term from JPN's private weights.
        var expected = server.Jpn.Weights.Sum(w => w.Value * server.Priced.Packages[20].Values[$"JPN/{w.Key}"]);
        Assert.Equal(expected, a.GetProperty("own_utility").GetDouble(), 12);
        // The author's private pricing, stored when proposed.
        var own = JsonDocument.Parse((await usa.Get($"{Api}/private/USA/offers/{first}")).Body).RootElement;
        Assert.Equal(server.Usa.Weights.Sum(w => w.Value * server.Priced.Packages[20].Values[$"USA/{w.Key}"]), own.GetProperty("author_utility").GetDouble(), 12);
        // The round timeline on the page lists them in order.
        var page = (await jpn.Get($"/workspace/ws/{server.Ws}")).Body;
        Assert.True(page.IndexOf("opening", StringComparison.Ordinal) < page.IndexOf("counter", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_mediators_Nash_package_maximises_the_product_of_gains_over_the_reservation_values()
    {
        using var mediator = await server.SignedIn("mediator");
        var analysis = JsonDocument.Parse((await mediator.Get(Api + "/analysis")).Body).RootElement;
        // Oracle: enumerate every package, keep those above both reservation values, take the largest product of gains.
        var gains = server.Priced.Packages.Select(p => (p.Index,
            G1: server.Usa.Inputs.Utility("USA", p.Values) - server.Usa.Reservation, G2: server.Jpn.Inputs.Utility("JPN", p.Values) - server.Jpn.Reservation)).ToArray();
        var zopa = gains.Where(g => g.G1 > 0 && g.G2 > 0).ToArray();
        Assert.Equal(zopa.Length > 0, analysis.GetProperty("zopa_exists").GetBoolean());
        Assert.Equal(zopa.Length, analysis.GetProperty("zopa_size").GetInt32());
        var nash = zopa.MaxBy(g => g.G1 * g.G2).Index;
        Assert.Equal(nash, analysis.GetProperty("nash").GetProperty("index").GetInt32());
    }

    [Fact]
    public async Task An_observer_sees_the_released_Nash_package_without_utilities_and_no_offers()
    {
        using var mediator = await server.SignedIn("mediator");
        using var observer = await server.SignedIn("observer");
        var number = Number((await mediator.PostJson(Api + "/releases", new { kind = "nash", text = "single text" })).Body);
        var nash = JsonDocument.Parse((await mediator.Get(Api + "/analysis")).Body).RootElement.GetProperty("nash").GetProperty("index").GetInt32();
        var releases = (await observer.Get(Api + "/releases")).Body;
        var release = JsonDocument.Parse(releases).RootElement.EnumerateArray().Single(r => r.GetProperty("number").GetInt32() == number);
        Assert.Equal(nash, release.GetProperty("package").GetProperty("index").GetInt32());
        Assert.DoesNotContain("utility", releases, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.Forbidden, (await observer.Get(Api + "/offers")).Status);
        var page = (await observer.Get($"/workspace/ws/{server.Ws}")).Body;
        Assert.DoesNotContain("id=\"offers\"", page);
        Assert.DoesNotContain("id=\"analysis\"", page);
        Assert.Contains("single text", page);
    }

    [Fact]
    public async Task Offers_cannot_be_rewritten_by_any_route_by_the_context_or_by_SQL()
    {
        using var usa = await server.SignedIn("usa");
        var number = Number((await usa.PostJson(Api + "/offers", new { choices = Choices(30), message = "keep me" })).Body);
        foreach (var method in new[] { HttpMethod.Put, HttpMethod.Delete, HttpMethod.Patch })
        {
            using var request = new HttpRequestMessage(method, $"{Api}/offers/{number}");
            request.Headers.Add("X-CSRF-TOKEN", await usa.Token());
            var status = (await usa.Client.SendAsync(request)).StatusCode;
            Assert.True(status is HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed, $"{method}: {status}");
        }
        await using var db = WorkspaceStore.Open(server.Database);
        var offer = await db.Offers.SingleAsync(o => o.WorkspaceId == server.Ws && o.Number == number);
        offer.Message = "rewritten";
        await Assert.ThrowsAsync<AppendOnlyViolationException>(() => db.SaveChangesAsync());
        db.ChangeTracker.Clear();
        var update = await Record.ExceptionAsync(() => db.Database.ExecuteSqlRawAsync("UPDATE offers SET \"Message\" = 'rewritten'"));
        Assert.Contains("append-only", update?.Message);
        var delete = await Record.ExceptionAsync(() => db.Database.ExecuteSqlRawAsync("DELETE FROM releases"));
        Assert.Contains("append-only", delete?.Message);
        Assert.Equal("keep me", (await db.Offers.AsNoTracking().SingleAsync(o => o.WorkspaceId == server.Ws && o.Number == number)).Message);
    }

    [Fact]
    public async Task The_SQLite_database_runs_in_WAL_mode_with_full_synchronous_commits()
    {
        await using var db = WorkspaceStore.Open(server.Database);
        await db.Database.OpenConnectionAsync();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", (string?)await command.ExecuteScalarAsync());
        command.CommandText = "PRAGMA synchronous";
        Assert.Equal(2L, (long?)await command.ExecuteScalarAsync()); // 2 = FULL
    }
}
