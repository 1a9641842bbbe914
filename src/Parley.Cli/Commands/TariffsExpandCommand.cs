using System.ComponentModel;
using System.Globalization;
using Parley.Data;
using Parley.DuckDb;
using Parley.Reports;
using Parley.Tariffs;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Parley.Cli.Commands;

/// <summary><c>parley tariffs expand --out FILE.duckdb [--partners JPN,KOR] [--overlay FILE]</c>.</summary>
internal sealed class TariffsExpandCommand : Command<TariffsExpandCommand.Settings>
{
    public sealed class Settings : TariffsSettings
    {
        [CommandOption("--out <FILE>")] [Description("New DuckDB file to write (never overwritten).")] public string? Out { get; init; }
        [CommandOption("--partners <LIST>")] [Description("Comma-separated partners (ISO3, ISO2, Census code or name); default: all 240.")] public string? Partners { get; init; }
    }

    public override int Execute(CommandContext context, Settings s, CancellationToken cancellationToken)
    {
        var output = s.Out ?? throw TariffsRateCommand.Missing("--out");
        RatePanelStore.CheckNewFile(output); // before a minute of expansion, not after
        var engine = s.Engine();
        IReadOnlyList<Partner>? partners = s.Partners?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(p => engine.Schedule.FindPartner(p) ?? throw new ParleyInputException("(command line)", null, "--partners", p, "a partner the schedule knows (ISO3, ISO2, Census code or name)"))
            .Distinct().ToArray();
        var console = AnsiConsoleAccessor.Console;
        var count = partners?.Count ?? engine.Schedule.Partners.Count;
        ScheduleExpansion? expansion = null;
        if (console.Profile.Capabilities.Interactive)
            console.Progress().Start(ctx =>
            {
                var task = ctx.AddTask($"Expanding {count} partners", maxValue: count);
                expansion = ScheduleExpansion.Run(engine, partners, (done, _) => task.Value = done);
            });
        else
            expansion = ScheduleExpansion.Run(engine, partners);
        var x = expansion!;
        var manifest = TariffsSettings.Manifest(engine, "parley " + string.Join(' ', context.Arguments))
            .ToDictionary(kv => kv.Key, kv => kv.Value as string ?? string.Join("; ", (IEnumerable<string>)kv.Value));
        var rows = RatePanelStore.Write(x, output, manifest);
        console.MarkupLine(
            $"Wrote {Markup.Escape(output)}: {rows:N0} rate intervals for {x.Lines.Count:N0} HTS-8 lines × {x.Partners.Count} partner{(x.Partners.Count == 1 ? "" : "s")} × " +
            $"{x.Dates.Count} revision dates ({x.Evaluations:N0} rates evaluated in {x.ElapsedMilliseconds / 1000:F1} s).");
        console.MarkupLine("Rate of a line on day d: [grey]SELECT rate FROM rates WHERE hts8 = '87032301' AND census_code = '5880' AND valid_from <= DATE '2025-10-15' AND (valid_until IS NULL OR DATE '2025-10-15' < valid_until)[/]");
        return Program.Ok;
    }
}
