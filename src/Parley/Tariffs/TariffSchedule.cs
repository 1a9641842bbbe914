using Parley.Tariffs.Internals;

namespace Parley.Tariffs;

/// <summary>
/// The US statutory tariff schedule 2025–2026 as data: measures with dates, partners, product lists, MFN rates and
/// the shares used for effective rates. Read with <see cref="TariffScheduleReader"/>; evaluate with <see cref="TariffEngine"/>.
/// </summary>
public sealed class TariffSchedule
{
    internal TariffSchedule()
    {
        _lines = new Lazy<Dictionary<string, (HtsCode[], double[])>>(BuildLines);
        _partnerIndex = new Lazy<Dictionary<string, Partner>>(BuildPartnerIndex);
    }

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
    internal PrefixMap<bool> AnnexII { get; init; } = new();
    internal HashSet<string> ReciprocalReassigned { get; init; } = [];
    internal Dictionary<string, Dictionary<string, string>> FloorExempt { get; init; } = [];
    internal double CivilAircraftClaimShare { get; init; }
    internal Dictionary<string, (DateOnly From, DateOnly? Until)> CountryEoExempt { get; init; } = [];
    internal HashSet<string> KoreaAircraft { get; init; } = [];
    internal Dictionary<string, string> FentanylCarveouts { get; init; } = [];
    internal HashSet<string> S122Exempt { get; init; } = [];
    internal HashSet<string> Solar { get; init; } = [];
    internal Dictionary<string, string> Gtap { get; init; } = [];
    internal Dictionary<string, string> Hs8ToAnyHts10 { get; init; } = [];

    private Lazy<Dictionary<string, (HtsCode[] Codes, double[] Weights)>> _lines;

    /// <summary>
    /// HTS-8 aggregation rule (decision 0011): the HTS-10 lines under an HTS-8 line (the crosswalk's and the 2024
    /// weights' codes) with weights = 2024 US imports of each line from all partners, normalised to sum 1 (equal weights
    /// when the HTS-8 had no 2024 imports). An HTS-8 rate is Σ weight × rate of the HTS-10 line, so it always lies
    /// between its lines' rates and equals them when they agree. Empty when the schedule knows no HTS-10 line under it.
    /// </summary>
    internal (HtsCode[] Codes, double[] Weights) TenDigitLines(string hs8)
    {
        return _lines.Value.TryGetValue(hs8, out var l) ? l : ([], []);
    }

    private Dictionary<string, (HtsCode[], double[])> BuildLines()
    {
        var value = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var code in Gtap.Keys) if (code.Length == 10) value.TryAdd(code, 0);
        var w = ImportWeights.Bundled2024;
        for (var k = 0; k < w.Codes.Length; k++)
            if (w.Codes[k].Length == 10) value[w.Codes[k]] = value.GetValueOrDefault(w.Codes[k]) + w.Values[k];
        var result = new Dictionary<string, (HtsCode[], double[])>(StringComparer.Ordinal);
        foreach (var group in value.Where(kv => Mfn.ContainsKey(kv.Key[..8])).GroupBy(kv => kv.Key[..8], StringComparer.Ordinal))
        {
            var lines = group.OrderBy(kv => kv.Key, StringComparer.Ordinal).ToArray();
            var sum = lines.Sum(kv => kv.Value);
            result[group.Key] = (lines.Select(kv => HtsCode.TryParse(kv.Key)!.Value).ToArray(),
                lines.Select(kv => sum > 0 ? kv.Value / sum : 1.0 / lines.Length).ToArray());
        }
        return result;
    }

    /// <summary>True when the HTS-8 line exists in the 2025 MFN table (the schedule's code list).</summary>
    public bool Knows(HtsCode code) => Mfn.ContainsKey(code.Hs8);

    /// <summary>GTAP sector code (lower case) of an HTS-10 line, or null.</summary>
    public string? GtapSector(string hts10) => Gtap.TryGetValue(hts10, out var g) ? g : null;

    /// <summary>Resolves a partner written as ISO2, ISO3, Census code or name (case-insensitive); null when unknown.</summary>
    /// <remarks>Empty or blank text is never a partner (Kosovo has no ISO3 code, so an empty code used to match it).
    /// Lookups go through an index, so reading millions of weight rows written with names stays linear.</remarks>
    public Partner? FindPartner(string? text)
    {
        var t = text?.Trim() ?? "";
        if (t.Length == 0) return null;
        if (Partners.TryGetValue(t, out var byCode)) return byCode;
        return _partnerIndex.Value.TryGetValue(t, out var p) ? p : null;
    }

    private readonly Lazy<Dictionary<string, Partner>> _partnerIndex;

    private Dictionary<string, Partner> BuildPartnerIndex()
    {
        // Same precedence as before: ISO3, then ISO2, then name, then "name (".
        var index = new Dictionary<string, Partner>(StringComparer.OrdinalIgnoreCase);
        var ordered = Partners.Values.ToArray();
        foreach (var p in ordered) if (p.Iso3.Length > 0) index.TryAdd(p.Iso3, p);
        foreach (var p in ordered) if (p.Iso2.Length > 0) index.TryAdd(p.Iso2, p);
        foreach (var p in ordered) if (p.Name.Length > 0) index.TryAdd(p.Name, p);
        foreach (var p in ordered)
        {
            var cut = p.Name.IndexOf(" (", StringComparison.Ordinal);
            if (cut > 0) index.TryAdd(p.Name[..cut], p);
        }
        return index;
    }

    /// <summary>A copy of this schedule with different measures (used by overlays).</summary>
    internal TariffSchedule WithMeasures(IReadOnlyList<Measure> measures, string overlayName) => new()
    {
        _lines = _lines,
        Source = Source, Measures = measures, Partners = Partners, LastRevision = LastRevision, Overlays = [.. Overlays, overlayName],
        Mfn = Mfn, ExemptionShares = ExemptionShares, UsmcaShares = UsmcaShares, MetalShares = MetalShares, Autos = Autos, AutoParts = AutoParts,
        MhdVehiclesBuses = MhdVehiclesBuses, MhdParts = MhdParts, Wood = Wood, Copper = Copper, Derivatives = Derivatives, Metals2018 = Metals2018,
        Annex = Annex, Semiconductors = Semiconductors, S301 = S301, ReciprocalExempt = ReciprocalExempt, AnnexII = AnnexII,
        ReciprocalReassigned = ReciprocalReassigned, FloorExempt = FloorExempt, CivilAircraftClaimShare = CivilAircraftClaimShare,
        CountryEoExempt = CountryEoExempt, KoreaAircraft = KoreaAircraft, FentanylCarveouts = FentanylCarveouts, S122Exempt = S122Exempt,
        Solar = Solar, Gtap = Gtap, Hs8ToAnyHts10 = Hs8ToAnyHts10,
    };
}
