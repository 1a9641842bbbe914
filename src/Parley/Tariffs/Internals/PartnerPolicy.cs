namespace Parley.Tariffs.Internals;

/// <summary>
/// The measures that apply to one partner on one date, chosen once per (date, partner) so that line evaluation is
/// lookups only. Rule (docs/models/tariff-stacking.md (T-1)–(T-2)): a measure applies when valid_from ≤ d ≤ valid_until; among several rows of a
/// slot the most specific scope wins (country over group over ALL), then an overlay row over a base row, then the
/// later start, then an all-in floor over an additional rate.
/// </summary>
internal sealed class PartnerPolicy
{
    public PartnerPolicy(TariffSchedule s, Partner p, DateOnly d)
    {
        Date = d;
        Partner = p;
        var active = s.Measures.Where(m => m.ActiveOn(d) && Specificity(m.CountryScope, p) > 0).ToArray();
        Measure? Pick(Func<Measure, bool> slot) => active.Where(slot)
            .OrderByDescending(m => Specificity(m.CountryScope, p)).ThenByDescending(m => m.FromOverlay)
            .ThenByDescending(m => m.ValidFrom).ThenByDescending(m => m.Type == RateType.TotalFloor).FirstOrDefault();
        bool Is(Measure m, string authority, params string[] programs) => m.Authority == authority && programs.Contains(m.Program);

        Autos = Pick(m => Is(m, "S232", "autos"));
        AutoParts = Pick(m => Is(m, "S232", "auto_parts") && m.Id != "S232-AP-P");
        MhdVehicles = Pick(m => Is(m, "S232", "mhd_vehicles"));
        Buses = Pick(m => Is(m, "S232", "buses"));
        MhdParts = Pick(m => Is(m, "S232", "mhd_parts"));
        Softwood = Pick(m => Is(m, "S232", "wood") && (m.Id.EndsWith("-SW", StringComparison.Ordinal) || m.FromOverlay));
        Furniture = Pick(m => Is(m, "S232", "wood") && !m.Id.EndsWith("-SW", StringComparison.Ordinal) && !m.Id.EndsWith("-KC", StringComparison.Ordinal));
        Cabinets = Pick(m => Is(m, "S232", "wood") && !m.Id.EndsWith("-SW", StringComparison.Ordinal) && !m.Id.EndsWith("-UF", StringComparison.Ordinal));
        Copper = Pick(m => Is(m, "S232", "copper"));
        Steel = Pick(m => Is(m, "S232", "steel", "steel_aluminum") && !(m.Program == "steel_aluminum" && m.Authority == "S232" && m.Id.Contains("DER", StringComparison.Ordinal)));
        Aluminum = Pick(m => Is(m, "S232", "aluminum", "steel_aluminum"));
        Semiconductors = Pick(m => Is(m, "S232", "semiconductors"));
        AnnexIA = Pick(m => Is(m, "S232", "metals_annex") && (m.Id.StartsWith("S232-ANX-1A", StringComparison.Ordinal) || m.FromOverlay));
        AnnexIB = Pick(m => Is(m, "S232", "metals_annex") && (m.Id.StartsWith("S232-ANX-1B", StringComparison.Ordinal) || m.FromOverlay));
        AnnexIII = Pick(m => Is(m, "S232", "metals_annex") && (m.Id == "S232-ANX-3" || m.FromOverlay));
        Reciprocal = Pick(m => Is(m, "IEEPA_RECIPROCAL", "baseline", "china", "phase1_country", "phase2_country", "floor", "reciprocal") && m.Id != "IR-TS" && m.ProductScope is null);
        CountryEo = Pick(m => Is(m, "IEEPA_RECIPROCAL", "country_eo") || Is(m, "IEEPA_COUNTRY_EO", "country_eo"));
        Fentanyl = Pick(m => m.Authority == "IEEPA_FENTANYL" && m.Id != "IF-CA-EN" && m.Id != "IF-CA-TS");
        FentanylCarveout = Pick(m => m.Id == "IF-CA-EN");
        S201 = Pick(m => m.Authority == "S201");
        S122 = Pick(m => m.Authority == "S122");
        S301 = active.Where(m => m.Authority == "S301").ToArray();
        ReciprocalProductRules = active.Where(m => m.FromOverlay && m.Authority == "IEEPA_RECIPROCAL" && m.ProductScope is not null)
            .OrderByDescending(m => Specificity(m.CountryScope, p)).ThenByDescending(m => m.ValidFrom).ToArray();
    }

    public DateOnly Date { get; }
    public Partner Partner { get; }
    public Measure? Autos { get; }
    public Measure? AutoParts { get; }
    public Measure? MhdVehicles { get; }
    public Measure? Buses { get; }
    public Measure? MhdParts { get; }
    public Measure? Softwood { get; }
    public Measure? Furniture { get; }
    public Measure? Cabinets { get; }
    public Measure? Copper { get; }
    public Measure? Steel { get; }
    public Measure? Aluminum { get; }
    public Measure? Semiconductors { get; }
    public Measure? AnnexIA { get; }
    public Measure? AnnexIB { get; }
    public Measure? AnnexIII { get; }
    public Measure? Reciprocal { get; }
    public Measure? CountryEo { get; }
    public Measure? Fentanyl { get; }
    public Measure? FentanylCarveout { get; }
    public Measure? S201 { get; }
    public Measure? S122 { get; }
    public Measure[] S301 { get; }
    public Measure[] ReciprocalProductRules { get; }

    /// <summary>0 = scope excludes the partner; 1 = ALL; 2 = group; 3 = named country.</summary>
    public static int Specificity(string scope, Partner p)
    {
        var best = 0;
        foreach (var token in scope.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (token.Equals("ALL", StringComparison.OrdinalIgnoreCase)) best = Math.Max(best, 1);
            else if (token.StartsWith("GROUP:", StringComparison.OrdinalIgnoreCase)) { if (p.Groups.Contains(token[6..])) best = Math.Max(best, 2); }
            else if (token == p.CensusCode) best = 3;
        }
        return best;
    }
}
