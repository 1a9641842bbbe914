// Runs the whole negotiation analysis: evaluate packages and BATNA, bargaining solutions, concession values, round
// positions and moves, alternating offers, and sensitivity of the ZOPA and the Nash point to elasticities and weights.
using System.Diagnostics;

namespace Parley.Negotiation;

/// <summary>What one option of an issue is worth to each party, averaged over all packages (vs the status-quo option).</summary>
/// <param name="Issue">Issue id.</param>
/// <param name="Option">Option id.</param>
/// <param name="Value1">Average utility change for party 1.</param>
/// <param name="Value2">Average utility change for party 2.</param>
/// <param name="Reading">"concession by X, valued by Y (ratio r)", "good for both", …</param>
public sealed record ConcessionValue(string Issue, string Option, double Value1, double Value2, string Reading);

/// <summary>A recorded position placed in utility space.</summary>
/// <param name="Round">Round label.</param>
/// <param name="Date">Date.</param>
/// <param name="Party">Party stating it.</param>
/// <param name="Package">Most favourable package for the party consistent with the position.</param>
/// <param name="Utility1">Party 1's utility.</param>
/// <param name="Utility2">Party 2's utility.</param>
/// <param name="DistanceToFrontier">Euclidean distance to the nearest frontier package (utility units).</param>
/// <param name="MoveTariffPoints">Change since the party's previous position: Σ |Δ tariff| over the package's tariff changes (points), or null.</param>
/// <param name="MoveWelfare">Change of the party's own welfare outcome since its previous position (percent), or null.</param>
/// <param name="MoveUtility">Change of the party's own utility since its previous position, or null.</param>
public sealed record RoundPosition(string Round, DateOnly Date, string Party, int Package, double Utility1, double Utility2, double DistanceToFrontier,
    double? MoveTariffPoints, double? MoveWelfare, double? MoveUtility);

/// <summary>Whether the ZOPA and the Nash package survive a perturbation.</summary>
/// <param name="Case">What was changed.</param>
/// <param name="HasZopa">ZOPA exists.</param>
/// <param name="ZopaSize">Packages in the ZOPA.</param>
/// <param name="Nash">Nash package, or null.</param>
/// <param name="NashUnchanged">True when the Nash package equals the central case's.</param>
public sealed record SensitivityCase(string Case, bool HasZopa, int ZopaSize, int? Nash, bool NashUnchanged);

/// <summary>Everything the analysis produced.</summary>
public sealed record NegotiationResult(
    NegotiationSpec Spec,
    IReadOnlyList<Package> Packages,
    IReadOnlyList<PackageOutcome> Outcomes,
    PackageOutcome Batna,
    BargainingResult Bargaining,
    IReadOnlyList<ConcessionValue> Concessions,
    IReadOnlyList<RoundPosition> Rounds,
    IReadOnlyList<OfferRun> Offers,
    IReadOnlyList<SensitivityCase> Sensitivity,
    Models.Numerics.SolverDiagnostics BaselineDiagnostics,
    string Dataset,
    double ElapsedMilliseconds,
    string? Search = null)
{
    /// <summary>Party 1's utilities.</summary>
    public double[] U1 => Outcomes.Select(o => o.Utility1).ToArray();

    /// <summary>Party 2's utilities.</summary>
    public double[] U2 => Outcomes.Select(o => o.Utility2).ToArray();
}

/// <summary>Runs <see cref="NegotiationResult"/>.</summary>
public static class NegotiationAnalysis
{
    /// <summary>Package spaces up to this many packages are enumerated (every package priced); CLI <c>--max-enumerate</c>. Default 20,000.</summary>
    public const long DefaultEnumerationLimit = 20_000;

    /// <summary>Largest package space (product of the option counts) analysed at all; CLI <c>--max-packages</c>. Default 100,000.</summary>
    public const long DefaultPackageLimit = 100_000;

    /// <summary>Most packages the search of a large space prices before its local search stops: 20,000.</summary>
    public const int SearchBudget = 20_000;

