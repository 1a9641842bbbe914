// The summary of a draws sweep (docs/models/uncertainty.md (U-12)–(U-14)), a pure function of the assembled results:
// per draw the bargaining solutions of RiskAttitude.Solve on the drawn utilities, then shares of draws (probabilities),
// quantile bands (type-7 interpolation) and Spearman rank correlations of every input with each party's margin over its
// reservation value at the reference package (the recorded agreement, else the central Nash package).
namespace Parley.Negotiation.Uncertainty;

/// <summary>Quantile band of one outcome across draws.</summary>
/// <param name="P05">5th percentile.</param>
/// <param name="P50">Median.</param>
/// <param name="P95">95th percentile.</param>
public sealed record Band(double P05, double P50, double P95);

/// <summary>One package across draws.</summary>
/// <param name="Index">Package index.</param>
/// <param name="Options">Issue id → option id.</param>
/// <param name="IndividuallyRational">Party code → share of draws where the package beats the party's reservation value.</param>
/// <param name="BothRational">Share of draws where it beats both (it is in the ZOPA).</param>
/// <param name="Frontier">Share of draws where it is on the Pareto frontier (screened values).</param>
/// <param name="FrontierInDoubt">Share of draws where the screen's bounds left its frontier status open.</param>
/// <param name="Nash">Share of draws where it is the Nash package.</param>
/// <param name="Kalai">Share of draws where it is the Kalai–Smorodinsky package.</param>
/// <param name="Bands">Outcome label (party utility <c>USA/utility</c>, or an outcome key such as <c>KOR/welfare</c>) → band.</param>
/// <param name="ExactShare">Share of draws in which this package was solved exactly.</param>
/// <param name="IrInDoubt">Party code → share of draws where the screen left the IR status open (counted as the screened value says).</param>
public sealed record PackageOdds(int Index, IReadOnlyDictionary<string, string> Options, IReadOnlyDictionary<string, double> IndividuallyRational,
    double BothRational, double Frontier, double FrontierInDoubt, double Nash, double Kalai, IReadOnlyDictionary<string, Band> Bands, double ExactShare,
    IReadOnlyDictionary<string, double> IrInDoubt);

/// <summary>How strongly one input moves the answer.</summary>
/// <param name="Input">Input name.</param>
/// <param name="Distribution">Its distribution.</param>
/// <param name="Source">Where it comes from.</param>
/// <param name="RankCorrelation">Party code → Spearman ρ between the input and the party's margin u(reference) − d.</param>
public sealed record InputInfluence(string Input, string Distribution, string Source, IReadOnlyDictionary<string, double> RankCorrelation)
{
    /// <summary>Largest |ρ| over the parties (the ranking key).</summary>
    public double Strength => RankCorrelation.Values.DefaultIfEmpty(0).Max(Math.Abs);
}

/// <summary>Everything a draws run reports.</summary>
/// <param name="Draws">Number of draws.</param>
/// <param name="Seed">Seed.</param>
/// <param name="ZopaProbability">Share of draws with a non-empty ZOPA.</param>
/// <param name="Packages">Every package.</param>
/// <param name="Batna">Bands of the BATNA's outcomes (party labels: the reservation values).</param>
/// <param name="Reference">The reference package (recorded agreement, else central Nash), or null.</param>
/// <param name="ReferenceIsRecorded">True when <paramref name="Reference"/> is the recorded agreement.</param>
/// <param name="ReferenceBothRational">Share of draws where the reference package is individually rational for both.</param>
/// <param name="Influence">Inputs, strongest first.</param>
/// <param name="ExactSolves">Package and BATNA solves done inside the draws (exact re-solves of doubtful rows).</param>
/// <param name="ScreenSolves">Solves one build of the screen takes (each process that runs draws builds it once).</param>
/// <param name="DrawsOutsideScreen">Draws beyond the screen's reach, solved in full.</param>
/// <param name="SolutionsOpenShare">Share of draws where the Nash or Kalai–Smorodinsky package was left to the screen
/// with its contenders' intervals overlapping (0 unless the run made only the ZOPA exact, <c>--resolve zopa</c>).</param>
public sealed record UncertaintySummary(int Draws, ulong Seed, double ZopaProbability, IReadOnlyList<PackageOdds> Packages, IReadOnlyDictionary<string, Band> Batna,
    int? Reference, bool ReferenceIsRecorded, double ReferenceBothRational, IReadOnlyList<InputInfluence> Influence, long ExactSolves, int ScreenSolves,
    int DrawsOutsideScreen, double SolutionsOpenShare);

