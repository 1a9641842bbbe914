using System.ComponentModel;
using System.Globalization;
using Parley.Application;
using Parley.Negotiation;
using Parley.Reports;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Parley.Cli.Commands;

/// <summary><c>parley negotiate FILE [--out DIR]</c>.</summary>
internal sealed class NegotiateCommand : Command<NegotiateCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<FILE>")] [Description("Negotiation file (YAML), e.g. examples/us-japan-2025.yaml.")] public string File { get; init; } = "";
        [CommandOption("-o|--out <DIR>")] [Description("Write packages.csv, frontier.csv, rounds.csv, offers.csv, solutions.json, report.html, workbook.xlsx, manifest.json.")] public string? Out { get; init; }
        [CommandOption("--no-sensitivity")] [Description("Skip re-solving every package at other trade elasticities.")] public bool NoSensitivity { get; init; }
        [CommandOption("--max-enumerate <N>")] [Description("Enumerate package spaces up to N packages (default 20000); search larger ones.")] [DefaultValue(20000L)] public long MaxEnumerate { get; init; } = NegotiationAnalysis.DefaultEnumerationLimit;
        [CommandOption("--max-packages <N>")] [Description("Refuse package spaces above N packages (default 100000) before solving anything.")] [DefaultValue(100000L)] public long MaxPackages { get; init; } = NegotiationAnalysis.DefaultPackageLimit;
    }

    public override int Execute(CommandContext context, Settings s, CancellationToken cancellationToken)
    {
        var console = AnsiConsoleAccessor.Console;
        var options = new NegotiationRunOptions { Sensitivity = !s.NoSensitivity, EnumerationLimit = s.MaxEnumerate, PackageLimit = s.MaxPackages }.Validated();
        var spec = NegotiationRunner.Load(s.File);
        NegotiationAnalysis.CheckLimits(spec, options.EnumerationLimit, options.PackageLimit);
        using var output = s.Out is { } dir ? OutputDirectory.Open(dir) : null; // before pricing packages, not after
        NegotiationResult? result = null;
        if (console.Profile.Capabilities.Interactive)
            console.Progress().Start(ctx =>
            {
                var searched = spec.PackageCount > s.MaxEnumerate;
                var task = ctx.AddTask(searched ? $"Searching {spec.PackageCount:N0} packages" : $"Solving {spec.PackageCount} packages", maxValue: spec.PackageCount);
                result = NegotiationRunner.Run(spec, options, (done, total) => { task.MaxValue = total; task.Value = done; });
            });
        else
            result = NegotiationRunner.Run(spec, options);
        Summary(console, result!, full: true);
        if (output is not null)
        {
            var written = NegotiationReport.Write(result!, NegotiationRunner.Manifest(result!, "parley negotiate " + s.File), output);
            console.MarkupLine($"Wrote {string.Join(", ", NegotiationReport.Files)} to [bold]{Markup.Escape(written)}[/]");
        }
        return Program.Ok;
    }

    internal static void Summary(IAnsiConsole console, NegotiationResult r, bool full)
    {
        var spec = r.Spec;
        string a = spec.Parties[0].Code, b = spec.Parties[1].Code;
        string P(int k) => Markup.Escape(r.Packages[k].Short(spec));
        var order = "package = " + string.Join(" / ", spec.Issues.Select(i => i.Id));
        console.MarkupLine($"[bold]{Markup.Escape(spec.Name)}[/]: {r.Packages.Count} packages priced on {Markup.Escape(r.Dataset)} in {r.ElapsedMilliseconds / 1000:F1} s. " +
                           (r.Bargaining.HasZopa ? $"[green]ZOPA: {r.Bargaining.Zopa.Count} packages beat both BATNAs.[/]" : "[red]No ZOPA: no package beats both BATNAs.[/]"));
        if (r.Search is { } search) console.MarkupLine($"[yellow]{Markup.Escape(char.ToUpperInvariant(search[0]) + search[1..])}.[/]");
        var t = new Table().Title("Bargaining solutions (utilities: weighted % outcomes vs the baseline)")
            .Caption(Markup.Escape($"{order}; BATNA: {spec.Batna.Label}"));
        t.AddColumns("Solution", "Package", a, b);
        foreach (var o in spec.Observers) t.AddColumn(new TableColumn(o).RightAligned());
        t.AddRow(new[] { "BATNA", "no deal", F(r.Batna.Utility1), F(r.Batna.Utility2) }.Concat(spec.Observers.Select(o => F(r.Batna.Values.GetValueOrDefault($"{o}/welfare")))).ToArray());
        foreach (var (label, k) in new[] { ("Nash", r.Bargaining.Nash), ("Kalai–Smorodinsky", r.Bargaining.KalaiSmorodinsky), ("Utilitarian", (int?)r.Bargaining.Utilitarian) })
            if (k is { } i)
                t.AddRow(new[] { label, P(i), F(r.U1[i]), F(r.U2[i]) }.Concat(spec.Observers.Select(o => F(r.Outcomes[i].Values.GetValueOrDefault($"{o}/welfare")))).ToArray());
        console.Write(t);
        if (!full) return;
        var f = new Table().Title($"Pareto frontier ({r.Bargaining.Frontier.Count} packages) and third-country welfare (%)").Caption(Markup.Escape(order));
        f.AddColumns("Package", a, b, "ZOPA");
        foreach (var o in spec.Observers) f.AddColumn(new TableColumn(o).RightAligned());
        foreach (var k in r.Bargaining.Frontier.Take(15))
            f.AddRow(new[] { P(k), F(r.U1[k]), F(r.U2[k]), r.Bargaining.Zopa.Contains(k) ? "yes" : "" }.Concat(spec.Observers.Select(o => F(r.Outcomes[k].Values.GetValueOrDefault($"{o}/welfare")))).ToArray());
        console.Write(f);
        var c = new Table().Title("Concessions: average utility change vs the status-quo option (logrolling)");
        c.AddColumns("Issue = option", a, b, "Reading");
        foreach (var x in r.Concessions) c.AddRow(Markup.Escape($"{x.Issue} = {x.Option}"), F(x.Value1), F(x.Value2), Markup.Escape(x.Reading));
        console.Write(c);
        var rt = new Table().Title("Rounds: positions in utility space and moves");
        rt.AddColumns("Round", "Date", "Party", "Position (best reading)", "To frontier", "Move: tariff pts / utility");
        foreach (var p in r.Rounds)
            rt.AddRow(Markup.Escape(p.Round), p.Date.ToString("yyyy-MM-dd"), p.Party, P(p.Package), F(p.DistanceToFrontier),
                p.MoveTariffPoints is { } tp ? $"{tp.ToString("F1", CultureInfo.InvariantCulture)} / {F(p.MoveUtility!.Value)}" : "–");
        console.Write(rt);
        var ot = new Table().Title($"Alternating offers ({a} opens; deadline {spec.Deadline} rounds unless stated)").Caption(Markup.Escape(order));
        ot.AddColumns("Tactics", "Deadline", "Outcome", "Round", a, b);
        foreach (var o in r.Offers)
            ot.AddRow($"{o.Strategy1.Name} / {o.Strategy2.Name}", o.Deadline.ToString(CultureInfo.InvariantCulture), o.Agreement is { } g ? P(g) : "no agreement (BATNA)",
                o.Round.ToString(CultureInfo.InvariantCulture), F(o.Utility1), F(o.Utility2));
        console.Write(ot);
        var st = new Table().Title("Sensitivity: does the ZOPA survive? is the Nash package the same?");
        st.AddColumns("Case", "ZOPA", "Nash package");
        foreach (var x in r.Sensitivity)
            st.AddRow(Markup.Escape(x.Case), x.HasZopa ? $"yes ({x.ZopaSize})" : "no", x.Nash is { } n ? (x.NashUnchanged ? "unchanged" : P(n)) : "–");
        console.Write(st);
    }

    private static string F(double v) => v.ToString("F4", CultureInfo.InvariantCulture);
}
