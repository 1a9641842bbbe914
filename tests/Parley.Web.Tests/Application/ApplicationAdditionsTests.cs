using Parley.Application;
using Xunit;

namespace Parley.Web.Tests.Application;

/// <summary>What the web host added to the application layer: the form's YAML, re-ranking, the tariff search, the central draw.</summary>
public sealed class ApplicationAdditionsTests
{
    [Fact]
    public void Form_text_cannot_change_the_structure_of_the_scenario_yaml()
    {
        var name = "x\"\n  changes: [] # \\";
        var draft = new ScenarioDraft(name, "one-sector", "world-2023", "2025-10-15",
            [new TariffChangeDraft("USA", "JPN, KOR", "", "12.5%"), new TariffChangeDraft("USA", "CHN\"}, { importer: USA", "", "0.3")]);
        var s = ScenarioRunner.LoadText(draft.ToYaml());
        Assert.Equal(name, s.Name);
        Assert.Equal(2, s.Changes.Count);
        Assert.Equal(["JPN", "KOR"], s.Changes[0].Exporters);
        Assert.Equal(0.125, s.Changes[0].Rate, 15);
        Assert.Equal(["CHN\"}", "{ importer: USA"], s.Changes[1].Exporters); // commas separate codes; the rest stays literal text
        Assert.Equal(draft.ChangeLines(), s.Changes.Select(c => c.Line));
        var control = Assert.Throws<ParleyInputException>(() => (draft with { Name = "a\u0001b" }).ToScenario());
        Assert.Equal("name", control.Field);
    }

    [Fact]
    public void Multi_sector_form_solves_on_the_schedule_and_the_view_carries_the_changed_sector()
    {
        var draft = new ScenarioDraft("autos", "multi-sector", "wiod-2011", "2025-10-15", [new TariffChangeDraft("USA", "JPN", "c15", "0%")], "USA, JPN, KOR");
        var view = ScenarioView.Of(ScenarioRunner.Run(draft.ToScenario()));
        Assert.Equal(["USA", "JPN", "KOR"], view.Rows.Select(r => r.Label));
        var jpn = view.Rows.Single(r => r.Label == "JPN");
        Assert.Equal("c15", Assert.Single(jpn.Sectors!).Code);
        Assert.True(jpn.Sectors![0].GrossOutput > 0, "Japan's transport equipment grows when the US lifts its tariff on it");
        Assert.Contains(view.Diversion, d => d.Exporter == "JPN" && d.ChangeUsdBillions > 0);
    }

    [Fact]
    public void World_2022_offered_by_the_form_loads_as_a_multi_sector_draft()
    {
        var draft = new ScenarioDraft("autos on 2022", "multi-sector", "world-2022", "2025-10-15", [new TariffChangeDraft("USA", "JPN", "c15", "15%")], "USA, JPN");
        var scenario = draft.ToScenario();
        Assert.Equal("world-2022", scenario.Dataset);
        Assert.Equal(Parley.Scenarios.ModelKind.MultiSector, scenario.Model);
        Assert.Equal(["c15"], scenario.Changes.Single().Sectors);
        var page = File.ReadAllText(RepositoryRoot.File("src", "Parley.Web", "Pages", "Scenario.cshtml"));
        Assert.Contains("<option value=\"world-2022\">", page);
    }

    [Fact]
    public void Form_rows_beyond_the_limit_are_an_input_error_naming_the_field()
    {
        var rows = Enumerable.Repeat(new TariffChangeDraft("USA", "JPN", null, "0.1"), ScenarioDraft.MaxChanges + 1).ToArray();
        var e = Assert.Throws<ParleyInputException>(() => new ScenarioDraft("n", "one-sector", "world-2023", null, rows).ToScenario());
        Assert.Equal("tariffs.changes", e.Field);
    }

    private static NegotiationSpace Space(double[][] outcomes, double[] batna, double risk1 = 0)
    {
        var packages = outcomes.Select((o, k) => new PackagePoint(k, [$"o{k}"], $"o{k}", o[0], o[1],
            new Dictionary<string, double> { ["AAA/welfare"] = o[0], ["BBB/welfare"] = o[1], ["BBB/exports"] = o[2] })).ToArray();
        var ranking = new NegotiationRanking([], [], 0, 0, [], [], null, null, 0);
        return new NegotiationSpace("t", ["AAA", "BBB"], [], ["issue"],
            [[new ObjectiveSlider("welfare", "welfare", 1)], [new ObjectiveSlider("welfare", "welfare", 1), new ObjectiveSlider("exports", "exports", 0)]],
            [risk1, 0], packages, "no deal", new Dictionary<string, double> { ["AAA/welfare"] = batna[0], ["BBB/welfare"] = batna[1], ["BBB/exports"] = batna[2] },
            ranking, []);
    }

