using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text;
using Parley.Internals;
using Parley.Negotiation;

namespace Parley.Reports;

/// <summary>Writes a negotiation analysis: packages.csv, frontier.csv, rounds.csv, offers.csv, solutions.json, report.html, workbook.xlsx, manifest.json.</summary>
public static class NegotiationReport
{
    /// <summary>Files written.</summary>
    public static readonly IReadOnlyList<string> Files = ["packages.csv", "frontier.csv", "rounds.csv", "offers.csv", "solutions.json", "report.html", RunWorkbook.FileName, OutputDirectory.ManifestFile];

    /// <summary>Writes every output into <paramref name="directory"/> (guarded by <see cref="OutputDirectory"/>).</summary>
    public static string Write(NegotiationResult r, RunManifest manifest, string directory)
    {
        using var output = OutputDirectory.Open(directory);
        return Write(r, manifest, output);
    }

    /// <summary>Writes every output into an opened run and commits it; returns the target's full path.</summary>
    public static string Write(NegotiationResult r, RunManifest manifest, OutputDirectory output)
    {
        var spec = r.Spec;
        var keys = r.Outcomes[0].Values.Keys.Order(StringComparer.Ordinal).ToArray();
        var frontier = r.Bargaining.Frontier.ToHashSet();
        var zopa = r.Bargaining.Zopa.ToHashSet();
        string U1 = $"utility_{spec.Parties[0].Code}", U2 = $"utility_{spec.Parties[1].Code}";
        string[] packageColumns = ["package", .. spec.Issues.Select(i => i.Id), U1, U2, "on_frontier", "in_zopa", .. keys.Select(OutcomeColumn)];
        void Packages(string file, IEnumerable<int> which)
        {
            using var w = CsvOutput.ToFile(output.PathOf(file), packageColumns);
            foreach (var k in which)
            {
                using var row = w.NewRow();
                row["package"].Set(k.ToString(CultureInfo.InvariantCulture));
                for (var i = 0; i < spec.Issues.Count; i++) row[spec.Issues[i].Id].Set(spec.Issues[i].Options[r.Packages[k].Choices[i]].Id);
                row[U1].Set(F(r.U1[k]));
                row[U2].Set(F(r.U2[k]));
                row["on_frontier"].Set(frontier.Contains(k) ? "1" : "0");
                row["in_zopa"].Set(zopa.Contains(k) ? "1" : "0");
                foreach (var key in keys) row[OutcomeColumn(key)].Set(F(r.Outcomes[k].Values.GetValueOrDefault(key)));
            }
        }
        Packages("packages.csv", Enumerable.Range(0, r.Packages.Count));
        Packages("frontier.csv", r.Bargaining.Frontier);
        using (var w = CsvOutput.ToFile(output.PathOf("rounds.csv"), "round", "date", "party", "package", U1, U2, "distance_to_frontier_utility",
                   "move_tariff_points", "move_welfare_pct", "move_utility"))
            foreach (var p in r.Rounds)
            {
                using var row = w.NewRow();
                row["round"].Set(p.Round);
                row["date"].Set(p.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                row["party"].Set(p.Party);
                row["package"].Set(r.Packages[p.Package].Describe(spec));
                row[U1].Set(F(p.Utility1));
                row[U2].Set(F(p.Utility2));
                row["distance_to_frontier_utility"].Set(F(p.DistanceToFrontier));
                row["move_tariff_points"].Set(CsvOutput.Number(p.MoveTariffPoints));
                row["move_welfare_pct"].Set(CsvOutput.Number(p.MoveWelfare));
                row["move_utility"].Set(CsvOutput.Number(p.MoveUtility));
            }
        using (var w = CsvOutput.ToFile(output.PathOf("offers.csv"), $"strategy_{spec.Parties[0].Code}", $"strategy_{spec.Parties[1].Code}", "deadline_rounds",
                   "agreement", "round", U1, U2))
            foreach (var o in r.Offers)
            {
                using var row = w.NewRow();
                row[$"strategy_{spec.Parties[0].Code}"].Set(o.Strategy1.Name);
                row[$"strategy_{spec.Parties[1].Code}"].Set(o.Strategy2.Name);
                row["deadline_rounds"].Set(o.Deadline.ToString(CultureInfo.InvariantCulture));
                row["agreement"].Set(o.Agreement is { } a ? r.Packages[a].Describe(spec) : "no agreement (BATNA)");
                row["round"].Set(o.Round.ToString(CultureInfo.InvariantCulture));
                row[U1].Set(F(o.Utility1));
                row[U2].Set(F(o.Utility2));
            }
        output.WriteText("solutions.json", SolutionsJson(r));
        output.WriteText("report.html", Html(r, manifest));
        return output.Commit(manifest);
    }

    /// <summary>
    /// Column of an outcome key such as <c>USA/welfare</c>: <c>USA/welfare_pct</c>. Outcomes are % changes from the
    /// baseline; tariff revenue and trade balances are % points of baseline income (<c>_pct_points</c>).
    /// </summary>
    public static string OutcomeColumn(string key) =>
        key[(key.IndexOf('/') + 1)..] is var outcome && (outcome.StartsWith("tariff_revenue", StringComparison.Ordinal) || outcome.StartsWith("trade_balance", StringComparison.Ordinal))
            ? key + "_pct_points" : key + "_pct";

    private static string F(double v) => CsvOutput.Number(v);

    /// <summary>The text of solutions.json (the CLI's <c>--out</c> and the web API's answer).</summary>
    public static string SolutionsJson(NegotiationResult r) => JsonSerializer.Serialize(Solutions(r), ScenarioReport.Json);

    /// <summary>The solutions as a JSON-ready object.</summary>
    public static object Solutions(NegotiationResult r)
    {
        var spec = r.Spec;
        object? Describe(int? k) => k is { } i ? new
        {
            package = i,
            options = spec.Issues.Select((issue, n) => new { issue = issue.Id, option = issue.Options[r.Packages[i].Choices[n]].Id }),
            utilities = new Dictionary<string, double> { [spec.Parties[0].Code] = r.U1[i], [spec.Parties[1].Code] = r.U2[i] },
            observers = spec.Observers.ToDictionary(o => o, o => new
            {
                welfare_pct = r.Outcomes[i].Values.GetValueOrDefault($"{o}/welfare"),
                exports_pct = r.Outcomes[i].Values.GetValueOrDefault($"{o}/exports"),
            }),
        } : null;
        return new
        {
            negotiation = spec.Name,
            parties = spec.Parties.Select(p => new { code = p.Code, objective = p.Objective.Select(t => new { outcome = t.Key, weight = t.Weight }), risk_aversion = p.RiskAversion }),
            utility_normalisation = "utility = Σ weight × outcome; outcomes are % changes from the baseline (tariff revenue and trade balances in % points of baseline income); no further rescaling",
            packages = r.Packages.Count,
            package_space = r.Spec.PackageCount,
            search = r.Search,
            batna = new { label = spec.Batna.Label, utilities = new Dictionary<string, double> { [spec.Parties[0].Code] = r.Batna.Utility1, [spec.Parties[1].Code] = r.Batna.Utility2 } },
            zopa = new { exists = r.Bargaining.HasZopa, packages = r.Bargaining.Zopa.Count, ideal = new[] { r.Bargaining.Ideal.Party1, r.Bargaining.Ideal.Party2 }.Where(double.IsFinite) },
            nash = Describe(r.Bargaining.Nash),
            kalai_smorodinsky = Describe(r.Bargaining.KalaiSmorodinsky),
            utilitarian = Describe(r.Bargaining.Utilitarian),
            frontier = r.Bargaining.Frontier.Select(k => Describe(k)),
            concessions = r.Concessions,
            sensitivity = r.Sensitivity,
            assumptions = spec.Assumptions,
            baseline_diagnostics = r.BaselineDiagnostics,
        };
    }

    private static string Html(NegotiationResult r, RunManifest manifest)
    {
        var spec = r.Spec;
        var inv = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        string E(string s) => WebUtility.HtmlEncode(s);
        sb.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>").Append(E(spec.Name)).Append(" — Parley</title>\n")
          .Append("<style>body{font-family:system-ui,sans-serif;max-width:1000px;margin:2em auto;color:#222}table{border-collapse:collapse;margin:1em 0}")
          .Append("td,th{border-bottom:1px solid #ddd;padding:3px 8px;text-align:left}.note{color:#555;font-size:90%}pre{background:#f6f6f6;padding:1em;overflow-x:auto}</style></head><body>\n")
          .Append("<h1>").Append(E(spec.Name)).Append("</h1>\n");
        if (spec.Description is { } d) sb.Append("<p>").Append(E(d)).Append("</p>\n");
        string Pkg(int k) => E(r.Packages[k].Describe(spec));
        sb.Append("<p><b>").Append(r.Packages.Count).Append(" packages</b> evaluated on ").Append(E(r.Dataset)).Append(". ZOPA: <b>")
          .Append(r.Bargaining.HasZopa ? $"yes, {r.Bargaining.Zopa.Count} packages beat both BATNAs" : "none — no package beats both BATNAs").Append("</b>.</p>\n");
        sb.Append("<table><tr><th>Solution</th><th>Package</th><th>").Append(spec.Parties[0].Code).Append("</th><th>").Append(spec.Parties[1].Code).Append("</th></tr>\n");
        sb.Append("<tr><td>BATNA</td><td>").Append(E(spec.Batna.Label)).Append("</td><td>").Append(r.Batna.Utility1.ToString("F4", inv)).Append("</td><td>").Append(r.Batna.Utility2.ToString("F4", inv)).Append("</td></tr>\n");
        foreach (var (label, k) in new[] { ("Nash", r.Bargaining.Nash), ("Kalai–Smorodinsky", r.Bargaining.KalaiSmorodinsky), ("Utilitarian", (int?)r.Bargaining.Utilitarian) })
            if (k is { } i) sb.Append("<tr><td>").Append(label).Append("</td><td>").Append(Pkg(i)).Append("</td><td>").Append(r.U1[i].ToString("F4", inv)).Append("</td><td>").Append(r.U2[i].ToString("F4", inv)).Append("</td></tr>\n");
        sb.Append("</table>\n<h2>Utility space</h2>\n").Append(Chart(r));
        sb.Append("<h2>Frontier packages and third countries (welfare %, exports %)</h2>\n<table><tr><th>Package</th>");
        foreach (var o in spec.Observers) sb.Append("<th>").Append(E(o)).Append("</th>");
        sb.Append("</tr>\n");
        foreach (var k in r.Bargaining.Frontier)
        {
            sb.Append("<tr><td>").Append(Pkg(k)).Append("</td>");
            foreach (var o in spec.Observers)
                sb.Append("<td>").Append(r.Outcomes[k].Values.GetValueOrDefault($"{o}/welfare").ToString("F4", inv)).Append(" / ")
                  .Append(r.Outcomes[k].Values.GetValueOrDefault($"{o}/exports").ToString("F3", inv)).Append("</td>");
            sb.Append("</tr>\n");
        }
        sb.Append("</table>\n<h2>Rounds</h2>\n<table><tr><th>Round</th><th>Date</th><th>Party</th><th>Position (most favourable reading)</th><th>Distance to frontier</th><th>Move (tariff points / utility)</th></tr>\n");
        foreach (var p in r.Rounds)
            sb.Append("<tr><td>").Append(E(p.Round)).Append("</td><td>").Append(p.Date.ToString("yyyy-MM-dd")).Append("</td><td>").Append(p.Party).Append("</td><td>").Append(Pkg(p.Package))
              .Append("</td><td>").Append(p.DistanceToFrontier.ToString("F4", inv)).Append("</td><td>")
              .Append(p.MoveTariffPoints is { } t ? $"{t:F1} / {p.MoveUtility:F4}" : "–").Append("</td></tr>\n");
        sb.Append("</table>\n<h2>Alternating offers</h2>\n<table><tr><th>Tactics</th><th>Deadline</th><th>Outcome</th><th>Round</th></tr>\n");
        foreach (var o in r.Offers)
            sb.Append("<tr><td>").Append(o.Strategy1.Name).Append(" / ").Append(o.Strategy2.Name).Append("</td><td>").Append(o.Deadline).Append("</td><td>")
              .Append(o.Agreement is { } a ? Pkg(a) : "no agreement (BATNA)").Append("</td><td>").Append(o.Round).Append("</td></tr>\n");
        sb.Append("</table>\n<h2>Concessions (average utility change vs the status-quo option)</h2>\n<table><tr><th>Issue = option</th><th>")
          .Append(spec.Parties[0].Code).Append("</th><th>").Append(spec.Parties[1].Code).Append("</th><th>Reading</th></tr>\n");
        foreach (var c in r.Concessions)
            sb.Append("<tr><td>").Append(E($"{c.Issue} = {c.Option}")).Append("</td><td>").Append(c.Value1.ToString("F4", inv)).Append("</td><td>").Append(c.Value2.ToString("F4", inv))
              .Append("</td><td>").Append(E(c.Reading)).Append("</td></tr>\n");
        sb.Append("</table>\n<h2>Sensitivity</h2>\n<table><tr><th>Case</th><th>ZOPA</th><th>Nash unchanged</th></tr>\n");
        foreach (var s in r.Sensitivity)
            sb.Append("<tr><td>").Append(E(s.Case)).Append("</td><td>").Append(s.HasZopa ? $"yes ({s.ZopaSize})" : "no").Append("</td><td>").Append(s.NashUnchanged ? "yes" : "no").Append("</td></tr>\n");
        sb.Append("</table>\n<h2>Assumptions</h2>\n<ul>");
        foreach (var a in spec.Assumptions) sb.Append("<li>").Append(E(a)).Append("</li>");
        foreach (var o in spec.Issues.SelectMany(i => i.Options).Where(o => o.Assumption is not null)) sb.Append("<li>").Append(E($"{o.Label}: {o.Assumption}")).Append("</li>");
        sb.Append("</ul>\n<h2>Run manifest</h2>\n<pre>").Append(E(JsonSerializer.Serialize(manifest, ScenarioReport.Json))).Append("</pre>\n</body></html>\n");
        return sb.ToString();
    }

    /// <summary>Scatter of packages in utility space with the frontier, BATNA, Nash, Kalai–Smorodinsky and round positions (inline SVG).</summary>
    public static string Chart(NegotiationResult r)
    {
        const double w = 720, h = 440, pad = 70;
        var u1 = r.U1;
        var u2 = r.U2;
        var xs = u1.Append(r.Batna.Utility1).ToArray();
        var ys = u2.Append(r.Batna.Utility2).ToArray();
        double x0 = xs.Min(), x1 = xs.Max(), y0 = ys.Min(), y1 = ys.Max();
        if (x1 - x0 < 1e-12) { x0 -= 1; x1 += 1; }
        if (y1 - y0 < 1e-12) { y0 -= 1; y1 += 1; }
        var inv = CultureInfo.InvariantCulture;
        string X(double v) => (pad + (v - x0) / (x1 - x0) * (w - 2 * pad)).ToString("F1", inv);
        string Y(double v) => (h - pad - (v - y0) / (y1 - y0) * (h - 2 * pad)).ToString("F1", inv);
        var sb = new StringBuilder();
        sb.Append(inv, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" role=\"img\" aria-label=\"Packages in utility space\">\n");
        sb.Append(inv, $"<rect x=\"{pad}\" y=\"{pad}\" width=\"{w - 2 * pad}\" height=\"{h - 2 * pad}\" fill=\"none\" stroke=\"#ccc\"/>\n");
        for (var k = 0; k < u1.Length; k++) sb.Append($"<circle cx=\"{X(u1[k])}\" cy=\"{Y(u2[k])}\" r=\"3\" fill=\"#bbb\"><title>{WebUtility.HtmlEncode(r.Packages[k].Describe(r.Spec))}</title></circle>\n");
        var frontier = r.Bargaining.Frontier.OrderBy(k => u1[k]).ToArray();
        sb.Append("<polyline fill=\"none\" stroke=\"#2a7ab0\" stroke-width=\"2\" points=\"").Append(string.Join(' ', frontier.Select(k => $"{X(u1[k])},{Y(u2[k])}"))).Append("\"/>\n");
        sb.Append($"<line x1=\"{X(r.Batna.Utility1)}\" y1=\"{pad}\" x2=\"{X(r.Batna.Utility1)}\" y2=\"{h - pad}\" stroke=\"#c0392b\" stroke-dasharray=\"4 3\"/>");
        sb.Append($"<line x1=\"{pad}\" y1=\"{Y(r.Batna.Utility2)}\" x2=\"{w - pad}\" y2=\"{Y(r.Batna.Utility2)}\" stroke=\"#c0392b\" stroke-dasharray=\"4 3\"/>\n");
        void Mark(double a, double b, string color, string label, int dy = -6) =>
            sb.Append($"<circle cx=\"{X(a)}\" cy=\"{Y(b)}\" r=\"6\" fill=\"{color}\"/><text x=\"{X(a)}\" y=\"{Y(b)}\" dx=\"9\" dy=\"{dy}\" font-size=\"12\">{WebUtility.HtmlEncode(label)}</text>\n");
        // Round positions first (hollow rings, one label per point), then the solutions on top.
        foreach (var g in r.Rounds.GroupBy(p => (Math.Round(p.Utility1, 9), Math.Round(p.Utility2, 9))))
        {
            var p0 = g.First();
            var label = string.Join(", ", g.Select(p => $"{p.Party} {p.Date:MM-dd}").Distinct());
            sb.Append($"<circle cx=\"{X(p0.Utility1)}\" cy=\"{Y(p0.Utility2)}\" r=\"9\" fill=\"none\" stroke=\"#f39c12\" stroke-width=\"2.5\"><title>{WebUtility.HtmlEncode(label)}</title></circle>")
              .Append($"<text x=\"{X(p0.Utility1)}\" y=\"{Y(p0.Utility2)}\" dx=\"-9\" dy=\"22\" font-size=\"11\" fill=\"#b9770e\">{WebUtility.HtmlEncode(label)}</text>\n");
        }
        Mark(r.Batna.Utility1, r.Batna.Utility2, "#c0392b", "BATNA", 16);
        if (r.Bargaining.KalaiSmorodinsky is { } ks) Mark(u1[ks], u2[ks], "#8e44ad", "Kalai–Smorodinsky", -10);
        if (r.Bargaining.Nash is { } n) Mark(u1[n], u2[n], "#27ae60", "Nash", 4);
        var f = (Func<double, string>)(v => v.ToString("0.###", inv));
        sb.Append(inv, $"<text x=\"{pad}\" y=\"{h - pad + 16}\" font-size=\"10\">{f(x0)}</text><text x=\"{w - pad}\" y=\"{h - pad + 16}\" font-size=\"10\" text-anchor=\"end\">{f(x1)}</text>");
        sb.Append(inv, $"<text x=\"{pad - 4}\" y=\"{h - pad}\" font-size=\"10\" text-anchor=\"end\">{f(y0)}</text><text x=\"{pad - 4}\" y=\"{pad + 4}\" font-size=\"10\" text-anchor=\"end\">{f(y1)}</text>\n");
        sb.Append(inv, $"<text x=\"{w / 2}\" y=\"{h - 12}\" text-anchor=\"middle\" font-size=\"12\">utility of {r.Spec.Parties[0].Code}</text>");
        sb.Append(inv, $"<text x=\"14\" y=\"{h / 2}\" text-anchor=\"middle\" font-size=\"12\" transform=\"rotate(-90 14 {h / 2})\">utility of {r.Spec.Parties[1].Code}</text>\n</svg>\n");
        return sb.ToString();
    }
}