    /// <summary>Refuses, before any solve, limits that are not positive and a package space above <paramref name="packageLimit"/>.</summary>
    public static void CheckLimits(NegotiationSpec spec, long enumerationLimit, long packageLimit)
    {
        var inv = System.Globalization.CultureInfo.InvariantCulture;
        if (enumerationLimit < 1)
            throw new ParleyInputException("(command line)", null, "--max-enumerate", enumerationLimit.ToString(inv), "a positive number of packages");
        if (packageLimit < 1)
            throw new ParleyInputException("(command line)", null, "--max-packages", packageLimit.ToString(inv), "a positive number of packages");
        if (spec.PackageCount > packageLimit)
            throw new ParleyInputException(spec.SourceFile, null, "issues",
                spec.PackageCount == long.MaxValue ? $"more than {long.MaxValue:N0} packages" : $"{spec.PackageCount.ToString("N0", inv)} packages",
                $"at most {packageLimit.ToString("N0", inv)} packages (the product of the option counts; Parley's limit, raised with --max-packages N); merge or drop options");
    }

    /// <summary>Runs the analysis. <paramref name="sensitivity"/> re-solves every package at two other elasticities.
    /// Package spaces up to <paramref name="enumerationLimit"/> packages are enumerated; larger ones are searched
    /// (<see cref="PackageSearch"/>, whose local search stops at <see cref="SearchBudget"/> priced packages), and
    /// <see cref="NegotiationResult.Search"/> says how many packages were priced. A space larger than
    /// <paramref name="packageLimit"/> (default <see cref="DefaultPackageLimit"/>) is refused up front with an input error.</summary>
    public static NegotiationResult Run(NegotiationSpec spec, Action<int, int>? progress = null, bool sensitivity = true, long enumerationLimit = DefaultEnumerationLimit,
        long packageLimit = DefaultPackageLimit)
    {
        CheckLimits(spec, enumerationLimit, packageLimit);
        var sw = Stopwatch.StartNew();
        var evaluator = new NegotiationEvaluator(spec);
        var batna = evaluator.EvaluateBatna();
        IReadOnlyList<Package> packages;
        IReadOnlyList<PackageOutcome> outcomes;
        string? search = null;
        if (spec.PackageCount <= enumerationLimit)
        {
            packages = Package.Enumerate(spec, enumerationLimit);
            outcomes = evaluator.EvaluateAll(packages, progress);
        }
        else (packages, outcomes, search) = PackageSearch.Run(spec, evaluator, batna, progress, SearchBudget);
        var u1 = outcomes.Select(o => o.Utility1).ToArray();
        var u2 = outcomes.Select(o => o.Utility2).ToArray();
        var bargaining = RiskAttitude.Solve(u1, u2, batna.Utility1, batna.Utility2, spec.Parties[0].RiskAversion, spec.Parties[1].RiskAversion);
        var concessions = Concessions(spec, packages, u1, u2);
        var rounds = Rounds(spec, packages, outcomes, u1, u2, bargaining.Frontier);
        var offers = new List<OfferRun>();
        foreach (var s1 in ConcessionStrategy.Standard)
            foreach (var s2 in ConcessionStrategy.Standard)
                offers.Add(AlternatingOffers.Run(u1, u2, batna.Utility1, batna.Utility2, s1, s2, spec.Deadline));
        foreach (var deadline in new[] { Math.Max(2, spec.Deadline / 3), spec.Deadline * 3 })
            offers.Add(AlternatingOffers.Run(u1, u2, batna.Utility1, batna.Utility2, ConcessionStrategy.Linear, ConcessionStrategy.Linear, deadline));
        var cases = new List<SensitivityCase>();
        if (sensitivity)
        {
            foreach (var scale in new[] { 0.5, 1.5 })
            {
                var e = new NegotiationEvaluator(spec, new EvaluationOptions { ElasticityScale = scale });
                var o = e.EvaluateAll(packages);
                var bt = e.EvaluateBatna();
                cases.Add(Case(spec, $"trade elasticities × {scale}", o.Select(x => x.Utility1).ToArray(), o.Select(x => x.Utility2).ToArray(), bt.Utility1, bt.Utility2, bargaining.Nash));
            }
        }
        for (var p = 0; p < 2; p++)
            foreach (var factor in new[] { 0.0, 2.0 })
            {
                var parties = spec.Parties.ToArray();
                var party = parties[p];
                parties[p] = party with { Objective = party.Objective.Select(t => t.Outcome == "welfare" ? t : t with { Weight = t.Weight * factor }).ToArray() };
                var a = outcomes.Select(o => NegotiationEvaluator.Utility(parties[0], o.Values)).ToArray();
                var b = outcomes.Select(o => NegotiationEvaluator.Utility(parties[1], o.Values)).ToArray();
                cases.Add(Case(spec, $"{party.Code}: non-welfare weights × {factor}", a, b,
                    NegotiationEvaluator.Utility(parties[0], batna.Values), NegotiationEvaluator.Utility(parties[1], batna.Values), bargaining.Nash));
            }
        return new NegotiationResult(spec, packages, outcomes, batna, bargaining, concessions, rounds, offers, cases, evaluator.BaselineDiagnostics,
            evaluator.DatasetName, sw.Elapsed.TotalMilliseconds, search);
    }

