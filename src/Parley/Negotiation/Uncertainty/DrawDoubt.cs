// Which screened packages must be solved exactly in a draw (docs/models/uncertainty.md (U-9)–(U-11)). Each screened
// utility is known within ±e (U-7 summed over the objective's terms with |weights|); a status is certain when the whole
// interval gives the same answer. The headline answers are always made exact: the reference package's individual
// rationality (U-9), whether the ZOPA is empty (U-9), which package is Nash (U-10) and Kalai–Smorodinsky (U-11). Other
// packages' IR status is made exact only on request (resolve = all); otherwise the share of draws where it stayed in doubt
// is reported beside its probability, as is the frontier's.
namespace Parley.Negotiation.Uncertainty;

/// <summary>Screened utilities of one draw: u ± e per package, and the reservation values d ± e.</summary>
/// <param name="U1">Party 1's utility per package.</param>
/// <param name="U2">Party 2's utility per package.</param>
/// <param name="E1">Bound on party 1's screening error per package (0 when solved exactly).</param>
/// <param name="E2">Bound on party 2's.</param>
/// <param name="D1">Party 1's reservation value.</param>
/// <param name="D2">Party 2's.</param>
/// <param name="ED1">Bound on D1's screening error.</param>
/// <param name="ED2">Bound on D2's.</param>
/// <param name="Risk1">Party 1's CARA coefficient.</param>
/// <param name="Risk2">Party 2's.</param>
public sealed record ScreenedDraw(double[] U1, double[] U2, double[] E1, double[] E2, double D1, double D2, double ED1, double ED2, double Risk1, double Risk2);

/// <summary>The doubt rules.</summary>
public static class DrawDoubt
{
    /// <summary>Whether party <paramref name="party"/>'s IR status of package <paramref name="p"/> is open: the gain's interval straddles 0 (U-9).</summary>
    public static bool IrInDoubt(ScreenedDraw s, int p, int party) => party == 0
        ? Math.Abs(s.U1[p] - s.D1) <= s.E1[p] + s.ED1
        : Math.Abs(s.U2[p] - s.D2) <= s.E2[p] + s.ED2;

    /// <summary>Packages the headline answers need solved exactly: the reference package's IR status, the ZOPA's emptiness,
    /// the Nash and Kalai–Smorodinsky contenders (unless <paramref name="contenders"/> is false: then Nash and Kalai are
    /// read from the screen and the draws where they stay open are counted, see <see cref="SolutionsOpen"/>); with
    /// <paramref name="allIr"/> also every package whose IR status is open.</summary>
    public static IReadOnlyList<int> Packages(ScreenedDraw s, int? reference, bool allIr, bool contenders = true)
    {
        var n = s.U1.Length;
        var doubt = new SortedSet<int>();
        for (var p = 0; p < n; p++)
            if ((allIr || p == reference) && (IrInDoubt(s, p, 0) || IrInDoubt(s, p, 1))) doubt.Add(p);
        var lo1 = new double[n]; var hi1 = new double[n]; var lo2 = new double[n]; var hi2 = new double[n];
        for (var p = 0; p < n; p++)
        {
            lo1[p] = Gain(s.U1[p] - s.D1 - s.E1[p] - s.ED1, s.Risk1); hi1[p] = Gain(s.U1[p] - s.D1 + s.E1[p] + s.ED1, s.Risk1);
            lo2[p] = Gain(s.U2[p] - s.D2 - s.E2[p] - s.ED2, s.Risk2); hi2[p] = Gain(s.U2[p] - s.D2 + s.E2[p] + s.ED2, s.Risk2);
        }
        bool Possible(int p) => hi1[p] > 0 && hi2[p] > 0;
        bool Certain(int p) => lo1[p] > 0 && lo2[p] > 0;
        // (U-9) the ZOPA's emptiness: open when no package is certainly in it but some may be
        if (!Enumerable.Range(0, n).Any(Certain)) doubt.UnionWith(Enumerable.Range(0, n).Where(Possible));
        if (!contenders) return doubt.ToArray();
        // (U-10) Nash: every package whose highest product reaches the best lowest product of a certain ZOPA member
        Contenders(n, Possible, Certain, p => lo1[p] * lo2[p], p => hi1[p] * hi2[p], doubt);
        // (U-11) Kalai–Smorodinsky: min_i v_i / a_i with the ideal a_i itself known only within an interval
        double aLo1 = 0, aHi1 = 0, aLo2 = 0, aHi2 = 0;
        for (var p = 0; p < n; p++)
        {
            if (Certain(p)) { aLo1 = Math.Max(aLo1, lo1[p]); aLo2 = Math.Max(aLo2, lo2[p]); }
            if (Possible(p)) { aHi1 = Math.Max(aHi1, hi1[p]); aHi2 = Math.Max(aHi2, hi2[p]); }
        }
        if (aLo1 > 0 && aLo2 > 0)
            Contenders(n, Possible, Certain, p => Math.Min(lo1[p] / aHi1, lo2[p] / aHi2), p => Math.Min(hi1[p] / aLo1, hi2[p] / aLo2), doubt);
        return doubt.ToArray();
    }

    /// <summary>Whether the screen's intervals leave the Nash or Kalai–Smorodinsky package of this draw open: some
    /// contender of (U-10)/(U-11) is not solved exactly (<paramref name="exact"/>).</summary>
    public static bool SolutionsOpen(ScreenedDraw s, int? reference, Func<int, bool> exact)
    {
        var withContenders = Packages(s, reference, false);
        var without = new HashSet<int>(Packages(s, reference, false, contenders: false));
        return withContenders.Any(p => !without.Contains(p) && !exact(p));
    }

    private static void Contenders(int n, Func<int, bool> possible, Func<int, bool> certain, Func<int, double> lower, Func<int, double> upper, SortedSet<int> doubt)
    {
        var best = double.NegativeInfinity;
        for (var p = 0; p < n; p++)
            if (certain(p)) best = Math.Max(best, lower(p));
        if (double.IsNegativeInfinity(best)) return; // no certain ZOPA member: IR doubts (U-9) already cover the possible ones
        var c = Enumerable.Range(0, n).Where(p => possible(p) && upper(p) >= best).ToArray();
        if (c.Length > 1) doubt.UnionWith(c);
    }

    /// <summary>The risk-adjusted gain v = (1 − e^{−r g})/r (g when r = 0), as <see cref="RiskAttitude.Adjust"/>.</summary>
    private static double Gain(double g, double r) => r == 0 ? g : (1 - Math.Exp(-r * g)) / r;

    /// <summary>Whether package <paramref name="p"/>'s frontier membership is settled by the intervals: no other package
    /// can dominate it, or one certainly does.</summary>
    public static bool FrontierCertain(ScreenedDraw s, int p)
    {
        var open = false;
        for (var q = 0; q < s.U1.Length; q++)
        {
            if (q == p) continue;
            var slack = s.E1[p] + s.E1[q] + s.E2[p] + s.E2[q];
            if (s.U1[q] - s.E1[q] > s.U1[p] + s.E1[p] && s.U2[q] - s.E2[q] > s.U2[p] + s.E2[p]) return true; // q surely dominates p
            if (slack > 0 && s.U1[q] + s.E1[q] >= s.U1[p] - s.E1[p] && s.U2[q] + s.E2[q] >= s.U2[p] - s.E2[p]) open = true;
        }
        return !open;
    }
}
