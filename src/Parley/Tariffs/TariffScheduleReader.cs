using System.Globalization;
using Parley.Internals;
using Parley.Tariffs.Internals;

namespace Parley.Tariffs;

/// <summary>Reads the bundled schedule folder (<c>data/us-tariffs</c>, layout in its PROVENANCE.md), validating as it goes.</summary>
public static class TariffScheduleReader
{
    private static readonly Lazy<TariffSchedule> s_bundled = new(() => Read(Path.Combine(Data.BundledData.Root, "us-tariffs")));

    /// <summary>The bundled schedule (read once, then cached; about 0.5 s).</summary>
    public static TariffSchedule Bundled => s_bundled.Value;

    /// <summary>Reads a schedule folder.</summary>
    public static TariffSchedule Read(string dir)
    {
        string P(string f) => Path.Combine(dir, f);
        var partners = new Dictionary<string, Partner>(StringComparer.Ordinal);
        var ct = CsvTable.Read(P("countries.csv"));
        int cc = ct.Column("census_code"), c2 = ct.Column("iso2"), c3 = ct.Column("iso3"), cn = ct.Column("name"), cg = ct.Column("groups"), cp = ct.Column("etrs_partner_group");
        foreach (var row in ct.Rows)
        {
            var code = ct.Field(row, cc);
            var groups = ct.Field(row, cg).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.OrdinalIgnoreCase);
            partners[code] = new Partner(code, ct.Field(row, c2), ct.Field(row, c3), ct.Field(row, cn), groups, ct.Field(row, cp));
        }

        var measures = new List<Measure>();
        var mt = CsvTable.Read(P("measures.csv"));
        int mId = mt.Column("measure_id"), mAuth = mt.Column("authority"), mProg = mt.Column("program"), mName = mt.Column("measure_name"),
            mScope = mt.Column("country_scope"), mFrom = mt.Column("valid_from"), mUntil = mt.Column("valid_until"), mRate = mt.Column("rate"),
            mType = mt.Column("rate_type"), mHead = mt.Column("ch99_heading"), mLegal = mt.Column("legal_instrument");
        foreach (var row in mt.Rows)
        {
            var rateText = mt.Field(row, mRate);
            var type = ParseType(mt.Field(row, mType));
            var rate = double.TryParse(rateText, NumberStyles.Float, CultureInfo.InvariantCulture, out var r) ? r : type == RateType.Exemption ? 0 : double.NaN;
            measures.Add(new Measure(mt.Field(row, mId), mt.Field(row, mAuth), mt.Field(row, mProg), mt.Field(row, mName), mt.Field(row, mScope),
                Date(mt, row, mFrom)!.Value, Date(mt, row, mUntil), rate, type, mt.Field(row, mHead), mt.Field(row, mLegal), $"measures.csv:{row.LineNumber}"));
        }

        var revisions = CsvTable.Read(P("hts_revisions.csv"));
        int rt = revisions.Column("tracker_effective_date"), rl = revisions.Column("legal_effective_date_if_different");
        var last = revisions.Rows.Select(row => LeadingDate(revisions.Field(row, rl)) ?? Date(revisions, row, rt)!.Value).Max();

        var mfn = new Dictionary<string, double>(StringComparer.Ordinal);
        ReadRows(P("mfn_rates_2025_hs8.csv"), (t, row) => mfn[t.Field(row, t.Column("hs8"))] = t.Number(row, t.Column("mfn_rate"), empty: 0));
        var exemption = new Dictionary<(string, string), double>();
        ReadRows(P("mfn_exemption_shares_hs2_country.csv"), (t, row) => exemption[(t.Field(row, t.Column("hs2")), t.Field(row, t.Column("cty_code")))] = t.Number(row, t.Column("exemption_share")));
        var usmca = new Dictionary<(string, string), double>();
        ReadRows(P("usmca_product_shares_2025_h2avg.csv"), (t, row) => usmca[(t.Field(row, t.Column("hts10")), t.Field(row, t.Column("cty_code")))] = t.Number(row, t.Column("usmca_share")));
        var metal = new Dictionary<string, (double, double, double)>(StringComparer.Ordinal);
        ReadRows(P("metal_content_shares_bea_hs10.csv"), (t, row) => metal[t.Field(row, t.Column("hs10"))] =
            (t.Number(row, t.Column("steel_share"), empty: 0), t.Number(row, t.Column("aluminum_share"), empty: 0), t.Number(row, t.Column("copper_share"), empty: 0)));
        var gtap = new Dictionary<string, string>(StringComparer.Ordinal);
        var hs8Child = new Dictionary<string, string>(StringComparer.Ordinal);
        ReadRows(P("hs10_gtap_crosswalk.csv"), (t, row) =>
        {
            var h = t.Field(row, t.Column("hs10"));
            gtap[h] = t.Field(row, t.Column("gtap_code")).ToLowerInvariant();
            hs8Child.TryAdd(h[..8], h);
        });

