using System.Net;
using System.Text.Json;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Parley.Workspace.Storage;
using Parley.Workspace.Tests.Infrastructure;
using Xunit;

namespace Parley.Workspace.Tests;

/// <summary>Antiforgery, XSS, bounded payloads, lockout and invitations (docs/security.md).</summary>
[Collection(WorkspaceCollection.Name)]
public sealed class SecurityTests(WorkspaceServer server)
{
    private string Api => $"/workspace/api/ws/{server.Ws}";

    private Dictionary<string, string> Choices(int package) =>
        server.Priced.Issues.Select((issue, k) => (issue.Id, issue.Options[server.Priced.Packages[package].Choices[k]].Id)).ToDictionary(x => x.Item1, x => x.Item2);

    [Fact]
    public async Task State_changing_requests_without_a_valid_antiforgery_token_get_400_and_change_nothing()
    {
        using var usa = await server.SignedIn("usa");
        using var jpn = await server.SignedIn("jpn");
        var before = (await usa.Get(Api + "/offers")).Body;
        var offer = new { choices = Choices(5), message = "forged" };
        var anonymous = new Session(server.Address, "anon");
        var preLogin = await anonymous.Token(); // issued to an anonymous session, replayed after sign-in below
        var cases = new (string Case, string? Token)[]
        {
            ("missing", ""),
            ("forged", "CfDJ8" + new string('A', 150)),
            ("another user's token (replayed from JPN's session)", await jpn.Token()),
            ("a token issued before sign-in", preLogin),
        };
        foreach (var (name, token) in cases)
        {
            var (status, body) = await usa.PostJson(Api + "/offers", offer, token);
            Assert.True(status == HttpStatusCode.BadRequest, $"{name}: {status} {body}");
            Assert.Contains("antiforgery", body);
            var (formStatus, _) = await usa.PostForm($"/workspace/ws/{server.Ws}/offers", Choices(5).Select(c => new KeyValuePair<string, string>("choice." + c.Key, c.Value)), token);
            Assert.True(formStatus == HttpStatusCode.BadRequest, $"form, {name}: {formStatus}");
        }
        // The antiforgery cookie of another session does not validate this session's token either.
        using var stolen = new Session(server.Address, "thief");
        foreach (Cookie c in usa.Cookies.GetCookies(new Uri(server.Address))) if (c.Name == "parley.workspace") stolen.Cookies.Add(c);
        var (thief, _) = await stolen.PostJson(Api + "/offers", offer, await usa.Token());
        Assert.Equal(HttpStatusCode.BadRequest, thief);
        Assert.Equal(before, (await usa.Get(Api + "/offers")).Body);
        anonymous.Dispose();
    }

