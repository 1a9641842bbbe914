// Risk attitudes in bargaining. Nash's solution depends on the parties' von Neumann–Morgenstern utilities, not only on
// their ordinal preferences: a more risk-averse party gets less (Kihlstrom, Roth & Schmeidler 1981, "Risk aversion and
// solutions to Nash's bargaining problem"; Roth 1979, Axiomatic Models of Bargaining, ch. 2). A party's stated constant
// absolute risk aversion r (per utility unit) turns its gain over the BATNA, g = u − d, into
//     v = (1 − e^{−r·g}) / r          (v = g when r = 0),
// an increasing, concave transform with v(0) = 0. The frontier, the ZOPA and the utilitarian optimum are computed on
// the untransformed utilities (the frontier and ZOPA are the same either way); Nash and Kalai–Smorodinsky use v.
namespace Parley.Negotiation;

/// <summary>Risk-adjusted gains over the BATNA (constant absolute risk aversion).</summary>
public static class RiskAttitude
{
    /// <summary>v = (1 − e^{−r(u − d)})/r for each utility u; u − d when <paramref name="riskAversion"/> is 0.</summary>
    /// <param name="utilities">Utilities of the packages.</param>
    /// <param name="batna">The party's BATNA utility d.</param>
    /// <param name="riskAversion">CARA coefficient r ≥ 0, per utility unit.</param>
    public static double[] Adjust(IReadOnlyList<double> utilities, double batna, double riskAversion) =>
        utilities.Select(u => riskAversion == 0 ? u - batna : (1 - Math.Exp(-riskAversion * (u - batna))) / riskAversion).ToArray();

    /// <summary>
    /// The bargaining solutions with each party's risk attitude: frontier, ZOPA and utilitarian optimum on the utilities,
    /// Nash and Kalai–Smorodinsky on the risk-adjusted gains. With both coefficients 0 this is
    /// <see cref="BargainingSolutions.Solve"/>.
    /// </summary>
    public static BargainingResult Solve(IReadOnlyList<double> u1, IReadOnlyList<double> u2, double d1, double d2, double risk1, double risk2)
    {
        var plain = BargainingSolutions.Solve(u1, u2, d1, d2);
        if (risk1 == 0 && risk2 == 0) return plain;
        var adjusted = BargainingSolutions.Solve(Adjust(u1, d1, risk1), Adjust(u2, d2, risk2), 0, 0);
        return plain with { Nash = adjusted.Nash, KalaiSmorodinsky = adjusted.KalaiSmorodinsky };
    }
}