        string Prod(string f) => P(Path.Combine("products", f));
        var autos = new PrefixMap<string>();
        ReadRows(Prod("s232_autos.csv"), (t, row) =>
        {
            autos.Add(t.Field(row, t.Column("hts8")), t.Field(row, t.Column("category")));
            var tracker = t.Field(row, t.Column("tracker_prefix"));
            if (tracker.Length > 0 && !autos.Contains(tracker)) autos.Add(tracker, t.Field(row, t.Column("category")));
        });
        var parts = Prefixes(Prod("s232_auto_parts.csv"), _ => true);
        var mhd = Prefixes(Prod("s232_mhd_vehicles_buses.csv"), (t, row) => t.Field(row, t.Column("category")));
        var mhdParts = Prefixes(Prod("s232_mhd_parts.csv"), _ => true);
        var wood = Prefixes(Prod("s232_wood.csv"), (t, row) => t.Field(row, t.Column("category")));
        var copper = Prefixes(Prod("s232_copper.csv"), _ => true);
        var derivatives = Prefixes(Prod("s232_steel_aluminum_derivatives.csv"), (t, row) =>
            (t.Field(row, t.Column("metal_type")), Date(t, row, t.Column("effective_from")) ?? TariffSchedule.FirstDate));
        var metals2018 = new PrefixMap<string>();
        ReadRows(Prod("s232_metals_etrs_program_lists.csv"), (t, row) =>
        {
            if (t.Field(row, t.Column("etrs_snapshot")) == "2025-01-01") metals2018.Add(t.Field(row, t.Column("hts_prefix")), t.Field(row, t.Column("etrs_program")));
        });
        var annex = Prefixes(Prod("s232_annex_products.csv"), (t, row) => (t.Field(row, t.Column("annex")), t.Field(row, t.Column("metal_type"))));
        var semis = new Dictionary<string, double>(StringComparer.Ordinal);
        ReadRows(Prod("s232_semiconductors.csv"), (t, row) => semis[t.Field(row, t.Column("hts10"))] = t.Number(row, t.Column("tracker_qualifying_share"), empty: 0));
        var s301 = new Dictionary<string, List<(string, double, bool)>>(StringComparer.Ordinal);
        ReadRows(Prod("s301_china_product_lists.csv"), (t, row) =>
        {
            var h8 = t.Field(row, t.Column("hts8"));
            if (!s301.TryGetValue(h8, out var list)) s301[h8] = list = [];
            list.Add((t.Field(row, t.Column("ch99_heading")), t.Number(row, t.Column("rate"), empty: 0), t.Field(row, t.Column("status")).StartsWith("active", StringComparison.OrdinalIgnoreCase)));
        });
        var annexII = Prefixes(Prod("ieepa_annex_ii_subheadings.csv"), _ => true);
        var floorExempt = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        void FloorEntry(string hs8, string group, string category)
        {
            if (!floorExempt.TryGetValue(hs8, out var byGroup)) floorExempt[hs8] = byGroup = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            // A line on the civil-aircraft list and on an unconditional list (PTAAP, pharma) is exempt unconditionally.
            if (!byGroup.TryGetValue(group, out var had) || had == CivilAircraft) byGroup[group] = category;
        }
        ReadRows(Prod("ieepa_floor_exempt_products.csv"), (t, row) =>
            FloorEntry(t.Field(row, t.Column("hts8")), t.Field(row, t.Column("country_group")), t.Field(row, t.Column("category"))));
        var korea = new HashSet<string>(StringComparer.Ordinal);
        ReadRows(Prod("ieepa_korea_civil_aircraft_etrs.csv"), (t, row) => korea.Add(t.Field(row, t.Column("hts8"))));
        foreach (var hs8 in korea) FloorEntry(hs8, "korea", CivilAircraft);
        var (recipExempt, reassigned) = ReciprocalExemptions(Prod("ieepa_reciprocal_exempt_products.csv"), annexII, floorExempt);
        var eoExempt = new Dictionary<string, (DateOnly, DateOnly?)>(StringComparer.Ordinal);
        ReadRows(Prod("ieepa_country_eo_exempt_products.csv"), (t, row) =>
            eoExempt.TryAdd(t.Field(row, t.Column("hts8")), (Date(t, row, t.Column("effective_from")) ?? TariffSchedule.FirstDate, Date(t, row, t.Column("effective_until")))));
        var fent = new Dictionary<string, string>(StringComparer.Ordinal);
        ReadRows(Prod("fentanyl_carveout_products.csv"), (t, row) => fent[t.Field(row, t.Column("hts8"))] = t.Field(row, t.Column("category")));
        var s122 = new HashSet<string>(StringComparer.Ordinal);
        ReadRows(Prod("s122_exempt_products.csv"), (t, row) => s122.Add(t.Field(row, t.Column("hts8"))));
        var solar = new HashSet<string>(StringComparer.Ordinal);
        ReadRows(Prod("s201_solar_products.csv"), (t, row) => solar.Add(t.Field(row, t.Column("hts10"))));

