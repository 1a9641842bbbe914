using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Parley.Workspace.Storage;
using Parley.Workspace.Tests.Infrastructure;
using Xunit;

namespace Parley.Workspace.Tests;

/// <summary>Export (read back) and restore (decision 0027).</summary>
[Collection(WorkspaceCollection.Name)]
public sealed class ArchiveTests(WorkspaceServer server)
{
    [Fact]
    public async Task An_export_reads_back_keeps_private_values_out_of_the_public_file_and_restores_the_same_workspace()
    {
        using (var usa = await server.SignedIn("usa"))
            await usa.PostJson($"/workspace/api/ws/{server.Ws}/offers", new { choices = server.Priced.Issues.ToDictionary(i => i.Id, i => i.Options[1].Id), message = "to export" });
        var dir = Path.Combine(Directory.CreateTempSubdirectory("parley-ws-export-").FullName, "export");
        await using (var db = WorkspaceStore.Open(server.Database)) await WorkspaceArchive.Export(db, server.Ws, dir);
        var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "manifest.json"))).RootElement;
        var listed = manifest.GetProperty("files").EnumerateArray().Select(f => f.GetProperty("name").GetString()!).ToArray();
        Assert.Equal(["accounts.json", "private-JPN.json", "private-USA.json", "workspace.json"], listed);
        var publicText = File.ReadAllText(Path.Combine(dir, "workspace.json"));
        foreach (var marker in server.Usa.Markers.Concat(server.Jpn.Markers))
        {
            Assert.DoesNotContain(marker, publicText);
            Assert.DoesNotContain(marker, File.ReadAllText(Path.Combine(dir, "manifest.json")));
        }
        Assert.DoesNotContain("author_utility", publicText);
        var record = JsonDocument.Parse(publicText).RootElement;
        Assert.Equal(server.Priced.Packages.Count, record.GetProperty("packages").GetArrayLength());
        Assert.Contains(record.GetProperty("offers").EnumerateArray(), o => o.GetProperty("message").GetString() == "to export");
        var usaFile = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "private-USA.json"))).RootElement;
        Assert.Equal(server.Usa.Reservation, usaFile.GetProperty("inputs").GetProperty("reservation_utility").GetDouble());
        Assert.DoesNotContain(server.Jpn.Markers[0], File.ReadAllText(Path.Combine(dir, "private-USA.json")));
        var accounts = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "accounts.json"))).RootElement;
        Assert.DoesNotContain(WorkspaceServer.Password, File.ReadAllText(Path.Combine(dir, "accounts.json")));
        Assert.Contains(accounts.EnumerateArray(), a => a.GetProperty("user_name").GetString() == "usa" && a.GetProperty("role").GetString() == "delegate:USA");

        var restoredDb = Path.Combine(Path.GetDirectoryName(dir)!, "restored.db");
        await using (var target = WorkspaceStore.Open(restoredDb))
        {
            SchemaSetup.Ensure(target);
            Assert.Equal(server.Ws, await WorkspaceArchive.Restore(target, dir));
            var again = await Record.ExceptionAsync(() => WorkspaceArchive.Restore(target, dir));
            Assert.Contains("restore never overwrites", again?.Message);
        }
        await using var source = WorkspaceStore.Open(server.Database);
        await using var restored = WorkspaceStore.Open(restoredDb);
        string Offers(WorkspaceDb d) => JsonSerializer.Serialize(d.Offers.AsNoTracking().Where(o => o.WorkspaceId == server.Ws).OrderBy(o => o.Number).ToList());
        string Private(WorkspaceDb d) => JsonSerializer.Serialize(d.PrivateInputs.AsNoTracking().Where(o => o.WorkspaceId == server.Ws).OrderBy(o => o.Party).ToList());
        string Releases(WorkspaceDb d) => JsonSerializer.Serialize(d.Releases.AsNoTracking().Where(o => o.WorkspaceId == server.Ws).OrderBy(o => o.Number).ToList());
        Assert.Equal(Offers(source), Offers(restored));
        Assert.Equal(Private(source), Private(restored));
        Assert.Equal(Releases(source), Releases(restored));
        Assert.Equal(source.Users.Single(u => u.UserName == "jpn").PasswordHash, restored.Users.Single(u => u.UserName == "jpn").PasswordHash);
    }
}