/// <summary>A finished draws run.</summary>
/// <param name="Spec">The negotiation.</param>
/// <param name="Layout">Result layout (packages, inputs, keys).</param>
/// <param name="Summary">Probabilities, bands and input influence.</param>
/// <param name="Results">The raw per-draw results (one <see cref="DrawLayout"/> vector per draw).</param>
/// <param name="ElapsedMilliseconds">Wall time of the run.</param>
public sealed record UncertaintyRun(NegotiationSpec Spec, DrawLayout Layout, UncertaintySummary Summary, IReadOnlyList<double[]> Results, double ElapsedMilliseconds);

/// <summary>Computes <see cref="UncertaintySummary"/> from a sweep's results.</summary>
public static class DrawSummary
{
    /// <summary>Summarises <paramref name="results"/> (one <see cref="DrawLayout"/> vector per draw).</summary>
    public static UncertaintySummary Summarise(DrawLayout layout, IReadOnlyList<double[]> results, ulong seed, int? reference, int screenSolves)
    {
        var n = results.Count;
        var P = layout.Packages.Count;
        var spec = layout.Spec;
        string a = spec.Parties[0].Code, b = spec.Parties[1].Code;
        var ir1 = new int[P]; var ir2 = new int[P]; var both = new int[P]; var front = new int[P]; var doubt = new int[P]; var nash = new int[P]; var kalai = new int[P]; var exact = new int[P]; var open1 = new int[P]; var open2 = new int[P];
        var zopa = 0;
        var refBoth = 0;
        var open = 0;
        var margin1 = new double[n]; var margin2 = new double[n];
        for (var d = 0; d < n; d++)
        {
            var r = results[d];
            if (r.Length != layout.Width) throw new ArgumentException($"draw {d} has {r.Length} numbers, the layout {layout.Width}");
            var s = Screened(layout, r);
            var sol = RiskAttitude.Solve(s.U1, s.U2, s.D1, s.D2, s.Risk1, s.Risk2);
            if (sol.HasZopa) zopa++;
            if (DrawDoubt.SolutionsOpen(s, reference, p => r[layout.Row(p)] == 1)) open++;
            foreach (var k in sol.Frontier) front[k]++;
            if (sol.Nash is { } nk) nash[nk]++;
            if (sol.KalaiSmorodinsky is { } kk) kalai[kk]++;
            for (var p = 0; p < P; p++)
            {
                bool x1 = BargainingSolutions.Gains(s.U1[p], s.D1), x2 = BargainingSolutions.Gains(s.U2[p], s.D2);
                if (x1) ir1[p]++;
                if (x2) ir2[p]++;
                if (x1 && x2) both[p]++;
                if (!DrawDoubt.FrontierCertain(s, p)) doubt[p]++;
                if (DrawDoubt.IrInDoubt(s, p, 0)) open1[p]++;
                if (DrawDoubt.IrInDoubt(s, p, 1)) open2[p]++;
                if (r[layout.Row(p)] == 1) exact[p]++;
            }
            if (reference is { } rf)
            {
                margin1[d] = s.U1[rf] - s.D1;
                margin2[d] = s.U2[rf] - s.D2;
                if (margin1[d] > 0 && margin2[d] > 0) refBoth++;
            }
        }
        double Share(int count) => n == 0 ? 0 : (double)count / n;
        var packages = layout.Packages.Select(p => new PackageOdds(p.Index,
            spec.Issues.Select((issue, k) => (issue.Id, issue.Options[p.Choices[k]].Id)).ToDictionary(x => x.Item1, x => x.Item2),
            new Dictionary<string, double> { [a] = Share(ir1[p.Index]), [b] = Share(ir2[p.Index]) },
            Share(both[p.Index]), Share(front[p.Index]), Share(doubt[p.Index]), Share(nash[p.Index]), Share(kalai[p.Index]),
            Bands(layout, results, p.Index), Share(exact[p.Index]),
            new Dictionary<string, double> { [a] = Share(open1[p.Index]), [b] = Share(open2[p.Index]) })).ToArray();
        var influence = new List<InputInfluence>();
        for (var k = 0; k < layout.Inputs.Count; k++)
        {
            var input = layout.Inputs[k];
            var xs = results.Select(r => r[DrawLayout.HeaderFixed + k]).ToArray();
            var rho = reference is null ? new Dictionary<string, double>() : new Dictionary<string, double> { [a] = Spearman(xs, margin1), [b] = Spearman(xs, margin2) };
            influence.Add(new InputInfluence(input.Name, input.Distribution.Describe(), input.Source, rho));
        }
        return new UncertaintySummary(n, seed, Share(zopa), packages, Bands(layout, results, layout.BatnaRow), reference, layout.RecordedAgreement is not null,
            Share(refBoth), influence.OrderByDescending(i => i.Strength).ThenBy(i => i.Input, StringComparer.Ordinal).ToArray(),
            (long)results.Sum(r => r[0]), screenSolves, results.Count(r => r[1] == 1), Share(open));
    }

