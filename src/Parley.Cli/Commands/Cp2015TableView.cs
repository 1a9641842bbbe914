using System.Globalization;
using Parley.Replication;
using Spectre.Console;

namespace Parley.Cli.Commands;

/// <summary>The NAFTA replication as tables: headline numbers beside the paper's, then the decompositions.</summary>
internal static class Cp2015TableView
{
    private static string F(double v, int d = 2) => v.ToString("F" + d, CultureInfo.InvariantCulture);

    public static void Write(IAnsiConsole console, Cp2015Report report, bool wide = false)
    {
        var nafta = report.Nafta;
        var headline = new FittedTable("NAFTA tariff reductions — Caliendo & Parro (2015), Table 2 and abstract",
            "Percent. Welfare = terms of trade + volume of trade, % of baseline income. Paper = the value as printed; (n) = note below.");
        headline.Column("Region", ColumnKind.Label).Column("Statistic", ColumnKind.Label).Column("Parley").Column("Paper").Column("Agrees");
        (string Key, string Label)[] stats =
        [
            ("welfare_total", "Welfare"), ("welfare_terms_of_trade", "Terms of trade"), ("welfare_volume_of_trade", "Volume of trade"),
            ("real_wage_change", "Real wage"), ("intra_bloc_trade_change", "Intra-bloc imports"), ("real_income_change_exact", "Exact real income"),
        ];
        var notes = new List<string>();
        foreach (var region in report.Rows.Where(r => r.Statistic == "welfare_total" && r.Published is not null).Select(r => r.Region))
        {
            var first = true;
            foreach (var (key, label) in stats)
            {
                var row = report.Rows.First(x => x.Region == region && x.Statistic == key);
                var agrees = row.Published is null ? "" : row.Agreement == Agreement.Differs ? "no" : "yes";
                if (row.FullNote is { } note)
                {
                    if (!notes.Contains(note)) notes.Add(note);
                    agrees += $" ({notes.IndexOf(note) + 1})";
                }
                headline.Row(first ? region : "", label, F(row.Value, key == "intra_bloc_trade_change" ? 1 : 4), row.Published?.Text ?? "", agrees.Trim());
                first = false;
            }
        }
        headline.Write(console, wide);
        for (var k = 0; k < notes.Count; k++) console.MarkupLine($"[grey]({k + 1}) {Markup.Escape(notes[k])}[/]");
        var published = report.Rows.Where(r => r.Published is not null).ToList();
        console.MarkupLine($"[grey]{published.Count(r => r.Agreement == Agreement.Agrees)} of {published.Count} printed numbers agree to the paper's printed digits " +
                           "(within half a unit of the last one); paper values from data/published/cp2015/nafta.csv.[/]");

        var d = nafta.Baseline;
        var members = Cp2015Replication.Members;
        var partners = new FittedTable("Welfare decomposition by partner", "Terms of trade and volume of trade, % of baseline income.");
        partners.Column("Region", ColumnKind.Label).Column("Partner", ColumnKind.Label).Column("Terms of trade").Column("Volume of trade");
        var isoIndex = nafta.Regions.Select((r, k) => (r.Iso3, k)).ToDictionary(x => x.Iso3, x => x.k);
        foreach (var m in members)
        {
            var dec = nafta.Decompositions[isoIndex[m]];
            var first = true;
            foreach (var p in members.Where(p => p != m))
            {
                partners.Row(first ? m : "", p, F(dec.TermsOfTradeByPartner[isoIndex[p]], 3), F(dec.VolumeOfTradeByPartner[isoIndex[p]], 3));
                first = false;
            }
            var rest = Enumerable.Range(0, d.N).Where(i => !members.Contains(nafta.Regions[i].Iso3)).ToArray();
            partners.Row("", "rest of world", F(rest.Sum(i => dec.TermsOfTradeByPartner[i]), 3), F(rest.Sum(i => dec.VolumeOfTradeByPartner[i]), 3));
        }
        partners.Write(console, wide);
        console.MarkupLine($"[grey]{report.Rows.Count} statistics (run with --format csv for all of them, incl. by-sector decompositions and trade changes); " +
                           $"4 equilibria solved in {report.ElapsedMilliseconds:F0} ms. {Markup.Escape(nafta.Counterfactual.Diagnostics.ToString())}[/]");
    }
}
