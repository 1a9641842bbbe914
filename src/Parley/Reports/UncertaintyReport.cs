// Outputs of a draws run (docs/uncertainty.md): one JSON object (printed by `negotiate --draws N --format json` and written
// as uncertainty.json), uncertainty_packages.csv (one row per package), uncertainty_inputs.csv (one row per input, with
// its rank correlations), draws.csv (every draw's inputs and the reference package's margins) and report.html.
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Parley.Internals;
using Parley.Negotiation.Uncertainty;

namespace Parley.Reports;

/// <summary>Writes a draws run.</summary>
public static class UncertaintyReport
{
    /// <summary>Files a draws run writes into its --out folder.</summary>
    public static readonly IReadOnlyList<string> Files = ["uncertainty.json", "uncertainty_packages.csv", "uncertainty_inputs.csv", "draws.csv", "report.html",
        RunWorkbook.FileName, OutputDirectory.ManifestFile];

    /// <summary>The run as one JSON-ready object: <c>draws</c>, <c>seed</c>, <c>p_zopa</c>, <c>packages</c> (each with <c>options</c>,
    /// <c>p_individually_rational</c>, <c>p_nash</c>, …), <c>reference</c>, <c>inputs</c>, <c>screen</c>.</summary>
    public static Dictionary<string, object?> Json(UncertaintyRun r)
    {
        var s = r.Summary;
        static Dictionary<string, double> B(Band b) => new() { ["p05"] = b.P05, ["p50"] = b.P50, ["p95"] = b.P95 };
        return new Dictionary<string, object?>
        {
            ["negotiation"] = r.Spec.Name,
            ["draws"] = s.Draws,
            ["seed"] = s.Seed,
            ["p_zopa"] = s.ZopaProbability,
            ["reference"] = s.Reference is { } k ? new Dictionary<string, object?>
            {
                ["package"] = k, ["options"] = s.Packages[k].Options, ["recorded_agreement"] = s.ReferenceIsRecorded,
                ["p_individually_rational_both"] = s.ReferenceBothRational,
            } : null,
            ["packages"] = s.Packages.Select(p => new Dictionary<string, object?>
            {
                ["package"] = p.Index, ["options"] = p.Options, ["p_individually_rational"] = p.IndividuallyRational, ["p_individually_rational_in_doubt"] = p.IrInDoubt, ["p_zopa_member"] = p.BothRational,
                ["p_frontier"] = p.Frontier, ["p_frontier_in_doubt"] = p.FrontierInDoubt, ["p_nash"] = p.Nash, ["p_kalai"] = p.Kalai,
                ["exact_share"] = p.ExactShare, ["bands"] = p.Bands.ToDictionary(kv => kv.Key, kv => B(kv.Value)),
            }).ToArray(),
            ["batna"] = s.Batna.ToDictionary(kv => kv.Key, kv => B(kv.Value)),
            ["inputs"] = s.Influence.Select(i => new Dictionary<string, object?>
            {
                ["input"] = i.Input, ["distribution"] = i.Distribution, ["source"] = i.Source, ["rank_correlation"] = i.RankCorrelation,
            }).ToArray(),
            ["screen"] = new Dictionary<string, object?>
            {
                ["screen_solves"] = s.ScreenSolves, ["exact_row_solves_in_draws"] = s.ExactSolves, ["draws_outside_screen"] = s.DrawsOutsideScreen, ["share_of_draws_with_nash_or_kalai_open"] = s.SolutionsOpenShare,
            },
            ["elapsed_seconds"] = r.ElapsedMilliseconds / 1000,
        };
    }

    /// <summary>The JSON text (indented, invariant numbers).</summary>
    public static string JsonText(UncertaintyRun r) => JsonSerializer.Serialize(Json(r), ScenarioReport.Json);

    /// <summary>Writes every file into an opened run and commits it; returns the target's full path.</summary>
    public static string Write(UncertaintyRun r, RunManifest manifest, OutputDirectory output)
    {
        var s = r.Summary;
        var spec = r.Spec;
        string a = spec.Parties[0].Code, b = spec.Parties[1].Code;
        var bandKeys = s.Packages[0].Bands.Keys.ToArray();
        string[] header = ["package", .. spec.Issues.Select(i => i.Id), $"p_individually_rational_{a}", $"p_individually_rational_{b}",
            $"p_individually_rational_in_doubt_{a}", $"p_individually_rational_in_doubt_{b}", "p_zopa_member",
            "p_frontier", "p_frontier_in_doubt", "p_nash", "p_kalai", "exact_share",
            .. bandKeys.SelectMany(k => new[] { $"{Column(k)}_p05", $"{Column(k)}_p50", $"{Column(k)}_p95" })];
        CsvOutput.File(output.PathOf("uncertainty_packages.csv"), header, s.Packages.Select(p => (IReadOnlyList<string>)
            [p.Index.ToString(CultureInfo.InvariantCulture), .. spec.Issues.Select(i => p.Options[i.Id]), N(p.IndividuallyRational[a]), N(p.IndividuallyRational[b]),
             N(p.IrInDoubt[a]), N(p.IrInDoubt[b]), N(p.BothRational), N(p.Frontier), N(p.FrontierInDoubt), N(p.Nash), N(p.Kalai), N(p.ExactShare),
             .. bandKeys.SelectMany(k => new[] { N(p.Bands[k].P05), N(p.Bands[k].P50), N(p.Bands[k].P95) })]));
        CsvOutput.File(output.PathOf("uncertainty_inputs.csv"), ["input", "distribution", "source", $"rank_correlation_{a}", $"rank_correlation_{b}"],
            s.Influence.Select(i => (IReadOnlyList<string>)[i.Input, i.Distribution, i.Source,
                i.RankCorrelation.TryGetValue(a, out var ra) ? N(ra) : "", i.RankCorrelation.TryGetValue(b, out var rb) ? N(rb) : ""]));
        var layout = r.Layout;
        string[] drawHeader = ["draw", "exact_row_solves", "outside_screen", .. layout.Inputs.Select(i => i.Name), $"margin_{a}_utility", $"margin_{b}_utility"];
        CsvOutput.File(output.PathOf("draws.csv"), drawHeader, r.Results.Select((x, d) =>
        {
            var sd = DrawSummary.Screened(layout, x);
            var k = s.Reference;
            return (IReadOnlyList<string>)[d.ToString(CultureInfo.InvariantCulture), N(x[0]), N(x[1]),
                .. layout.Inputs.Select((_, i) => N(x[DrawLayout.HeaderFixed + i])),
                k is { } p ? N(sd.U1[p] - sd.D1) : "", k is { } q ? N(sd.U2[q] - sd.D2) : ""];
        }));
        output.WriteText("uncertainty.json", JsonText(r));
        output.WriteText("report.html", Html(r));
        return output.Commit(manifest);
    }

