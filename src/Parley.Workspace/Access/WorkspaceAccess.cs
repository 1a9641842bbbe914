// The ONE place that decides who may do what in a workspace (decision 0026, docs/security.md). Every endpoint declares
// its operation (RequireWorkspace); an endpoint filter resolves the caller's membership and asks the resource-based
// authorization handler below, whose table is the whole policy. A caller who is not a member, or who asks for another
// party's private objects, gets 404 (the object's existence is not confirmed); a member whose role lacks the operation
// gets 403. Endpoints then read the resolved membership (WorkspaceAccess.Current), never a party from the request.
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Parley.Workspace.Storage;

namespace Parley.Workspace.Access;

/// <summary>What an endpoint does in a workspace.</summary>
public enum WorkspaceOperation
{
    /// <summary>See the workspace's name, issues, options and releases.</summary>
    ViewPublic,
    /// <summary>See the offers and the round timeline with public pricing.</summary>
    ViewOffers,
    /// <summary>Propose an offer.</summary>
    PostOffer,
    /// <summary>Read a party's private inputs and private pricing (route value <c>party</c>).</summary>
    ReadPrivate,
    /// <summary>Change a party's private inputs (route value <c>party</c>).</summary>
    WritePrivate,
    /// <summary>Run the analysis with everyone's private inputs.</summary>
    Analyse,
    /// <summary>Release an item publicly.</summary>
    Release,
}

/// <summary>The resource being accessed: a workspace, and the party whose private objects are addressed (or null).</summary>
/// <param name="Role">The caller's role in the workspace.</param>
/// <param name="Party">Party addressed by the route, or null.</param>
public sealed record WorkspaceResource(WorkspaceRole Role, string? Party);

/// <summary>The caller's membership, resolved by the filter.</summary>
/// <param name="WorkspaceId">Workspace.</param>
/// <param name="UserName">User name.</param>
/// <param name="Role">Role.</param>
public sealed record WorkspaceMember(string WorkspaceId, string UserName, WorkspaceRole Role);

/// <summary>The policy table: role × operation (× party for private objects).</summary>
public sealed class WorkspaceAccessHandler : AuthorizationHandler<OperationAuthorizationRequirement, WorkspaceResource>
{
    /// <inheritdoc />
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, OperationAuthorizationRequirement requirement, WorkspaceResource resource)
    {
        if (Allows(resource, Enum.Parse<WorkspaceOperation>(requirement.Name))) context.Succeed(requirement);
        return Task.CompletedTask;
    }

    /// <summary>The policy.</summary>
    public static bool Allows(WorkspaceResource r, WorkspaceOperation op) => op switch
    {
        WorkspaceOperation.ViewPublic => true,
        WorkspaceOperation.ViewOffers => r.Role.IsDelegate || r.Role == WorkspaceRole.Mediator,
        WorkspaceOperation.PostOffer => r.Role.IsDelegate,
        WorkspaceOperation.ReadPrivate => r.Party is not null && (r.Role.Party == r.Party || r.Role == WorkspaceRole.Mediator),
        WorkspaceOperation.WritePrivate => r.Party is not null && r.Role.Party == r.Party,
        WorkspaceOperation.Analyse or WorkspaceOperation.Release => r.Role == WorkspaceRole.Mediator,
        _ => false,
    };
}

/// <summary>Endpoint metadata and the filter that enforces it.</summary>
public static class WorkspaceAccess
{
    private const string ItemKey = "parley.workspace.member";

    /// <summary>Declares the operation of an endpoint with a <c>{ws}</c> route value; the filter enforces it.</summary>
    public static TBuilder RequireWorkspace<TBuilder>(this TBuilder builder, WorkspaceOperation operation) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var user = http.User.Identity?.Name;
            if (user is null)
                return http.Request.Path.StartsWithSegments("/workspace/api") ? Results.Unauthorized() : Results.Redirect("/workspace/login");
            var ws = http.Request.RouteValues["ws"] as string ?? "";
            var party = (http.Request.RouteValues["party"] as string)?.ToUpperInvariant();
            var db = http.RequestServices.GetRequiredService<WorkspaceDb>();
            var role = await (from m in db.Memberships
                              join u in db.Users on m.UserId equals u.Id
                              where m.WorkspaceId == ws && u.UserName == user
                              select m.Role).FirstOrDefaultAsync(http.RequestAborted);
            var api = http.Request.Path.StartsWithSegments("/workspace/api");
            if (role is null) return Denied(http, api, StatusCodes.Status404NotFound);
            var member = new WorkspaceMember(ws, user, ParseStored(role));
            var auth = http.RequestServices.GetRequiredService<IAuthorizationService>();
            var result = await auth.AuthorizeAsync(http.User, new WorkspaceResource(member.Role, party), new OperationAuthorizationRequirement { Name = operation.ToString() });
            if (!result.Succeeded)
                return Denied(http, api, operation is WorkspaceOperation.ReadPrivate or WorkspaceOperation.WritePrivate ? StatusCodes.Status404NotFound : StatusCodes.Status403Forbidden);
            http.Items[ItemKey] = member;
            return await next(context);
        });

    /// <summary>The same answer for every denial of a kind: an empty API status, or a page that names nothing.</summary>
    private static IResult Denied(HttpContext http, bool api, int status) => api
        ? Results.StatusCode(status)
        : Web.Html.Page(http, status == 404 ? "Not found" : "Not allowed", status == 404 ? "<p>There is no such page.</p>" : "<p>Your role does not allow this.</p>", status);

    /// <summary>The membership the filter resolved for this request.</summary>
    public static WorkspaceMember Current(HttpContext http) => http.Items[ItemKey] as WorkspaceMember
        ?? throw new InvalidOperationException("endpoint has no RequireWorkspace operation");

    /// <summary>Parses a stored role (written by this assembly, so always well formed).</summary>
    public static WorkspaceRole ParseStored(string role) => role switch
    {
        "mediator" => WorkspaceRole.Mediator,
        "observer" => WorkspaceRole.Observer,
        _ => new WorkspaceRole("delegate", role["delegate:".Length..]),
    };
}