    [Fact]
    public async Task Markup_in_every_text_field_renders_as_text_on_every_page()
    {
        const string Payload = "<script>alert('x')</script><img src=x onerror=alert(1)>\"'&";
        using var usa = await server.SignedIn("usa");
        using var mediator = await server.SignedIn("mediator");
        Assert.Equal(HttpStatusCode.Created, (await usa.PostJson(Api + "/offers", new { choices = Choices(7), message = "offer " + Payload })).Status);
        Assert.Equal(HttpStatusCode.Created, (await mediator.PostJson(Api + "/releases", new { kind = "text", package = 7, text = "release " + Payload })).Status);
        var parser = new HtmlParser();
        var pages = new List<(string Who, string Path, string Html)>
        {
            ("usa", "workspace", (await usa.Get($"/workspace/ws/{server.Ws}")).Body),
            ("usa", "private (note holds markup)", (await usa.Get($"/workspace/ws/{server.Ws}/private/USA")).Body),
            ("mediator", "workspace", (await mediator.Get($"/workspace/ws/{server.Ws}")).Body),
            ("usa", "list", (await usa.Get("/workspace")).Body),
            ("reflected: unknown invitation", "invite", (await usa.Get("/workspace/invite?token=" + Uri.EscapeDataString(Payload))).Body),
            ("reflected: bad offer", "offer error", (await usa.PostForm($"/workspace/ws/{server.Ws}/offers", [new("choice.autos", Payload)])).Body),
        };
        foreach (var (who, path, html) in pages)
        {
            var doc = parser.ParseDocument(html);
            Assert.True(doc.QuerySelectorAll("script").Length == 0, $"{who} {path}: a <script> element");
            Assert.True(doc.All.All(e => e.Attributes.All(a => !a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase))), $"{who} {path}: an on* attribute");
            Assert.True(doc.QuerySelectorAll("img").Length == 0, $"{who} {path}: an <img> element");
        }
        // ... and the markup is there as text, character for character.
        Assert.Contains("offer " + Payload, parser.ParseDocument(pages[0].Html).QuerySelector("#offers")!.TextContent);
        Assert.Contains("release " + Payload, parser.ParseDocument(pages[0].Html).QuerySelector("#released")!.TextContent);
        Assert.Contains("US–Japan 2025 <script>alert('name')</script>", parser.ParseDocument(pages[0].Html).QuerySelector("h1")!.TextContent);
        Assert.Contains("<b>bold</b>", parser.ParseDocument(pages[1].Html).QuerySelector("textarea[name=note]")!.TextContent);
        Assert.Contains(Payload, parser.ParseDocument(pages[5].Html).QuerySelector("[role=alert]")!.TextContent);
    }

    [Fact]
    public async Task Oversized_and_malformed_payloads_get_400_with_one_line()
    {
        using var usa = await server.SignedIn("usa");
        var huge = JsonSerializer.Serialize(new { choices = Choices(1), message = new string('x', 70_000) });
        var deep = new string('[', 100) + new string(']', 100);
        var cases = new (string Case, string Path, string Body, string ContentType)[]
        {
            ("over 64 KiB", "/offers", huge, "application/json"),
            ("not JSON", "/offers", "{choices: nope", "application/json"),
            ("unknown member", "/offers", """{"choices":{},"extra":1}""", "application/json"),
            ("wrong type", "/offers", """{"choices":"autos"}""", "application/json"),
            ("nested 100 deep", "/offers", deep, "application/json"),
            ("null body", "/offers", "null", "application/json"),
            ("not JSON content type", "/offers", "<xml/>", "text/xml"),
            ("unknown option", "/offers", """{"choices":{"autos":"zero","reciprocal":"ten","investment":"none","market_access":"none"}}""", "application/json"),
            ("missing issue", "/offers", """{"choices":{"autos":"keep"}}""", "application/json"),
            ("reply to no offer", "/offers", JsonSerializer.Serialize(new { choices = Choices(1), in_reply_to = 999999 }), "application/json"),
            ("message over 2,000 characters", "/offers", JsonSerializer.Serialize(new { choices = Choices(1), message = new string('m', 2001) }), "application/json"),
            ("weight of another party's outcome", "/private/USA", """{"weights":{"JPN/welfare":1},"reservation_utility":0}""", "application/json"),
            ("weight out of range", "/private/USA", """{"weights":{"welfare":1e9},"reservation_utility":0}""", "application/json"),
            ("NaN as a string", "/private/USA", """{"weights":{"welfare":"NaN"},"reservation_utility":0}""", "application/json"),
            ("negative risk aversion", "/private/USA", """{"weights":{"welfare":1},"reservation_utility":0,"risk_aversion":-1}""", "application/json"),
        };
        foreach (var (name, path, body, type) in cases)
        {
            var (status, text) = await usa.PostRaw(Api + path, body, contentType: type);
            Assert.True(status == HttpStatusCode.BadRequest, $"{name}: {status} {text}");
            var error = JsonDocument.Parse(text).RootElement.GetProperty("error").GetString()!;
            Assert.StartsWith("error: ", error);
            Assert.DoesNotContain('\n', error);
            Assert.DoesNotMatch(@"\bat [\w.]+\(", error); // no stack trace
        }
        // The private inputs were not changed by the rejected requests.
        var stored = (await usa.Get(Api + "/private/USA")).Body;
        Assert.Contains(server.Usa.Markers[0], stored);
    }

    [Fact]
    public async Task A_brute_force_login_loop_locks_the_account_even_for_the_right_password()
    {
        await server.JoinAs("observer", "victim");
        using var attacker = new Session(server.Address, "attacker");
        var statuses = new List<HttpStatusCode>();
        for (var k = 0; k < 5; k++) statuses.Add(await attacker.Login("victim", "wrong-password-" + k));
        // Four failures are answered as failures; the fifth locks the account (MaxFailedSignIns = 5).
        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, (HttpStatusCode)429], statuses);
        Assert.Equal((HttpStatusCode)429, await attacker.Login("victim", WorkspaceServer.Password));
        var (_, page) = await attacker.Get("/workspace");
        Assert.DoesNotContain("signed in as", page);
        await using var db = WorkspaceStore.Open(server.Database);
        var user = db.Users.Single(u => u.UserName == "victim");
        Assert.True(user.LockoutEnd > DateTimeOffset.UtcNow.AddMinutes(10));
        Assert.StartsWith("AQAAAA", user.PasswordHash); // Identity v3 PBKDF2 hash, not the password
    }

    [Fact]
    public async Task An_invitation_token_works_once_before_it_expires_and_only_its_hash_is_stored()
    {
        string token, expired;
        await using (var db = WorkspaceStore.Open(server.Database))
        {
            token = await WorkspaceAdmin.Invite(db, server.Ws, "observer", TimeSpan.FromHours(1));
            expired = await WorkspaceAdmin.Invite(db, server.Ws, "observer", TimeSpan.FromMinutes(1));
            await db.Database.ExecuteSqlRawAsync("UPDATE invitations SET \"ExpiresUtc\" = {0} WHERE \"TokenHash\" = {1}", DateTime.UtcNow.AddMinutes(-1), WorkspaceAdmin.Hash(expired));
            Assert.False(db.Invitations.Any(i => i.TokenHash == token));
            Assert.True(db.Invitations.Any(i => i.TokenHash == WorkspaceAdmin.Hash(token)));
        }
        using (var first = new Session(server.Address, "first")) Assert.Equal(HttpStatusCode.Redirect, await first.AcceptInvitation(token, "first-use", WorkspaceServer.Password));
        using var second = new Session(server.Address, "second");
        Assert.Equal(HttpStatusCode.NotFound, (await second.Get("/workspace/invite?token=" + token)).Status);
        var (_, page) = await second.Get("/workspace/login");
        var (replay, _) = await second.PostForm("/workspace/invite", [new("token", token), new("user", "second-use"), new("password", WorkspaceServer.Password)], Session.FormToken(page));
        Assert.Equal(HttpStatusCode.BadRequest, replay);
        var (late, _) = await second.PostForm("/workspace/invite", [new("token", expired), new("user", "late-use"), new("password", WorkspaceServer.Password)], Session.FormToken(page));
        Assert.Equal(HttpStatusCode.BadRequest, late);
        await using var check = WorkspaceStore.Open(server.Database);
        Assert.False(check.Users.Any(u => u.UserName == "second-use" || u.UserName == "late-use"));
    }
}
