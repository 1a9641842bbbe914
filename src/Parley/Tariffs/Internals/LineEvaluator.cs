// Stacking of US tariff authorities on one HTS line (docs/models/tariff-stacking.md (T-3)–(T-16), following the Budget Lab tracker's
// mutual-exclusion rule): MFN base; one Section 232 rate per line (heading programs on full value, metal programs on
// metal content before 2026-04-06, annex classes on full value after); the reciprocal duty, country EOs, CA/MX fentanyl
// and Section 122 only on the value 232 does not cover; China's fentanyl duty, Section 301 and Section 201 on full value.
//   China:  total = MFN + S232 + nm·(Recip + S122) + Fent_CN + S301 + S201
//   others: total = MFN + S232 + nm·(Recip + CountryEO + Fent_CAMX + S122) + S201
namespace Parley.Tariffs.Internals;

internal static class LineEvaluator
{
    private static readonly DateOnly AnnexStart = new(2026, 4, 6);
    private static readonly DateOnly DerivativesStart = new(2025, 3, 12);
    private const double UsmcaContent = 0.40;

    public static double Evaluate(TariffSchedule s, PartnerPolicy pol, HtsCode h, RateBasis basis, List<TariffComponent>? parts, List<string>? notes,
        Dictionary<string, double>? byAuthority = null)
    {
        var p = pol.Partner;
        var d = pol.Date;
        var digits = h.Digits;
        var hts10 = h.IsTenDigit ? digits : (s.Hs8ToAnyHts10.TryGetValue(h.Hs8, out var child) ? child : digits + "00");
        var mfn = s.Mfn.TryGetValue(h.Hs8, out var m) ? m : 0;
        var effective = basis == RateBasis.Effective;
        var usmcaShare = effective && p.IsUsmca && s.UsmcaShares.TryGetValue((hts10, p.CensusCode), out var us) ? us : 0;
        var mfnEff = mfn;
        if (effective)
            mfnEff = p.IsUsmca ? mfn * (1 - usmcaShare) : mfn * (1 - (s.ExemptionShares.TryGetValue((h.Chapter, p.CensusCode), out var ex) ? Math.Clamp(ex, 0, 1) : 0));
        double total = 0;
        void Add(string authority, string program, Measure? measure, string heading, double rate, string how)
        {
            if (rate == 0) return;
            total += rate;
            parts?.Add(new TariffComponent(authority, program, measure?.Id ?? "MFN", heading, rate, how));
            if (byAuthority is not null) byAuthority[authority] = byAuthority.GetValueOrDefault(authority) + rate;
        }
        Add("MFN", "column1_general", null, "HTSUS column 1 General", mfnEff, effective && mfnEff != mfn ? $"statutory {Pct(mfn)} scaled by preference/USMCA use" : $"column 1 General {Pct(mfn)}");

        // Section 232: heading programs (full value) vs metal programs (content-scaled before the annex regime).
        var semi = s.Semiconductors.TryGetValue(hts10, out var q) && pol.Semiconductors is not null;
        double heading = 0, metal = 0, metalShare = 0;
        Measure? headingMeasure = null;
        string headingProgram = "", headingHow = "";
        void Heading(Measure? measure, string program, double usmcaRelief)
        {
            if (measure is null) return;
            var rate = Value(measure, mfn) * usmcaRelief;
            if (measure.Type == RateType.Exemption || rate <= heading) { if (headingMeasure is null && measure.Type == RateType.Exemption) { headingMeasure = measure; headingProgram = program; } return; }
            heading = rate;
            headingMeasure = measure;
            headingProgram = program;
            headingHow = measure.Type == RateType.TotalFloor ? $"{Pct(measure.Rate)} all-in: add-on over MFN {Pct(mfn)}" : $"+{Pct(measure.Rate)}";
        }
        var isAuto = s.Autos.Contains(digits);
        var isPart = s.AutoParts.Contains(digits);
        if (isAuto) Heading(pol.Autos, "autos", 1 - UsmcaContent * usmcaShare);
        if (isPart) Heading(pol.AutoParts, "auto_parts", 1 - UsmcaContent * usmcaShare);
        if (s.MhdVehiclesBuses.TryFind(digits, out var mhdCat))
            Heading(mhdCat == "bus" || mhdCat.StartsWith("bus", StringComparison.Ordinal) ? pol.Buses : pol.MhdVehicles, mhdCat, mhdCat.StartsWith("bus", StringComparison.Ordinal) ? 1 : 1 - UsmcaContent * usmcaShare);
        if (s.MhdParts.Contains(digits) && !isPart) Heading(pol.MhdParts, "mhd_parts", 1 - usmcaShare);
        var isWood = s.Wood.TryFind(digits, out var woodCat);
        if (isWood && !isAuto && !isPart)
            Heading(woodCat.StartsWith("softwood", StringComparison.Ordinal) ? pol.Softwood : woodCat.Contains("cabinet", StringComparison.Ordinal) ? pol.Cabinets : pol.Furniture, "wood", 1);
        if (semi) Heading(pol.Semiconductors, "semiconductors", effective ? q : (q > 0 ? 1 : 0));
        var annexGood = false;
        if (d >= AnnexStart && !isAuto && !isPart)
        {
            var listed = s.Annex.TryFind(digits, out var annex);
            if (!listed && h.Chapter is "72" or "73" or "74" or "76") { annex = ("1a", h.Chapter == "74" ? "copper" : h.Chapter == "76" ? "aluminum" : "steel"); listed = true; }
            if (listed && annex.Annex != "2")
            {
                annexGood = true;
                var measure = annex.Annex switch { "1a" => pol.AnnexIA, "1b" => pol.AnnexIB, _ => pol.AnnexIII };
                if (annex.Metal == "copper" && measure is { } mm && mm.CountryScope != "ALL" && !mm.FromOverlay)
                    measure = s.Measures.FirstOrDefault(x => x.Id == (annex.Annex == "1a" ? "S232-ANX-1A" : "S232-ANX-1B") && x.ActiveOn(d)) ?? measure;
                if (annex.Metal == "aluminum" && pol.Aluminum is { Id: "S232-AL-RU" } ru) measure = ru;
                Heading(measure, $"metals_annex_{annex.Annex}", 1);
            }
        }
        else if (!isAuto && !isPart)
        {
            var (steelShare, aluShare, copperShare) = s.MetalShares.TryGetValue(hts10, out var shares) ? shares : (0, 0, 0);
            string? steelHow = null, aluHow = null;
            if (d < DerivativesStart)
            {
                if (s.Metals2018.TryFind(digits, out var prog)) { if (prog == "steel") steelShare = 1; else aluShare = 1; steelHow = aluHow = "2018 program list"; }
                else steelShare = aluShare = 0;
            }
            else
            {
                var chapterMetal = h.Chapter is "72" or "73" ? "steel" : h.Chapter == "76" ? "aluminum" : null;
                if (chapterMetal == "steel") { steelShare = 1; aluShare = 0; }
                else if (chapterMetal == "aluminum") { aluShare = 1; steelShare = 0; }
                else if (s.Derivatives.TryFind(digits, out var der) && der.From <= d)
                {
                    if (der.Metal.Contains("steel", StringComparison.Ordinal) is false) steelShare = 0;
                    if (der.Metal.Contains("alum", StringComparison.Ordinal) is false) aluShare = 0;
                }
                else steelShare = aluShare = 0;
            }
            void Metal(Measure? measure, double share, string program)
            {
                if (measure is null || share <= 0 || measure.Type == RateType.Exemption) return;
                var rate = Value(measure, mfn) * share;
                metal += rate;
                metalShare += share;
                Add("S232", program, measure, measure.Heading, rate, share >= 1 ? $"+{Pct(measure.Rate)} on full value" : $"+{Pct(measure.Rate)} on the {program} content ({Pct(share)} of value)");
            }
            var copperApplies = s.Copper.Contains(digits) && pol.Copper is not null;
            if (heading == 0)
            {
                Metal(pol.Steel, steelShare, "steel");
                Metal(pol.Aluminum, aluShare, "aluminum");
                if (copperApplies) Metal(pol.Copper, h.Chapter == "74" ? 1 : copperShare, "copper");
            }
            _ = steelHow; _ = aluHow;
        }
        var covered = heading > 0 || (annexGood && heading > 0);
        if (heading > 0) Add("S232", headingProgram, headingMeasure, headingMeasure!.Heading, heading, headingHow);
        else if (headingMeasure is not null) notes?.Add($"{headingProgram}: {headingMeasure.Id} exempts this line ({headingMeasure.Name}).");
        var nm = covered ? 0 : Math.Max(0, 1 - Math.Min(1, metalShare));

        // Semiconductors: 232-semi + China fentanyl + S301 + S122 only.
        var semiOnly = semi && heading > 0 && headingProgram == "semiconductors";
        var autoLine = isAuto || isPart;

        // IEEPA reciprocal (with floors) and country EOs, on the non-232 share.
        if (!semiOnly && nm > 0 && pol.Reciprocal is { } rec)
        {
            var exempt = p.IsUsmca || UniversallyExempt(s, h);
            var overlayRule = pol.ReciprocalProductRules.FirstOrDefault(r => AppliesTo(r, isAuto, isPart));
            if (overlayRule is not null && overlayRule != rec) rec = overlayRule;
            var payingShare = 1.0;
            if (rec.Type == RateType.TotalFloor && s.FloorExempt.TryGetValue(h.Hs8, out var groups) && groups.TryGetValue(FloorGroup(p), out var category))
            {
                // Civil-aircraft carve-outs cover goods for use in civil aircraft: chapter 88 in full, other listed lines
                // only on the claimed share (effective basis; a statutory entry is an ordinary good).
                if (category != TariffScheduleReader.CivilAircraft || h.Chapter == "88") exempt = true;
                else if (effective) payingShare = 1 - s.CivilAircraftClaimShare;
                else notes?.Add($"Civil-aircraft carve-out ({FloorGroup(p)}): only goods for use in civil aircraft are exempt; an ordinary entry of this line pays the floor.");
            }
            if (!exempt && rec.Type != RateType.Exemption)
            {
                var rate = payingShare * (rec.Type == RateType.TotalFloor ? Math.Max(0, rec.Rate - (effective ? mfnEff : mfn)) : rec.Rate);
                Add("IEEPA_RECIPROCAL", rec.Program, rec, rec.Heading, nm * rate,
                    rec.Type == RateType.TotalFloor ? $"{Pct(rec.Rate)} all-in floor: add-on over MFN" : $"+{Pct(rec.Rate)}" + (nm < 1 ? $" on the non-232 share ({Pct(nm)})" : ""));
            }
            else if (exempt) notes?.Add(p.IsUsmca ? "Canada and Mexico are outside the IEEPA reciprocal duty." : "Exempt from the IEEPA reciprocal duty (Annex II / informational materials / floor carve-out).");
            if (pol.CountryEo is { } eo && !p.IsChina && !(s.CountryEoExempt.TryGetValue(h.Hs8, out var win) && win.From <= d && (win.Until is not { } u || d <= u)))
                Add("IEEPA_COUNTRY_EO", eo.Program, eo, eo.Heading, nm * eo.Rate, $"+{Pct(eo.Rate)}");
        }
        // Fentanyl: China on full value; Canada/Mexico on the non-232 share, USMCA-qualifying goods exempt.
        if (pol.Fentanyl is { } fen && fen.Type != RateType.Exemption)
        {
            if (p.Groups.Contains("CHINA_HK_MACAU") && p.Iso3 != "MAC")
                Add("IEEPA_FENTANYL", fen.Program, fen, fen.Heading, fen.Rate, $"+{Pct(fen.Rate)} on full value");
            else if (p.IsUsmca && !semiOnly && !autoLine && !(p.Iso3 == "CAN" && isWood))
            {
                var carve = s.FentanylCarveouts.TryGetValue(h.Hs8, out var cat) ? cat : null;
                var measure = fen;
                var rate = fen.Rate;
                if (carve is not null && p.Iso3 == "MEX" && carve.Contains("mx", StringComparison.OrdinalIgnoreCase)) rate = 0.10;
                else if (carve is not null && p.Iso3 == "CAN" && pol.FentanylCarveout is { } en) { measure = en; rate = en.Rate; }
                Add("IEEPA_FENTANYL", measure.Program, measure, measure.Heading, nm * rate * (1 - usmcaShare),
                    $"+{Pct(rate)}" + (carve is null ? "" : $" ({carve})") + (effective && usmcaShare > 0 ? $", USMCA share {Pct(usmcaShare)} exempt" : ""));
            }
        }
        // Section 301 (China only): the highest active heading for the line.
        if (p.IsChina && s.S301.TryGetValue(h.Hs8, out var lists))
        {
            Measure? best = null;
            double bestRate = 0;
            foreach (var (head, rate, active) in lists)
            {
                if (!active) continue;
                var measure = pol.S301.FirstOrDefault(x => x.Heading.Contains(head, StringComparison.Ordinal));
                if (measure is null || measure.Type == RateType.Exemption) continue;
                var r = double.IsNaN(measure.Rate) ? rate : measure.FromOverlay ? measure.Rate : rate;
                if (r > bestRate) { bestRate = r; best = measure; }
            }
            if (best is not null) Add("S301", best.Program, best, best.Heading, bestRate, $"+{Pct(bestRate)} (highest active list)");
        }
        if (pol.S201 is { } sg && sg.Type != RateType.Exemption && s.Solar.Contains(hts10) && p.Iso3 != "CAN")
            Add("S201", sg.Program, sg, sg.Heading, sg.Rate, $"+{Pct(sg.Rate)} safeguard");
        if (pol.S122 is { } bop && bop.Type != RateType.Exemption && nm > 0 && !s.S122Exempt.Contains(h.Hs8))
            Add("S122", bop.Program, bop, bop.Heading, nm * bop.Rate * (1 - usmcaShare), $"+{Pct(bop.Rate)}" + (nm < 1 ? " on the non-232 share" : ""));
        return total;
    }

