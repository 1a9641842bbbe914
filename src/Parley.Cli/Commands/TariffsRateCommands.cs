using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
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
        console.Write(Table(r));
        return Program.Ok;
    }

    internal static ParleyInputException Missing(string option) => new("(command line)", null, option, null, $"the option {option}");

    internal static object Json(TariffRate r, object manifest) => new
    {
        date = r.Date.ToString("yyyy-MM-dd"),
        partner = new { census_code = r.Partner.CensusCode, iso3 = r.Partner.Iso3, name = r.Partner.Name },
        hts = r.Hts.ToString(),
        basis = r.Basis,
        total_rate = r.Total,
        components = r.Components.Select(c => new { authority = c.Authority, program = c.Program, measure_id = c.MeasureId, heading = c.Heading, rate = c.Rate, explanation = c.Explanation }),
        notes = r.Notes,
        manifest,
    };

    internal static Table Table(TariffRate r)
    {
        var t = new Table().Title($"[bold]{r.Hts} from {Markup.Escape(r.Partner.ToString())} on {r.Date:yyyy-MM-dd}: {100 * r.Total:0.##}%[/]")
            .Caption(Markup.Escape(string.Join(" ", r.Notes.Prepend(r.Basis == RateBasis.Statutory ? "Statutory rate (no preference claims)." : "Effective basis."))));
        t.AddColumns("Authority", "Measure", "Heading", "Rate", "How");
        foreach (var c in r.Components)
            t.AddRow(Markup.Escape(c.Authority), Markup.Escape(c.MeasureId), Markup.Escape(c.Heading), (100 * c.Rate).ToString("0.###", CultureInfo.InvariantCulture) + "%", Markup.Escape(c.Explanation));
        t.AddRow("[bold]total[/]", "", "", $"[bold]{(100 * r.Total).ToString("0.###", CultureInfo.InvariantCulture)}%[/]", "");
        return t;
    }
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
            console.Profile.Out.Writer.WriteLine(JsonSerializer.Serialize(timeline.Select(i => new
            {
                from = i.From.ToString("yyyy-MM-dd"), until = i.Until.ToString("yyyy-MM-dd"), total_rate = i.Rate.Total,
                components = i.Rate.Components.Select(c => new { authority = c.Authority, measure_id = c.MeasureId, rate = c.Rate }),
            }), ScenarioReport.Json));
            return Program.Ok;
        }
        var t = new Table().Title($"[bold]Timeline: {hts} from {Markup.Escape(partner.ToString())}[/]");
        t.AddColumns("From", "Until", "Total", "Components");
        foreach (var i in timeline)
            t.AddRow(i.From.ToString("yyyy-MM-dd"), i.Until.ToString("yyyy-MM-dd"), (100 * i.Rate.Total).ToString("0.##", CultureInfo.InvariantCulture) + "%",
                Markup.Escape(string.Join(" + ", i.Rate.Components.Select(c => $"{c.MeasureId} {(100 * c.Rate).ToString("0.##", CultureInfo.InvariantCulture)}%"))));
        console.Write(t);
        return Program.Ok;
    }
}
