// Search of a package space too large to enumerate (issue #5: "enumerate the package space, or search it when too large").
// 1. Screening: price the status quo and every single-issue deviation from it, and approximate a package's utility by the
//    status quo plus the sum of its single-issue effects. The approximation is exact when issues do not interact in the
//    model; in GE they interact only through second-order income and price effects.
// 2. Under the additive approximation every weighted sum w·u₁ + (1 − w)·u₂ is maximised issue by issue, so the packages
//    that trace the supported frontier are found without enumeration (21 weights). The most favourable completion of
//    every recorded position is added the same way.
// 3. Those packages and their single-issue neighbours are priced exactly; then local search prices the neighbours of
//    the exact frontier, Nash and Kalai–Smorodinsky packages until no unpriced neighbour is left or 6 rounds have run.
// Everything reported downstream (frontier, solutions, concessions, rounds) is computed on the priced packages only,
// and the result says how many were priced.
namespace Parley.Negotiation;

internal static class PackageSearch
{
    public static (IReadOnlyList<Package> Packages, IReadOnlyList<PackageOutcome> Outcomes, string Note) Run(
        NegotiationSpec spec, NegotiationEvaluator evaluator, PackageOutcome batna, Action<int, int>? progress, long budget)
    {
        var issues = spec.Issues;
        var packages = new List<Package>();
        var outcomes = new List<PackageOutcome>();
        var priced = new Dictionary<string, int>(StringComparer.Ordinal);
        static string Key(int[] c) => string.Join(',', c);

        void Price(IEnumerable<int[]> choices)
        {
            var fresh = choices.DistinctBy(Key).Where(c => !priced.ContainsKey(Key(c))).ToList();
            if (fresh.Count == 0) return;
            var start = packages.Count;
            var batch = fresh.Select((c, k) => new Package(start + k, (int[])c.Clone())).ToList();
            var results = evaluator.EvaluateAll(batch, progress is null ? null : (done, _) => progress(start + done, start + batch.Count));
            foreach (var (p, o) in batch.Zip(results))
            {
                priced[Key(p.Choices)] = p.Index;
                packages.Add(p);
                outcomes.Add(o);
            }
        }

        IEnumerable<int[]> Neighbours(int[] c)
        {
            for (var i = 0; i < issues.Count; i++)
                for (var o = 0; o < issues[i].Options.Count; o++)
                    if (o != c[i])
                    {
                        var n = (int[])c.Clone();
                        n[i] = o;
                        yield return n;
                    }
        }

        var statusQuo = new int[issues.Count];
        Price(Neighbours(statusQuo).Prepend(statusQuo));
        var sq = outcomes[priced[Key(statusQuo)]];
        // effects[party][issue][option]: utility change of the single-issue deviation from the status quo.
        var effects = new[] { 0, 1 }.Select(party => issues.Select((issue, i) => Enumerable.Range(0, issue.Options.Count).Select(o =>
        {
            if (o == 0) return 0.0;
            var c = (int[])statusQuo.Clone();
            c[i] = o;
            var x = outcomes[priced[Key(c)]];
            return party == 0 ? x.Utility1 - sq.Utility1 : x.Utility2 - sq.Utility2;
        }).ToArray()).ToArray()).ToArray();
        double Effect(int party, int issue, int option) => effects[party][issue][option];
        int[] Best(Func<int, int, double> score, IReadOnlyDictionary<int, int>? fixedChoices = null) =>
            issues.Select((issue, i) => fixedChoices is not null && fixedChoices.TryGetValue(i, out var f) ? f
                : Enumerable.Range(0, issue.Options.Count).MaxBy(o => score(i, o))).ToArray();

        var candidates = new List<int[]>();
        for (var k = 0; k <= 20; k++)
        {
            var w = k / 20.0;
            candidates.Add(Best((i, o) => w * Effect(0, i, o) + (1 - w) * Effect(1, i, o)));
        }
        foreach (var position in spec.Rounds.SelectMany(r => r.Positions))
        {
            var party = spec.Parties[0].Code == position.Party ? 0 : 1;
            var fixedChoices = position.Choices.ToDictionary(
                kv => issues.Select((x, i) => (x, i)).First(x => x.x.Id == kv.Key).i,
                kv => issues.First(x => x.Id == kv.Key).Options.Select((o, j) => (o, j)).First(o => o.o.Id == kv.Value).j);
            candidates.Add(Best((i, o) => Effect(party, i, o), fixedChoices));
        }
        Price(candidates.Concat(candidates.SelectMany(Neighbours)));

        var rounds = 0;
        for (; rounds < 6; rounds++)
        {
            var r = RiskAttitude.Solve(outcomes.Select(o => o.Utility1).ToArray(), outcomes.Select(o => o.Utility2).ToArray(),
                batna.Utility1, batna.Utility2, spec.Parties[0].RiskAversion, spec.Parties[1].RiskAversion);
            var focus = r.Frontier.Concat(new[] { r.Nash, r.KalaiSmorodinsky }.OfType<int>()).Distinct();
            // Local search stops at the budget (the screening above is bounded by the package limit checked up front).
            var next = focus.SelectMany(i => Neighbours(packages[i].Choices)).Where(c => !priced.ContainsKey(Key(c)))
                .DistinctBy(Key).Take((int)Math.Min(int.MaxValue, Math.Max(0, budget - packages.Count))).ToList();
            if (next.Count == 0 || packages.Count >= budget) break;
            Price(next);
        }
        var stop = packages.Count >= budget ? $"; local search stopped at the budget of {budget:N0} priced packages" : "";
        return (packages, outcomes,
            $"searched: {packages.Count:N0} of {spec.PackageCount:N0} packages priced (additive screening, then {rounds} round{(rounds == 1 ? "" : "s")} of local search around the frontier{stop})");
    }
}
