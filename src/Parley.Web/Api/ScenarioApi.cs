using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Parley.Application;
using Parley.Reports;
using Parley.Web.Internals;
using Parley.Web.Jobs;
using Parley.Web.Runs;

namespace Parley.Web.Api;

/// <summary>A scenario form as JSON (snake_case): the fields of <see cref="ScenarioDraft"/>.</summary>
public sealed record ScenarioForm(string? Name, string? Model, string? Dataset, string? StatusQuoDate, IReadOnlyList<TariffChangeDraft>? Changes, string? Report)
{
    /// <summary>The draft, with defaults: one-sector on world-2023.</summary>
    public ScenarioDraft ToDraft() => new(Name ?? "", Model ?? "one-sector", Dataset ?? "world-2023", StatusQuoDate, Changes ?? [], Report);
}

/// <summary>Scenario endpoints: <c>POST /api/simulate</c> (YAML in, result.json out) and the scenario page's jobs.</summary>
internal static class ScenarioApi
{
    /// <summary>Default file name of a posted scenario, used in error messages (as <c>parley simulate scenario.yaml</c> would name it).</summary>
    public const string DefaultName = "scenario.yaml";

    public static void MapScenarioApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/simulate", async (HttpRequest request, Workbench bench, WebOptions o, string? name) =>
        {
            var yaml = await RequestBodies.ReadTextAsync(request, o.MaxRequestBytes);
            var scenario = ScenarioRunner.LoadText(yaml, FileName(name, DefaultName));
            return Results.Text(ScenarioReport.ResultJson(bench.Simulate(scenario, yaml)), "application/json; charset=utf-8");
        }).WithSummary("Solve a scenario (the YAML of `parley simulate`); returns result.json, the JSON of `parley simulate --format json`.")
          .Produces(200, contentType: "application/json");

        app.MapPost("/api/scenario/yaml", async (HttpRequest request, WebOptions o) =>
        {
            var draft = (await RequestBodies.ReadJsonAsync<ScenarioForm>(request, o.MaxRequestBytes)).ToDraft();
            return Results.Text(draft.ToYaml(), "application/yaml; charset=utf-8");
        }).WithSummary("The scenario YAML of a form (what `parley simulate` reads).");

        app.MapPost("/api/jobs/scenario", async (HttpRequest request, Workbench bench, JobBoard jobs, WebOptions o) =>
        {
            var draft = (await RequestBodies.ReadJsonAsync<ScenarioForm>(request, o.MaxRequestBytes)).ToDraft();
            int? RowOf(ParleyInputException e) => e.LineNumber is { } line && draft.ChangeLines().ToList().IndexOf(line) is var k and >= 0 ? k : null;
            Scenarios.Scenario scenario;
            try
            {
                scenario = draft.ToScenario(DefaultName); // syntax and ranges before any job starts; codes are checked when it runs
            }
            catch (ParleyInputException e)
            {
                return Results.Json(new { error = e.Message, field = e.Field, row = RowOf(e) }, Internals.RequestBodies.Compact, statusCode: 400);
            }
            var yaml = draft.ToYaml();
            var job = jobs.Start("scenario", _ => bench.StoreScenario(scenario, yaml, DefaultName), RowOf);
            return Results.Json(new { id = job.Id }, Internals.RequestBodies.Compact, statusCode: 202);
        }).WithSummary("Start solving a scenario form in the background; poll /api/jobs/{id}.");
    }

    /// <summary>A request's file name for messages: the name given (letters, digits, . _ -; at most 64), else the default.</summary>
    internal static string FileName(string? name, string fallback) =>
        name is { Length: > 0 and <= 64 } n && n.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-') && !n.StartsWith('.') ? n : fallback;
}