    /// <summary>Annex II (every line under a listed heading, subheading or HTS-8), the tracker's universal list,
    /// informational materials (chapters 49, 97) and chapter 98 except 9802.00.40/.50/.60/.80 (US note 2(v)(i)).</summary>
    internal static bool UniversallyExempt(TariffSchedule s, HtsCode h) =>
        s.AnnexII.Contains(h.Digits) || s.ReciprocalExempt.Contains(h.Digits) || h.Chapter is "49" or "97"
        || (h.Chapter == "98" && h.Hs8 is not ("98020040" or "98020050" or "98020060" or "98020080"));

    private static bool AppliesTo(Measure m, bool isAuto, bool isPart) => m.ProductScope switch
    {
        "autos" => isAuto,
        "auto_parts" => isPart,
        "autos+parts" => isAuto || isPart,
        _ => false,
    };

    private static string FloorGroup(Partner p) => p.Groups.Contains("EU27") ? "eu" : p.Iso3 switch
    {
        "JPN" => "japan", "KOR" => "korea", "CHE" => "swiss", "LIE" => "swiss", _ => "",
    };

    /// <summary>A measure's add-on: all-in floors net the MFN rate.</summary>
    public static double Value(Measure m, double mfn) => m.Type switch
    {
        RateType.TotalFloor => Math.Max(0, m.Rate - mfn),
        RateType.Exemption => 0,
        _ => double.IsNaN(m.Rate) ? 0 : m.Rate,
    };

    public static string Pct(double v) => (100 * v).ToString("0.##", System.Globalization.CultureInfo.InvariantCulture) + "%";
}
