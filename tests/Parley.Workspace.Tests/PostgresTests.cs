using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Parley.Workspace.Storage;
using Parley.Workspace.Tests.Infrastructure;
using Xunit;

namespace Parley.Workspace.Tests;

/// <summary>The same workspace on the real PostgreSQL of PARLEY_TEST_POSTGRES (a database of its own, dropped after).</summary>
public sealed class PostgresTests(PostgresWorkspaceServer server) : IClassFixture<PostgresWorkspaceServer>
{
    private string Api => $"/workspace/api/ws/{server.Ws}";

    [SkippableFact]
    public async Task Concurrent_offers_on_PostgreSQL_get_distinct_numbers_and_all_are_stored()
    {
        Skip.If(server.SkipReason is not null, server.SkipReason);
        using var usa = await server.SignedIn("usa");
        using var jpn = await server.SignedIn("jpn");
        var choices = server.Priced.Issues.ToDictionary(i => i.Id, i => i.Options[0].Id);
        var posts = Enumerable.Range(0, 24).Select(async k =>
        {
            var s = k % 2 == 0 ? usa : jpn;
            var (status, body) = await s.PostJson(Api + "/offers", new { choices, message = $"pg {k}" });
            Assert.True(status == HttpStatusCode.Created, body + string.Join("\n", server.Logs.Where(l => l.Contains("failed"))));
            return JsonDocument.Parse(body).RootElement.GetProperty("number").GetInt32();
        });
        var numbers = await Task.WhenAll(posts);
        Assert.Equal(numbers.Length, numbers.Distinct().Count());
        var stored = JsonDocument.Parse((await usa.Get(Api + "/offers")).Body).RootElement.EnumerateArray().Select(o => o.GetProperty("message").GetString()).ToHashSet();
        Assert.All(Enumerable.Range(0, 24), k => Assert.Contains($"pg {k}", stored));
    }

    [SkippableFact]
    public async Task PostgreSQL_triggers_refuse_update_delete_and_truncate_of_the_history()
    {
        Skip.If(server.SkipReason is not null, server.SkipReason);
        using (var usa = await server.SignedIn("usa"))
            await usa.PostJson(Api + "/offers", new { choices = server.Priced.Issues.ToDictionary(i => i.Id, i => i.Options[1].Id), message = "pg keep" });
        await using var db = WorkspaceStore.Open(server.Database);
        Assert.True(db.Database.IsNpgsql());
        foreach (var sql in new[] { "UPDATE offers SET \"Message\" = 'x'", "DELETE FROM offers", "TRUNCATE offers", "DELETE FROM releases" })
        {
            var e = await Record.ExceptionAsync(() => db.Database.ExecuteSqlRawAsync(sql));
            Assert.Contains("append-only", e?.Message);
        }
        Assert.True(await db.Offers.AnyAsync(o => o.Message == "pg keep"));
    }

    [SkippableFact]
    public async Task The_mediator_analyses_and_releases_on_PostgreSQL_and_the_other_party_sees_no_private_marker()
    {
        Skip.If(server.SkipReason is not null, server.SkipReason);
        using var mediator = await server.SignedIn("mediator");
        Assert.Equal(HttpStatusCode.Created, (await mediator.PostJson(Api + "/releases", new { kind = "nash" })).Status);
        using var jpn = await server.SignedIn("jpn");
        foreach (var path in new[] { Api, Api + "/offers", Api + "/releases", Api + "/private/USA", $"/workspace/ws/{server.Ws}" })
        {
            var (_, body) = await jpn.Get(path);
            Assert.All(server.Usa.Markers, m => Assert.DoesNotContain(m, body));
        }
    }
}
