using System.Globalization;
using Parley.Replication;
using Spectre.Console;

namespace Parley.Cli.Commands;

/// <summary>The NAFTA replication as tables: headline numbers beside the paper's, then the decompositions.</summary>
internal static class Cp2015TableView
{
    private static string F(double v, int d = 2) => v.ToString("F" + d, CultureInfo.InvariantCulture);

    public static void Write(IAnsiConsole console, Cp2015Report report)
    {
        var nafta = report.Nafta;
        var headline = new Table().Title("[bold]NAFTA tariff reductions — Caliendo & Parro (2015), Table 2 and abstract[/]")
            .Caption("percent: Parley [[paper as printed]]; welfare = terms of trade + volume of trade, % of baseline income");
        headline.AddColumn("Region");
        string[] stats = ["welfare_total", "welfare_terms_of_trade", "welfare_volume_of_trade", "real_wage_change", "intra_bloc_trade_change", "real_income_change_exact"];
        foreach (var h in new[] { "Welfare", "Terms of trade", "Volume of trade", "Real wage", "Intra-bloc imports", "Exact real income" })
            headline.AddColumn(new TableColumn(h).RightAligned());
        var notes = new List<string>();
        foreach (var region in report.Rows.Where(r => r.Statistic == "welfare_total" && r.Published is not null).Select(r => r.Region))
        {
            headline.AddRow(new[] { region }.Concat(stats.Select(stat =>
            {
                var row = report.Rows.First(x => x.Region == region && x.Statistic == stat);
                var text = F(row.Value, stat == "intra_bloc_trade_change" ? 1 : 4);
                if (row.Published is { } paper) text += $" [grey][[{Markup.Escape(paper.Text)}]][/]";
                if (row.Agreement == Agreement.Differs) text = $"[yellow]{text}[/]";
                if (row.FullNote is { } note)
                {
                    if (!notes.Contains(note)) notes.Add(note);
                    text += $"[grey]({notes.IndexOf(note) + 1})[/]";
                }
                return text;
            })).ToArray());
        }
        console.Write(headline);
        for (var k = 0; k < notes.Count; k++) console.MarkupLine($"[grey]({k + 1}) {Markup.Escape(notes[k])}[/]");
        var published = report.Rows.Where(r => r.Published is not null).ToList();
        console.MarkupLine($"[grey]{published.Count(r => r.Agreement == Agreement.Agrees)} of {published.Count} printed numbers agree to the paper's printed digits " +
                           "(within half a unit of the last one); paper values from data/published/cp2015/nafta.csv.[/]");

        var d = nafta.Baseline;
        var members = Cp2015Replication.Members;
        var partners = new Table().Title("[bold]Welfare decomposition by partner (ToT / VoT, % of baseline income)[/]");
        partners.AddColumn("Region");
        foreach (var p in members.Append("rest of world")) partners.AddColumn(new TableColumn(p).RightAligned());
        var isoIndex = nafta.Regions.Select((r, k) => (r.Iso3, k)).ToDictionary(x => x.Iso3, x => x.k);
        foreach (var m in members)
        {
            var dec = nafta.Decompositions[isoIndex[m]];
            var cells = members.Select(p => p == m ? "–" : $"{F(dec.TermsOfTradeByPartner[isoIndex[p]], 3)} / {F(dec.VolumeOfTradeByPartner[isoIndex[p]], 3)}").ToList();
            var rest = Enumerable.Range(0, d.N).Where(i => !members.Contains(nafta.Regions[i].Iso3)).ToArray();
            cells.Add($"{F(rest.Sum(i => dec.TermsOfTradeByPartner[i]), 3)} / {F(rest.Sum(i => dec.VolumeOfTradeByPartner[i]), 3)}");
            partners.AddRow(new[] { m }.Concat(cells).ToArray());
        }
        console.Write(partners);
        console.MarkupLine($"[grey]{report.Rows.Count} statistics (run with --format csv for all of them, incl. by-sector decompositions and trade changes); " +
                           $"4 equilibria solved in {report.ElapsedMilliseconds:F0} ms. {Markup.Escape(nafta.Counterfactual.Diagnostics.ToString())}[/]");
    }
}
