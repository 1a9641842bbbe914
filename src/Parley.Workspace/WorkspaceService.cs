// The workspace's jobs, shared by the HTML pages and the JSON API. Callers have passed WorkspaceAccess (the one
// authorization point) and hand in the resolved member; private inputs are read only for the member's own party, or
// for both parties in the mediator's analysis.
using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Parley.Workspace.Access;
using Parley.Workspace.Internals;
using Parley.Workspace.Pricing;
using Parley.Workspace.Storage;

namespace Parley.Workspace;

/// <summary>Reads and writes a workspace.</summary>
public sealed partial class WorkspaceService(WorkspaceDb db)
{
    /// <summary>Longest public message or release text: 2,000 characters.</summary>
    public const int MaxMessageLength = 2000;

    private static readonly ConcurrentDictionary<(string, string), (WorkspaceView View, PricedPackage[] Packages)> Priced = new();

    /// <summary>The workspace's public view and priced packages (immutable after creation, cached per database).</summary>
    public async Task<(WorkspaceView View, PricedPackage[] Packages)> Load(string ws)
    {
        var key = (db.Database.GetConnectionString() ?? "", ws);
        if (Priced.TryGetValue(key, out var hit)) return hit;
        var w = await db.Workspaces.AsNoTracking().SingleAsync(x => x.Id == ws);
        var packages = (await db.Packages.AsNoTracking().Where(p => p.WorkspaceId == ws).OrderBy(p => p.Index).ToListAsync())
            .Select(p => new PricedPackage(p.Index, p.Choices.Split(',').Select(int.Parse).ToArray(),
                JsonSerializer.Deserialize<Dictionary<string, double>>(p.ValuesJson)!)).ToArray();
        var view = new WorkspaceView(w.Id, w.Name, w.Negotiation, w.Parties.Split(','), JsonSerializer.Deserialize<PublicIssue[]>(w.IssuesJson, WorkspaceJson.Options)!,
            w.PricedBy, packages.Length);
        return Priced[key] = (view, packages);
    }

    /// <summary>Workspaces the user is a member of, with the role.</summary>
    public async Task<IReadOnlyList<(string Id, string Name, string Role)>> MembershipsOf(string userName) =>
        (await (from m in db.Memberships
                join u in db.Users on m.UserId equals u.Id
                join w in db.Workspaces on m.WorkspaceId equals w.Id
                where u.UserName == userName
                orderby w.Name
                select new { w.Id, w.Name, m.Role }).ToListAsync()).Select(x => (x.Id, x.Name, x.Role)).ToArray();

    /// <summary>Public pricing of a package.</summary>
    public static PublicPricing Public(WorkspaceView view, PricedPackage p)
    {
        var choices = view.Issues.Select((issue, k) => (issue, option: issue.Options[p.Choices[k]])).ToArray();
        var values = p.Values;
        return new PublicPricing(p.Index, choices.ToDictionary(c => c.issue.Id, c => c.option.Id), choices.SelectMany(c => c.option.Tariffs).ToArray(),
            values.Where(kv => kv.Key.EndsWith("/welfare", StringComparison.Ordinal)).ToDictionary(kv => kv.Key[..^"/welfare".Length], kv => kv.Value),
            values.Where(kv => kv.Key.Contains("/exports", StringComparison.Ordinal) || kv.Key.Contains("/trade_balance", StringComparison.Ordinal)).ToDictionary(),
            values.Where(kv => !kv.Key.EndsWith("/welfare", StringComparison.Ordinal) && !kv.Key.Contains("/exports", StringComparison.Ordinal)
                && !kv.Key.Contains("/trade_balance", StringComparison.Ordinal)).ToDictionary());
    }

    /// <summary>The offers, oldest first, with the caller's own utility when the caller is a delegate with inputs.</summary>
    public async Task<IReadOnlyList<OfferView>> Offers(WorkspaceMember member)
    {
        var (view, packages) = await Load(member.WorkspaceId);
        var own = member.Role.IsDelegate ? await ReadPrivate(member.WorkspaceId, member.Role.Party!) : null;
        var rows = await db.Offers.AsNoTracking().Where(o => o.WorkspaceId == member.WorkspaceId).OrderBy(o => o.Number)
            .Select(o => new { o.Number, o.Round, o.Party, o.Author, o.InReplyTo, o.Message, o.CreatedUtc, o.Package }).ToListAsync();
        return rows.Select(o => new OfferView(o.Number, o.Round, o.Party, o.Author, o.InReplyTo, o.Message, o.CreatedUtc, Public(view, packages[o.Package]),
            own?.Utility(member.Role.Party!, packages[o.Package].Values))).ToArray();
    }

