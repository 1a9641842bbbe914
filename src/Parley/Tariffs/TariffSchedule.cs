using Parley.Tariffs.Internals;

namespace Parley.Tariffs;

/// <summary>
/// The US statutory tariff schedule 2025–2026 as data: measures with dates, partners, product lists, MFN rates and
/// the shares used for effective rates. Read with <see cref="TariffScheduleReader"/>; evaluate with <see cref="TariffEngine"/>.
/// </summary>
public sealed class TariffSchedule
{
    internal TariffSchedule() { }

    /// <summary>Folder or name the schedule was read from.</summary>
    public string Source { get; internal init; } = "";

    /// <summary>Every measure row (base schedule and overlays).</summary>
    public IReadOnlyList<Measure> Measures { get; internal init; } = [];

    /// <summary>Partners by Census code.</summary>
    public IReadOnlyDictionary<string, Partner> Partners { get; internal init; } = new Dictionary<string, Partner>();

    /// <summary>Date of the last recorded HTS revision; later dates use the schedule then in force.</summary>
    public DateOnly LastRevision { get; internal init; }

    /// <summary>First date the schedule covers.</summary>
    public static readonly DateOnly FirstDate = new(2025, 1, 1);

    /// <summary>Names of the overlays applied (empty for the base schedule).</summary>
    public IReadOnlyList<string> Overlays { get; internal init; } = [];

    internal Dictionary<string, double> Mfn { get; init; } = [];
    internal Dictionary<(string Hs2, string Country), double> ExemptionShares { get; init; } = [];
    internal Dictionary<(string Hts10, string Country), double> UsmcaShares { get; init; } = [];
    internal Dictionary<string, (double Steel, double Aluminum, double Copper)> MetalShares { get; init; } = [];
    internal PrefixMap<string> Autos { get; init; } = new();
    internal PrefixMap<bool> AutoParts { get; init; } = new();
    internal PrefixMap<string> MhdVehiclesBuses { get; init; } = new();
    internal PrefixMap<bool> MhdParts { get; init; } = new();
    internal PrefixMap<string> Wood { get; init; } = new();
    internal PrefixMap<bool> Copper { get; init; } = new();
    internal PrefixMap<(string Metal, DateOnly From)> Derivatives { get; init; } = new();
    internal PrefixMap<string> Metals2018 { get; init; } = new();
    internal PrefixMap<(string Annex, string Metal)> Annex { get; init; } = new();
    internal Dictionary<string, double> Semiconductors { get; init; } = [];
    internal Dictionary<string, List<(string Heading, double Rate, bool Active)>> S301 { get; init; } = [];
    internal PrefixMap<bool> ReciprocalExempt { get; init; } = new();
    internal Dictionary<string, HashSet<string>> FloorExempt { get; init; } = [];
    internal Dictionary<string, (DateOnly From, DateOnly? Until)> CountryEoExempt { get; init; } = [];
    internal HashSet<string> KoreaAircraft { get; init; } = [];
    internal Dictionary<string, string> FentanylCarveouts { get; init; } = [];
    internal HashSet<string> S122Exempt { get; init; } = [];
    internal HashSet<string> Solar { get; init; } = [];
    internal Dictionary<string, string> Gtap { get; init; } = [];
    internal Dictionary<string, string> Hs8ToAnyHts10 { get; init; } = [];

    /// <summary>True when the HTS-8 line exists in the 2025 MFN table (the schedule's code list).</summary>
    public bool Knows(HtsCode code) => Mfn.ContainsKey(code.Hs8);

    /// <summary>GTAP sector code (lower case) of an HTS-10 line, or null.</summary>
    public string? GtapSector(string hts10) => Gtap.TryGetValue(hts10, out var g) ? g : null;

    /// <summary>Resolves a partner written as ISO2, ISO3, Census code or name (case-insensitive); null when unknown.</summary>
    public Partner? FindPartner(string text)
    {
        var t = text.Trim();
        if (Partners.TryGetValue(t, out var byCode)) return byCode;
        return Partners.Values.FirstOrDefault(p => p.Iso3.Equals(t, StringComparison.OrdinalIgnoreCase))
               ?? Partners.Values.FirstOrDefault(p => p.Iso2.Equals(t, StringComparison.OrdinalIgnoreCase))
               ?? Partners.Values.FirstOrDefault(p => p.Name.Equals(t, StringComparison.OrdinalIgnoreCase))
               ?? Partners.Values.FirstOrDefault(p => p.Name.StartsWith(t + " (", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>A copy of this schedule with different measures (used by overlays).</summary>
    internal TariffSchedule WithMeasures(IReadOnlyList<Measure> measures, string overlayName) => new()
    {
        Source = Source, Measures = measures, Partners = Partners, LastRevision = LastRevision, Overlays = [.. Overlays, overlayName],
        Mfn = Mfn, ExemptionShares = ExemptionShares, UsmcaShares = UsmcaShares, MetalShares = MetalShares, Autos = Autos, AutoParts = AutoParts,
        MhdVehiclesBuses = MhdVehiclesBuses, MhdParts = MhdParts, Wood = Wood, Copper = Copper, Derivatives = Derivatives, Metals2018 = Metals2018,
        Annex = Annex, Semiconductors = Semiconductors, S301 = S301, ReciprocalExempt = ReciprocalExempt, FloorExempt = FloorExempt,
        CountryEoExempt = CountryEoExempt, KoreaAircraft = KoreaAircraft, FentanylCarveouts = FentanylCarveouts, S122Exempt = S122Exempt,
        Solar = Solar, Gtap = Gtap, Hs8ToAnyHts10 = Hs8ToAnyHts10,
    };
}
