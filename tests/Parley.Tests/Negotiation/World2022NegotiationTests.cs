using System.Globalization;
using Parley.Data;
using Parley.Negotiation;
using Xunit;

namespace Parley.Tests.Negotiation;

/// <summary>
/// docs/world-2022.md §3: the US–Japan negotiation on the 2011 base (examples/us-japan-2025-wiod2011.yaml) and on the
/// 2022 base (examples/us-japan-2025.yaml); every row of the document's table is recomputed here.
/// </summary>
public sealed class World2022NegotiationTests
{
    private static string Example(string f) => Path.Combine(AppContext.BaseDirectory, "examples", f);

    private static readonly Lazy<(NegotiationSpec Spec, NegotiationResult Result)[]> Runs = new(() =>
        new[] { "us-japan-2025-wiod2011.yaml", "us-japan-2025.yaml" }.AsParallel().AsOrdered()
            .Select(f => NegotiationFile.Read(Example(f)) is var spec ? (spec, NegotiationAnalysis.Run(spec, sensitivity: false)) : default).ToArray());

    [Fact]
    public void Docs_table_of_the_US_Japan_answer_on_both_bases_is_what_the_code_computes()
    {
        var doc = File.ReadAllLines(RepoFile(Path.Combine("docs", "world-2022.md")));
        var start = Array.IndexOf(doc, "<!-- table:us-japan-bases -->");
        var rows = doc.Skip(start + 3).TakeWhile(l => l.StartsWith('|'))
            .Select(l => l.Trim('|').Split('|').Select(c => c.Trim()).ToArray()).ToDictionary(c => c[0], c => c[1..]);
        var runs = Runs.Value;
        var datasets = new[] { BundledData.MultiSector("wiod-2011")!, BundledData.MultiSector("world-2022")! };
        string F(double v, string format) => v.ToString(format, CultureInfo.InvariantCulture);
        for (var b = 0; b < 2; b++)
        {
            var (spec, r) = runs[b];
            var d = datasets[b];
            int jpn = d.Regions.Require("JPN"), usa = d.Regions.Require("USA"), c15 = d.FindSector("c15")!.Index;
            var goods = Enumerable.Range(0, d.J).Where(j => d.Sectors[j].Goods).Sum(j => d.Flows[d.Cell(j, jpn, usa)]);
            var ranked = r.Packages[r.Bargaining.Nash!.Value];
            var recorded = r.Packages.Single(p => p.Short(spec) == "fifteen / fifteen / pledge / rice_quota");
            var expected = new Dictionary<string, string>
            {
                ["Japan's value added, USD bn"] = F(d.ValueAdded[jpn] / 1000, "0"),
                ["Japan's goods exports to the US, USD bn"] = F(goods / 1000, "0.0"),
                ["of which transport equipment (c15), USD bn"] = F(d.Flows[d.Cell(c15, jpn, usa)] / 1000, "0.0"),
                ["BATNA utility, USA"] = F(r.Batna.Utility1, "0.0000"),
                ["BATNA utility, JPN"] = F(r.Batna.Utility2, "0.0000"),
                ["packages in the ZOPA"] = r.Bargaining.Zopa.Count.ToString(CultureInfo.InvariantCulture),
                ["Nash package"] = ranked.Short(spec),
                ["Nash utility, USA"] = F(r.Outcomes[ranked.Index].Utility1, "0.0000"),
                ["Nash utility, JPN"] = F(r.Outcomes[ranked.Index].Utility2, "0.0000"),
                ["Kalai–Smorodinsky package"] = r.Packages[r.Bargaining.KalaiSmorodinsky!.Value].Short(spec),
                ["recorded agreement (fifteen / fifteen / pledge / rice_quota) in the ZOPA"] = r.Bargaining.Zopa.Contains(recorded.Index) ? "yes" : "no",
                ["autos = ten: Japan's gain / the US's cost (concessions table)"] = Concession(r, "autos", "ten") is var c ? F(c.Value2 / -c.Value1, "0.00") : "",
                ["market_access = open: value to the US"] = F(Concession(r, "market_access", "open").Value1, "0.0000"),
            };
            Assert.Equal("USA", spec.Parties[0].Code);
            Assert.Equal(expected.Keys.Order(), rows.Keys.Order());
            foreach (var (label, value) in expected) Assert.True(value == rows[label][b], $"{label} on base {b}: computed {value}, docs say {rows[label][b]}");
        }
    }

    private static string RepoFile(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Parley.slnx"))) return Path.Combine(dir.FullName, name);
        throw new FileNotFoundException("repository root not found");
    }

    private static ConcessionValue Concession(NegotiationResult r, string issue, string option) =>
        r.Concessions.Single(c => c.Issue == issue && c.Option == option);

    [Fact]
    public void On_the_2022_base_Japan_s_tariffs_on_US_farm_goods_come_from_the_data_not_from_an_assumption()
    {
        var (spec, _) = Runs.Value[1];
        Assert.Equal("world-2022", spec.Baseline.Dataset);
        var d = BundledData.MultiSector("world-2022")!;
        // the status-quo option carries no tariff: the data's Japan-on-US MFN of 2022 is what the baseline holds
        var none = spec.Issues.Single(i => i.Id == "market_access").Options[0];
        Assert.Empty(none.Tariffs);
        Assert.Equal(0.1057, d.Base[d.Cell(d.FindSector("c1")!.Index, d.Regions.Require("USA"), d.Regions.Require("JPN"))], 4);
    }
}