    /// <summary>CSV column stem of a band key: <c>USA/utility</c> → <c>USA_utility</c>, <c>KOR/welfare</c> → <c>KOR_welfare_pct</c>.</summary>
    public static string Column(string key) => key.EndsWith("/utility", StringComparison.Ordinal) ? key.Replace('/', '_')
        : NegotiationReport.OutcomeColumn(key).Replace('/', '_').Replace(':', '_');

    private static string N(double v) => CsvOutput.Number(v);

    /// <summary>A self-contained page: the headline probabilities, the packages most likely to be Nash, and input influence.</summary>
    public static string Html(UncertaintyRun r)
    {
        var s = r.Summary;
        var spec = r.Spec;
        string a = spec.Parties[0].Code, b = spec.Parties[1].Code;
        static string E(string t) => WebUtility.HtmlEncode(t);
        static string P(double p) => p.ToString("P1", CultureInfo.InvariantCulture);
        var h = new StringBuilder();
        h.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>").Append(E(spec.Name)).Append(" — uncertainty</title>")
         .Append("<style>body{font-family:system-ui,sans-serif;max-width:60em;margin:2em auto;padding:0 1em}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.2em .5em;text-align:right}th:first-child,td:first-child{text-align:left}.bar{fill:#3b6ea5}</style></head><body>");
        h.Append("<h1>").Append(E(spec.Name)).Append(": what we don't know</h1>");
        h.Append($"<p>{s.Draws:N0} draws, seed {s.Seed}. <strong>P(ZOPA non-empty) = {P(s.ZopaProbability)}</strong>.");
        if (s.Reference is { } k)
            h.Append($" {(s.ReferenceIsRecorded ? "Recorded agreement" : "Central Nash package")} <code>{E(r.Layout.Packages[k].Short(spec))}</code>: individually rational for both in {P(s.ReferenceBothRational)} of draws.");
        h.Append("</p><h2>Packages most often Nash</h2><table><tr><th>Package</th><th>P(Nash)</th><th>P(Kalai)</th><th>P(IR ").Append(a).Append(")</th><th>P(IR ").Append(b).Append(")</th><th>P(frontier)</th></tr>");
        foreach (var p in s.Packages.OrderByDescending(p => p.Nash).ThenBy(p => p.Index).Take(10))
            h.Append($"<tr><td>{E(r.Layout.Packages[p.Index].Short(spec))}</td><td>{P(p.Nash)}</td><td>{P(p.Kalai)}</td><td>{P(p.IndividuallyRational[a])}</td><td>{P(p.IndividuallyRational[b])}</td><td>{P(p.Frontier)}</td></tr>");
        h.Append("</table><h2>Which input moves the answer most</h2><p>Spearman rank correlation of each input with each party's margin over its reservation value at the reference package (bars: largest |ρ|; uncertainty_inputs.csv).</p>");
        var rows = s.Influence.Take(15).ToArray();
        h.Append($"<svg width=\"640\" height=\"{rows.Length * 22 + 10}\" role=\"img\" aria-label=\"input influence\">");
        for (var i = 0; i < rows.Length; i++)
        {
            var w = 400 * rows[i].Strength;
            h.Append($"<text x=\"0\" y=\"{i * 22 + 16}\" font-size=\"12\">{E(rows[i].Input)}</text><rect class=\"bar\" x=\"220\" y=\"{i * 22 + 4}\" width=\"{w.ToString("F1", CultureInfo.InvariantCulture)}\" height=\"16\"><title>{E(rows[i].Input)}: |ρ| = {rows[i].Strength.ToString("F3", CultureInfo.InvariantCulture)}</title></rect>");
        }
        h.Append("</svg><h2>Screen</h2><p>").Append($"{s.ScreenSolves:N0} solves build the first-order screen (once in each process that runs draws); {s.ExactSolves:N0} package solves were done exactly inside draws; {s.DrawsOutsideScreen:N0} draws lay beyond the screen's reach and were solved in full (docs/models/uncertainty.md).")
         .Append("</p></body></html>");
        return h.ToString();
    }
}
