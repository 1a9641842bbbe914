using System.ComponentModel;
using System.Globalization;
using Parley.Gravity;
using Parley.Internals;
using Parley.Models.Gravity;
using Parley.Reports;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Parley.Cli.Commands;

/// <summary><c>parley gravity simulate FILE [--format table|csv] [--monte-carlo N] [--variant gegravity|textbook]</c>.</summary>
internal sealed class GravitySimulateCommand : Command<GravitySimulateCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<FILE>")] [Description("Structural-gravity experiment (YAML), e.g. examples/can-jpn-pta.yaml.")] public string File { get; init; } = "";
        [CommandOption("-f|--format <FORMAT>")] [Description("table (default) or csv: country,statistic,value.")] [DefaultValue("table")] public string Format { get; init; } = "table";
        [CommandOption("--monte-carlo <TRIALS>")] [Description("Run Monte Carlo with this many trials (default: the file's monte_carlo.trials; 0 = off).")] public int? Trials { get; init; }
        [CommandOption("--max-trials <N>")] [Description("Refuse Monte Carlo runs of more than N trials (default 10000) before solving anything.")] [DefaultValue(MonteCarlo.DefaultMaxTrials)] public int MaxTrials { get; init; } = MonteCarlo.DefaultMaxTrials;
        [CommandOption("--variant <VARIANT>")] [Description("gegravity (default in the file) or textbook.")] public string? Variant { get; init; }
        [CommandOption("-o|--out <DIR>")] [Description("Also write results.csv (country,statistic,value, incl. Monte Carlo rows), workbook.xlsx (the same table, plus the manifest) and manifest.json into DIR.")] public string? Out { get; init; }
    }

    public override int Execute(CommandContext context, Settings s, CancellationToken cancellationToken)
    {
        var format = s.Format.ToLowerInvariant();
        if (format is not ("table" or "csv")) throw new ParleyInputException("(command line)", null, "--format", s.Format, "table or csv");
        var x = GravityExperiment.Read(s.File);
        if (s.Variant is { } v)
            x = x with { Variant = v switch { "gegravity" => GravityVariant.Gegravity, "textbook" => GravityVariant.Textbook, _ => throw new ParleyInputException("(command line)", null, "--variant", v, "gegravity or textbook") } };
        var trials = s.Trials ?? x.Trials;
        if (trials < 0) throw new ParleyInputException("(command line)", null, "--monte-carlo", trials.ToString(CultureInfo.InvariantCulture), "a number of trials ≥ 0");
        if (s.MaxTrials < 1) throw new ParleyInputException("(command line)", null, "--max-trials", s.MaxTrials.ToString(CultureInfo.InvariantCulture), "a positive number of trials");
        if (trials > s.MaxTrials)
            throw new ParleyInputException(s.Trials is null ? s.File : "(command line)", null, s.Trials is null ? "monte_carlo.trials" : "--monte-carlo", trials.ToString(CultureInfo.InvariantCulture),
                $"at most {s.MaxTrials:N0} Monte Carlo trials (Parley's limit, raised with --max-trials N)");
        using var output = s.Out is { } dir ? OutputDirectory.Open(dir) : null; // before computing, not after
        var result = x.Run();
        var console = AnsiConsoleAccessor.Console;
        MonteCarloResult? mc = null;
        if (trials > 0 && console.Profile.Capabilities.Interactive)
            console.Progress().Start(ctx =>
            {
                var task = ctx.AddTask($"Monte Carlo: {trials:N0} trials", maxValue: trials);
                mc = MonteCarlo.Run(x, trials, progress: (done, _) => task.Value = done);
            });
        else if (trials > 0) mc = MonteCarlo.Run(x, trials);
        var csv = Csv(result, mc);
        if (output is not null)
        {
            output.WriteText("results.csv", csv);
            var manifest = new RunManifest(RunManifest.ParleyVersion, "parley gravity simulate " + s.File, s.File,
                RunManifest.Sha256(s.File), x.Data.Source, "gravity sample data", $"structural gravity GE ({x.Variant} variant)",
                new Dictionary<string, string> { ["sigma"] = x.Sigma.ToString(CultureInfo.InvariantCulture), ["reference_importer"] = x.Reference,
                    ["monte_carlo_trials"] = trials.ToString(CultureInfo.InvariantCulture), ["monte_carlo_failed"] = (mc?.Failed ?? 0).ToString(CultureInfo.InvariantCulture) },
                [new Parley.Models.Numerics.SolverDiagnostics("Newton on log multilateral resistances", true, result.Baseline.Iterations, result.Baseline.Iterations,
                    result.Baseline.Residual, 1e-12, "MR system", 0)], RunManifest.Now, RunManifest.MachineDescription);
            output.Commit(manifest);
            if (format != "csv") console.MarkupLine(Markup.Escape(output.Summary(["results.csv", RunWorkbook.FileName, OutputDirectory.ManifestFile])));
        }
        if (format == "csv")
        {
            console.Profile.Out.Writer.Write(csv);
            return Program.Ok;
        }
        var t = new Table().Title($"[bold]{Markup.Escape(x.Name)}[/] ({x.Variant} variant, σ = {x.Sigma}, reference importer {x.Reference})")
            .Caption("percent changes; welfare statistic = baseline over counterfactual (below 1 is a gain), as gegravity defines it");
        t.AddColumns("Country", "Real GDP", "Factory-gate price", "Foreign exports", "Foreign imports", "OMR", "IMR", "Welfare stat.");
        if (mc is not null) t.AddColumn(Markup.Escape("Real GDP: MC mean [95% interval]"));
        foreach (var c in result.Countries.OrderByDescending(c => Math.Abs(c.RealGdpChange)))
        {
            var cells = new List<string> { c.Country, F(c.RealGdpChange), F(c.FactoryGatePriceChange), F(c.ForeignExportsChange), F(c.ForeignImportsChange), F(c.OmrChange), F(c.ImrChange), c.WelfareStatistic.ToString("F6", CultureInfo.InvariantCulture) };
            if (mc?.Summaries.FirstOrDefault(m => m.Country == c.Country && m.Statistic == "real_gdp_change") is { } m)
                cells.Add(Markup.Escape($"{F(m.Mean)} [{F(m.Lower)}, {F(m.Upper)}]"));
            else if (mc is not null) cells.Add("–");
            t.AddRow(cells.ToArray());
        }
        console.Write(t);
        console.MarkupLine($"[grey]Baseline outward resistance of {x.Reference}: {result.Baseline.Outward[x.Data.IndexOf(x.Reference)].ToString("F6", CultureInfo.InvariantCulture)}; MR Newton iterations {result.Baseline.Iterations}, max log residual {result.Baseline.Residual:E1}.[/]");
        if (mc is not null)
            console.MarkupLine($"[grey]Monte Carlo: {mc.Succeeded} trials succeeded, {mc.Failed} failed, in {mc.ElapsedMilliseconds:F0} ms (draws from N(β, V) with V from the estimation or diag(SE²), seed {x.Seed}).[/]");
        return Program.Ok;
    }

    /// <summary>Long CSV <c>country,statistic,value</c>; the unit of each value is in its statistic (gegravity's definitions: % changes, the welfare statistic a ratio).</summary>
    private static string Csv(GravityResult result, MonteCarloResult? mc)
    {
        var rows = result.Countries.SelectMany(c => MonteCarlo.Statistics.Select(s => (IReadOnlyList<string>)[c.Country, s.Name, CsvOutput.Number(s.Get(c))]));
        if (mc is not null)
            rows = rows.Concat(mc.Summaries.SelectMany(m => new[] { ("mc_mean", m.Mean), ("mc_sd", m.StdDev), ("mc_p2_5", m.Lower), ("mc_p97_5", m.Upper) }
                .Select(x => (IReadOnlyList<string>)[m.Country, m.Statistic + "_" + x.Item1, CsvOutput.Number(x.Item2)])));
        return CsvOutput.Text(["country", "statistic", "value"], rows);
    }

    private static string F(double v) => v.ToString("F4", CultureInfo.InvariantCulture);
}
