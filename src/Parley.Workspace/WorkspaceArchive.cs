// Export and restore (decision 0027). An export folder (written through Reports.OutputDirectory: staged, hashed
// manifest) splits by sensitivity:
//   workspace.json      the public record: workspace, issues, priced packages, offers (no author utility), releases;
//   private-PARTY.json  one file per party: its private inputs and its offers' author utilities;
//   accounts.json       user names, Identity password hashes (never a password), roles.
// The manifest lists file names and hashes only. Restore reads every file back into an empty workspace id.
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Parley.Reports;
using Parley.Workspace.Internals;
using Parley.Workspace.Storage;

namespace Parley.Workspace;

/// <summary>The public record of a workspace.</summary>
public sealed record PublicRecord(WorkspaceRecord Workspace, IReadOnlyList<PackageRecord> Packages, IReadOnlyList<PublicOffer> Offers, IReadOnlyList<ReleaseRecord> Releases);

/// <summary>An offer without its author's private utility.</summary>
public sealed record PublicOffer(int Number, int Round, string Party, string Author, int Package, int? InReplyTo, string Message, DateTime CreatedUtc);

/// <summary>One party's private file.</summary>
public sealed record PartyRecord(string Party, PrivateInputRecord? Inputs, IReadOnlyDictionary<int, double?> AuthorUtilities);

/// <summary>An account and its role.</summary>
public sealed record AccountRecord(string UserName, string PasswordHash, string SecurityStamp, string Role);

/// <summary>Export and restore of one workspace.</summary>
public static class WorkspaceArchive
{
    /// <summary>Name of the public file.</summary>
    public const string PublicFile = "workspace.json";

    /// <summary>Name of a party's private file.</summary>
    public static string PrivateFile(string party) => $"private-{party}.json";

    /// <summary>Writes the export folder; returns the files written.</summary>
    public static async Task<IReadOnlyList<string>> Export(WorkspaceDb db, string ws, string directory)
    {
        var w = await db.Workspaces.AsNoTracking().SingleOrDefaultAsync(x => x.Id == ws)
            ?? throw new ParleyInputException("(command line)", null, "WS", ws, "the id of a workspace in this database");
        using var output = OutputDirectory.Open(directory);
        var offers = await db.Offers.AsNoTracking().Where(o => o.WorkspaceId == ws).OrderBy(o => o.Number).ToListAsync();
        var record = new PublicRecord(w, await db.Packages.AsNoTracking().Where(p => p.WorkspaceId == ws).OrderBy(p => p.Index).ToListAsync(),
            offers.Select(o => new PublicOffer(o.Number, o.Round, o.Party, o.Author, o.Package, o.InReplyTo, o.Message, o.CreatedUtc)).ToArray(),
            await db.Releases.AsNoTracking().Where(r => r.WorkspaceId == ws).OrderBy(r => r.Number).ToListAsync());
        var files = new List<string> { PublicFile };
        output.WriteText(PublicFile, JsonSerializer.Serialize(record, WorkspaceJson.Export));
        foreach (var party in w.Parties.Split(','))
        {
            var inputs = await db.PrivateInputs.AsNoTracking().SingleOrDefaultAsync(p => p.WorkspaceId == ws && p.Party == party);
            var own = offers.Where(o => o.Party == party).ToDictionary(o => o.Number, o => o.AuthorUtility);
            output.WriteText(PrivateFile(party), JsonSerializer.Serialize(new PartyRecord(party, inputs, own), WorkspaceJson.Export));
            files.Add(PrivateFile(party));
        }
        var accounts = await (from m in db.Memberships join u in db.Users on m.UserId equals u.Id where m.WorkspaceId == ws orderby u.UserName
                              select new AccountRecord(u.UserName!, u.PasswordHash!, u.SecurityStamp!, m.Role)).ToListAsync();
        output.WriteText("accounts.json", JsonSerializer.Serialize(accounts, WorkspaceJson.Export));
        files.Add("accounts.json");
        output.Commit(new { command = "workspace export", workspace = ws, parley = RunManifest.ParleyVersion, created_utc = RunManifest.Now }, workbook: false);
        return files;
    }

    /// <summary>Restores an export folder into the database; returns the workspace id. Refuses an id already present.</summary>
    public static async Task<string> Restore(WorkspaceDb db, string directory)
    {
        var record = Read<PublicRecord>(directory, PublicFile);
        var ws = record.Workspace.Id;
        if (await db.Workspaces.AnyAsync(x => x.Id == ws))
            throw new ParleyInputException(Path.Combine(directory, PublicFile), null, "workspace.id", ws, "a workspace not yet in this database (restore never overwrites)");
        var parties = record.Workspace.Parties.Split(',').Select(p => Read<PartyRecord>(directory, PrivateFile(p))).ToArray();
        var accounts = Read<AccountRecord[]>(directory, "accounts.json");
        await WorkspaceStore.WriteAsync(db, async () =>
        {
            db.Workspaces.Add(record.Workspace);
            db.Packages.AddRange(record.Packages);
            db.Offers.AddRange(record.Offers.Select(o => new OfferRecord
            {
                WorkspaceId = ws, Number = o.Number, Round = o.Round, Party = o.Party, Author = o.Author, Package = o.Package, InReplyTo = o.InReplyTo,
                Message = o.Message, CreatedUtc = o.CreatedUtc,
                AuthorUtility = parties.FirstOrDefault(p => p.Party == o.Party)?.AuthorUtilities.GetValueOrDefault(o.Number),
            }));
            db.Releases.AddRange(record.Releases);
            foreach (var p in parties)
                if (p.Inputs is not null) db.PrivateInputs.Add(p.Inputs);
            foreach (var a in accounts)
            {
                var user = await db.Users.SingleOrDefaultAsync(u => u.UserName == a.UserName);
                if (user is null)
                {
                    user = new WorkspaceUser { UserName = a.UserName, NormalizedUserName = a.UserName.ToUpperInvariant(), PasswordHash = a.PasswordHash, SecurityStamp = a.SecurityStamp, LockoutEnabled = true };
                    db.Users.Add(user);
                }
                db.Memberships.Add(new MembershipRecord { WorkspaceId = ws, UserId = user.Id, Role = a.Role });
            }
            return await db.SaveChangesAsync();
        });
        return ws;
    }

    private static T Read<T>(string directory, string name)
    {
        var path = Path.Combine(directory, name);
        if (!File.Exists(path)) throw new ParleyInputException(path, null, "(file)", null, "a file of a 'parley workspace export' folder");
        if (new FileInfo(path).Length > 256L << 20) throw new ParleyInputException(path, null, "(file)", null, "at most 256 MiB");
        try
        {
            return JsonSerializer.Deserialize<T>(File.ReadAllText(path), WorkspaceJson.Export) ?? throw new ParleyInputException(path, null, "(file)", "null", "a JSON object");
        }
        catch (JsonException e)
        {
            throw new ParleyInputException(path, (int?)e.LineNumber + 1, e.Path ?? "(file)", null, "JSON as written by 'parley workspace export'");
        }
    }
}
