// The workspace page and the private-inputs page.
using System.Text;
using Microsoft.AspNetCore.Http;
using Parley.Workspace.Access;
using Parley.Workspace.Pricing;
using static Parley.Workspace.Web.Html;

namespace Parley.Workspace.Web;

/// <summary>Rendering of a workspace for the caller's role.</summary>
internal static class WorkspacePage
{
    public static async Task<IResult> Render(HttpContext http, WorkspaceService s, string token)
    {
        var member = WorkspaceAccess.Current(http);
        var (view, packages) = await s.Load(member.WorkspaceId);
        bool Can(WorkspaceOperation op, string? party = null) => WorkspaceAccessHandler.Allows(new WorkspaceResource(member.Role, party), op);
        var b = new StringBuilder($"<p>Negotiation: {E(view.Negotiation)} · your role: <b id=\"role\">{E(member.Role.ToString())}</b> · {view.Packages} packages priced ({E(view.PricedBy)})</p>");
        b.Append("<h2>Issues</h2>").Append(Table("issues", ["issue", "options (first = status quo)"],
            view.Issues.Select(i => new[] { E(i.Label), E(string.Join(" · ", i.Options.Select(o => $"{o.Id}: {o.Label}"))) })));
        if (member.Role.IsDelegate && Can(WorkspaceOperation.ReadPrivate, member.Role.Party))
            b.Append($"<p><a id=\"private-link\" href=\"/workspace/ws/{E(view.Id)}/private/{E(member.Role.Party)}\">Your delegation's private inputs</a></p>");
        if (Can(WorkspaceOperation.ViewOffers))
        {
            var offers = await s.Offers(member);
            b.Append("<h2 id=\"timeline\">Round timeline</h2>").Append(Table("offers", ["#", "round", "party", "author", "in reply to", "package and public outcomes", "message", "your utility", "when (UTC)"],
                offers.Select(o => new[]
                {
                    o.Number.ToString(System.Globalization.CultureInfo.InvariantCulture), o.Round.ToString(System.Globalization.CultureInfo.InvariantCulture), E(o.Party), E(o.Author),
                    o.InReplyTo?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "", Package(o.Pricing), E(o.Message),
                    o.OwnUtility is { } u ? $"<span class=\"private\">{N(u)}</span>" : "", E(o.CreatedUtc.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture)),
                })));
            if (Can(WorkspaceOperation.PostOffer)) b.Append(OfferForm(view, token, offers.Count > 0 ? offers[^1].Number : null));
        }
        if (Can(WorkspaceOperation.Analyse)) b.Append(await Analysis(s, view, token));
        var releases = await s.Releases(member.WorkspaceId);
        b.Append("<h2 id=\"releases\">Released by the mediator</h2>").Append(Table("released", ["#", "kind", "content", "text"],
            releases.Select(r => new[]
            {
                r.Number.ToString(System.Globalization.CultureInfo.InvariantCulture), E(r.Kind),
                r.Kind == "zopa" ? (r.ZopaExists == true ? "a ZOPA exists" : "no ZOPA") : r.Package is { } p ? Package(p) : "", E(r.Text),
            })));
        return Page(http, view.Name, b.ToString());
    }

    private static string OfferForm(WorkspaceView view, string token, int? last) =>
        $"<h2>Propose an offer</h2><form id=\"offer-form\" method=\"post\" action=\"/workspace/ws/{E(view.Id)}/offers\">{Token(token)}" +
        string.Concat(view.Issues.Select(i => $"<p><label>{E(i.Label)} <select name=\"choice.{E(i.Id)}\">" +
            string.Concat(i.Options.Select(o => $"<option value=\"{E(o.Id)}\">{E(o.Label)}</option>")) + "</select></label></p>")) +
        $"<p><label>In reply to offer # <input name=\"in_reply_to\" inputmode=\"numeric\" value=\"{last?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? ""}\"></label></p>" +
        $"<p><label>Message <textarea name=\"message\" maxlength=\"{WorkspaceService.MaxMessageLength}\"></textarea></label></p><p><button type=\"submit\">Propose</button></p></form>";

    private static async Task<string> Analysis(WorkspaceService s, WorkspaceView view, string token)
    {
        var (a, _) = await s.Analyse(view.Id);
        var b = new StringBuilder("<h2>Analysis (mediator only)</h2>");
        if (a.Missing.Count > 0) b.Append($"<p id=\"analysis\">Waiting for the private inputs of {E(string.Join(", ", a.Missing))}.</p>");
        else
            b.Append($"<div id=\"analysis\"><p>ZOPA: {(a.ZopaExists ? $"yes, {a.ZopaSize} packages" : "none")}; frontier: {a.Frontier.Count} packages.</p>")
                .Append(a.Nash is { } n ? $"<p>Nash: {Package(n)} (utilities {N(a.NashUtility1 ?? 0)}, {N(a.NashUtility2 ?? 0)})</p>" : "")
                .Append(a.KalaiSmorodinsky is { } k ? $"<p>Kalai–Smorodinsky: {Package(k)}</p>" : "").Append("</div>");
        b.Append($"<form id=\"release-form\" method=\"post\" action=\"/workspace/ws/{E(view.Id)}/releases\">{Token(token)}")
            .Append("<p><label>Release <select name=\"kind\"><option value=\"nash\">the Nash package (no utilities)</option><option value=\"zopa\">whether a ZOPA exists</option>")
            .Append("<option value=\"text\">a single negotiating text (package #)</option></select></label> ")
            .Append("<label>package # <input name=\"package\" inputmode=\"numeric\"></label></p>")
            .Append($"<p><label>Text <textarea name=\"text\" maxlength=\"{WorkspaceService.MaxMessageLength}\"></textarea></label></p><p><button type=\"submit\">Release</button></p></form>");
        return b.ToString();
    }

    public static async Task<IResult> RenderPrivate(HttpContext http, WorkspaceService s, string party, string token)
    {
        var member = WorkspaceAccess.Current(http);
        var (view, packages) = await s.Load(member.WorkspaceId);
        var inputs = await s.ReadPrivate(view.Id, party);
        var keys = PrivateInputs.WeightableKeys(party, packages[0].Values);
        var editable = WorkspaceAccessHandler.Allows(new WorkspaceResource(member.Role, party), WorkspaceOperation.WritePrivate);
        var disabled = editable ? "" : " disabled";
        var b = new StringBuilder($"<div class=\"private\"><p>Private to {E(party)}: never shown to the other party or to observers.</p>")
            .Append($"<form id=\"private-form\" method=\"post\" action=\"/workspace/ws/{E(view.Id)}/private/{E(party)}\">{Token(token)}");
        foreach (var key in keys)
            b.Append($"<p><label>weight of {E(key)} <input name=\"weight.{E(key)}\" value=\"{(inputs?.Weights.TryGetValue(key, out var w) == true ? N(w, "R") : "")}\"{disabled}></label></p>");
        b.Append($"<p><label>Reservation value (utility units) <input name=\"reservation_utility\" value=\"{(inputs is null ? "" : N(inputs.ReservationUtility, "R"))}\"{disabled}></label></p>")
            .Append($"<p><label>Risk aversion (CARA, 0 = neutral) <input name=\"risk_aversion\" value=\"{(inputs is null ? "0" : N(inputs.RiskAversion, "R"))}\"{disabled}></label></p>")
            .Append($"<p><label>Notes <textarea name=\"note\" maxlength=\"{PrivateInputs.MaxNoteLength}\"{disabled}>{E(inputs?.Note)}</textarea></label></p>")
            .Append(editable ? "<p><button type=\"submit\">Save</button></p>" : "").Append("</form></div>")
            .Append($"<p><a href=\"/workspace/ws/{E(view.Id)}\">Back to the workspace</a></p>");
        return Page(http, $"{view.Name}: {party} private inputs", b.ToString());
    }
}
