// The layout of one draw's result vector (a work item's double[], docs/uncertainty.md "Result layout"): a header, then one
// row per package in enumeration order and a last row for the BATNA. Everything the summary needs is in it, so the summary
// is a pure function of the assembled double[][] whichever executor produced it.


namespace Parley.Negotiation.Uncertainty;

/// <summary>Where each number of a draw's result lives.</summary>
public sealed class DrawLayout
{
    /// <summary>Header: [0] rows solved exactly in this draw, [1] 1 when the draw lay outside the screen's radius (all rows solved), then the inputs' values.</summary>
    public const int HeaderFixed = 2;

    /// <summary>Per row: [0] 1 when solved exactly, [1] u₁, [2] u₂, [3] bound on u₁'s screening error, [4] on u₂'s, then the outcome keys.
    /// For the BATNA row u₁, u₂ are the reservation values d₁, d₂ (BATNA utility plus the drawn reservation shift).</summary>
    public const int RowFixed = 5;

    /// <summary>Builds the layout of a spec with resolved inputs.</summary>
    public DrawLayout(NegotiationSpec spec, IReadOnlyList<Package> packages, IReadOnlyList<UncertainInput> inputs)
    {
        Spec = spec;
        Packages = packages;
        Inputs = inputs;
        var keys = new List<string>();
        void Add(string k) { if (!keys.Contains(k)) keys.Add(k); }
        foreach (var p in spec.Parties)
        {
            Add($"{p.Code}/welfare");
            foreach (var t in p.Objective) Add($"{p.Code}/{t.Key}");
        }
        foreach (var o in spec.Observers) Add($"{o}/welfare");
        Keys = keys;
        RowWidth = RowFixed + keys.Count;
        Header = HeaderFixed + inputs.Count;
        Width = Header + (packages.Count + 1) * RowWidth;
    }

    /// <summary>The negotiation.</summary>
    public NegotiationSpec Spec { get; }

    /// <summary>The packages (rows 0 … P − 1); row P is the BATNA.</summary>
    public IReadOnlyList<Package> Packages { get; }

    /// <summary>The uncertain inputs, in draw order.</summary>
    public IReadOnlyList<UncertainInput> Inputs { get; }

    /// <summary>Outcome keys kept per row: each party's welfare and objective terms, each observer's welfare.</summary>
    public IReadOnlyList<string> Keys { get; }

    /// <summary>Numbers per row.</summary>
    public int RowWidth { get; }

    /// <summary>Numbers before the first row.</summary>
    public int Header { get; }

    /// <summary>Numbers per draw.</summary>
    public int Width { get; }

    /// <summary>Index of the BATNA row.</summary>
    public int BatnaRow => Packages.Count;

    /// <summary>Offset of row <paramref name="row"/>.</summary>
    public int Row(int row) => Header + row * RowWidth;

    /// <summary>The package both parties' last complete and equal positions name (the recorded agreement), or null.</summary>
    public int? RecordedAgreement
    {
        get
        {
            foreach (var round in Spec.Rounds.Reverse())
            {
                if (round.Positions.Count < 2) continue;
                var a = round.Positions[0].Choices;
                if (a.Count != Spec.Issues.Count || !round.Positions.All(p => p.Choices.Count == a.Count && p.Choices.All(kv => a.TryGetValue(kv.Key, out var v) && v == kv.Value)))
                    continue;
                var choice = Spec.Issues.Select(i => i.Options.Select((o, k) => (o, k)).First(x => x.o.Id == a[i.Id]).k).ToArray();
                return Packages.FirstOrDefault(p => p.Choices.SequenceEqual(choice))?.Index;
            }
            return null;
        }
    }

    /// <summary>Utility of party <paramref name="party"/> from outcome values (by key index) with drawn weights.</summary>
    public double Utility(int party, ReadOnlySpan<double> values, IReadOnlyDictionary<string, double> weights)
    {
        var p = Spec.Parties[party];
        double u = 0;
        foreach (var t in p.Objective)
        {
            var key = $"{p.Code}/{t.Key}";
            u += (weights.TryGetValue(key, out var w) ? w : t.Weight) * values[KeyIndex(key)];
        }
        return u;
    }

    /// <summary>Index of an outcome key in a row's values.</summary>
    public int KeyIndex(string key) => Keys is List<string> l ? l.IndexOf(key) : Keys.ToList().IndexOf(key);

    /// <summary>The observers' and parties' reported labels (for group resolution in messages).</summary>
    public IEnumerable<string> Reported => Spec.Parties.Select(p => p.Code).Concat(Spec.Observers);
}
