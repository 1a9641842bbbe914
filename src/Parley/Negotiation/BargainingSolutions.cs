// Bargaining analysis on a finite set of packages evaluated for two parties (utilities u₁, u₂) with a disagreement
// point d = (d₁, d₂) = the BATNA utilities:
//  - Pareto frontier: packages no other package weakly improves for both and strictly for one;
//  - ZOPA: packages individually rational for both (uᵢ > dᵢ + ε, ε = Indifference: a gain below the solvers' noise is none);
//  - Nash (1950) bargaining solution: argmax (u₁ − d₁)(u₂ − d₂) over the ZOPA;
//  - Kalai & Smorodinsky (1975): the ZOPA package maximising minᵢ (uᵢ − dᵢ)/(aᵢ − dᵢ), aᵢ = best uᵢ in the ZOPA
//    (the discrete counterpart of the point where the frontier meets the line from d to the ideal point a);
//  - utilitarian optimum: argmax u₁ + u₂ over all packages.
// Ties are broken by the lower package index, so results are reproducible.
namespace Parley.Negotiation;

/// <summary>The solutions of a two-party bargaining problem over packages (indices into the utility arrays).</summary>
/// <param name="Frontier">Pareto-efficient packages, sorted by party 1's utility (descending).</param>
/// <param name="Zopa">Packages that both parties prefer strictly to their BATNA.</param>
/// <param name="Nash">Nash bargaining package, or null when there is no ZOPA.</param>
/// <param name="KalaiSmorodinsky">Kalai–Smorodinsky package, or null when there is no ZOPA.</param>
/// <param name="Utilitarian">Package with the largest sum of utilities.</param>
/// <param name="Ideal">Best utility each party can get within the ZOPA (NaN without a ZOPA).</param>
public sealed record BargainingResult(
    IReadOnlyList<int> Frontier,
    IReadOnlyList<int> Zopa,
    int? Nash,
    int? KalaiSmorodinsky,
    int Utilitarian,
    (double Party1, double Party2) Ideal)
{
    /// <summary>True when at least one package beats both BATNAs.</summary>
    public bool HasZopa => Zopa.Count > 0;

}

/// <summary>Pure computations of <see cref="BargainingResult"/>.</summary>
public static class BargainingSolutions
{
    /// <summary>
    /// ε of docs/models/bargaining.md (B-5), in utility units: a package gains over the BATNA only when its utility
    /// exceeds the BATNA's by more than this. A package that repeats the BATNA's tariffs then never counts as a gain,
    /// whichever side of the BATNA the solver's rounding puts it (utilities carry ~1e-10 of noise: the equilibrium
    /// tolerance 1e-11 times their conditioning); every gain the reports print (4 decimals) is far above it.
    /// </summary>
    public const double Indifference = 1e-9;

    /// <summary>True when utility <paramref name="u"/> is individually rational against reservation <paramref name="d"/> (B-5).</summary>
    public static bool Gains(double u, double d) => u > d + Indifference;

    /// <summary>Solves the bargaining problem.</summary>
    /// <param name="u1">Party 1's utility of each package.</param>
    /// <param name="u2">Party 2's utility of each package.</param>
    /// <param name="d1">Party 1's BATNA utility.</param>
    /// <param name="d2">Party 2's BATNA utility.</param>
    public static BargainingResult Solve(IReadOnlyList<double> u1, IReadOnlyList<double> u2, double d1, double d2)
    {
        if (u1.Count != u2.Count) throw new ArgumentException("Utility arrays must have the same length.");
        if (u1.Count == 0) throw new ArgumentException("At least one package is needed.");
        var frontier = Frontier(u1, u2);
        var zopa = Enumerable.Range(0, u1.Count).Where(k => Gains(u1[k], d1) && Gains(u2[k], d2)).ToArray();
        int? nash = null, ks = null;
        double a1 = double.NaN, a2 = double.NaN;
        if (zopa.Length > 0)
        {
            nash = ArgMax(zopa, k => (u1[k] - d1) * (u2[k] - d2));
            a1 = zopa.Max(k => u1[k]);
            a2 = zopa.Max(k => u2[k]);
            double s1 = a1 - d1, s2 = a2 - d2;
            ks = ArgMax(zopa, k => Math.Min((u1[k] - d1) / s1, (u2[k] - d2) / s2) + 1e-12 * ((u1[k] - d1) / s1 + (u2[k] - d2) / s2));
        }
        var utilitarian = ArgMax(Enumerable.Range(0, u1.Count), k => u1[k] + u2[k]);
        return new BargainingResult(frontier, zopa, nash, ks, utilitarian, (a1, a2));
    }

    /// <summary>Pareto-efficient packages (no other is ≥ in both utilities and &gt; in one), sorted by u₁ descending.</summary>
    public static IReadOnlyList<int> Frontier(IReadOnlyList<double> u1, IReadOnlyList<double> u2)
    {
        var order = Enumerable.Range(0, u1.Count).OrderByDescending(k => u1[k]).ThenByDescending(k => u2[k]).ThenBy(k => k).ToArray();
        var result = new List<int>();
        var best2 = double.NegativeInfinity;
        var lastU1 = double.NaN;
        foreach (var k in order)
        {
            // Sorted by u1 desc: k is efficient iff its u2 beats every package with larger u1 (ties in u1 need equal-u1 care).
            if (u2[k] > best2 || (u1[k] == lastU1 && u2[k] == best2 && result.Count > 0 && u1[result[^1]] == u1[k] && u2[result[^1]] == u2[k]))
            {
                result.Add(k);
                best2 = Math.Max(best2, u2[k]);
                lastU1 = u1[k];
            }
        }
        return result;
    }

    private static int ArgMax(IEnumerable<int> candidates, Func<int, double> score)
    {
        var best = -1;
        var bestScore = double.NegativeInfinity;
        foreach (var k in candidates)
        {
            var s = score(k);
            if (s > bestScore) { best = k; bestScore = s; }
        }
        return best;
    }

    /// <summary>Euclidean distance in utility space from a point to the nearest frontier package.</summary>
    public static double DistanceToFrontier(IReadOnlyList<double> u1, IReadOnlyList<double> u2, IReadOnlyList<int> frontier, double x1, double x2) =>
        frontier.Min(k => Math.Sqrt(Math.Pow(u1[k] - x1, 2) + Math.Pow(u2[k] - x2, 2)));
}
