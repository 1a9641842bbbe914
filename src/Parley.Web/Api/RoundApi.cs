using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Parley.Application;
using Parley.Rounds;
using Parley.Web.Internals;
using Parley.Web.Runs;

namespace Parley.Web.Api;

/// <summary>The negotiation room's "paste an article" box: <c>POST /api/rounds/extract</c> previews a round, never stores it.</summary>
internal static class RoundApi
{
    /// <summary>The name errors and the record's <c>source</c> give a pasted article.</summary>
    public const string SourceName = "article";

    public static void MapRoundApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/rounds/extract", async (HttpRequest request, RunStore store, WebOptions o, string? published, string? run) =>
        {
            var date = RoundExtraction.ParsePublished(published, "(request)", "published");
            Negotiation.NegotiationSpec? negotiation = null;
            if (run is not null)
            {
                if (store.Get(run) is not { Kind: "negotiation" } stored)
                    return Results.Json(new { error = $"(request): field 'run' = '{NegotiationApi.Shown(run)}': expected the id of a stored negotiation run" }, RequestBodies.Compact, statusCode: 404);
                negotiation = NegotiationRunner.LoadText(stored.InputYaml, stored.InputName); // the run keeps its input YAML, not the spec
            }
            var text = await RequestBodies.ReadTextAsync(request, o.MaxRequestBytes);
            var result = RoundExtraction.Extract(text, SourceName, date, negotiation);
            var answer = new JsonObject
            {
                ["record"] = RoundDocument.Node(result.Record),
                ["proposed_rounds"] = result.Proposal is { } p ? RoundExtraction.ProposedRoundsYaml([p]) : null,
            };
            return Results.Text(answer.ToJsonString(RoundDocument.JsonOptions), "application/json; charset=utf-8");
        }).WithSummary("Preview the round a news article (plain text or HTML body) reports: record is the JSON of `parley rounds extract --format json`; "
                       + "with run= a stored negotiation, proposed_rounds is its proposed `rounds:` YAML. Nothing is stored or edited.")
          .Produces(200, contentType: "application/json");
    }
}