        return new TariffSchedule
        {
            Source = dir, Measures = measures, Partners = partners, LastRevision = last, Mfn = mfn, ExemptionShares = exemption, UsmcaShares = usmca,
            MetalShares = metal, Autos = autos, AutoParts = parts, MhdVehiclesBuses = mhd, MhdParts = mhdParts, Wood = wood, Copper = copper,
            Derivatives = derivatives, Metals2018 = metals2018, Annex = annex, Semiconductors = semis, S301 = s301, ReciprocalExempt = recipExempt,
            AnnexII = annexII, ReciprocalReassigned = reassigned, FloorExempt = floorExempt, CivilAircraftClaimShare = ClaimShare(P("modeling_parameters.csv")), CountryEoExempt = eoExempt, KoreaAircraft = korea, FentanylCarveouts = fent, S122Exempt = s122, Solar = solar,
            Gtap = gtap, Hs8ToAnyHts10 = hs8Child,
        };
    }

    /// <summary>Category of the floor-country carve-out for goods for use in civil aircraft.</summary>
    internal const string CivilAircraft = "civil_aircraft";

    /// <summary>
    /// The universal reciprocal exemption (EO 14257 Annex II, US note 2(v)(iii)(a)): every HTS-10 line under a listed
    /// heading, subheading or HTS-8 line (<c>ieepa_annex_ii_subheadings.csv</c>, parsed from the HTS text), plus the
    /// tracker's HTS-10 list. Tracker lines outside Annex II and outside chapters 49/97/98 whose HTS-8 is on a
    /// floor-country carve-out list (civil aircraft, PTAAP, non-patented pharmaceuticals) are country carve-outs the
    /// tracker merged into its universal list: they are taken out of it ("reassigned") and apply only to the floor
    /// countries, through <see cref="TariffSchedule.FloorExempt"/>. Decision 0011 has the audit.
    /// </summary>
    private static (PrefixMap<bool> Exempt, HashSet<string> Reassigned) ReciprocalExemptions(string trackerList, PrefixMap<bool> annexII,
        Dictionary<string, Dictionary<string, string>> floorExempt)
    {
        var exempt = new PrefixMap<bool>();
        var reassigned = new HashSet<string>(StringComparer.Ordinal);
        ReadRows(trackerList, (t, row) =>
        {
            var hts10 = t.Field(row, t.Column("hts10"));
            if (!annexII.Contains(hts10) && hts10[..2] is not ("49" or "97" or "98") && floorExempt.ContainsKey(hts10[..Math.Min(8, hts10.Length)]))
                reassigned.Add(hts10);
            else exempt.Add(hts10, true);
        });
        return (exempt, reassigned);
    }

    /// <summary>The share of civil-aircraft-list imports outside chapter 88 entered for use in civil aircraft
    /// (<c>modeling_parameters.csv</c>, parameter <c>civil_aircraft.claim_share_outside_ch88</c>; 0 when absent).</summary>
    private static double ClaimShare(string path)
    {
        var t = CsvTable.Read(path);
        int cp = t.Column("parameter"), cv = t.Column("value");
        foreach (var row in t.Rows)
            if (t.Field(row, cp) == "civil_aircraft.claim_share_outside_ch88")
            {
                var v = t.Number(row, cv, nonNegative: true);
                return v <= 1 ? v : throw new ParleyInputException(path, row.LineNumber, "value", t.Field(row, cv), "a share between 0 and 1");
            }
        return 0;
    }

    /// <summary>Parses a rate type word of measures.csv (or an overlay).</summary>
    public static RateType ParseType(string text) => text.Trim().ToLowerInvariant() switch
    {
        "ad_valorem_additional" or "additional" => RateType.Additional,
        "total_floor" or "all_in" or "floor" => RateType.TotalFloor,
        "exemption" or "suspended" or "termination" => RateType.Exemption,
        _ => RateType.Other,
    };

    /// <summary>The date a free-text cell starts with ("2025-03-07 (USMCA carve-out); ..."), or null.</summary>
    private static DateOnly? LeadingDate(string text) =>
        text.Length >= 10 && DateOnly.TryParseExact(text[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    internal static DateOnly? Date(CsvTable t, CsvRow row, int column)
    {
        var text = t.Field(row, column);
        if (text.Length == 0) return null;
        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d
            : throw new ParleyInputException(t.File, row.LineNumber, t.Header[column], text, "a date as YYYY-MM-DD");
    }

    private static void ReadRows(string path, Action<CsvTable, CsvRow> each)
    {
        var t = CsvTable.Read(path);
        foreach (var row in t.Rows) each(t, row);
    }

    private static PrefixMap<T> Prefixes<T>(string path, Func<CsvTable, CsvRow, T> value)
    {
        var map = new PrefixMap<T>();
        ReadRows(path, (t, row) => map.Add(t.Field(row, t.Column("hts_prefix")), value(t, row)));
        return map;
    }

    private static PrefixMap<T> Prefixes<T>(string path, Func<CsvRow, T> value) => Prefixes(path, (_, row) => value(row));
}
