namespace Parley.Tariffs;

/// <summary>How a measure's rate combines with the column-1 (MFN) duty.</summary>
public enum RateType
{
    /// <summary>Added on top of everything else (within the stacking rules).</summary>
    Additional,

    /// <summary>"All-in" floor: the add-on is max(0, rate − MFN).</summary>
    TotalFloor,

    /// <summary>Zero: exemption, suspension or termination.</summary>
    Exemption,

    /// <summary>Not a rate (base duty, scope extension, quota).</summary>
    Other,
}

/// <summary>One row of the statutory schedule: a measure for a country scope and a date range (measures.csv).</summary>
/// <param name="Id">Stable id (e.g. S232-AU-JP).</param>
/// <param name="Authority">MFN, S232, IEEPA_RECIPROCAL, IEEPA_FENTANYL, S301, S201, S122, OTHER.</param>
/// <param name="Program">Sub-program (autos, phase2_country, floor, ...).</param>
/// <param name="Name">Short description.</param>
/// <param name="CountryScope">ALL, Census codes separated by ';', or GROUP:tag.</param>
/// <param name="ValidFrom">First day in force (inclusive).</param>
/// <param name="ValidUntil">Last day in force (inclusive), or null when open-ended.</param>
/// <param name="Rate">Rate as a fraction (0 for exemptions; NaN for non-numeric rows).</param>
/// <param name="Type">How the rate combines.</param>
/// <param name="Heading">Chapter 99 heading(s).</param>
/// <param name="LegalInstrument">Proclamation, EO or notice.</param>
/// <param name="Source">Where the row comes from (file, line or "overlay: name").</param>
/// <param name="FromOverlay">True for rows added by an offer overlay.</param>
/// <param name="ProductScope">Overlay rows of the reciprocal duty only: <c>autos</c>, <c>auto_parts</c> or <c>autos+parts</c>; null = all products.</param>
public sealed record Measure(
    string Id,
    string Authority,
    string Program,
    string Name,
    string CountryScope,
    DateOnly ValidFrom,
    DateOnly? ValidUntil,
    double Rate,
    RateType Type,
    string Heading,
    string LegalInstrument,
    string Source,
    bool FromOverlay = false,
    string? ProductScope = null)
{
    /// <summary>True when the measure is in force on <paramref name="date"/>.</summary>
    public bool ActiveOn(DateOnly date) => ValidFrom <= date && (ValidUntil is not { } until || date <= until);
}