    /// <summary>The screened draw stored in a result vector.</summary>
    public static ScreenedDraw Screened(DrawLayout layout, double[] r)
    {
        var P = layout.Packages.Count;
        double[] Col(int c) => Enumerable.Range(0, P).Select(p => r[layout.Row(p) + c]).ToArray();
        var batna = layout.Row(layout.BatnaRow);
        var parties = layout.Spec.Parties;
        return new ScreenedDraw(Col(1), Col(2), Col(3), Col(4), r[batna + 1], r[batna + 2], r[batna + 3], r[batna + 4], parties[0].RiskAversion, parties[1].RiskAversion);
    }

    private static Dictionary<string, Band> Bands(DrawLayout layout, IReadOnlyList<double[]> results, int row)
    {
        var o = layout.Row(row);
        var spec = layout.Spec;
        var bands = new Dictionary<string, Band>
        {
            [$"{spec.Parties[0].Code}/utility"] = Band(results.Select(r => r[o + 1])),
            [$"{spec.Parties[1].Code}/utility"] = Band(results.Select(r => r[o + 2])),
        };
        for (var q = 0; q < layout.Keys.Count; q++) bands[layout.Keys[q]] = Band(results.Select(r => r[o + DrawLayout.RowFixed + q]));
        return bands;
    }

    /// <summary>5/50/95 percentiles (type 7: linear between order statistics).</summary>
    public static Band Band(IEnumerable<double> values)
    {
        var v = values.ToArray();
        Array.Sort(v);
        return new Band(Quantile(v, 0.05), Quantile(v, 0.50), Quantile(v, 0.95));
    }

    /// <summary>Type-7 quantile of sorted values.</summary>
    public static double Quantile(double[] sorted, double q)
    {
        if (sorted.Length == 0) return double.NaN;
        var h = (sorted.Length - 1) * q;
        var lo = (int)Math.Floor(h);
        var hi = Math.Min(lo + 1, sorted.Length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    /// <summary>Spearman's ρ: Pearson correlation of mid-ranks (0 when either side is constant).</summary>
    public static double Spearman(double[] x, double[] y)
    {
        double[] rx = Ranks(x), ry = Ranks(y);
        double mx = rx.Average(), my = ry.Average(), sxy = 0, sxx = 0, syy = 0;
        for (var i = 0; i < rx.Length; i++)
        {
            sxy += (rx[i] - mx) * (ry[i] - my);
            sxx += (rx[i] - mx) * (rx[i] - mx);
            syy += (ry[i] - my) * (ry[i] - my);
        }
        return sxx > 0 && syy > 0 ? sxy / Math.Sqrt(sxx * syy) : 0;
    }

    private static double[] Ranks(double[] v)
    {
        var order = Enumerable.Range(0, v.Length).OrderBy(i => v[i]).ThenBy(i => i).ToArray();
        var ranks = new double[v.Length];
        for (var i = 0; i < order.Length;)
        {
            var j = i;
            while (j + 1 < order.Length && v[order[j + 1]] == v[order[i]]) j++;
            for (var k = i; k <= j; k++) ranks[order[k]] = (i + j) / 2.0 + 1;
            i = j + 1;
        }
        return ranks;
    }
}
