using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Parley.Application;
using Parley.Reports;
using Parley.Tariffs;

namespace Parley.Web.Api;

/// <summary>Tariff endpoints: the JSON of <c>parley tariffs rate|timeline|etr --format json</c>, and a line search.</summary>
internal static class TariffApi
{
    private const string Source = "(query)";

    public static void MapTariffApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/tariffs/rate", (string? date, string? country, string? hts, bool? effective) =>
        {
            var engine = TariffQueries.Bundled;
            var d = TariffQueries.ParseDate(Required(date, "date"), "date", Source);
            var r = engine.Rate(d, Required(country, "country"), Required(hts, "hts"), effective == true ? RateBasis.Effective : RateBasis.Statutory);
            return Json(TariffQueries.RateDocument(r, TariffQueries.Manifest(engine, "tariffs rate")));
        }).WithSummary("A line's US rate for a partner and date with its legal breakdown (as `parley tariffs rate --format json`).");

        app.MapGet("/api/tariffs/timeline", (string? country, string? hts) =>
        {
            var engine = TariffQueries.Bundled;
            var partner = engine.ResolvePartner(Required(country, "country"), "country");
            var code = engine.ResolveHts(Required(hts, "hts"), "hts");
            return Json(TariffQueries.TimelineDocument(partner, code, engine.Timeline(partner, code)));
        }).WithSummary("A line's rate across every revision (as `parley tariffs timeline --format json`; `until` inclusive).");

        app.MapGet("/api/tariffs/etr", (string? from, string? to, string? partner, string? step, Runs.ResultCache cache) =>
        {
            var engine = TariffQueries.Bundled;
            var f = TariffQueries.ParseDate(Required(from, "from"), "from", Source);
            var t = to is null ? engine.Schedule.LastRevision : TariffQueries.ParseDate(to, "to", Source);
            var s = (step ?? "revision").ToLowerInvariant() switch
            {
                "revision" => EtrStep.Revision, "month" => EtrStep.Month,
                _ => throw new ParleyInputException(Source, null, "step", step, "revision or month"),
            };
            var p = partner is { Length: > 0 } ? engine.ResolvePartner(partner, "partner") : null;
            var series = cache.GetOrCompute(Runs.ResultCache.Key("etr", $"{f:yyyy-MM-dd} {t:yyyy-MM-dd} {s} {p?.CensusCode}"), () => TariffQueries.EtrSeries(engine, f, t, s, p));
            var manifest = TariffQueries.Manifest(engine, $"tariffs etr --from {f:yyyy-MM-dd} --to {t:yyyy-MM-dd} --step {s.ToString().ToLowerInvariant()}");
            manifest["weights"] = series[0].WeightsSource;
            return Results.Text(EtrSeriesReport.Json(series, manifest), "application/json; charset=utf-8");
        }).WithSummary("Import-weighted effective rate over time with contributions by authority, for all partners or one (as `parley tariffs etr --from --to --format json`).");

        app.MapGet("/api/tariffs/search", (string? q) => Json(new { lines = TariffQueries.Search(TariffQueries.Bundled, q) }))
            .WithSummary("HTS-8 lines by code prefix or description words (at most 50).");

        app.MapGet("/api/tariffs/info", () =>
        {
            var s = TariffQueries.Bundled.Schedule;
            return Json(new { last_revision = s.LastRevision.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), first_date = TariffSchedule.FirstDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) });
        }).WithSummary("The schedule's first date and last revision.");
    }

    private static string Required(string? value, string field) =>
        value is { Length: > 0 } ? value : throw new ParleyInputException(Source, null, field, null, $"the query parameter '{field}'");

    private static IResult Json(object o) => Results.Text(JsonSerializer.Serialize(o, ScenarioReport.Json), "application/json; charset=utf-8");
}
