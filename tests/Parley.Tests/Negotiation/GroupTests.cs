using Parley.Data;
using Parley.Negotiation;
using Parley.Scenarios;
using Xunit;

namespace Parley.Tests.Negotiation;

/// <summary>Groups (EU27, USMCA, …) at the table and in every row: one aggregation rule, checked against slow sums.</summary>
public class GroupTests
{
    private static readonly CountrySet Five = new(
        new[] { "AAA", "BBB", "CCC", "DDD", "EEE" }.Select((c, i) => new Country(i, c, "Country " + c)).ToArray(),
        new Dictionary<string, IReadOnlyList<string>> { ["BLOC"] = ["BBB", "DDD", "EEE"] });

    private static SolutionLevels Levels(Random rng, bool employment) => new(Five,
        Draw(rng, 0.9, 1.1), Draw(rng, 0.9, 1.1), employment ? Draw(rng, 0.95, 1.05) : null, Draw(rng, 0.9, 1.1),
        Draw(rng, 10, 500), Draw(rng, 10, 500), Draw(rng, 0, 30), Draw(rng, 100, 5000));

    private static double[] Draw(Random rng, double lo, double hi) => Enumerable.Range(0, 5).Select(_ => lo + (hi - lo) * rng.NextDouble()).ToArray();

    [Fact]
    public void Group_change_row_equals_a_slow_computation_from_member_rows()
    {
        var rng = new Random(7);
        var a = Levels(rng, employment: true);
        var b = Levels(rng, employment: true);
        var members = ChangeRow.Between(a, b, ["BBB", "DDD", "EEE"]);
        var group = ChangeRow.Between(a, b, "bloc");
        double[] w = [a.IncomeUsdBillions[1], a.IncomeUsdBillions[3], a.IncomeUsdBillions[4]];
        double Weighted(Func<ChangeRow, double> f)
        {
            double num = 0, den = 0;
            for (var k = 0; k < 3; k++) { num += w[k] * f(members[k]); den += w[k]; }
            return num / den;
        }
        int[] idx = [1, 3, 4];
        double Sum(double[] x) => idx.Sum(i => x[i]);
        const double tol = 1e-12;
        Assert.Equal("BLOC", group.Label);
        Assert.Equal(3, group.Members);
        Assert.Equal(Weighted(m => m.Welfare), group.Welfare, tol);
        Assert.Equal(Weighted(m => m.RealWage), group.RealWage, tol);
        Assert.Equal(Weighted(m => m.Employment!.Value), group.Employment!.Value, tol);
        Assert.Equal(Weighted(m => m.ConsumerPrices), group.ConsumerPrices, tol);
        Assert.Equal(members.Sum(m => m.WelfareUsdBillions), group.WelfareUsdBillions, tol);
        Assert.Equal(members.Sum(m => m.TariffRevenueUsdBillions), group.TariffRevenueUsdBillions, tol);
        Assert.Equal(members.Sum(m => m.DeficitUsdBillions), group.DeficitUsdBillions, tol);
        Assert.Equal(100 * (Sum(b.ExportsUsdBillions) / Sum(a.ExportsUsdBillions) - 1), group.Exports, tol);
        Assert.Equal(100 * (Sum(b.ImportsUsdBillions) / Sum(a.ImportsUsdBillions) - 1), group.Imports, tol);
        // A group's equivalent variation is its welfare change times its members' status-quo absorption (SQ-4, SQ-5).
        Assert.Equal(group.Welfare / 100 * w.Sum(), group.WelfareUsdBillions, 1e-9);
        Assert.Equal("WORLD", ChangeRow.Between(a, b, "world").Label);
    }

    [Fact]
    public void A_transfer_to_a_group_is_split_by_weights_and_sums_to_the_amount()
    {
        double[] weights = [1, 2, 3, 4, 5];
        var bloc = CountryAggregate.Resolve(Five, "BLOC", weights);
        var parts = bloc.Split(12).ToArray();
        Assert.Equal([1, 3, 4], parts.Select(p => p.Member));
        Assert.Equal(12 * 2.0 / 11, parts[0].Part, 1e-12);
        Assert.Equal(12, parts.Sum(p => p.Part), 1e-12);
        Assert.Equal([(2, 12.0)], CountryAggregate.Resolve(Five, "ccc", weights).Split(12));
    }

