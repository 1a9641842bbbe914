// The mediator's analysis with every delegation's private inputs: utilities of every priced package from each party's
// weights, disagreement point = the reservation values, then frontier, ZOPA, Nash and Kalai–Smorodinsky with the
// parties' risk attitudes (Negotiation.RiskAttitude.Solve, the solver `parley negotiate` uses). Only the mediator sees
// this; what leaves it is chosen by the mediator as a release (decision 0026).
using Parley.Negotiation;

namespace Parley.Workspace.Pricing;

/// <summary>The analysis result (mediator only).</summary>
/// <param name="Utilities1">Party 1's utility of each package.</param>
/// <param name="Utilities2">Party 2's utility of each package.</param>
/// <param name="Bargaining">Frontier, ZOPA, Nash, Kalai–Smorodinsky, utilitarian.</param>
public sealed record MediatorAnalysis(IReadOnlyList<double> Utilities1, IReadOnlyList<double> Utilities2, BargainingResult Bargaining)
{
    /// <summary>Runs the analysis over <paramref name="packages"/> with the two parties' private inputs.</summary>
    public static MediatorAnalysis Run(IReadOnlyList<string> parties, IReadOnlyList<PricedPackage> packages, PrivateInputs first, PrivateInputs second)
    {
        var u1 = packages.Select(p => first.Utility(parties[0], p.Values)).ToArray();
        var u2 = packages.Select(p => second.Utility(parties[1], p.Values)).ToArray();
        var bargaining = RiskAttitude.Solve(u1, u2, first.ReservationUtility, second.ReservationUtility, first.RiskAversion, second.RiskAversion);
        return new MediatorAnalysis(u1, u2, bargaining);
    }
}
