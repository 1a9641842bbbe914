using System.Globalization;
using Parley.Reports;
using Parley.Tariffs;
using Spectre.Console;

namespace Parley.Cli.Commands;

/// <summary><c>parley tariffs etr --from D1 [--to D2] [--step revision|month] [--out DIR]</c>: the ETR by authority over a date range.</summary>
internal static class TariffsEtrRange
{
    public static int Execute(TariffsEtrCommand.Settings s)
    {
        if (s.From is null) throw new ParleyInputException("(command line)", null, "--from", null, "the first date of the range, e.g. --from 2025-01-01 (with --to or --out)");
        if (s.Date is not null) throw new ParleyInputException("(command line)", null, "--date", s.Date, "either --date or a range --from/--to, not both");
        var step = s.Step.Trim().ToLowerInvariant() switch
        {
            "revision" => EtrStep.Revision, "month" => EtrStep.Month,
            _ => throw new ParleyInputException("(command line)", null, "--step", s.Step, "revision or month"),
        };
        var json = s.Json;
        var engine = s.Engine();
        var from = TariffsSettings.ParseDate(s.From, "--from");
        var to = s.To is null ? engine.Schedule.LastRevision : TariffsSettings.ParseDate(s.To, "--to");
        var dates = EffectiveRateSeries.Dates(engine.Schedule, from, to, step);
        using var output = s.Out is { } dir ? OutputDirectory.Open(dir) : null; // before computing, not after
        var basis = s.Basis.ToLowerInvariant() switch
        {
            "consumption" => ImportBasis.Consumption, "general" => ImportBasis.General,
            _ => throw new ParleyInputException("(command line)", null, "--basis", s.Basis, "consumption or general"),
        };
        var weights = s.Weights is null ? ImportWeights.Bundled2024 : ImportWeights.Read(s.Weights, engine.Schedule, basis);
        var series = EffectiveRateSeries.Compute(engine, weights, dates);
        var manifest = TariffsSettings.Manifest(engine, $"tariffs etr --from {from:yyyy-MM-dd} --to {to:yyyy-MM-dd} --step {s.Step}");
        manifest["weights"] = series[0].WeightsSource;
        var console = AnsiConsoleAccessor.Console;
        string? written = output is null ? null : EtrSeriesReport.Write(series, manifest, output, to);
        if (json)
        {
            console.Profile.Out.Writer.WriteLine(EtrSeriesReport.Json(series, manifest));
            return Program.Ok;
        }
        var authorities = EffectiveRateSeries.Authorities(series);
        var shown = authorities.Take(5).ToArray();
        var t = new Table().Title($"[bold]Effective US tariff rate by authority, {from:yyyy-MM-dd} to {to:yyyy-MM-dd}[/]")
            .Caption(Markup.Escape($"percent of {series[0].WeightsSource}; contributions sum to the ETR" + (authorities.Count > shown.Length ? $"; other = {string.Join(", ", authorities.Skip(shown.Length))}" : "")));
        t.AddColumn("Date");
        t.AddColumn(new TableColumn("ETR").RightAligned());
        foreach (var a in shown) t.AddColumn(new TableColumn(Markup.Escape(Short(a))).RightAligned());
        if (authorities.Count > shown.Length) t.AddColumn(new TableColumn("other").RightAligned());
        foreach (var r in series)
        {
            var cells = new List<string> { r.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), TariffsDiffCommand.P(r.Etr) };
            cells.AddRange(shown.Select(a => TariffsDiffCommand.P(r.ByAuthority.GetValueOrDefault(a))));
            if (authorities.Count > shown.Length) cells.Add(TariffsDiffCommand.P(authorities.Skip(shown.Length).Sum(a => r.ByAuthority.GetValueOrDefault(a))));
            t.AddRow(cells.ToArray());
        }
        console.Write(t);
        if (written is not null) console.MarkupLine(Markup.Escape(output!.Summary(EtrSeriesReport.Files)));
        return Program.Ok;
    }

    /// <summary>Authority names short enough for an 80-column table (IEEPA_RECIPROCAL → RECIPROCAL).</summary>
    private static string Short(string authority) => authority.StartsWith("IEEPA_", StringComparison.Ordinal) ? authority[6..] : authority;
}
