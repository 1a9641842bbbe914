using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Parley.Workspace.Storage;
using Parley.Workspace.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace Parley.Workspace.Tests;

/// <summary>Nothing lost (issue 13 §4, §6): 50 simulated delegates in 10 workspaces post offers concurrently to a server
/// running as its own process (`parley workspace serve`), which is killed mid-stream and restarted; afterwards every
/// offer the server acknowledged (HTTP 201) is in the database, exactly as sent, and no row is half written.
/// Bounded by counts (≈10–20 s); PARLEY_WORKSPACE_LOAD_SECONDS=60 runs the longer version of bench/workspace-load.sh.</summary>
public sealed class KillAndRestartTests(ITestOutputHelper output)
{
    private const int Workspaces = 10, DelegatesPerWorkspace = 5;

    private sealed record Ack(string Ws, int Number, string Message, int Package);

    [Fact]
    public async Task Fifty_delegates_lose_no_acknowledged_offer_when_the_server_is_killed_and_restarted()
    {
        var setup = Stopwatch.StartNew();
        var seconds = int.TryParse(Environment.GetEnvironmentVariable("PARLEY_WORKSPACE_LOAD_SECONDS"), out var s) && s > 0 ? s : 0;
        var dir = Directory.CreateTempSubdirectory("parley-ws-kill-").FullName;
        var db = Path.Combine(dir, "workspace.db");
        var priced = PricedExample.UsJapan;
        var users = new List<(string User, string Ws)>();
        await using (var context = WorkspaceStore.Open(db))
        {
            SchemaSetup.Ensure(context);
            var hash = new PasswordHasher<WorkspaceUser>().HashPassword(new WorkspaceUser(), WorkspaceServer.Password); // one hash for all: setup stays fast
            for (var w = 0; w < Workspaces; w++)
            {
                var ws = await WorkspaceAdmin.Create(context, priced, $"load {w}");
                for (var d = 0; d < DelegatesPerWorkspace; d++)
                {
                    var user = new WorkspaceUser { UserName = $"d{w}-{d}", NormalizedUserName = $"D{w}-{d}", PasswordHash = hash, SecurityStamp = Guid.NewGuid().ToString(), LockoutEnabled = true };
                    context.Users.Add(user);
                    context.Memberships.Add(new MembershipRecord { WorkspaceId = ws, UserId = user.Id, Role = d % 2 == 0 ? "delegate:USA" : "delegate:JPN" });
                    users.Add((user.UserName, ws));
                }
            }
            await context.SaveChangesAsync();
        }
        output.WriteLine($"setup: priced and stored {Workspaces} workspaces in {setup.Elapsed.TotalSeconds:F1} s");
        var port = ServerProcess.FreePort();
        var server = ServerProcess.Start(db, port);
        output.WriteLine($"setup: server started at {setup.Elapsed.TotalSeconds:F1} s");
        var sessions = await Task.WhenAll(users.Select(async u =>
        {
            var session = new Session(server.Address, u.User);
            Assert.Equal(HttpStatusCode.Redirect, await session.Login(u.User, WorkspaceServer.Password));
            return (Session: session, u.Ws, Token: await session.Token());
        }));
        output.WriteLine($"setup: {sessions.Length} delegates signed in at {setup.Elapsed.TotalSeconds:F1} s");
        var acks = new ConcurrentBag<Ack>();
        var failures = new ConcurrentBag<string>();
        var killAt = seconds > 0 ? int.MaxValue : 100;
        var stopAt = seconds > 0 ? int.MaxValue : 200;
        using var stop = new CancellationTokenSource(seconds > 0 ? TimeSpan.FromSeconds(seconds) : TimeSpan.FromSeconds(120));
        var clock = Stopwatch.StartNew();
        var killedAt = TimeSpan.Zero;
        var restartedAt = TimeSpan.Zero;
        var downtimeErrors = 0;
        var delegates = sessions.Select((x, k) => Task.Run(async () =>
        {
            var random = new Random(k);
            for (var n = 0; !stop.IsCancellationRequested && acks.Count < stopAt; n++)
            {
                var package = random.Next(priced.Packages.Count);
                var choices = priced.Issues.Select((issue, i) => (issue.Id, issue.Options[priced.Packages[package].Choices[i]].Id)).ToDictionary(c => c.Item1, c => c.Item2);
                var message = $"{x.Session.Name} offer {n}";
                try
                {
                    var (status, body) = await x.Session.PostJson($"/workspace/api/ws/{x.Ws}/offers", new { choices, message }, x.Token);
                    if (status == HttpStatusCode.Created) acks.Add(new Ack(x.Ws, JsonDocument.Parse(body).RootElement.GetProperty("number").GetInt32(), message, package));
                    else failures.Add($"{x.Session.Name}: {status} {body}");
                }
                catch (HttpRequestException)
                {
                    Interlocked.Increment(ref downtimeErrors); // the server is down: not acknowledged, so not promised
                    await Task.Delay(50);
                }
            }
        })).ToArray();
        if (seconds > 0) await Task.Delay(TimeSpan.FromSeconds(seconds / 2.0)); // timed run: kill half-way
        else while (acks.Count < killAt && !stop.IsCancellationRequested && !delegates.All(t => t.IsCompleted)) await Task.Delay(5);
        server.Kill();
        killedAt = clock.Elapsed;
        var beforeKill = acks.Count;
        server.Dispose();
        server = ServerProcess.Start(db, port);
        restartedAt = clock.Elapsed;
        await Task.WhenAll(delegates);
        var elapsed = clock.Elapsed;
        server.Dispose();

        Assert.True(failures.IsEmpty, string.Join("\n", failures.Take(5)));
        Assert.True(acks.Count > beforeKill, "no offer was acknowledged after the restart");
        await using var check = WorkspaceStore.Open(db);
        var stored = await check.Offers.AsNoTracking().ToListAsync();
        var byKey = stored.ToDictionary(o => (o.WorkspaceId, o.Number));
        foreach (var a in acks)
        {
            Assert.True(byKey.TryGetValue((a.Ws, a.Number), out var o), $"acknowledged offer {a.Ws}#{a.Number} is missing");
            Assert.Equal((a.Message, a.Package), (o!.Message, o.Package));
        }
        // No half-written row: every stored offer is complete and each workspace's numbers run 1..n without a hole.
        Assert.All(stored, o => Assert.Matches(@"^d\d-\d offer \d+$", o.Message));
        Assert.All(stored.GroupBy(o => o.WorkspaceId), g => Assert.Equal(Enumerable.Range(1, g.Count()), g.Select(o => o.Number).Order()));
        await check.Database.OpenConnectionAsync();
        await using (var cmd = check.Database.GetDbConnection().CreateCommand())
        {
            cmd.CommandText = "PRAGMA integrity_check";
            Assert.Equal("ok", (string?)await cmd.ExecuteScalarAsync());
        }
        output.WriteLine($"workspace load: {sessions.Length} delegates in {Workspaces} workspaces; {acks.Count} offers acknowledged in {elapsed.TotalSeconds:F1} s " +
            $"({acks.Count / elapsed.TotalSeconds:F0} offers/s including the restart); killed at {killedAt.TotalSeconds:F1} s after {beforeKill} acknowledged, " +
            $"serving again {(restartedAt - killedAt).TotalSeconds:F1} s later; {downtimeErrors} requests refused while down; {stored.Count} offers stored; lost 0");
        foreach (var x in sessions) x.Session.Dispose();
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(dir, true); } catch (IOException) { }
    }
}