    /// <summary>Appends an offer by a delegate (one transaction); returns its number.</summary>
    public async Task<int> PostOffer(WorkspaceMember member, OfferRequest request)
    {
        var (view, packages) = await Load(member.WorkspaceId);
        var index = PackageOf(view, packages, request.Choices);
        var message = request.Message ?? "";
        if (message.Length > MaxMessageLength) throw new ParleyInputException("(request)", null, "message", $"{message.Length} characters", $"at most {MaxMessageLength} characters");
        var party = member.Role.Party!;
        var own = await ReadPrivate(member.WorkspaceId, party);
        return await WorkspaceStore.WriteAsync(db, async () =>
        {
            var round = 1;
            if (request.InReplyTo is { } parent)
                round = 1 + (await db.Offers.Where(o => o.WorkspaceId == member.WorkspaceId && o.Number == parent).Select(o => (int?)o.Round).SingleOrDefaultAsync()
                    ?? throw new ParleyInputException("(request)", null, "in_reply_to", parent.ToString(System.Globalization.CultureInfo.InvariantCulture), "the number of an offer of this workspace"));
            var number = 1 + (await db.Offers.Where(o => o.WorkspaceId == member.WorkspaceId).MaxAsync(o => (int?)o.Number) ?? 0);
            db.Offers.Add(new OfferRecord
            {
                WorkspaceId = member.WorkspaceId, Number = number, Round = round, Party = party, Author = member.UserName, Package = index,
                InReplyTo = request.InReplyTo, Message = message, CreatedUtc = DateTime.UtcNow, AuthorUtility = own?.Utility(party, packages[index].Values) ,
            });
            await db.SaveChangesAsync();
            return number;
        }, serializeOn: member.WorkspaceId);
    }

    /// <summary>The package index for a full set of choices; input error naming the issue otherwise.</summary>
    public static int PackageOf(WorkspaceView view, IReadOnlyList<PricedPackage> packages, IReadOnlyDictionary<string, string>? choices)
    {
        if (choices is null) throw new ParleyInputException("(request)", null, "choices", null, "an object issue id → option id");
        foreach (var key in choices.Keys)
            if (view.Issues.All(i => i.Id != key)) throw new ParleyInputException("(request)", null, "choices", key, "an issue: " + string.Join(", ", view.Issues.Select(i => i.Id)));
        var wanted = view.Issues.Select(issue =>
        {
            if (!choices.TryGetValue(issue.Id, out var option)) throw new ParleyInputException("(request)", null, $"choices.{issue.Id}", null, "an option for every issue");
            var k = issue.Options.Select(o => o.Id).ToList().IndexOf(option);
            return k >= 0 ? k : throw new ParleyInputException("(request)", null, $"choices.{issue.Id}", option, "one of " + string.Join(", ", issue.Options.Select(o => o.Id)));
        }).ToArray();
        return packages.FirstOrDefault(p => p.Choices.SequenceEqual(wanted))?.Index
            ?? throw new ParleyInputException("(request)", null, "choices", string.Join("/", wanted), "a package that was priced");
    }

    /// <summary>A party's private inputs, or null when not entered yet.</summary>
    public async Task<PrivateInputs?> ReadPrivate(string ws, string party)
    {
        var row = await db.PrivateInputs.AsNoTracking().SingleOrDefaultAsync(p => p.WorkspaceId == ws && p.Party == party);
        return row is null ? null : new PrivateInputs(JsonSerializer.Deserialize<Dictionary<string, double>>(row.WeightsJson)!, row.ReservationUtility, row.RiskAversion, row.Note);
    }

    /// <summary>Saves a party's private inputs (validated) in one transaction.</summary>
    public async Task SavePrivate(string ws, string party, PrivateInputsRequest request)
    {
        var (_, packages) = await Load(ws);
        var inputs = new PrivateInputs(request.Weights ?? [], request.ReservationUtility, request.RiskAversion, request.Note ?? "")
            .Validated(PrivateInputs.WeightableKeys(party, packages[0].Values));
        await WorkspaceStore.WriteAsync(db, async () =>
        {
            var row = await db.PrivateInputs.SingleOrDefaultAsync(p => p.WorkspaceId == ws && p.Party == party);
            if (row is null) db.PrivateInputs.Add(row = new PrivateInputRecord { WorkspaceId = ws, Party = party });
            row.WeightsJson = JsonSerializer.Serialize(inputs.Weights);
            row.ReservationUtility = inputs.ReservationUtility;
            row.RiskAversion = inputs.RiskAversion;
            row.Note = inputs.Note;
            row.UpdatedUtc = DateTime.UtcNow;
            return await db.SaveChangesAsync();
        });
    }

    /// <summary>The author's private pricing of an offer of <paramref name="party"/>, or null when no such offer.</summary>
    public async Task<PrivatePricingView?> PrivatePricing(string ws, string party, int number)
    {
        var offer = await db.Offers.AsNoTracking().SingleOrDefaultAsync(o => o.WorkspaceId == ws && o.Number == number && o.Party == party);
        if (offer is null) return null;
        var (_, packages) = await Load(ws);
        var now = await ReadPrivate(ws, party);
        return new PrivatePricingView(number, party, offer.AuthorUtility, now?.Utility(party, packages[offer.Package].Values));
    }
}
