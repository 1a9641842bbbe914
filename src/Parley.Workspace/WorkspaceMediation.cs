// The mediator's half of the workspace: the analysis with everyone's private inputs, and the releases — the only
// path by which anything derived from private inputs becomes public. A release carries a verdict (a ZOPA exists), a
// package's public pricing (Nash, or a single negotiating text) and the mediator's text; never a utility.
using Microsoft.EntityFrameworkCore;
using Parley.Workspace.Access;
using Parley.Workspace.Pricing;
using Parley.Workspace.Storage;

namespace Parley.Workspace;

public sealed partial class WorkspaceService
{
    /// <summary>Runs the analysis; null parts and <see cref="AnalysisView.Missing"/> when a party has not entered its inputs.</summary>
    public async Task<(AnalysisView View, MediatorAnalysis? Analysis)> Analyse(string ws)
    {
        var (view, packages) = await Load(ws);
        var inputs = new PrivateInputs?[2];
        for (var k = 0; k < 2; k++) inputs[k] = await ReadPrivate(ws, view.Parties[k]);
        var missing = view.Parties.Where((_, k) => inputs[k] is null).ToArray();
        if (missing.Length > 0) return (new AnalysisView(false, 0, null, null, [], null, null, missing), null);
        var a = MediatorAnalysis.Run(view.Parties, packages, inputs[0]!, inputs[1]!);
        var b = a.Bargaining;
        return (new AnalysisView(b.HasZopa, b.Zopa.Count, b.Nash is { } n ? Public(view, packages[n]) : null,
            b.KalaiSmorodinsky is { } ks ? Public(view, packages[ks]) : null, b.Frontier,
            b.Nash is { } n1 ? a.Utilities1[n1] : null, b.Nash is { } n2 ? a.Utilities2[n2] : null, []), a);
    }

    /// <summary>Appends a release chosen by the mediator; returns its number.</summary>
    public async Task<int> Release(WorkspaceMember member, ReleaseRequest request)
    {
        var (view, packages) = await Load(member.WorkspaceId);
        var text = request.Text ?? "";
        if (text.Length > MaxMessageLength) throw new ParleyInputException("(request)", null, "text", $"{text.Length} characters", $"at most {MaxMessageLength} characters");
        int? package = null;
        bool? zopa = null;
        switch (request.Kind)
        {
            case "zopa" or "nash":
                var (analysis, _) = await Analyse(member.WorkspaceId);
                if (analysis.Missing.Count > 0)
                    throw new ParleyInputException("(request)", null, "kind", request.Kind, "private inputs of both parties first (missing: " + string.Join(", ", analysis.Missing) + ")");
                if (request.Kind == "zopa") zopa = analysis.ZopaExists;
                else package = analysis.Nash?.Index ?? throw new ParleyInputException("(request)", null, "kind", "nash", "a ZOPA (no package beats both reservation values)");
                break;
            case "text":
                if (request.Package is not { } p || p < 0 || p >= packages.Length)
                    throw new ParleyInputException("(request)", null, "package", request.Package?.ToString(System.Globalization.CultureInfo.InvariantCulture), $"a package index from 0 to {packages.Length - 1}");
                package = p;
                break;
            default:
                throw new ParleyInputException("(request)", null, "kind", request.Kind, "zopa, nash or text");
        }
        return await WorkspaceStore.WriteAsync(db, async () =>
        {
            var number = 1 + (await db.Releases.Where(r => r.WorkspaceId == member.WorkspaceId).MaxAsync(r => (int?)r.Number) ?? 0);
            db.Releases.Add(new ReleaseRecord { WorkspaceId = member.WorkspaceId, Number = number, Kind = request.Kind, Package = package, ZopaExists = zopa, Text = text, CreatedUtc = DateTime.UtcNow });
            await db.SaveChangesAsync();
            return number;
        }, serializeOn: member.WorkspaceId);
    }

    /// <summary>Every release, oldest first.</summary>
    public async Task<IReadOnlyList<ReleaseView>> Releases(string ws)
    {
        var (view, packages) = await Load(ws);
        var rows = await db.Releases.AsNoTracking().Where(r => r.WorkspaceId == ws).OrderBy(r => r.Number).ToListAsync();
        return rows.Select(r => new ReleaseView(r.Number, r.Kind, r.ZopaExists, r.Package is { } p ? Public(view, packages[p]) : null, r.Text, r.CreatedUtc)).ToArray();
    }
}
