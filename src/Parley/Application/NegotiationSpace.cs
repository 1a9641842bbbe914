// The negotiation room's data: every priced package with its outcomes (the cache the sliders work on), and the
// re-ranking those sliders ask for. Re-ranking never re-solves a model: a party's utility is Σ weight × outcome over
// the outcomes already priced (NegotiationEvaluator.Utility), and the frontier, ZOPA, Nash and Kalai–Smorodinsky
// points come from RiskAttitude.Solve exactly as in NegotiationAnalysis (docs/negotiation-file.md).
using Parley.Negotiation;

namespace Parley.Application;

/// <summary>One priced package: its option per issue (issue order), both parties' utilities and every outcome value (% change from the baseline).</summary>
public sealed record PackagePoint(int Index, IReadOnlyList<string> Options, string Label, double Utility1, double Utility2, IReadOnlyDictionary<string, double> Outcomes);

/// <summary>One objective term of a party as a slider shows it.</summary>
public sealed record ObjectiveSlider(string Key, string Outcome, double Weight);

/// <summary>A round position placed in utility space.</summary>
public sealed record RoundPoint(string Round, string Date, string Party, int Package, double Utility1, double Utility2, double? MoveUtility, double? MoveTariffPoints);

/// <summary>The bargaining solutions for one set of weights and reservation values.</summary>
/// <param name="Utility1">Party 1's utility of every package.</param>
/// <param name="Utility2">Party 2's utility of every package.</param>
/// <param name="Reservation1">Party 1's reservation utility (its BATNA unless moved).</param>
/// <param name="Reservation2">Party 2's reservation utility.</param>
/// <param name="Frontier">Pareto-frontier packages.</param>
/// <param name="Zopa">Packages that beat both reservation values.</param>
/// <param name="Nash">Nash bargaining package, or null without a ZOPA.</param>
/// <param name="KalaiSmorodinsky">Kalai–Smorodinsky package, or null.</param>
/// <param name="Utilitarian">Package of the largest utility sum.</param>
public sealed record NegotiationRanking(IReadOnlyList<double> Utility1, IReadOnlyList<double> Utility2, double Reservation1, double Reservation2,
    IReadOnlyList<int> Frontier, IReadOnlyList<int> Zopa, int? Nash, int? KalaiSmorodinsky, int Utilitarian);

/// <summary>Everything the negotiation room draws, from one priced <see cref="NegotiationResult"/>.</summary>
public sealed record NegotiationSpace(
    string Name,
    IReadOnlyList<string> Parties,
    IReadOnlyList<string> Observers,
    IReadOnlyList<string> Issues,
    IReadOnlyList<IReadOnlyList<ObjectiveSlider>> Objectives,
    IReadOnlyList<double> RiskAversion,
    IReadOnlyList<PackagePoint> Packages,
    string BatnaLabel,
    IReadOnlyDictionary<string, double> BatnaOutcomes,
    NegotiationRanking Ranking,
    IReadOnlyList<RoundPoint> Rounds)
{
    /// <summary>The space of a priced negotiation, ranked with the file's own weights and BATNA.</summary>
    public static NegotiationSpace Of(NegotiationResult r)
    {
        var spec = r.Spec;
        var packages = r.Packages.Select(p => new PackagePoint(p.Index, p.Choices.Select((c, k) => spec.Issues[k].Options[c].Id).ToArray(), p.Short(spec),
            r.Outcomes[p.Index].Utility1, r.Outcomes[p.Index].Utility2, r.Outcomes[p.Index].Values)).ToArray();
        var b = r.Bargaining;
        var ranking = new NegotiationRanking(r.U1, r.U2, r.Batna.Utility1, r.Batna.Utility2, b.Frontier, b.Zopa, b.Nash, b.KalaiSmorodinsky, b.Utilitarian);
        return new NegotiationSpace(spec.Name, spec.Parties.Select(p => p.Code).ToArray(), spec.Observers, spec.Issues.Select(i => i.Id).ToArray(),
            spec.Parties.Select(p => (IReadOnlyList<ObjectiveSlider>)p.Objective.Select(t => new ObjectiveSlider(t.Key, t.Outcome, t.Weight)).ToArray()).ToArray(),
            spec.Parties.Select(p => p.RiskAversion).ToArray(),
            packages, spec.Batna.Label, r.Batna.Values, ranking,
            r.Rounds.Select(x => new RoundPoint(x.Round, x.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), x.Party, x.Package,
                x.Utility1, x.Utility2, x.MoveUtility, x.MoveTariffPoints)).ToArray());
    }

    /// <summary>
    /// Re-ranks the priced packages with other objective weights (per party, in objective order; null keeps the file's)
    /// and reservation utilities (null: the BATNA's utility under the weights used). No model is solved: only the cached
    /// outcomes of <see cref="Packages"/> and the BATNA are re-weighted.
    /// </summary>
    public NegotiationRanking Rerank(IReadOnlyList<double>? weights1, IReadOnlyList<double>? weights2, double? reservation1, double? reservation2)
    {
        var w1 = Weights(0, weights1, "weights1");
        var w2 = Weights(1, weights2, "weights2");
        double U(int party, IReadOnlyList<double> w, IReadOnlyDictionary<string, double> values) =>
            NegotiationEvaluator.Utility(Parties[party], Objectives[party].Select((t, k) => (t.Key, w[k])), values);
        var u1 = Packages.Select(p => U(0, w1, p.Outcomes)).ToArray();
        var u2 = Packages.Select(p => U(1, w2, p.Outcomes)).ToArray();
        var d1 = Finite(reservation1, "reservation1") ?? U(0, w1, BatnaOutcomes);
        var d2 = Finite(reservation2, "reservation2") ?? U(1, w2, BatnaOutcomes);
        var b = RiskAttitude.Solve(u1, u2, d1, d2, RiskAversion[0], RiskAversion[1]);
        return new NegotiationRanking(u1, u2, d1, d2, b.Frontier, b.Zopa, b.Nash, b.KalaiSmorodinsky, b.Utilitarian);
    }

    private IReadOnlyList<double> Weights(int party, IReadOnlyList<double>? weights, string field)
    {
        var terms = Objectives[party];
        if (weights is null) return terms.Select(t => t.Weight).ToArray();
        if (weights.Count != terms.Count)
            throw new ParleyInputException("(request)", null, field, weights.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
                $"{terms.Count} weights for {Parties[party]}'s objective terms ({string.Join(", ", terms.Select(t => t.Key))})");
        for (var k = 0; k < weights.Count; k++)
            if (!double.IsFinite(weights[k]) || Math.Abs(weights[k]) > 1000)
                throw new ParleyInputException("(request)", null, $"{field}[{k}]", weights[k].ToString(System.Globalization.CultureInfo.InvariantCulture), "a number from -1000 to 1000");
        return weights;
    }

    private static double? Finite(double? v, string field) => v is { } x && !double.IsFinite(x)
        ? throw new ParleyInputException("(request)", null, field, x.ToString(System.Globalization.CultureInfo.InvariantCulture), "a finite number (utility units)")
        : v;
}
