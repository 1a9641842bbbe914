using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Parley.Application;
using Parley.Reports;
using Parley.Web.Internals;
using Parley.Web.Jobs;
using Parley.Web.Runs;

namespace Parley.Web.Api;

/// <summary>New weights and reservation values for a re-ranking (null keeps the file's).</summary>
public sealed record RerankRequest(IReadOnlyList<double>? Weights1, IReadOnlyList<double>? Weights2, double? Reservation1, double? Reservation2);

/// <summary>Negotiation endpoints: <c>POST /api/negotiate</c>, the room's jobs and re-ranking.</summary>
internal static class NegotiationApi
{
    public const string DefaultName = "negotiation.yaml";

    public static void MapNegotiationApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/negotiate", async (HttpRequest request, Workbench bench, DrawRuns drawRuns, WebOptions o, string? name, bool? sensitivity,
            string? draws, string? seed, string? resolve, string? progress) =>
        {
            var yaml = await RequestBodies.ReadTextAsync(request, o.MaxRequestBytes);
            var file = ScenarioApi.FileName(name, DefaultName);
            var ask = DrawsRequest.Parse(draws, seed, resolve, o.MaxDraws);
            var spec = NegotiationRunner.LoadText(yaml, file);
            // As `parley negotiate FILE`: draws when asked for (draws=N) or when the file's uncertainty: block sets them.
            if (ask.Draws is not null || spec.Uncertainty?.Draws is not null)
                return Results.Text((await drawRuns.RunAsync(yaml, file, ask, progress, request.HttpContext.RequestAborted)).Json, "application/json; charset=utf-8");
            if (ask.HasDrawOptions)
                throw new ParleyInputException("(request)", null, seed is not null ? "seed" : "resolve", seed ?? resolve, "draws=N as well (seed and resolve belong to a draws run)");
            var options = new NegotiationRunOptions { Sensitivity = sensitivity ?? true }.Validated();
            Negotiation.NegotiationAnalysis.CheckLimits(spec, options.EnumerationLimit, options.PackageLimit);
            return Results.Text(NegotiationReport.SolutionsJson(bench.Negotiate(spec, yaml, options)), "application/json; charset=utf-8");
        }).WithSummary("Price and analyse a negotiation (the YAML of `parley negotiate`); returns solutions.json, the JSON of `parley negotiate --format json`. "
                       + "With draws=N (1 … WebOptions.MaxDraws, default cap 1,000), seed=S and resolve=headline|zopa (progress=ID: poll /api/draws/ID), or when the file sets uncertainty.draws: "
                       + "the JSON of `parley negotiate FILE --draws N --seed S --format json`.")
          .Produces(200, contentType: "application/json");

        app.MapPost("/api/jobs/negotiation", async (HttpRequest request, Workbench bench, JobBoard jobs, Examples examples, WebOptions o, string? example, string? name, bool? sensitivity) =>
        {
            string yaml, inputName;
            Negotiation.NegotiationSpec spec;
            if (example is not null)
            {
                var path = examples.NegotiationPath(example);
                yaml = await File.ReadAllTextAsync(path);
                spec = NegotiationRunner.Load(path); // a real file: its overlays resolve next to it
                inputName = Path.GetFileName(path);
            }
            else
            {
                yaml = await RequestBodies.ReadTextAsync(request, o.MaxRequestBytes);
                inputName = ScenarioApi.FileName(name, DefaultName);
                spec = NegotiationRunner.LoadText(yaml, inputName);
            }
            var options = new NegotiationRunOptions { Sensitivity = sensitivity ?? false }.Validated();
            Negotiation.NegotiationAnalysis.CheckLimits(spec, options.EnumerationLimit, options.PackageLimit);
            var job = jobs.Start("negotiation", j => bench.StoreNegotiation(spec, yaml, inputName, options, j.Progress));
            return Results.Json(new { id = job.Id }, Internals.RequestBodies.Compact, statusCode: 202);
        }).WithSummary("Start pricing a negotiation (a shipped example or the posted YAML) in the background; poll /api/jobs/{id}.");

        app.MapPost("/api/runs/{id}/rerank", async (string id, HttpRequest request, RunStore store, WebOptions o) =>
        {
            var run = store.Get(id);
            if (run is not { Kind: "negotiation" }) return Results.Json(new { error = $"(request): field 'id' = '{Shown(id)}': expected the id of a stored negotiation run" }, Internals.RequestBodies.Compact, statusCode: 404);
            var ask = await RequestBodies.ReadJsonAsync<RerankRequest>(request, o.MaxRequestBytes);
            var space = System.Text.Json.JsonSerializer.Deserialize<NegotiationSpace>(run.ViewJson, ScenarioReport.Json)!;
            return Results.Json(space.Rerank(ask.Weights1, ask.Weights2, ask.Reservation1, ask.Reservation2), ScenarioReport.Json);
        }).WithSummary("Re-rank a stored negotiation's packages with other weights and reservation values (no model is solved).");
    }

    internal static string Shown(string s) => s.Length <= 40 && s.All(char.IsAsciiLetterOrDigit) ? s : "…";
}