    private const string OneSector = """
        name: group at the table (one-sector)
        baseline:
          tariffs: { base: announced-us }
        parties:
          - code: USA
            objective:
              - { outcome: welfare, weight: 1 }
              - { outcome: exports, partner: EU27, weight: 0.1 }
              - { outcome: trade_balance, partner: EU27, weight: 0.1 }
          - code: EU27
            objective:
              - { outcome: welfare, weight: 1 }
              - { outcome: exports, partner: USA, weight: 0.1 }
        observers: [DEU, FRA, ITA]
        issues:
          - id: us_on_eu
            options:
              - { id: announced, tariffs: [ { importer: USA, exporter: EU27, rate: 0.20 } ] }
              - { id: ten, tariffs: [ { importer: USA, exporter: EU27, rate: 0.10 } ] }
          - id: eu_on_us
            options:
              - { id: zero, tariffs: [ { importer: EU27, exporter: USA, rate: 0.0 } ] }
              - { id: retaliate, tariffs: [ { importer: EU27, exporter: USA, rate: 0.10 } ] }
          - id: pledge
            options:
              - { id: none }
              - { id: yes, transfers: [ { from: EU27, to: USA, usd_billions: 50 } ] }
        batna:
          label: announced tariffs and EU retaliation
          tariffs:
            - { importer: USA, exporter: EU27, rate: 0.20 }
            - { importer: EU27, exporter: USA, rate: 0.20 }
        """;

    [Fact]
    public void EU27_can_be_a_party_partner_and_payer_in_the_one_sector_model()
    {
        using var tmp = new TempFolder();
        var spec = NegotiationFile.Read(tmp.Write("eu.yaml", OneSector));
        var r = NegotiationAnalysis.Run(spec, sensitivity: false);
        Assert.Equal(8, r.Packages.Count);
        int Package(params int[] c) => r.Packages.Single(p => p.Choices.SequenceEqual(c)).Index;
        var v = r.Outcomes[Package(0, 0, 0)].Values;
        var cut = r.Outcomes[Package(1, 0, 0)].Values;
        // Objectives with a group as partner are priced (before, exports with a partner was silently 0).
        Assert.True(cut["EU27/exports:USA"] > v["EU27/exports:USA"] + 1, $"EU exports to the US: {v["EU27/exports:USA"]} → {cut["EU27/exports:USA"]}");
        Assert.True(cut["USA/trade_balance:EU27"] < -0.01, $"US balance with the EU after the cut: {cut["USA/trade_balance:EU27"]}");
        var retaliate = r.Outcomes[Package(0, 1, 0)].Values;
        Assert.True(retaliate["USA/exports:EU27"] < v["USA/exports:EU27"]);
        Assert.All(r.Outcomes.SelectMany(o => o.Values.Values), x => Assert.True(double.IsFinite(x)));

        // The group's transfer equals the same transfer paid member by member in proportion to baseline absorption.
        var evaluator = new NegotiationEvaluator(spec);
        var eu = evaluator.Countries.Group("EU27");
        var w = evaluator.BaselineIncomeUsdBillions;
        var total = eu.Sum(k => w[k]);
        var byMember = eu.Select(k => new TransferChange(evaluator.Countries[k].Iso3, "USA", 50 * w[k] / total)).ToArray();
        var asGroup = evaluator.Evaluate([], [new TransferChange("EU27", "USA", 50)], "group pays");
        var asMembers = evaluator.Evaluate([], byMember, "members pay");
        foreach (var key in asGroup.Values.Keys) Assert.Equal(asMembers.Values[key], asGroup.Values[key], 1e-9);
        Assert.True(asGroup.Values["USA/welfare"] > 0 && asGroup.Values["EU27/welfare"] < 0);
    }

    [Fact]
    public void Partner_on_an_outcome_that_takes_none_is_an_error()
    {
        using var tmp = new TempFolder();
        var path = tmp.Write("bad.yaml", OneSector.Replace("- { outcome: welfare, weight: 1 }\n      - { outcome: exports, partner: USA", "- { outcome: welfare, partner: USA, weight: 1 }\n      - { outcome: exports, partner: USA"));
        var e = Assert.Throws<ParleyInputException>(() => NegotiationFile.Read(path));
        Assert.Equal("parties[1].objective[0].partner", e.Field);
        Assert.Equal("USA", e.Value);
    }

    [Fact]
    public void Unknown_group_as_party_or_payer_names_the_groups_of_the_dataset()
    {
        using var tmp = new TempFolder();
        var e = Assert.Throws<ParleyInputException>(() => NegotiationAnalysis.Run(NegotiationFile.Read(tmp.Write("bad.yaml",
            OneSector.Replace("from: EU27, to: USA", "from: EU28, to: USA"))), sensitivity: false));
        Assert.Equal("transfers.from", e.Field);
        Assert.Contains("EU27", e.Message);
    }
}
