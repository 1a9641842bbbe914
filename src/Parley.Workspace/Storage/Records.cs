// The workspace's stored records (decision 0027). Offers and releases are append-only: the context refuses to update or
// delete them and the database has triggers that abort any UPDATE or DELETE (Storage/SchemaSetup.cs).
using Microsoft.AspNetCore.Identity;

namespace Parley.Workspace.Storage;

/// <summary>A person with an account (ASP.NET Core Identity: hashed password, lockout).</summary>
public sealed class WorkspaceUser : IdentityUser;

/// <summary>A workspace: one negotiation, priced once when it was created.</summary>
public sealed class WorkspaceRecord
{
    /// <summary>Random, unguessable id (hex).</summary>
    public string Id { get; set; } = "";
    /// <summary>Name given by the administrator.</summary>
    public string Name { get; set; } = "";
    /// <summary>The negotiation's name from its file.</summary>
    public string Negotiation { get; set; } = "";
    /// <summary>Party codes, comma separated, in file order.</summary>
    public string Parties { get; set; } = "";
    /// <summary>Issues and options (public), JSON of <see cref="Pricing.PublicIssue"/>.</summary>
    public string IssuesJson { get; set; } = "";
    /// <summary>Model outcomes of the no-deal outcome (public), JSON object key → value.</summary>
    public string BatnaJson { get; set; } = "";
    /// <summary>Run-manifest line of the pricing run (Parley version, dataset, model), no private value.</summary>
    public string PricedBy { get; set; } = "";
    /// <summary>When created (UTC).</summary>
    public DateTime CreatedUtc { get; set; }
}

/// <summary>One priced package of a workspace: its choices and public model outcomes.</summary>
public sealed class PackageRecord
{
    /// <summary>Workspace.</summary>
    public string WorkspaceId { get; set; } = "";
    /// <summary>0-based package index.</summary>
    public int Index { get; set; }
    /// <summary>Option index per issue, comma separated.</summary>
    public string Choices { get; set; } = "";
    /// <summary>Model outcomes (percent / points of income), JSON object key → value.</summary>
    public string ValuesJson { get; set; } = "";
}

/// <summary>A user's role in a workspace.</summary>
public sealed class MembershipRecord
{
    /// <summary>Surrogate key.</summary>
    public long Id { get; set; }
    /// <summary>Workspace.</summary>
    public string WorkspaceId { get; set; } = "";
    /// <summary>Identity user id.</summary>
    public string UserId { get; set; } = "";
    /// <summary>Role text: <c>delegate:USA</c>, <c>mediator</c>, <c>observer</c>.</summary>
    public string Role { get; set; } = "";
}

/// <summary>An invitation: only the SHA-256 of its token is stored; it expires and is used once.</summary>
public sealed class InvitationRecord
{
    /// <summary>Surrogate key.</summary>
    public long Id { get; set; }
    /// <summary>Workspace.</summary>
    public string WorkspaceId { get; set; } = "";
    /// <summary>Role granted.</summary>
    public string Role { get; set; } = "";
    /// <summary>SHA-256 of the token (hex).</summary>
    public string TokenHash { get; set; } = "";
    /// <summary>Expiry (UTC).</summary>
    public DateTime ExpiresUtc { get; set; }
    /// <summary>When used (UTC), null while unused.</summary>
    public DateTime? UsedUtc { get; set; }
}

/// <summary>A delegate's private inputs (one row per party, replaced when the delegate saves).</summary>
public sealed class PrivateInputRecord
{
    /// <summary>Workspace.</summary>
    public string WorkspaceId { get; set; } = "";
    /// <summary>Party code.</summary>
    public string Party { get; set; } = "";
    /// <summary>Objective weights, JSON object outcome key → weight (utility units per percent).</summary>
    public string WeightsJson { get; set; } = "";
    /// <summary>Reservation value (BATNA assessment), utility units.</summary>
    public double ReservationUtility { get; set; }
    /// <summary>Constant absolute risk aversion per utility unit (0 = neutral).</summary>
    public double RiskAversion { get; set; }
    /// <summary>The delegation's private notes.</summary>
    public string Note { get; set; } = "";
    /// <summary>Last saved (UTC).</summary>
    public DateTime UpdatedUtc { get; set; }
}

/// <summary>An offer: append-only. Numbered per workspace; <see cref="InReplyTo"/> names the offer it answers.</summary>
public sealed class OfferRecord
{
    /// <summary>Workspace.</summary>
    public string WorkspaceId { get; set; } = "";
    /// <summary>1-based number within the workspace.</summary>
    public int Number { get; set; }
    /// <summary>Round: 1 for an opening offer, the answered offer's round + 1 for a reply.</summary>
    public int Round { get; set; }
    /// <summary>Party that proposed it.</summary>
    public string Party { get; set; } = "";
    /// <summary>User name of the author.</summary>
    public string Author { get; set; } = "";
    /// <summary>Package index proposed.</summary>
    public int Package { get; set; }
    /// <summary>Offer answered, or null.</summary>
    public int? InReplyTo { get; set; }
    /// <summary>Public message accompanying the offer.</summary>
    public string Message { get; set; } = "";
    /// <summary>When proposed (UTC).</summary>
    public DateTime CreatedUtc { get; set; }
    /// <summary>The author's own utility of the package at the time (private to the author's party).</summary>
    public double? AuthorUtility { get; set; }
}

/// <summary>What the mediator released publicly: append-only.</summary>
public sealed class ReleaseRecord
{
    /// <summary>Workspace.</summary>
    public string WorkspaceId { get; set; } = "";
    /// <summary>1-based number within the workspace.</summary>
    public int Number { get; set; }
    /// <summary><c>zopa</c>, <c>nash</c> or <c>text</c>.</summary>
    public string Kind { get; set; } = "";
    /// <summary>Package released (nash, text), or null.</summary>
    public int? Package { get; set; }
    /// <summary>Whether a ZOPA exists (zopa), or null.</summary>
    public bool? ZopaExists { get; set; }
    /// <summary>Mediator's public text.</summary>
    public string Text { get; set; } = "";
    /// <summary>When released (UTC).</summary>
    public DateTime CreatedUtc { get; set; }
}
