// Administration (CLI verbs `parley workspace create|invite`, and the invitation acceptance): workspaces are created
// from a priced negotiation; invitations are random 256-bit tokens of which only the SHA-256 is stored, that expire
// and are used at most once (a conditional update claims them, so two concurrent uses cannot both succeed).
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Parley.Workspace.Access;
using Parley.Workspace.Internals;
using Parley.Workspace.Pricing;
using Parley.Workspace.Storage;

namespace Parley.Workspace;

/// <summary>Creating workspaces and invitations, accepting invitations.</summary>
public static class WorkspaceAdmin
{
    /// <summary>Longest workspace name: 200 characters.</summary>
    public const int MaxNameLength = 200;

    /// <summary>Stores a priced negotiation as a new workspace; returns its id.</summary>
    public static async Task<string> Create(WorkspaceDb db, PricedNegotiation priced, string name, string? id = null)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Length > MaxNameLength || name.Any(char.IsControl))
            throw new ParleyInputException("(command line)", null, "--name", name.Length > 60 ? name[..60] : name, $"a name of 1 to {MaxNameLength} characters without control characters");
        id ??= Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        await WorkspaceStore.WriteAsync(db, async () =>
        {
            db.Workspaces.Add(new WorkspaceRecord
            {
                Id = id, Name = name, Negotiation = priced.Name, Parties = string.Join(",", priced.Parties),
                IssuesJson = JsonSerializer.Serialize(priced.Issues, WorkspaceJson.Options), BatnaJson = JsonSerializer.Serialize(priced.Batna),
                PricedBy = priced.PricedBy, CreatedUtc = DateTime.UtcNow,
            });
            db.Packages.AddRange(priced.Packages.Select(p => new PackageRecord
            {
                WorkspaceId = id, Index = p.Index, Choices = string.Join(",", p.Choices), ValuesJson = JsonSerializer.Serialize(p.Values),
            }));
            return await db.SaveChangesAsync();
        });
        return id;
    }

    /// <summary>Creates an invitation for a role; returns the token (shown once, never stored).</summary>
    public static async Task<string> Invite(WorkspaceDb db, string ws, string role, TimeSpan lifetime)
    {
        var w = await db.Workspaces.AsNoTracking().SingleOrDefaultAsync(x => x.Id == ws)
            ?? throw new ParleyInputException("(command line)", null, "WS", ws, "the id of a workspace in this database (printed by 'parley workspace create')");
        var parsed = WorkspaceRole.Parse(role, w.Parties.Split(','));
        if (lifetime <= TimeSpan.Zero || lifetime > TimeSpan.FromDays(30))
            throw new ParleyInputException("(command line)", null, "--expires", lifetime.ToString(), "a lifetime from 1 minute to 30 days (e.g. 48h, 30m, 7d)");
        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        await WorkspaceStore.WriteAsync(db, async () =>
        {
            db.Invitations.Add(new InvitationRecord { WorkspaceId = ws, Role = parsed.ToString(), TokenHash = Hash(token), ExpiresUtc = DateTime.UtcNow + lifetime });
            return await db.SaveChangesAsync();
        });
        return token;
    }

    /// <summary>Parses a lifetime such as <c>48h</c>, <c>30m</c>, <c>7d</c>.</summary>
    public static TimeSpan ParseLifetime(string text)
    {
        if (text.Length >= 2 && int.TryParse(text[..^1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n > 0)
            switch (text[^1])
            {
                case 'm': return TimeSpan.FromMinutes(n);
                case 'h': return TimeSpan.FromHours(n);
                case 'd': return TimeSpan.FromDays(n);
            }
        throw new ParleyInputException("(command line)", null, "--expires", text, "a lifetime such as 30m, 48h or 7d");
    }

    /// <summary>The SHA-256 of a token (hex): what the database holds.</summary>
    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>The invitation's workspace and role if the token is valid, unexpired and unused; else null.</summary>
    public static async Task<InvitationRecord?> Find(WorkspaceDb db, string token)
    {
        var hash = Hash(token);
        var now = DateTime.UtcNow;
        return await db.Invitations.AsNoTracking().SingleOrDefaultAsync(i => i.TokenHash == hash && i.UsedUtc == null && i.ExpiresUtc > now);
    }

    /// <summary>Uses an invitation: creates the account and the membership in one transaction. Returns an error line or null.</summary>
    public static async Task<string?> Accept(WorkspaceDb db, UserManager<WorkspaceUser> users, string token, string userName, string password)
    {
        if (userName.Length is < 3 or > 64 || !userName.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
            return "user name: 3 to 64 letters, digits, '-', '_' or '.'";
        var hash = Hash(token);
        var now = DateTime.UtcNow;
        return await WorkspaceStore.WriteAsync(db, async () =>
        {
            // Claim first: only one request can turn UsedUtc from null to now.
            var claimed = await db.Invitations.Where(i => i.TokenHash == hash && i.UsedUtc == null && i.ExpiresUtc > now)
                .ExecuteUpdateAsync(s => s.SetProperty(i => i.UsedUtc, now));
            if (claimed != 1) return "this invitation is unknown, expired or already used";
            var invitation = await db.Invitations.AsNoTracking().SingleAsync(i => i.TokenHash == hash);
            var user = new WorkspaceUser { UserName = userName };
            var created = await users.CreateAsync(user, password);
            if (!created.Succeeded) throw new InvitationRefusedException(string.Join("; ", created.Errors.Select(e => e.Description)));
            db.Memberships.Add(new MembershipRecord { WorkspaceId = invitation.WorkspaceId, UserId = user.Id, Role = invitation.Role });
            await db.SaveChangesAsync();
            return (string?)null;
        });
    }
}

/// <summary>An invitation could not be used (the transaction is rolled back, so the token stays usable).</summary>
public sealed class InvitationRefusedException(string reason) : Exception(reason);
