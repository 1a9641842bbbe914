using Parley.Negotiation;
using Xunit;

namespace Parley.Tests.Negotiation;

/// <summary>examples/us-eu-2025.yaml: the 2025 US–EU framework with EU27 as a party (one full analysis, no sensitivity).</summary>
public class UsEuExampleTests
{
    private static readonly Lazy<(NegotiationSpec Spec, NegotiationResult Result, NegotiationEvaluator Members)> Run = new(() =>
    {
        var path = Path.Combine(AppContext.BaseDirectory, "examples", "us-eu-2025.yaml");
        var spec = NegotiationFile.Read(path);
        var result = NegotiationAnalysis.Run(spec, sensitivity: false);
        // The same negotiation reporting every EU member as an observer, to recompute EU27 from member outcomes.
        var regions = Parley.Data.BundledData.MultiSector("world-2022")!.Regions;
        var withMembers = spec with { Observers = [.. spec.Observers, .. regions.Group("EU27").Select(k => regions[k].Iso3)] };
        return (spec, result, new NegotiationEvaluator(withMembers));
    });

    [Fact]
    public void US_EU_example_runs_with_EU27_as_a_party_and_the_ZOPA_is_what_the_utilities_imply()
    {
        var (spec, r, _) = Run.Value;
        Assert.Equal("EU27", spec.Parties[1].Code);
        Assert.Equal(48, r.Packages.Count);
        var implied = Enumerable.Range(0, r.Packages.Count).Where(k => r.U1[k] > r.Batna.Utility1 && r.U2[k] > r.Batna.Utility2).ToArray();
        Assert.Equal(implied, r.Bargaining.Zopa.Order());
        Assert.True(r.Bargaining.HasZopa);
        // The threatened 30% hurts the EU against the status quo; the deal's tariff side (15% all-in, cars included) helps it.
        Assert.True(r.Batna.Values["EU27/welfare"] < 0);
        var deal = r.Rounds.Last();
        Assert.Equal("fifteen / eliminate / quotas / pledge / pledge", r.Packages[deal.Package].Short(spec));
        // EU tariff elimination raises US exports to the EU (an objective with a group as partner).
        int Package(params int[] c) => r.Packages.Single(p => p.Choices.SequenceEqual(c)).Index;
        Assert.True(r.Outcomes[Package(0, 1, 0, 0, 0)].Values["USA/exports:EU27"] > 1);
    }

    [Fact]
    public void EU27_welfare_in_the_deal_is_the_income_weighted_mean_of_its_members()
    {
        var (spec, r, members) = Run.Value;
        var deal = r.Packages[r.Rounds.Last().Package];
        var issues = spec.Issues.Select((issue, k) => issue.Options[deal.Choices[k]]).ToArray();
        var v = members.Evaluate(issues.SelectMany(o => o.Tariffs).ToArray(), issues.SelectMany(o => o.Transfers).ToArray(), "deal",
            issues.Select(o => o.Overlay).OfType<string>().ToArray()).Values;
        var w = members.BaselineIncomeUsdBillions;
        double num = 0, den = 0;
        foreach (var k in members.Countries.Group("EU27"))
        {
            num += w[k] * v[members.Countries[k].Iso3 + "/welfare"];
            den += w[k];
        }
        Assert.Equal(num / den, v["EU27/welfare"], 1e-10);
        Assert.Equal(r.Outcomes[deal.Index].Values["EU27/welfare"], v["EU27/welfare"], 1e-10);
        Assert.Equal(r.Outcomes[deal.Index].Values["DEU/welfare"], v["DEU/welfare"], 1e-10);
    }
}
