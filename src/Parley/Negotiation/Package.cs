namespace Parley.Negotiation;

/// <summary>A package: one option per issue.</summary>
/// <param name="Index">0-based index in the list of priced packages (the enumeration order when the space is enumerated).</param>
/// <param name="Choices">Option index per issue (issue order of the file).</param>
public sealed record Package(int Index, int[] Choices)
{
    /// <summary>"autos=fifteen|reciprocal=ten|…".</summary>
    public string Describe(NegotiationSpec spec) =>
        string.Join(" | ", spec.Issues.Select((issue, k) => $"{issue.Id}={issue.Options[Choices[k]].Id}"));

    /// <summary>Option ids only, in issue order: "fifteen / fifteen / pledge / rice_quota".</summary>
    public string Short(NegotiationSpec spec) => string.Join(" / ", spec.Issues.Select((issue, k) => issue.Options[Choices[k]].Id));

    /// <summary>Every package of the spec (odometer order; the last issue varies fastest).</summary>
    public static IReadOnlyList<Package> Enumerate(NegotiationSpec spec, long limit = 100_000)
    {
        if (spec.PackageCount > limit)
            throw new ParleyInputException(spec.SourceFile, null, "issues", spec.PackageCount.ToString(System.Globalization.CultureInfo.InvariantCulture),
                $"at most {limit:N0} packages (product of option counts); merge or drop options");
        var result = new List<Package>();
        var choice = new int[spec.Issues.Count];
        for (var index = 0; ; index++)
        {
            result.Add(new Package(index, (int[])choice.Clone()));
            var k = choice.Length - 1;
            while (k >= 0 && ++choice[k] == spec.Issues[k].Options.Count) choice[k--] = 0;
            if (k < 0) break;
        }
        return result;
    }
}

/// <summary>Outcomes of one evaluated package (or the BATNA), relative to the baseline.</summary>
/// <param name="Values">Outcome key (e.g. <c>USA/welfare</c>, <c>JPN/sector_output:c15</c>, <c>KOR/welfare</c>) → value in percent
/// (or percentage points of baseline income for tariff revenue and trade balances).</param>
/// <param name="Utility1">Party 1's utility.</param>
/// <param name="Utility2">Party 2's utility.</param>
public sealed record PackageOutcome(IReadOnlyDictionary<string, double> Values, double Utility1, double Utility2);
