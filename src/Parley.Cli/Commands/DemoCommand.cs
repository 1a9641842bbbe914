using System.ComponentModel;
using Parley.Application;
using System.Globalization;
using Parley.Scenarios;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Parley.Cli.Commands;

/// <summary><c>parley demo</c>: the Liberation Day case, then the US–Japan set compared side by side.</summary>
internal sealed class DemoCommand : Command<DemoCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--wide")]
        [Description("Print every table column even when the table is wider than the terminal.")]
        public bool Wide { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var console = AnsiConsoleAccessor.Console;
        var examples = ExamplesFolder();
        var liberation = ScenarioRunner.Run(ScenarioRunner.Load(Path.Combine(examples, "liberation-day.yaml")), "parley demo");
        ResultTables.Summary(liberation).Write(console, settings.Wide);

        // The US–Japan offers against today's tariffs: the statutory schedule in force today (capped at its last revision),
        // with the aggregate US tariff on Japan at 10% / 15% / 0%; each reported as its change from that schedule.
        var files = Directory.GetFiles(Path.Combine(examples, "us-japan-schedule"), "*.yaml").Order(StringComparer.Ordinal).ToArray();
        var today = StatusQuoTariffs.Resolve(ScenarioRunner.Load(files[0]) with { Date = null, StatusQuo = null });
        var redated = files.Select(f => ScenarioRunner.Load(f) is var s
            ? s with { Date = today.Date, FromSchedule = new ScheduleSource(today.Date!.Value, null) } : null!).ToArray();
        var (comparison, results) = ScenarioComparison.Run(redated, today, "parley demo");
        CompareCommand.Table(comparison, ResultTables.PlaceNames(results), $"US–Japan offers against today's tariffs (schedule of {today.Date:yyyy-MM-dd})")
            .Write(console, settings.Wide);
        foreach (var c in comparison.Scenarios) console.MarkupLine($"[grey]{Markup.Escape(c.Label)}: {Markup.Escape(c.Name)}[/]");
        console.MarkupLine("[grey]Any set of files side by side: parley compare examples/us-japan-schedule/*.yaml --format csv[/]");

        var autoFiles = Directory.GetFiles(Path.Combine(examples, "world-autos"), "?-japan-*.yaml").Order(StringComparer.Ordinal).ToArray(); // 25%, 15%, 0%
        var autos = new ScenarioResult[autoFiles.Length];
        Parallel.For(0, autoFiles.Length, k => autos[k] = ScenarioRunner.Run(ScenarioRunner.Load(autoFiles[k]), "parley demo"));
        Autos(autos).Write(console, settings.Wide);

        var negotiation = NegotiationRunner.Run(NegotiationRunner.Load(Path.Combine(examples, "us-japan-2025.yaml")), new NegotiationRunOptions { Sensitivity = false });
        NegotiateCommand.Summary(console, negotiation, full: false, settings.Wide);
        console.MarkupLine("[grey]Full analysis (frontier, rounds, alternating offers, sensitivity, HTML report): parley negotiate examples/us-japan-2025.yaml --out report[/]");

        var solves = results.Concat(autos).Append(liberation).SelectMany(r => r.Diagnostics).ToArray();
        console.MarkupLine($"[grey]{solves.Length} equilibria solved (one-sector: 194 countries; multi-sector: 41 regions × 35 sectors); all converged: {solves.All(d => d.Converged)}; " +
                           $"max residual {solves.Max(d => d.ResidualNorm):E1}; slowest {solves.Max(d => d.ElapsedMilliseconds):F0} ms.[/]");
        console.MarkupLine("[grey]Scenario files: examples/liberation-day.yaml, examples/us-japan/*.yaml, examples/world-autos/*.yaml — copy one and run 'parley simulate FILE --out DIR'.[/]");
        return Program.Ok;
    }

    private static FittedTable Autos(ScenarioResult[] autos)
    {
        var d = autos[0].MultiSectorData!;
        var c15 = d.FindSector("c15")!;
        var table = new FittedTable("Autos: US tariff on Japanese transport equipment (c15) at 25% / 15% / 0%, Korea at 25% — multi-sector world of 2022 (data/world-2022)",
            "Welfare = exact real-income change (%); c15 output = gross output of transport equipment (%); autos sit inside c15 in WIOD.");
        table.Column("Country/group", ColumnKind.Label);
        var labels = new[] { "25%", "15%", "0%" };
        for (var k = 0; k < autos.Length; k++) table.Column($"Welfare @{labels[Math.Min(k, 2)]}");
        for (var k = 0; k < autos.Length; k++) table.Column($"c15 output @{labels[Math.Min(k, 2)]}");
        foreach (var row in autos[0].Rows)
        {
            var region = d.Regions.IndexOf(row.Label);
            var cells = new List<string> { ResultTables.Place(row.Label, row.Name, row.Members) };
            cells.AddRange(autos.Select(a => a.Rows.First(x => x.Label == row.Label).Welfare.ToString("F3", CultureInfo.InvariantCulture)));
            cells.AddRange(autos.Select(a => region >= 0 && row.Members == 1
                ? a.MultiSector!.SectorOutput[region * d.J + c15.Index].ToString("F2", CultureInfo.InvariantCulture) : "–"));
            table.Row(cells.ToArray());
        }
        return table;
    }

    /// <summary>The examples/ folder next to the program, else the nearest one above the working directory.</summary>
    public static string ExamplesFolder()
    {
        var beside = Path.Combine(AppContext.BaseDirectory, "examples");
        if (File.Exists(Path.Combine(beside, "liberation-day.yaml"))) return beside;
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "examples");
            if (File.Exists(Path.Combine(candidate, "liberation-day.yaml"))) return candidate;
        }
        throw new ParleyInputException("examples/", null, "(folder)", null, "the bundled examples folder next to the program");
    }
}
