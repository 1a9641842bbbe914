// The workspace's HTML pages: sign-in, invitation, the list of one's workspaces, a workspace (round timeline, offer
// form, releases; the mediator's analysis and release form) and a delegation's private inputs. Sections are shown by
// asking the same policy table the filter enforces (WorkspaceAccessHandler.Allows), so a page never shows more than
// the API would return.
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Parley.Workspace.Access;
using Parley.Workspace.Storage;
using static Parley.Workspace.Web.Html;

namespace Parley.Workspace.Web;

/// <summary>Page routes.</summary>
internal static class WorkspacePages
{
    public static void Map(RouteGroupBuilder root)
    {
        root.MapGet("/login", (HttpContext http, IAntiforgery af) => Login(http, af, null, 200));
        root.MapPost("/login", async (HttpContext http, IAntiforgery af, SignInManager<WorkspaceUser> signIn) =>
        {
            var form = http.Request.Form;
            var result = await signIn.PasswordSignInAsync(form["user"].ToString(), form["password"].ToString(), isPersistent: false, lockoutOnFailure: true);
            if (result.Succeeded) return Results.Redirect("/workspace");
            return Login(http, af, result.IsLockedOut ? "This account is locked after repeated failed sign-ins; try again later." : "Unknown user name or wrong password.",
                result.IsLockedOut ? StatusCodes.Status429TooManyRequests : StatusCodes.Status401Unauthorized);
        });
        root.MapPost("/logout", async (SignInManager<WorkspaceUser> signIn) =>
        {
            await signIn.SignOutAsync();
            return Results.Redirect("/workspace/login");
        });
        root.MapGet("/invite", async (HttpContext http, IAntiforgery af, WorkspaceDb db, string? token) =>
            token is not null && await WorkspaceAdmin.Find(db, token) is { } inv
                ? Invite(http, af, token, inv.Role, null)
                : Page(http, "Invitation", "<p role=\"alert\">This invitation is unknown, expired or already used.</p>", StatusCodes.Status404NotFound));
        root.MapPost("/invite", async (HttpContext http, IAntiforgery af, WorkspaceDb db, UserManager<WorkspaceUser> users, SignInManager<WorkspaceUser> signIn) =>
        {
            var form = http.Request.Form;
            var token = form["token"].ToString();
            var user = form["user"].ToString();
            var error = await WorkspaceAdmin.Accept(db, users, token, user, form["password"].ToString());
            if (error is not null) return Page(http, "Invitation", $"<p role=\"alert\">{E(error)}</p>", StatusCodes.Status400BadRequest);
            await signIn.PasswordSignInAsync(user, form["password"].ToString(), false, lockoutOnFailure: true);
            return Results.Redirect("/workspace");
        });
        root.MapGet("", async (HttpContext http, WorkspaceService s, IAntiforgery af) =>
        {
            if (http.User.Identity?.Name is not { } user) return Results.Redirect("/workspace/login");
            var rows = (await s.MembershipsOf(user)).Select(m => new[] { $"<a href=\"/workspace/ws/{E(m.Id)}\">{E(m.Name)}</a>", E(m.Role) });
            return Page(http, "Your workspaces", Table("workspaces", ["workspace", "your role"], rows) + Logout(af, http));
        });
        root.MapGet("/ws/{ws}", async (HttpContext http, WorkspaceService s, IAntiforgery af) => await WorkspacePage.Render(http, s, af.GetAndStoreTokens(http).RequestToken!))
            .RequireWorkspace(WorkspaceOperation.ViewPublic);
        root.MapPost("/ws/{ws}/offers", async (HttpContext http, WorkspaceService s) =>
        {
            await s.PostOffer(WorkspaceAccess.Current(http), WorkspaceForms.Offer(http.Request.Form));
            return Results.Redirect($"/workspace/ws/{Uri.EscapeDataString(WorkspaceAccess.Current(http).WorkspaceId)}#timeline");
        }).RequireWorkspace(WorkspaceOperation.PostOffer);
        root.MapPost("/ws/{ws}/releases", async (HttpContext http, WorkspaceService s) =>
        {
            await s.Release(WorkspaceAccess.Current(http), WorkspaceForms.Release(http.Request.Form));
            return Results.Redirect($"/workspace/ws/{Uri.EscapeDataString(WorkspaceAccess.Current(http).WorkspaceId)}#releases");
        }).RequireWorkspace(WorkspaceOperation.Release);
        root.MapGet("/ws/{ws}/private/{party}", async (HttpContext http, string party, WorkspaceService s, IAntiforgery af) =>
            await WorkspacePage.RenderPrivate(http, s, party.ToUpperInvariant(), af.GetAndStoreTokens(http).RequestToken!)).RequireWorkspace(WorkspaceOperation.ReadPrivate);
        root.MapPost("/ws/{ws}/private/{party}", async (HttpContext http, string party, WorkspaceService s) =>
        {
            var ws = WorkspaceAccess.Current(http).WorkspaceId;
            var (_, packages) = await s.Load(ws);
            await s.SavePrivate(ws, party.ToUpperInvariant(), WorkspaceForms.Private(http.Request.Form, party.ToUpperInvariant(), packages[0].Values));
            return Results.Redirect($"/workspace/ws/{Uri.EscapeDataString(ws)}/private/{Uri.EscapeDataString(party.ToUpperInvariant())}");
        }).RequireWorkspace(WorkspaceOperation.WritePrivate);
    }

    private static IResult Login(HttpContext http, IAntiforgery af, string? error, int status) => Page(http, "Sign in",
        (error is null ? "" : $"<p role=\"alert\">{E(error)}</p>") +
        "<form method=\"post\" action=\"/workspace/login\">" + Token(af.GetAndStoreTokens(http).RequestToken!) +
        "<p><label>User name <input name=\"user\" autocomplete=\"username\" required maxlength=\"64\"></label></p>" +
        "<p><label>Password <input name=\"password\" type=\"password\" autocomplete=\"current-password\" required maxlength=\"200\"></label></p>" +
        "<p><button type=\"submit\">Sign in</button></p></form>", status);

    private static IResult Invite(HttpContext http, IAntiforgery af, string token, string role, string? error) => Page(http, "Accept invitation",
        (error is null ? "" : $"<p role=\"alert\">{E(error)}</p>") + $"<p>You are invited as <b>{E(role)}</b>. Choose a user name and a password (at least 10 characters).</p>" +
        "<form method=\"post\" action=\"/workspace/invite\">" + Token(af.GetAndStoreTokens(http).RequestToken!) + $"<input type=\"hidden\" name=\"token\" value=\"{E(token)}\">" +
        "<p><label>User name <input name=\"user\" autocomplete=\"username\" required maxlength=\"64\"></label></p>" +
        "<p><label>Password <input name=\"password\" type=\"password\" autocomplete=\"new-password\" required maxlength=\"200\"></label></p>" +
        "<p><button type=\"submit\">Create account</button></p></form>");

    private static string Logout(IAntiforgery af, HttpContext http) =>
        "<form method=\"post\" action=\"/workspace/logout\">" + Token(af.GetAndStoreTokens(http).RequestToken!) + "<button type=\"submit\">Sign out</button></form>";
}
