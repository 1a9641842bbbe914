// The workspace's routes (decision 0026): HTML pages under /workspace and a JSON API under /workspace/api. Every route
// passes three group filters in this order: errors (one place turns input errors into 400 with one line, and any
// other failure into a 500 that names no value; logs carry the exception type only), the body limit and antiforgery
// check of every state-changing request, then the endpoint's declared WorkspaceOperation (Access/WorkspaceAccess).
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Parley.Workspace.Access;
using Parley.Workspace.Internals;
using Parley.Workspace.Storage;
using Parley.Workspace.Web;

namespace Parley.Workspace;

/// <summary>Maps the workspace's pages and API.</summary>
public static class WorkspaceEndpoints
{
    /// <summary>Header carrying the antiforgery token on API requests.</summary>
    public const string AntiforgeryHeader = "X-CSRF-TOKEN";

    /// <summary>Form field carrying the antiforgery token.</summary>
    public const string AntiforgeryField = "__RequestVerificationToken";

    /// <summary>Maps every page and API route of the workspace.</summary>
    public static IEndpointRouteBuilder MapParleyWorkspace(this IEndpointRouteBuilder app)
    {
        var root = app.MapGroup("/workspace");
        root.AddEndpointFilter(Errors).AddEndpointFilter(BodyLimitAndAntiforgery);
        WorkspacePages.Map(root);
        var api = root.MapGroup("/api");
        api.MapGet("/antiforgery", (HttpContext http, IAntiforgery af) =>
        {
            var tokens = af.GetAndStoreTokens(http);
            return Results.Json(new { header = AntiforgeryHeader, token = tokens.RequestToken }, WorkspaceJson.Options);
        });
        api.MapGet("/workspaces", async (HttpContext http, WorkspaceService s) => http.User.Identity?.Name is { } user
            ? Results.Json((await s.MembershipsOf(user)).Select(m => new { id = m.Id, name = m.Name, role = m.Role }), WorkspaceJson.Options)
            : Results.Unauthorized());
        var ws = api.MapGroup("/ws/{ws}");
        ws.MapGet("", async (HttpContext http, WorkspaceService s) => Json((await s.Load(Member(http).WorkspaceId)).View)).RequireWorkspace(WorkspaceOperation.ViewPublic);
        ws.MapGet("/releases", async (HttpContext http, WorkspaceService s) => Json(await s.Releases(Member(http).WorkspaceId))).RequireWorkspace(WorkspaceOperation.ViewPublic);
        ws.MapGet("/offers", async (HttpContext http, WorkspaceService s) => Json(await s.Offers(Member(http)))).RequireWorkspace(WorkspaceOperation.ViewOffers);
        ws.MapPost("/offers", async (HttpContext http, WorkspaceService s) =>
        {
            var number = await s.PostOffer(Member(http), await WorkspaceJson.ReadBody<OfferRequest>(http.Request));
            return Results.Json(new { number }, WorkspaceJson.Options, statusCode: StatusCodes.Status201Created);
        }).RequireWorkspace(WorkspaceOperation.PostOffer);
        ws.MapGet("/private/{party}", async (HttpContext http, string party, WorkspaceService s) =>
            await s.ReadPrivate(Member(http).WorkspaceId, party.ToUpperInvariant()) is { } p ? Json(p) : Results.NotFound()).RequireWorkspace(WorkspaceOperation.ReadPrivate);
        ws.MapPost("/private/{party}", async (HttpContext http, string party, WorkspaceService s) =>
        {
            await s.SavePrivate(Member(http).WorkspaceId, party.ToUpperInvariant(), await WorkspaceJson.ReadBody<PrivateInputsRequest>(http.Request));
            return Results.NoContent();
        }).RequireWorkspace(WorkspaceOperation.WritePrivate);
        ws.MapGet("/private/{party}/offers/{number:int}", async (HttpContext http, string party, int number, WorkspaceService s) =>
            await s.PrivatePricing(Member(http).WorkspaceId, party.ToUpperInvariant(), number) is { } p ? Json(p) : Results.NotFound()).RequireWorkspace(WorkspaceOperation.ReadPrivate);
        ws.MapGet("/analysis", async (HttpContext http, WorkspaceService s) => Json((await s.Analyse(Member(http).WorkspaceId)).View)).RequireWorkspace(WorkspaceOperation.Analyse);
        ws.MapPost("/releases", async (HttpContext http, WorkspaceService s) =>
        {
            var number = await s.Release(Member(http), await WorkspaceJson.ReadBody<ReleaseRequest>(http.Request));
            return Results.Json(new { number }, WorkspaceJson.Options, statusCode: StatusCodes.Status201Created);
        }).RequireWorkspace(WorkspaceOperation.Release);
        return app;
    }