    [Fact]
    public void Rerank_finds_the_nash_package_a_brute_force_search_finds()
    {
        var rng = new Random(12);
        var outcomes = Enumerable.Range(0, 40).Select(_ => new[] { rng.NextDouble() * 2 - 0.5, rng.NextDouble() * 2 - 0.5, rng.NextDouble() * 4 - 2 }).ToArray();
        var space = Space(outcomes, [0.1, 0.2, 0.0]);
        foreach (var (w, d1) in new[] { (0.0, (double?)null), (0.5, null), (-0.3, 0.4), (1.0, 0.9) })
        {
            var r = space.Rerank(null, [1, w], d1, null);
            var u1 = outcomes.Select(o => o[0]).ToArray();
            var u2 = outcomes.Select(o => o[1] + w * o[2]).ToArray();
            double r1 = d1 ?? 0.1, r2 = 0.2;
            var zopa = Enumerable.Range(0, u1.Length).Where(k => u1[k] > r1 && u2[k] > r2).ToArray();
            int? nash = zopa.Length == 0 ? null : zopa.MaxBy(k => (u1[k] - r1) * (u2[k] - r2));
            Assert.Equal(nash, r.Nash);
            Assert.Equal(u2, r.Utility2);
            Assert.Equal(r2, r.Reservation2);
        }
    }

    [Fact]
    public void Rerank_refuses_a_wrong_number_of_weights_naming_the_field()
    {
        var e = Assert.Throws<ParleyInputException>(() => Space([[0, 0, 0]], [0, 0, 0]).Rerank([1, 2], null, null, null));
        Assert.Equal("weights1", e.Field);
        Assert.Throws<ParleyInputException>(() => Space([[0, 0, 0]], [0, 0, 0]).Rerank(null, null, double.NaN, null));
    }

    [Fact]
    public void Tariff_search_refuses_an_empty_query_and_caps_the_results()
    {
        Assert.Equal("q", Assert.Throws<ParleyInputException>(() => TariffQueries.Search(TariffQueries.Bundled, " ")).Field);
        var chapter = TariffQueries.Search(TariffQueries.Bundled, "87");
        Assert.Equal(TariffQueries.MaxSearchResults, chapter.Count);
        Assert.Equal(chapter.OrderBy(l => l.Hts, StringComparer.Ordinal).Select(l => l.Hts), chapter.Select(l => l.Hts));
    }

    [Fact]
    public void Central_bargain_is_the_negotiation_priced_with_every_uncertain_input_at_its_centre()
    {
        // The room's "central Nash" point: NegotiationUncertainty.Central reads the screen at the centre. The oracle prices
        // the same talks with no draws and the model's ε and κ set to the fixture's centres (uniform(3, 6) → 4.5,
        // triangular(0.25, 0.5, 1) → 1.75 / 3; the weight's and the reservation shifts' centres are the file's values).
        var yaml = File.ReadAllText(DrawsApiTests.FixturePath);
        var sweep = NegotiationUncertainty.PrepareText(yaml, "small-uncertain-talks.yaml", new UncertaintyRunOptions { Draws = 1 });
        var central = NegotiationUncertainty.Central(sweep);
        var kappa = ((0.25 + 0.5 + 1.0) / 3).ToString("R", System.Globalization.CultureInfo.InvariantCulture);
        var centred = yaml.Replace("  tariffs: { base: announced-us }", $"  model: {{ trade_elasticity: 4.5, labor_supply_elasticity: {kappa} }}\n  tariffs: {{ base: announced-us }}", StringComparison.Ordinal);
        Assert.NotEqual(yaml, centred);
        var priced = NegotiationRunner.Run(NegotiationRunner.LoadText(centred, "centred.yaml"), new NegotiationRunOptions { Sensitivity = false });
        Assert.Equal(priced.Packages.Select(p => string.Join(",", p.Choices)), sweep.Layout.Packages.Select(p => string.Join(",", p.Choices)));
        for (var k = 0; k < priced.Packages.Count; k++)
        {
            Assert.Equal(priced.U1[k], central.Utility1[k], 1e-7);
            Assert.Equal(priced.U2[k], central.Utility2[k], 1e-7);
        }
        Assert.Equal(priced.Batna.Utility1, central.Reservation1, 1e-7);
        Assert.Equal(priced.Batna.Utility2, central.Reservation2, 1e-7);
        Assert.NotNull(central.Nash);
        Assert.Equal(priced.Bargaining.Nash, central.Nash);
        Assert.Equal(priced.Bargaining.KalaiSmorodinsky, central.KalaiSmorodinsky);
    }
}
