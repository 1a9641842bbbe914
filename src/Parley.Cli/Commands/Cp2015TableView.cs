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
        foreach (var region in report.Rows.Where(r => r.Statistic == "welfare_total").Select(r => r.Region).Where(r => Cp2015Replication.Published.ContainsKey((r, "welfare_total"))))
        {
            headline.AddRow(new[] { region }.Concat(stats.Select(stat =>
            {
                var v = F(report.Rows.First(x => x.Region == region && x.Statistic == stat).Value, stat == "intra_bloc_trade_change" ? 1 : 4);
                return Cp2015Replication.Published.TryGetValue((region, stat), out var paper) ? $"{v} [grey][[{paper.ToString(CultureInfo.InvariantCulture)}]][/]" : v;
            })).ToArray());
        }
        console.Write(headline);

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
