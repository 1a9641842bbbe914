using System.Globalization;
using Parley.Negotiation.Uncertainty;
using Spectre.Console;

namespace Parley.Cli.Commands;

/// <summary>The tables of <c>negotiate --draws N</c> (docs/uncertainty.md).</summary>
internal static class UncertaintyTables
{
    public static void Write(IAnsiConsole console, UncertaintyRun r, bool wide)
    {
        var s = r.Summary;
        var spec = r.Spec;
        string a = spec.Parties[0].Code, b = spec.Parties[1].Code;
        string Pk(int k) => r.Layout.Packages[k].Short(spec);
        var order = "package = " + string.Join(" / ", spec.Issues.Select(i => i.Id));
        console.MarkupLine($"[bold]{Markup.Escape(spec.Name)}[/]: {s.Draws:N0} draws (seed {s.Seed}) of {r.Layout.Inputs.Count} uncertain inputs, " +
                           $"{r.Layout.Packages.Count} packages, in {r.ElapsedMilliseconds / 1000:F1} s. [bold]P(ZOPA non-empty) = {P(s.ZopaProbability)}[/].");
        if (s.Reference is { } rf)
            console.MarkupLine(Markup.Escape($"{(s.ReferenceIsRecorded ? "Recorded agreement" : "Central Nash package")} {Pk(rf)}: individually rational for both in {P(s.ReferenceBothRational)} of draws " +
                                             $"({a} {P(s.Packages[rf].IndividuallyRational[a])}, {b} {P(s.Packages[rf].IndividuallyRational[b])})."));
        var t = new FittedTable("Packages most often Nash (probabilities over draws)", order + ". IR = individually rational (beats the reservation value).");
        t.Column("Package", ColumnKind.Text).Column("P(Nash)").Column("P(Kalai)").Column($"P(IR {a})").Column($"P(IR {b})").Column("P(frontier)", ColumnKind.Number, optional: true);
        foreach (var p in s.Packages.Where(p => p.Nash > 0 || p.Index == s.Reference).OrderByDescending(p => p.Nash).ThenBy(p => p.Index).Take(10))
            t.Row(Pk(p.Index), P(p.Nash), P(p.Kalai), P(p.IndividuallyRational[a]), P(p.IndividuallyRational[b]), P(p.Frontier));
        t.Write(console, wide);
        if (s.Reference is { } k)
        {
            var bands = s.Packages[k].Bands;
            var bt = new FittedTable($"Outcome bands at {Pk(k)} and at the BATNA (5th / 50th / 95th percentile)", "utility: weighted % outcomes; welfare: % vs the baseline; BATNA utility = reservation value.");
            bt.Column("Outcome", ColumnKind.Label).Column("Package p05").Column("p50").Column("p95").Column("BATNA p50", ColumnKind.Number, optional: true);
            foreach (var key in bands.Keys.Where(x => x.EndsWith("/utility", StringComparison.Ordinal) || x.EndsWith("/welfare", StringComparison.Ordinal)))
                bt.Row(key, F(bands[key].P05), F(bands[key].P50), F(bands[key].P95), s.Batna.TryGetValue(key, out var bb) ? F(bb.P50) : "");
            bt.Write(console, wide);
        }
        var it = new FittedTable("Which input moves the answer most", "Spearman ρ of each input with each party's margin over its reservation value at the package above.");
        it.Column("Input", ColumnKind.Label).Column($"ρ {a}").Column($"ρ {b}").Column("Distribution", ColumnKind.Text, optional: true);
        foreach (var i in s.Influence.Take(12))
            it.Row(i.Input, i.RankCorrelation.TryGetValue(a, out var x) ? F(x, "F3") : "–", i.RankCorrelation.TryGetValue(b, out var y) ? F(y, "F3") : "–", i.Distribution);
        it.Write(console, wide);
        console.MarkupLine(Markup.Escape($"Screen: {s.ScreenSolves:N0} solves build it (once per process running draws); {s.ExactSolves:N0} package solves were exact inside draws; {s.DrawsOutsideScreen:N0} draws were solved in full."
            + (s.SolutionsOpenShare > 0 ? $" Nash or Kalai left open by the screen in {s.SolutionsOpenShare:P1} of draws (--resolve zopa)." : "")));
    }

    private static string P(double p) => p.ToString("P1", CultureInfo.InvariantCulture);

    private static string F(double v, string format = "F4") => v.ToString(format, CultureInfo.InvariantCulture);
}
