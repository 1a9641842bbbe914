using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Parley.Reports;
using Parley.Web.Jobs;
using Parley.Web.Runs;

namespace Parley.Web.Api;

/// <summary>Runs and jobs: list, read, delete, download a run's files; poll and cancel jobs.</summary>
internal static class RunApi
{
    public static void MapRunApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/jobs/{id}", (string id, JobBoard jobs) => jobs.Get(id) is { } j
            ? Results.Json(new { id = j.Id, kind = j.Kind, status = j.Status, finished = j.Finished, done = j.Done, total = j.Total, error = j.Error, error_status = j.ErrorStatus, field = j.ErrorField, row = j.ErrorRow, run_id = j.RunId, url = j.RunId is { } r ? $"/runs/{r}" : null }, Internals.RequestBodies.Compact)
            : NotFound("job", id)).WithSummary("A background job's status and progress.");
        app.MapPost("/api/jobs/{id}/cancel", (string id, JobBoard jobs) => jobs.Cancel(id) ? Results.Json(new { id, status = "cancelled" }) : NotFound("job", id))
            .WithSummary("Cancel a background job.");

        app.MapGet("/api/runs", (RunStore store) => Results.Json(store.List().Select(r => new { id = r.Id, kind = r.Kind, name = r.Name, created_utc = r.CreatedUtc, url = $"/runs/{r.Id}" })))
            .WithSummary("Every stored run, newest first.");
        app.MapGet("/api/runs/{id}", (string id, RunStore store) => store.Get(id) is { } r
            ? Results.Text($$"""{"id": {{JsonSerializer.Serialize(r.Id)}}, "kind": {{JsonSerializer.Serialize(r.Kind)}}, "name": {{JsonSerializer.Serialize(r.Name)}}, "created_utc": {{JsonSerializer.Serialize(r.CreatedUtc)}}, "manifest": {{r.ManifestJson}}, "result": {{r.ResultJson}}}""", "application/json; charset=utf-8")
            : NotFound("run", id)).WithSummary("A stored run: its manifest and its result JSON.");
        app.MapDelete("/api/runs/{id}", (string id, RunStore store) => store.Delete(id) ? Results.NoContent() : NotFound("run", id)).WithSummary("Delete a stored run and its files.");

        app.MapGet("/runs/{id}/files/{name}", (string id, string name, RunStore store) =>
        {
            if (store.Get(id) is not { } run) return NotFound("run", id);
            if (name == run.InputName)
                return Results.File(System.Text.Encoding.UTF8.GetBytes(run.InputYaml), "application/yaml; charset=utf-8", run.InputName);
            if (!Listed(run, name)) return NotFound("file", name);
            var path = Path.Combine(store.FolderOf(id), name);
            return File.Exists(path) ? Results.File(path, ContentType(name), name) : NotFound("file", name);
        }).WithSummary("Download one file of a run (the files its manifest lists, or its input YAML).");
    }

    /// <summary>True when the run's manifest lists <paramref name="name"/> (only those files are served, never a path).</summary>
    internal static bool Listed(RunRecord run, string name)
    {
        using var doc = JsonDocument.Parse(run.ManifestJson);
        return name == OutputDirectory.ManifestFile || doc.RootElement.TryGetProperty(OutputDirectory.FilesField, out var files)
            && files.EnumerateArray().Any(f => f.TryGetProperty("name", out var n) && n.GetString() == name);
    }

    /// <summary>The files a run's manifest lists.</summary>
    internal static IReadOnlyList<string> Files(RunRecord run)
    {
        using var doc = JsonDocument.Parse(run.ManifestJson);
        return doc.RootElement.TryGetProperty(OutputDirectory.FilesField, out var files)
            ? files.EnumerateArray().Select(f => f.GetProperty("name").GetString()!).ToArray() : [];
    }

    private static string ContentType(string name) => Path.GetExtension(name) switch
    {
        ".csv" => "text/csv; charset=utf-8",
        ".json" => "application/json; charset=utf-8",
        ".html" => "text/html; charset=utf-8",
        ".xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        _ => "application/octet-stream",
    };

    private static IResult NotFound(string what, string id) =>
        Results.Json(new { error = $"(request): field '{what}' = '{NegotiationApi.Shown(id)}': expected an existing {what}" }, Internals.RequestBodies.Compact, statusCode: 404);
}
