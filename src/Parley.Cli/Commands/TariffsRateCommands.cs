using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using Parley.Internals;
using Parley.Reports;
using Parley.Tariffs;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Parley.Cli.Commands;

/// <summary><c>parley tariffs rate --date D --country C --hts H</c>.</summary>
internal sealed class TariffsRateCommand : Command<TariffsRateCommand.Settings>
{
    public sealed class Settings : TariffsSettings
    {
        [CommandOption("--date <DATE>")] [Description("Date, YYYY-MM-DD (from 2025-01-01).")] public string? Date { get; init; }
        [CommandOption("--country <PARTNER>")] [Description("Partner: ISO3, ISO2, Census code or name.")] public string? Country { get; init; }
        [CommandOption("--hts <CODE>")] [Description("HTS-8 or HTS-10 code, dots optional.")] public string? Hts { get; init; }
        [CommandOption("--effective")] [Description("Use the effective basis (preference and USMCA use) instead of the statutory rate.")] public bool Effective { get; init; }
    }

    public override int Execute(CommandContext context, Settings s, CancellationToken cancellationToken)
    {
        var engine = s.Engine();
        var r = engine.Rate(TariffsSettings.ParseDate(s.Date, "--date"), s.Country ?? throw Missing("--country"), s.Hts ?? throw Missing("--hts"),
            s.Effective ? RateBasis.Effective : RateBasis.Statutory);
        var console = AnsiConsoleAccessor.Console;
        if (s.Json)
        {
            console.Profile.Out.Writer.WriteLine(JsonSerializer.Serialize(Json(r, TariffsSettings.Manifest(engine, "tariffs rate")), ScenarioReport.Json));
            return Program.Ok;
        }
        if (s.Csv)
        {
            console.Profile.Out.Writer.Write(Csv(r));
            return Program.Ok;
        }
        Table(r).Write(console, s.Wide);
        return Program.Ok;
    }

    /// <summary>One row per component (one row with empty component fields when there is none); rates are fractions.</summary>
    internal static string Csv(TariffRate r)
    {
        string[] header = ["date", "partner_iso3", "partner_name", "census_code", "hts", "description", "basis", "total_rate", "authority", "measure_id", "heading", "program", "component_rate", "explanation"];
        var head = new[] { r.Date.ToString("yyyy-MM-dd"), r.Partner.Iso3, r.Partner.Name, r.Partner.CensusCode, r.Hts.ToString(), TariffsSettings.Describe(r.Hts.Digits), r.Basis.ToString(), CsvOutput.Number(r.Total) };
        var rows = r.Components.Count == 0
            ? [head.Concat(["", "", "", "", "", ""]).ToArray()]
            : r.Components.Select(c => head.Concat([c.Authority, c.MeasureId, c.Heading, c.Program, CsvOutput.Number(c.Rate), c.Explanation]).ToArray()).ToList();
        return CsvOutput.Text(header, rows);
    }

    internal static ParleyInputException Missing(string option) => new("(command line)", null, option, null, $"the option {option}");

    internal static object Json(TariffRate r, object manifest) => Parley.Application.TariffQueries.RateDocument(r, manifest);

    internal static FittedTable Table(TariffRate r)
    {
        var t = new FittedTable($"{r.Hts} {Describe(r.Hts)} from {TariffsSettings.PartnerName(r.Partner)} on {r.Date:yyyy-MM-dd}: {100 * r.Total:0.##}%",
            string.Join(" ", r.Notes.Prepend(r.Basis == RateBasis.Statutory ? "Statutory rate (no preference claims)." : "Effective basis.")));
        t.Column("Authority", ColumnKind.Label).Column("Measure", ColumnKind.Label).Column("Rate").Column("How", ColumnKind.Text).Column("Heading", ColumnKind.Text, optional: true);
        foreach (var c in r.Components)
            t.Row(c.Authority, c.MeasureId, (100 * c.Rate).ToString("0.###", CultureInfo.InvariantCulture) + "%", c.Explanation, c.Heading);
        t.Row(new Style(decoration: Decoration.Bold), "total", "", (100 * r.Total).ToString("0.###", CultureInfo.InvariantCulture) + "%", "", "");
        return t;
    }

    /// <summary>"(HS 870323: Vehicles; …)" for a title, shortened; empty when the HS has no description for the code.</summary>
    internal static string Describe(HtsCode hts) => HsDescriptions.Bundled.Find(hts.Digits) is { } d ? $"({d.Code}: {TariffsSettings.Short(d.Text, 90)})" : "";
}

/// <summary><c>parley tariffs timeline --country C --hts H</c>.</summary>
internal sealed class TariffsTimelineCommand : Command<TariffsTimelineCommand.Settings>
{
    public sealed class Settings : TariffsSettings
    {
        [CommandOption("--country <PARTNER>")] [Description("Partner: ISO3, ISO2, Census code or name.")] public string? Country { get; init; }
        [CommandOption("--hts <CODE>")] [Description("HTS-8 or HTS-10 code.")] public string? Hts { get; init; }
    }

    public override int Execute(CommandContext context, Settings s, CancellationToken cancellationToken)
    {
        var engine = s.Engine();
        var partner = engine.ResolvePartner(s.Country ?? throw TariffsRateCommand.Missing("--country"), "--country");
        var hts = engine.ResolveHts(s.Hts ?? throw TariffsRateCommand.Missing("--hts"), "--hts");
        var timeline = engine.Timeline(partner, hts);
        var console = AnsiConsoleAccessor.Console;
        if (s.Json)
        {
            console.Profile.Out.Writer.WriteLine(JsonSerializer.Serialize(Parley.Application.TariffQueries.TimelineDocument(partner, hts, timeline), ScenarioReport.Json));
            return Program.Ok;
        }
        if (s.Csv)
        {
            string[] header = ["from", "until", "partner_iso3", "partner_name", "hts", "description", "total_rate", "measures"];
            console.Profile.Out.Writer.Write(CsvOutput.Text(header, timeline.Select(i => (IReadOnlyList<string>)
            [
                i.From.ToString("yyyy-MM-dd"), i.Until.ToString("yyyy-MM-dd"), partner.Iso3, partner.Name, hts.ToString(), TariffsSettings.Describe(hts.Digits),
                CsvOutput.Number(i.Rate.Total), string.Join("; ", i.Rate.Components.Select(c => $"{c.MeasureId}={CsvOutput.Number(c.Rate)}")),
            ])));
            return Program.Ok;
        }
        var t = new FittedTable($"Timeline: {hts} {TariffsRateCommand.Describe(hts)} from {TariffsSettings.PartnerName(partner)}", "Until = the last day of the interval (inclusive).");
        t.Column("From").Column("Until").Column("Total").Column("Components", ColumnKind.Text);
        foreach (var i in timeline)
            t.Row(i.From.ToString("yyyy-MM-dd"), i.Until.ToString("yyyy-MM-dd"), (100 * i.Rate.Total).ToString("0.##", CultureInfo.InvariantCulture) + "%",
                string.Join(" + ", i.Rate.Components.Select(c => $"{c.MeasureId} {(100 * c.Rate).ToString("0.##", CultureInfo.InvariantCulture)}%")));
        t.Write(console, s.Wide);
        return Program.Ok;
    }
}
