using Parley.Negotiation;
using Xunit;

namespace Parley.Tests.Negotiation;

/// <summary>Bargaining solutions on utility tables small enough to solve by hand, and invariants on random ones.</summary>
public class BargainingTests
{
    [Fact]
    public void Hand_computed_table_gives_the_expected_frontier_Nash_and_Kalai()
    {
        // Packages (u1, u2): (0,9) (6,2) (4,5) (3,6); BATNA (1,1).
        // ZOPA = {1,2,3}; Nash products 5, 12, 10 → package 2; ideal (6,6); KS ratios 0.2, 0.6, 0.4 → package 2.
        double[] u1 = [0, 6, 4, 3], u2 = [9, 2, 5, 6];
        var r = BargainingSolutions.Solve(u1, u2, 1, 1);
        Assert.Equal([1, 2, 3], r.Zopa);
        Assert.Equal(2, r.Nash);
        Assert.Equal(2, r.KalaiSmorodinsky);
        Assert.Equal(0, r.Utilitarian); // 0 + 9 = 9 is the largest sum
        Assert.Equal([1, 2, 3, 0], r.Frontier);
        Assert.Equal((6.0, 6.0), r.Ideal);
    }

    [Fact]
    public void Kalai_and_Nash_differ_when_the_bargaining_set_is_asymmetric()
    {
        // (10,1) (6,3) (3,3.5) with BATNA (0,0): Nash products 10, 18, 10.5 → package 1.
        // Ideal (10, 3.5); KS ratios min(1, 0.286)=0.286, min(0.6, 0.857)=0.6, min(0.3, 1)=0.3 → package 1 as well;
        // adding (4, 3.4): Nash 13.6 < 18, KS min(0.4, 0.971)=0.4 < 0.6 → unchanged; then (7, 2.2): Nash 15.4, KS min(0.7,0.629)=0.629 → KS moves.
        double[] u1 = [10, 6, 3, 4, 7], u2 = [1, 3, 3.5, 3.4, 2.2];
        var r = BargainingSolutions.Solve(u1, u2, 0, 0);
        Assert.Equal(1, r.Nash);
        Assert.Equal(4, r.KalaiSmorodinsky);
    }

    [Fact]
    public void No_package_beating_both_BATNAs_means_no_ZOPA_and_no_Nash_point()
    {
        var r = BargainingSolutions.Solve([1, 2, 3], [3, 2, 1], 2.5, 2.5);
        Assert.False(r.HasZopa);
        Assert.Null(r.Nash);
        Assert.Null(r.KalaiSmorodinsky);
    }

    [Fact]
    public void Random_tables_frontier_matches_brute_force_and_Nash_is_efficient_and_rational()
    {
        var rng = new Random(5);
        for (var trial = 0; trial < 300; trial++)
        {
            var n = rng.Next(1, 40);
            var u1 = Enumerable.Range(0, n).Select(_ => Math.Round(rng.NextDouble() * 10, 1)).ToArray();
            var u2 = Enumerable.Range(0, n).Select(_ => Math.Round(rng.NextDouble() * 10, 1)).ToArray();
            double d1 = rng.NextDouble() * 6, d2 = rng.NextDouble() * 6;
            var r = BargainingSolutions.Solve(u1, u2, d1, d2);
            bool Dominated(int k) => Enumerable.Range(0, n).Any(m => u1[m] >= u1[k] && u2[m] >= u2[k] && (u1[m] > u1[k] || u2[m] > u2[k]));
            var brute = Enumerable.Range(0, n).Where(k => !Dominated(k)).ToHashSet();
            Assert.True(brute.SetEquals(r.Frontier), $"trial {trial}");
            if (r.Nash is { } nash)
            {
                Assert.Contains(nash, r.Frontier);
                Assert.True(u1[nash] >= d1 && u2[nash] >= d2);
                Assert.Contains(r.KalaiSmorodinsky!.Value, r.Zopa);
            }
        }
    }

    [Fact]
    public void Alternating_offers_Boulware_beats_conceder_and_no_ZOPA_means_no_better_deal()
    {
        double[] u1 = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10], u2 = [10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0];
        var tough = AlternatingOffers.Run(u1, u2, 0, 0, ConcessionStrategy.Boulware, ConcessionStrategy.Conceder, 10);
        var soft = AlternatingOffers.Run(u1, u2, 0, 0, ConcessionStrategy.Conceder, ConcessionStrategy.Boulware, 10);
        Assert.NotNull(tough.Agreement);
        Assert.NotNull(soft.Agreement);
        Assert.True(tough.Utility1 > soft.Utility1, $"Boulware {tough.Utility1} vs conceder {soft.Utility1}");
        var none = AlternatingOffers.Run([1, 2, 3], [3, 2, 1], 2.5, 2.5, ConcessionStrategy.Linear, ConcessionStrategy.Linear, 8);
        Assert.Null(none.Agreement);
        Assert.Equal((2.5, 2.5), (none.Utility1, none.Utility2));
    }

    [Fact]
    public void A_risk_averse_party_gets_less_at_the_Nash_point()
    {
        // (4,4) (6,3) (2,5), BATNA (0,0). Risk neutral: Nash products 16, 18, 10 → package 1 (6 for party 1).
        // Party 1 with r = 0.5: v1 = 2(1 − e^{−u/2}) = 1.72933, 1.90043, 1.26424; products 6.917, 5.701, 6.321 → package 0 (4).
        double[] u1 = [4, 6, 2], u2 = [4, 3, 5];
        var neutral = RiskAttitude.Solve(u1, u2, 0, 0, 0, 0);
        var averse = RiskAttitude.Solve(u1, u2, 0, 0, 0.5, 0);
        Assert.Equal(1, neutral.Nash);
        Assert.Equal(0, averse.Nash);
        Assert.Equal(neutral.Frontier, averse.Frontier);
        Assert.Equal(neutral.Zopa, averse.Zopa);
        Assert.Equal(1, averse.Utilitarian);
        Assert.Equal(1.72933, RiskAttitude.Adjust(u1, 0, 0.5)[0], 5);
        Assert.Equal([3.0, 5.0, 1.0], RiskAttitude.Adjust(u1, 1, 0));
    }
}
