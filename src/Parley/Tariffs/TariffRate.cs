namespace Parley.Tariffs;

/// <summary>How the engine treats preferences and partial exemptions.</summary>
public enum RateBasis
{
    /// <summary>The statutory rate of a non-preferential entry: column-1 General MFN, no FTA/GSP or USMCA claims. Default for line queries.</summary>
    Statutory,

    /// <summary>Expected rate across entries: MFN scaled by preference use (HS-2 × country shares), USMCA claim shares for
    /// Canada and Mexico, semiconductor qualifying shares. The basis of effective tariff rates.</summary>
    Effective,
}

/// <summary>One authority's contribution to a line's total rate.</summary>
/// <param name="Authority">MFN, S232, IEEPA_RECIPROCAL, IEEPA_COUNTRY_EO, IEEPA_FENTANYL, S301, S201, S122.</param>
/// <param name="Program">Sub-program (e.g. autos, floor, phase2_country).</param>
/// <param name="MeasureId">Measure row (e.g. S232-AU-JP), or the MFN table.</param>
/// <param name="Heading">Legal heading (HTS Chapter 99) or HTS column.</param>
/// <param name="Rate">Contribution to the total, as a fraction of customs value, after stacking rules.</param>
/// <param name="Explanation">How the contribution was formed (e.g. "15% all-in: add-on over MFN 2.5%").</param>
public sealed record TariffComponent(string Authority, string Program, string MeasureId, string Heading, double Rate, string Explanation);

/// <summary>The total ad valorem rate of one HTS line from one partner on one date, with its breakdown.</summary>
/// <param name="Date">Date queried.</param>
/// <param name="Partner">Partner.</param>
/// <param name="Hts">HTS code queried.</param>
/// <param name="Basis">Statutory or effective basis.</param>
/// <param name="Total">Total rate (fraction of customs value).</param>
/// <param name="Components">Non-zero contributions by authority, in stacking order.</param>
/// <param name="Notes">Caveats (date beyond the last revision, 10-digit lines under an 8-digit query, excluded measures).</param>
public sealed record TariffRate(DateOnly Date, Partner Partner, HtsCode Hts, RateBasis Basis, double Total,
    IReadOnlyList<TariffComponent> Components, IReadOnlyList<string> Notes);
