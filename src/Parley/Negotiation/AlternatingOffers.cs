// Bilateral alternating offers over a finite package space with time-dependent concession tactics
// (Faratin, Sierra & Jennings 1998, "Negotiation decision functions for autonomous agents", RAS 24(3–4), the polynomial
// family): at round t of a deadline T, party i aspires to
//     target_i(t) = r_i + (max_i − r_i)·(1 − (t/T)^(1/β_i)),
// with r_i its reservation (BATNA) utility and β < 1 Boulware (concede late), β = 1 linear, β > 1 conceder (concede early).
// A proposer offers, among packages it values at least at its target, the one its opponent values most; the responder
// accepts when the offer is worth at least its own current target. No agreement by T means both get their BATNA.
namespace Parley.Negotiation;

/// <summary>A concession tactic.</summary>
/// <param name="Name">boulware, linear or conceder (or custom).</param>
/// <param name="Beta">Concession exponent β (0.2 Boulware, 1 linear, 5 conceder by default).</param>
public sealed record ConcessionStrategy(string Name, double Beta)
{
    /// <summary>Concedes late (β = 0.2).</summary>
    public static readonly ConcessionStrategy Boulware = new("boulware", 0.2);

    /// <summary>Concedes at a constant pace (β = 1).</summary>
    public static readonly ConcessionStrategy Linear = new("linear", 1.0);

    /// <summary>Concedes early (β = 5).</summary>
    public static readonly ConcessionStrategy Conceder = new("conceder", 5.0);

    /// <summary>The three standard tactics.</summary>
    public static readonly IReadOnlyList<ConcessionStrategy> Standard = [Boulware, Linear, Conceder];
}

/// <summary>One offer in the protocol.</summary>
/// <param name="Round">Round (1-based).</param>
/// <param name="Proposer">0 = party 1, 1 = party 2.</param>
/// <param name="Package">Package offered.</param>
/// <param name="Accepted">True when the responder accepted it.</param>
public sealed record Offer(int Round, int Proposer, int Package, bool Accepted);

/// <summary>Outcome of an alternating-offers run.</summary>
/// <param name="Strategy1">Party 1's tactic.</param>
/// <param name="Strategy2">Party 2's tactic.</param>
/// <param name="Deadline">Number of rounds available.</param>
/// <param name="Agreement">Package agreed, or null (no agreement: both get their BATNA).</param>
/// <param name="Round">Round of agreement (or the deadline).</param>
/// <param name="Utility1">Party 1's utility of the outcome.</param>
/// <param name="Utility2">Party 2's utility of the outcome.</param>
/// <param name="Offers">Every offer made.</param>
public sealed record OfferRun(ConcessionStrategy Strategy1, ConcessionStrategy Strategy2, int Deadline, int? Agreement, int Round,
    double Utility1, double Utility2, IReadOnlyList<Offer> Offers);

/// <summary>Simulates alternating offers.</summary>
public static class AlternatingOffers
{
    /// <summary>Runs the protocol; party 1 proposes in odd rounds.</summary>
    public static OfferRun Run(IReadOnlyList<double> u1, IReadOnlyList<double> u2, double d1, double d2,
        ConcessionStrategy s1, ConcessionStrategy s2, int deadline)
    {
        if (deadline < 1) throw new ArgumentOutOfRangeException(nameof(deadline), deadline, "The deadline must be at least one round.");
        var max1 = u1.Max();
        var max2 = u2.Max();
        var offers = new List<Offer>();
        for (var t = 1; t <= deadline; t++)
        {
            var proposer = (t - 1) % 2;
            var (own, other, dOwn, maxOwn, s) = proposer == 0 ? (u1, u2, d1, max1, s1) : (u2, u1, d2, max2, s2);
            var target = Target(dOwn, maxOwn, s, t, deadline);
            var candidates = Enumerable.Range(0, own.Count).Where(k => own[k] >= target - 1e-12).ToArray();
            if (candidates.Length == 0) candidates = [Enumerable.Range(0, own.Count).MaxBy(k => own[k])];
            var package = candidates.OrderByDescending(k => other[k]).ThenByDescending(k => own[k]).ThenBy(k => k).First();
            var (responderUtility, responderTarget) = proposer == 0
                ? (u2[package], Target(d2, max2, s2, t, deadline))
                : (u1[package], Target(d1, max1, s1, t, deadline));
            var accepted = responderUtility >= responderTarget - 1e-12 && responderUtility >= (proposer == 0 ? d2 : d1);
            offers.Add(new Offer(t, proposer, package, accepted));
            if (accepted) return new OfferRun(s1, s2, deadline, package, t, u1[package], u2[package], offers);
        }
        return new OfferRun(s1, s2, deadline, null, deadline, d1, d2, offers);
    }

    /// <summary>Aspiration level at round t.</summary>
    public static double Target(double reservation, double max, ConcessionStrategy s, int t, int deadline) =>
        reservation + (Math.Max(max, reservation) - reservation) * (1 - Math.Pow((double)t / deadline, 1 / s.Beta));
}
