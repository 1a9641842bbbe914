using System.Globalization;
using Parley.Scenarios;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Parley.Cli.Commands;

/// <summary><c>parley demo</c>: the Liberation Day case, then the US–Japan set compared side by side.</summary>
internal sealed class DemoCommand : Command
{
    public override int Execute(CommandContext context, CancellationToken cancellationToken)
    {
        var console = AnsiConsoleAccessor.Console;
        var examples = ExamplesFolder();
        var liberation = ScenarioRunner.Run(ScenarioFile.Read(Path.Combine(examples, "liberation-day.yaml")), "parley demo");
        console.Write(ResultTables.Summary(liberation));

        var files = Directory.GetFiles(Path.Combine(examples, "us-japan"), "*.yaml").Order(StringComparer.Ordinal).ToArray();
        var results = new ScenarioResult[files.Length];
        Parallel.For(0, files.Length, k => results[k] = ScenarioRunner.Run(ScenarioFile.Read(files[k]), "parley demo"));

        foreach (var (title, pick) in new (string, Func<ReportRow, double?>)[]
                 {
                     ("Welfare change (%)", r => r.Welfare),
                     ("Exports/GDP change (%)", r => r.ExportsToGdp),
                     ("Employment change (%)", r => r.Employment),
                 })
        {
            var table = new Table().Title($"[bold]US–Japan: US tariff on Japan — {title}[/]")
                .Caption("other US tariffs at their 2 April 2025 levels; no retaliation; groups absorption-weighted");
            table.AddColumn("Country/group");
            foreach (var r in results) table.AddColumn(new TableColumn(Markup.Escape(ShortName(r.Scenario.Name))).RightAligned());
            foreach (var label in results[0].Rows.Select(r => r.Label))
                table.AddRow(new[] { label }.Concat(results.Select(r =>
                    pick(r.Rows.First(x => x.Label == label)) is { } v ? v.ToString("F3", CultureInfo.InvariantCulture) : "–")).ToArray());
            console.Write(table);
        }
        var solves = results.Select(r => r.Result.Equilibrium.Diagnostics).Append(liberation.Result.Equilibrium.Diagnostics).ToArray();
        console.MarkupLine($"[grey]{solves.Length} equilibria (194 countries) solved; all converged: {solves.All(d => d.Converged)}; " +
                           $"max residual {solves.Max(d => d.ResidualNorm):E1}; slowest {solves.Max(d => d.ElapsedMilliseconds):F0} ms.[/]");
        console.MarkupLine("[grey]Scenario files: examples/liberation-day.yaml, examples/us-japan/*.yaml — copy one and run 'parley simulate FILE --out DIR'.[/]");
        return Program.Ok;
    }

    private static string ShortName(string name) => name.StartsWith("US–Japan: ", StringComparison.Ordinal) ? name["US–Japan: ".Length..] : name;

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
