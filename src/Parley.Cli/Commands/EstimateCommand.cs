using Parley.Gravity;
using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using Parley.Models.Estimation;
using Parley.Reports;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Parley.Cli.Commands;

/// <summary><c>parley estimate FILE [--format table|csv|markdown|latex|json]</c>.</summary>
internal sealed class EstimateCommand : Command<EstimateCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<FILE>")] [Description("Estimation file (YAML), e.g. examples/yotov-table1.yaml.")] public string File { get; init; } = "";
        [CommandOption("-f|--format <FORMAT>")] [Description("table (default), csv (column,variable,coefficient,std_error,n_obs), markdown, latex or json.")] [DefaultValue("table")] public string Format { get; init; } = "table";
        [CommandOption("-o|--out <DIR>")] [Description("Also write table.csv, table.md, table.tex, results.json, workbook.xlsx (a sheet per CSV table, plus the manifest) and manifest.json into DIR.")] public string? Out { get; init; }
    }

    public override int Execute(CommandContext context, Settings s, CancellationToken cancellationToken)
    {
        var format = s.Format.ToLowerInvariant();
        if (format is not ("table" or "csv" or "markdown" or "latex" or "json"))
            throw new ParleyInputException("(command line)", null, "--format", s.Format, "table, csv, markdown, latex or json");
        var spec = EstimationFile.Read(s.File);
        using var output = s.Out is { } dir ? OutputDirectory.Open(dir) : null; // before estimating, not after
        var results = spec.Columns.Select(c => GravityEstimator.Estimate(c)).ToArray();
        var console = AnsiConsoleAccessor.Console;
        var writer = console.Profile.Out.Writer;
        if (output is not null)
        {
            string[] files = ["table.csv", "table.md", "table.tex", "results.json", RunWorkbook.FileName, OutputDirectory.ManifestFile];
            output.WriteText("table.csv", RegressionTable.Csv(results));
            output.WriteText("table.md", RegressionTable.Markdown(spec.Name, results));
            output.WriteText("table.tex", RegressionTable.Latex(spec.Name, results));
            output.WriteText("results.json", Json(results));
            var manifest = new RunManifest(RunManifest.ParleyVersion, "parley estimate " + s.File, s.File, RunManifest.Sha256(s.File), spec.DataSource,
                Path.GetFileName(Path.GetDirectoryName(spec.DataSource) ?? ""), "gravity estimation (OLS / PPML with high-dimensional fixed effects)",
                results.ToDictionary(r => $"column {r.Name}", r => $"{r.Method}, N = {r.Observations}, {r.VceDescription}"),
                results.Select(r => new Parley.Models.Numerics.SolverDiagnostics(r.Method == EstimationMethod.Ppml ? "PPML IRLS" : "OLS", r.Converged, r.Iterations, 0, 0, 1e-10, $"column {r.Name}", r.ElapsedMilliseconds)).ToArray(),
                RunManifest.Now, RunManifest.MachineDescription);
            output.Commit(manifest);
            if (format == "table") console.MarkupLine(Markup.Escape(output.Summary(files)));
        }
        switch (format)
        {
            case "csv": writer.Write(RegressionTable.Csv(results)); return Program.Ok;
            case "markdown": writer.Write(RegressionTable.Markdown(spec.Name, results)); return Program.Ok;
            case "latex": writer.Write(RegressionTable.Latex(spec.Name, results)); return Program.Ok;
            case "json":
                writer.WriteLine(Json(results));
                return Program.Ok;
        }
        WriteTable(console, spec, results);
        return Program.Ok;
    }

    private static string Json(IReadOnlyList<RegressionResult> results) =>
                JsonSerializer.Serialize(results.Select(r => new
                {
                    column = r.Name, method = r.Method, n_obs = r.Observations, dropped_singletons = r.DroppedSingletons, dropped_separated = r.DroppedSeparated,
                    fixed_effect_levels = r.FixedEffectLevels, clusters = r.Clusters, iterations = r.Iterations, inner_sweeps = r.InnerSweeps,
                    deviance = r.Deviance, pseudo_r2 = r.PseudoR2, converged = r.Converged, vce = r.VceDescription, warnings = r.Warnings,
                    coefficients = r.Coefficients, covariance = ToRows(r.Covariance),
                }), ScenarioReport.Json);

    private static void WriteTable(IAnsiConsole console, EstimationSpec spec, IReadOnlyList<RegressionResult> results)
    {
        var t = new Table().Title($"[bold]{Markup.Escape(spec.Name)}[/]").Caption("standard errors in parentheses");
        t.AddColumn("");
        foreach (var r in results) t.AddColumn(new TableColumn($"({Markup.Escape(r.Name)}) {(r.Method == EstimationMethod.Ppml ? "PPML" : "OLS")}").RightAligned());
        foreach (var v in results.SelectMany(r => r.Coefficients.Select(c => c.Variable)).Distinct().OrderBy(v => v == "intercept" ? 1 : 0))
        {
            t.AddRow(new[] { v }.Concat(results.Select(r => r.Coefficients.FirstOrDefault(c => c.Variable == v) is { } c ? c.Estimate.ToString("F3", CultureInfo.InvariantCulture) : "")).ToArray());
            t.AddRow(new[] { "" }.Concat(results.Select(r => r.Coefficients.FirstOrDefault(c => c.Variable == v) is { } c ? $"({c.StdError.ToString("F3", CultureInfo.InvariantCulture)})" : "")).ToArray());
        }
        t.AddRow(new[] { "N" }.Concat(results.Select(r => r.Observations.ToString("N0", CultureInfo.InvariantCulture))).ToArray());
        console.Write(t);
        foreach (var r in results)
            console.MarkupLine($"[grey]({Markup.Escape(r.Name)}) {Markup.Escape(r.VceDescription)}; {r.Iterations} iterations, {r.InnerSweeps} demeaning sweeps, " +
                               $"{r.DroppedSingletons} singletons and {r.DroppedSeparated} separated observations dropped; {r.ElapsedMilliseconds:F0} ms[/]");
        foreach (var r in results)
            foreach (var w in r.Warnings) console.MarkupLine($"[yellow]warning ({Markup.Escape(r.Name)}): {Markup.Escape(w)}[/]");
    }

    private static double[][] ToRows(double[,] m) => Enumerable.Range(0, m.GetLength(0)).Select(i => Enumerable.Range(0, m.GetLength(1)).Select(j => m[i, j]).ToArray()).ToArray();
}
