using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Parley.Reports;
using Parley.Web.Internals;
using Parley.Web.Runs;

namespace Parley.Web.Api;

/// <summary>The negotiation room's probability layer: draws of a stored run's file, and their progress.</summary>
internal static class DrawsApi
{
    public static void MapDrawsApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/runs/{id}/uncertainty", async (string id, HttpContext context, RunStore store, DrawRuns drawRuns, WebOptions o,
            string? draws, string? seed, string? resolve, string? progress) =>
        {
            if (store.Get(id) is not { Kind: "negotiation" } run)
                return Results.Json(new { error = $"(request): field 'id' = '{NegotiationApi.Shown(id)}': expected the id of a stored negotiation run" }, RequestBodies.Compact, statusCode: 404);
            var ask = DrawsRequest.Parse(draws, seed, resolve, o.MaxDraws);
            var answer = await drawRuns.RunAsync(run.InputYaml, run.InputName, ask, progress, context.RequestAborted); // the run keeps its input YAML
            // The CLI's JSON verbatim under "uncertainty"; the central draw beside it (not part of the CLI's object).
            return Results.Text($$"""{"run": {{JsonSerializer.Serialize(run.Id)}}, "uncertainty": {{answer.Json}}, "central": {{JsonSerializer.Serialize(answer.Central, ScenarioReport.Json)}}}""",
                "application/json; charset=utf-8");
        }).WithSummary("Draw a stored negotiation run's uncertain inputs (draws=N up to WebOptions.MaxDraws, seed=S, resolve=headline|zopa, progress=ID): "
                       + "uncertainty is the JSON of `parley negotiate FILE --draws N --format json`, central the central draw's utilities, Nash and Kalai packages.")
          .Produces(200, contentType: "application/json");

        app.MapGet("/api/draws/{progress}", (string progress, DrawRuns drawRuns) => drawRuns.Progress(progress) is { } p
            ? Results.Json(new { state = p.State, done = p.Done, total = p.Total }, RequestBodies.Compact)
            : Results.Json(new { error = $"(request): field 'progress' = '{NegotiationApi.Shown(progress)}': expected the id of a running draws request" }, RequestBodies.Compact, statusCode: 404))
          .WithSummary("Progress of a running draws request (the progress=ID it was started with): waiting or running, draws done of total.");
    }
}