    private static WorkspaceMember Member(HttpContext http) => WorkspaceAccess.Current(http);

    private static IResult Json<T>(T value) => Results.Json(value, WorkspaceJson.Options);

    private static bool IsApi(HttpContext http) => http.Request.Path.StartsWithSegments("/workspace/api");

    /// <summary>One error line for the caller; no value reaches the log (exception type and route only).</summary>
    private static async ValueTask<object?> Errors(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        try
        {
            return await next(context);
        }
        catch (ParleyInputException e) { return Fail(http, 400, "error: " + e.Message); }
        catch (BadHttpRequestException e) { return Fail(http, 400, $"error: request body: {(e.StatusCode == 413 ? $"at most {WorkspaceJson.MaxBodyBytes} bytes" : "malformed")}"); }
        catch (InvalidDataException) { return Fail(http, 400, "error: form body: malformed or too large"); }
        catch (AntiforgeryValidationException) { return Fail(http, 400, "error: antiforgery token missing or invalid (reload the page)"); }
        catch (InvitationRefusedException e) { return Fail(http, 400, "error: " + e.Message); }
        catch (AppendOnlyViolationException) { return Fail(http, 409, "error: offers and releases are append-only"); }
        catch (Exception e) when (!http.RequestAborted.IsCancellationRequested)
        {
            var id = http.TraceIdentifier;
            http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Parley.Workspace")
                .LogError("request {Id} {Method} {Route} failed: {Type} {SqlState}", id, http.Request.Method, (http.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText,
                    e.GetType().Name, (e.InnerException as System.Data.Common.DbException)?.SqlState);
            return Fail(http, 500, $"internal error (request {id}); the server log names its kind");
        }
    }

    private static IResult Fail(HttpContext http, int status, string message) => IsApi(http)
        ? Results.Json(new { error = message }, WorkspaceJson.Options, statusCode: status)
        : Html.Page(http, status == 400 ? "Bad request" : "Error", $"<p role=\"alert\">{Html.E(message)}</p><p><a href=\"/workspace\">Back</a></p>", status);

    /// <summary>Bounds every body and checks antiforgery on every request that changes state.</summary>
    private static async ValueTask<object?> BodyLimitAndAntiforgery(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit) limit.MaxRequestBodySize = WorkspaceJson.MaxBodyBytes;
        if (http.Request.ContentLength > WorkspaceJson.MaxBodyBytes)
            throw new ParleyInputException("(request)", null, "body", $"{http.Request.ContentLength} bytes", $"at most {WorkspaceJson.MaxBodyBytes} bytes");
        if (!HttpMethods.IsGet(http.Request.Method) && !HttpMethods.IsHead(http.Request.Method))
        {
            if (http.Request.HasFormContentType)
                await http.Request.ReadFormAsync(new FormOptions { ValueCountLimit = 200, ValueLengthLimit = WorkspaceJson.MaxBodyBytes, KeyLengthLimit = 200 }, http.RequestAborted);
            await http.RequestServices.GetRequiredService<IAntiforgery>().ValidateRequestAsync(http);
        }
        return await next(context);
    }
}
