using System.ComponentModel;
using System.Globalization;
using Parley.Application;
using Parley.Negotiation;
using Parley.Negotiation.Uncertainty;
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
        [CommandOption("-f|--format <FORMAT>")] [Description("table (default) or json (solutions.json's content on stdout: the same JSON the web API returns).")] public string Format { get; init; } = "table";
        [CommandOption("--wide")] [Description("Print every table column even when the table is wider than the terminal.")] public bool Wide { get; init; }
        [CommandOption("--draws <N>")] [Description("Draw the file's uncertain inputs N times (uncertainty: block; docs/uncertainty.md) and report probabilities.")] public int? Draws { get; init; }
        [CommandOption("--seed <S>")] [Description("Seed of the draws (default: the file's uncertainty.seed, else 2025).")] public long? Seed { get; init; }
        [CommandOption("--exact")] [Description("With draws: solve every package of every draw instead of screening (slow).")] public bool Exact { get; init; }
        [CommandOption("--cluster <CONN>")] [Description("With draws: run them as work items on an Orleans cluster, 'local' (an in-process silo) or the PostgreSQL connection string of 'parley cluster silo' (docs/cluster.md). Same numbers as without it.")] public string? Cluster { get; init; }
        [CommandOption("--resolve <WHAT>")] [Description("With draws: headline (default: exact wherever the reference package's IR, the ZOPA, Nash or Kalai is in doubt) or zopa (exact only for the reference package's IR and the ZOPA; Nash and Kalai from the screen, with the share of draws left open).")] public string Resolve { get; init; } = "headline";
        [CommandOption("--resolve-all")] [Description("With draws: also solve every package whose IR status the screen leaves open.")] public bool ResolveAll { get; init; }
        [CommandOption("--max-packages <N>")] [Description("Refuse package spaces above N packages (default 100000) before solving anything.")] [DefaultValue(100000L)] public long MaxPackages { get; init; } = NegotiationAnalysis.DefaultPackageLimit;
    }

    public override int Execute(CommandContext context, Settings s, CancellationToken cancellationToken)
    {
        var console = AnsiConsoleAccessor.Console;
        if (s.Format.Trim().ToLowerInvariant() is not ("table" or "json")) throw new ParleyInputException("(command line)", null, "--format", s.Format, "table or json");
        if (s.Seed is < 0) throw new ParleyInputException("(command line)", null, "--seed", s.Seed.Value.ToString(CultureInfo.InvariantCulture), "a whole number from 0 to 2^53 − 1");
        var draws = new UncertaintyRunOptions { Draws = s.Draws, Seed = s.Seed is { } seed ? (ulong)seed : null, Screen = !s.Exact, ResolveAll = s.ResolveAll,
            ZopaOnly = s.Resolve.Trim().ToLowerInvariant() switch
            {
                "headline" => false, "zopa" => true,
                _ => throw new ParleyInputException("(command line)", null, "--resolve", s.Resolve, "headline or zopa"),
            } };
        if (s.Draws is not null || NegotiationRunner.Load(s.File).Uncertainty?.Draws is not null)
            return Draws(console, s, s.Cluster is { } cluster ? draws with { Executor = ClusterHost.Executor(cluster) } : draws);
        if (s.Cluster is not null)
            throw new ParleyInputException("(command line)", null, "--cluster", s.Cluster, "--draws N as well (--cluster runs a negotiation's draws as work items)");
        var options = new NegotiationRunOptions { Sensitivity = !s.NoSensitivity, EnumerationLimit = s.MaxEnumerate, PackageLimit = s.MaxPackages }.Validated();
        var json = s.Format.Trim().ToLowerInvariant() switch
        {
            "table" => false, "json" => true,
            _ => throw new ParleyInputException("(command line)", null, "--format", s.Format, "table or json"),
        };
        var spec = NegotiationRunner.Load(s.File);
        NegotiationAnalysis.CheckLimits(spec, options.EnumerationLimit, options.PackageLimit);
        using var output = s.Out is { } dir ? OutputDirectory.Open(dir) : null; // before pricing packages, not after
        NegotiationResult? result = null;
        if (console.Profile.Capabilities.Interactive && !json)
            console.Progress().Start(ctx =>
            {
                var searched = spec.PackageCount > s.MaxEnumerate;
                var task = ctx.AddTask(searched ? $"Searching {spec.PackageCount:N0} packages" : $"Solving {spec.PackageCount} packages", maxValue: spec.PackageCount);
                result = NegotiationRunner.Run(spec, options, (done, total) => { task.MaxValue = total; task.Value = done; });
            });
        else
            result = NegotiationRunner.Run(spec, options);
        if (json) console.Profile.Out.Writer.WriteLine(NegotiationReport.SolutionsJson(result!));
        else Summary(console, result!, full: true, s.Wide);
        if (output is not null)
        {
            NegotiationReport.Write(result!, NegotiationRunner.Manifest(result!, "parley negotiate " + s.File), output);
            if (!json) console.MarkupLine(Markup.Escape(output.Summary(NegotiationReport.Files)));
        }
        return Program.Ok;
    }

    private static int Draws(IAnsiConsole console, Settings s, UncertaintyRunOptions options)
    {
        NegotiationUncertainty.Prepare(s.File, options); // input errors before any solve
        using var output = s.Out is { } dir ? OutputDirectory.Open(dir) : null;
        UncertaintyRun? run = null;
        var json = s.Format.Trim().ToLowerInvariant() == "json";
        if (console.Profile.Capabilities.Interactive && !json)
            console.Progress().Start(ctx =>
            {
                var task = ctx.AddTask("Drawing", maxValue: 1);
                run = NegotiationUncertainty.Run(s.File, options, (done, total) => { task.MaxValue = total; task.Value = done; });
            });
        else
            run = NegotiationUncertainty.Run(s.File, options);
        if (json) console.Profile.Out.Writer.WriteLine(UncertaintyReport.JsonText(run!));
        else UncertaintyTables.Write(console, run!, s.Wide);
        if (output is not null)
        {
            UncertaintyReport.Write(run!, NegotiationUncertainty.Manifest(run!, "parley negotiate " + s.File + " --draws " + run!.Summary.Draws), output);
            if (!json) console.MarkupLine(Markup.Escape(output.Summary(UncertaintyReport.Files)));
        }
        return Program.Ok;
    }

    internal static void Summary(IAnsiConsole console, NegotiationResult r, bool full, bool wide = false)
    {
        var spec = r.Spec;
        string a = spec.Parties[0].Code, b = spec.Parties[1].Code;
        string P(int k) => r.Packages[k].Short(spec);
        var order = "package = " + string.Join(" / ", spec.Issues.Select(i => i.Id));
        console.MarkupLine($"[bold]{Markup.Escape(spec.Name)}[/]: {r.Packages.Count} packages priced on {Markup.Escape(r.Dataset)} in {r.ElapsedMilliseconds / 1000:F1} s. " +
                           (r.Bargaining.HasZopa ? $"[green]ZOPA: {r.Bargaining.Zopa.Count} packages beat both BATNAs.[/]" : "[red]No ZOPA: no package beats both BATNAs.[/]"));
        if (r.Search is { } search) console.MarkupLine($"[yellow]{Markup.Escape(char.ToUpperInvariant(search[0]) + search[1..])}.[/]");
        var t = new FittedTable("Bargaining solutions (utilities: weighted % outcomes vs the baseline)",
            $"{order}; BATNA: {spec.Batna.Label}. Observer columns: welfare, %.");
        t.Column("Solution", ColumnKind.Label).Column("Package", ColumnKind.Text).Column(a).Column(b);
        foreach (var o in spec.Observers) t.Column(o, ColumnKind.Number, optional: true);
        t.Row(new[] { "BATNA", "no deal", F(r.Batna.Utility1), F(r.Batna.Utility2) }.Concat(spec.Observers.Select(o => F(r.Batna.Values.GetValueOrDefault($"{o}/welfare")))).ToArray());
        foreach (var (label, k) in new[] { ("Nash", r.Bargaining.Nash), ("Kalai–Smorodinsky", r.Bargaining.KalaiSmorodinsky), ("Utilitarian", (int?)r.Bargaining.Utilitarian) })
            if (k is { } i)
                t.Row(new[] { label, P(i), F(r.U1[i]), F(r.U2[i]) }.Concat(spec.Observers.Select(o => F(r.Outcomes[i].Values.GetValueOrDefault($"{o}/welfare")))).ToArray());
        t.Write(console, wide);
        if (!full) return;
        var f = new FittedTable($"Pareto frontier ({r.Bargaining.Frontier.Count} packages) and third-country welfare (%)", order);
        f.Column("Package", ColumnKind.Text).Column(a).Column(b).Column("ZOPA");
        foreach (var o in spec.Observers) f.Column(o, ColumnKind.Number, optional: true);
        foreach (var k in r.Bargaining.Frontier.Take(15))
            f.Row(new[] { P(k), F(r.U1[k]), F(r.U2[k]), r.Bargaining.Zopa.Contains(k) ? "yes" : "" }.Concat(spec.Observers.Select(o => F(r.Outcomes[k].Values.GetValueOrDefault($"{o}/welfare")))).ToArray());
        f.Write(console, wide);
        var c = new FittedTable("Concessions: average utility change vs the status-quo option (logrolling)");
        c.Column("Issue = option", ColumnKind.Label).Column(a).Column(b).Column("Reading", ColumnKind.Text);
        foreach (var x in r.Concessions) c.Row($"{x.Issue} = {x.Option}", F(x.Value1), F(x.Value2), x.Reading);
        c.Write(console, wide);
        var rt = new FittedTable("Rounds: positions in utility space and moves", "Move = tariff points / utility.");
        rt.Column("Round", ColumnKind.Label).Column("Date").Column("Party").Column("Position (best reading)", ColumnKind.Text).Column("To frontier").Column("Move", ColumnKind.Number, optional: true);
        foreach (var p in r.Rounds)
            rt.Row(p.Round, p.Date.ToString("yyyy-MM-dd"), p.Party, P(p.Package), F(p.DistanceToFrontier),
                p.MoveTariffPoints is { } tp ? $"{tp.ToString("F1", CultureInfo.InvariantCulture)} / {F(p.MoveUtility!.Value)}" : "–");
        rt.Write(console, wide);
        var ot = new FittedTable($"Alternating offers ({a} opens; deadline {spec.Deadline} rounds unless stated)", order);
        ot.Column("Tactics", ColumnKind.Label).Column("Deadline").Column("Outcome", ColumnKind.Text).Column("Round").Column(a).Column(b);
        foreach (var o in r.Offers)
            ot.Row($"{o.Strategy1.Name} / {o.Strategy2.Name}", o.Deadline.ToString(CultureInfo.InvariantCulture), o.Agreement is { } g ? P(g) : "no agreement (BATNA)",
                o.Round.ToString(CultureInfo.InvariantCulture), F(o.Utility1), F(o.Utility2));
        ot.Write(console, wide);
        if (r.Sensitivity.Count == 0) return;
        var st = new FittedTable("Sensitivity: does the ZOPA survive? is the Nash package the same?");
        st.Column("Case", ColumnKind.Label).Column("ZOPA").Column("Nash package", ColumnKind.Text);
        foreach (var x in r.Sensitivity)
            st.Row(x.Case, x.HasZopa ? $"yes ({x.ZopaSize})" : "no", x.Nash is { } n ? (x.NashUnchanged ? "unchanged" : P(n)) : "–");
        st.Write(console, wide);
    }

    private static string F(double v) => v.ToString("F4", CultureInfo.InvariantCulture);
}