    private static SensitivityCase Case(NegotiationSpec spec, string label, double[] u1, double[] u2, double d1, double d2, int? nash)
    {
        var r = RiskAttitude.Solve(u1, u2, d1, d2, spec.Parties[0].RiskAversion, spec.Parties[1].RiskAversion);
        return new SensitivityCase(label, r.HasZopa, r.Zopa.Count, r.Nash, r.Nash == nash);
    }

    private static IReadOnlyList<ConcessionValue> Concessions(NegotiationSpec spec, IReadOnlyList<Package> packages, double[] u1, double[] u2)
    {
        var index = packages.ToDictionary(p => string.Join(',', p.Choices), p => p.Index);
        var result = new List<ConcessionValue>();
        string a = spec.Parties[0].Code, b = spec.Parties[1].Code;
        for (var i = 0; i < spec.Issues.Count; i++)
            for (var o = 1; o < spec.Issues[i].Options.Count; o++)
            {
                double v1 = 0, v2 = 0;
                var count = 0;
                foreach (var p in packages.Where(p => p.Choices[i] == o))
                {
                    var baseChoice = (int[])p.Choices.Clone();
                    baseChoice[i] = 0;
                    if (!index.TryGetValue(string.Join(',', baseChoice), out var q)) continue; // searched spaces: counterpart not priced
                    v1 += u1[p.Index] - u1[q];
                    v2 += u2[p.Index] - u2[q];
                    count++;
                }
                if (count == 0) continue;
                v1 /= count;
                v2 /= count;
                var reading = (v1, v2) switch
                {
                    ( < 0, > 0) => $"concession by {a}, valued by {b} (gain/cost {v2 / -v1:F2})",
                    ( > 0, < 0) => $"concession by {b}, valued by {a} (gain/cost {v1 / -v2:F2})",
                    ( >= 0, >= 0) => "good for both",
                    _ => "costly for both",
                };
                result.Add(new ConcessionValue(spec.Issues[i].Id, spec.Issues[i].Options[o].Id, v1, v2, reading));
            }
        return result;
    }

    private static IReadOnlyList<RoundPosition> Rounds(NegotiationSpec spec, IReadOnlyList<Package> packages, IReadOnlyList<PackageOutcome> outcomes,
        double[] u1, double[] u2, IReadOnlyList<int> frontier)
    {
        var result = new List<RoundPosition>();
        var previous = new Dictionary<string, int>();
        foreach (var round in spec.Rounds)
            foreach (var position in round.Positions)
            {
                var party = spec.Parties[0].Code == position.Party ? 0 : 1;
                var consistent = packages.Where(p => position.Choices.All(kv =>
                {
                    var issue = spec.Issues.Select((x, k) => (x, k)).First(x => x.x.Id == kv.Key);
                    return issue.x.Options[p.Choices[issue.k]].Id == kv.Value;
                })).ToArray();
                var best = consistent.MaxBy(p => party == 0 ? u1[p.Index] : u2[p.Index])!.Index;
                double? tariff = null, welfare = null, utility = null;
                if (previous.TryGetValue(position.Party, out var prev))
                {
                    tariff = TariffPoints(spec, packages[best]) - TariffPoints(spec, packages[prev]);
                    welfare = outcomes[best].Values.GetValueOrDefault($"{position.Party}/welfare") - outcomes[prev].Values.GetValueOrDefault($"{position.Party}/welfare");
                    utility = party == 0 ? u1[best] - u1[prev] : u2[best] - u2[prev];
                }
                previous[position.Party] = best;
                result.Add(new RoundPosition(round.Label, round.Date, position.Party, best, u1[best], u2[best],
                    BargainingSolutions.DistanceToFrontier(u1, u2, frontier, u1[best], u2[best]), tariff, welfare, utility));
            }
        return result;
    }

    /// <summary>Σ over issues of the mean tariff level (points) of the chosen option's tariff changes.</summary>
    public static double TariffPoints(NegotiationSpec spec, Package p) =>
        spec.Issues.Select((issue, k) => issue.Options[p.Choices[k]].Tariffs).Where(t => t.Count > 0).Sum(t => 100 * t.Average(c => c.Rate));
}
