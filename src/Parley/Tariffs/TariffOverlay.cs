using System.Globalization;
using Parley.Internals;

namespace Parley.Tariffs;

/// <summary>
/// An offer written as changes to the schedule (YAML): measures to add (they win over base rows of the same slot and
/// scope) and measure ids to remove. Example in <c>examples/japan-offer.yaml</c>:
/// <code>
/// name: Japan — eliminate the Section 232 auto tariff
/// measures:
///   - { id: OFFER-JP-AUTOS, authority: S232, program: autos, country: JPN, from: 2025-07-23, rate: 0, type: exemption }
///   - { id: OFFER-JP-AUTOS-RECIP, authority: IEEPA_RECIPROCAL, program: reciprocal, products: autos, country: JPN, from: 2025-07-23, rate: 0, type: exemption }
/// remove: []
/// </code>
/// </summary>
/// <param name="Name">Overlay name.</param>
/// <param name="Description">Free text.</param>
/// <param name="Measures">Measures added.</param>
/// <param name="Remove">Ids of base measures removed.</param>
/// <param name="SourceFile">File read.</param>
public sealed record TariffOverlay(string Name, string? Description, IReadOnlyList<Measure> Measures, IReadOnlyList<string> Remove, string SourceFile)
{
    private static readonly string[] Authorities = ["S232", "IEEPA_RECIPROCAL", "IEEPA_COUNTRY_EO", "IEEPA_FENTANYL", "S301", "S201", "S122"];

    private static readonly string[] Programs = ["autos", "auto_parts", "mhd_vehicles", "buses", "mhd_parts", "wood", "copper", "steel", "aluminum",
        "steel_aluminum", "semiconductors", "metals_annex", "reciprocal", "baseline", "phase2_country", "floor", "country_eo", "china", "canada", "mexico",
        "solar_safeguard", "balance_of_payments", "china_trade_war_lists", "china_four_year_review"];

    /// <summary>Most measures one overlay may add (10,000; the bundled schedule has 214). Larger overlays made queries take minutes.</summary>
    public const int MaxMeasures = 10_000;

    /// <summary>Reads and validates an overlay file against a schedule (countries and measure ids must exist).</summary>
    public static TariffOverlay Read(string path, TariffSchedule schedule)
    {
        var root = YamlMap.Load(path);
        var name = root.RequiredString("name", "an overlay name, e.g. 'name: Japan offer of 2025-06-15'");
        var description = root.String("description");
        var remove = root.Codes("remove")?.Select(x => x.Value).ToArray() ?? [];
        var ids = schedule.Measures.Select(m => m.Id).ToHashSet(StringComparer.Ordinal);
        if (remove.Length > MaxMeasures) throw root.Error("remove", null, remove.Length.ToString(CultureInfo.InvariantCulture), $"at most {MaxMeasures:N0} ids");
        foreach (var id in remove)
            if (!ids.Contains(id))
                throw root.Error("remove", null, id, "ids of measures in the schedule (measures.csv, column measure_id)");
        var measures = new List<Measure>();
        var list = root.MapList("measures");
        if (list.Count > MaxMeasures)
            throw root.Error("measures", null, list.Count.ToString(CultureInfo.InvariantCulture), $"at most {MaxMeasures:N0} measures in one overlay (each one is checked on every (date, partner) a query touches)");
        foreach (var m in list)
        {
            var id = m.RequiredString("id", "a measure id, e.g. 'id: OFFER-JP-AUTOS'");
            var authority = m.RequiredString("authority", "an authority: " + string.Join(", ", Authorities)).ToUpperInvariant();
            if (!Authorities.Contains(authority)) throw m.Error("authority", null, authority, "one of " + string.Join(", ", Authorities));
            var program = m.RequiredString("program", "a program (slot), e.g. autos, auto_parts, reciprocal").ToLowerInvariant();
            if (!Programs.Contains(program)) throw m.Error("program", null, program, "one of " + string.Join(", ", Programs));
            var countries = m.Codes("country") ?? throw m.Error("country", null, null, "a partner (JPN, 5880, Japan), a list, or a group (EU27, USMCA, ALL)");
            var scope = new List<string>();
            foreach (var (value, line) in countries)
            {
                if (value.Equals("ALL", StringComparison.OrdinalIgnoreCase)) scope.Add("ALL");
                else if (value.ToUpperInvariant() is "EU27" or "USMCA" or "IEEPA_FLOOR15" or "CHINA_HK_MACAU") scope.Add("GROUP:" + value.ToUpperInvariant());
                else scope.Add((schedule.FindPartner(value) ?? throw new ParleyInputException(path, line, "country", value,
                    "a partner as ISO3 (JPN), ISO2 (JP), Census code (5880) or name, or a group (EU27, USMCA, ALL)")).CensusCode);
            }
            var from = ParseDate(m, "from", required: true)!.Value;
            var until = ParseDate(m, "until", required: false);
            if (until is { } u && u < from) throw m.Error("until", null, u.ToString("yyyy-MM-dd"), $"a date on or after 'from' ({from:yyyy-MM-dd})");
            var rate = m.Rate("rate") ?? throw m.Error("rate", null, null, "a rate as a fraction or a percent string, e.g. 'rate: 0.15' or 'rate: \"15%\"'");
            var typeText = m.String("type") ?? "additional";
            var type = TariffScheduleReader.ParseType(typeText.Replace("all-in", "total_floor", StringComparison.OrdinalIgnoreCase));
            if (type == RateType.Other) throw m.Error("type", null, typeText, "additional, all-in or exemption");
            var products = m.String("products");
            if (products is not null && (authority != "IEEPA_RECIPROCAL" || products is not ("autos" or "auto_parts" or "autos+parts")))
                throw m.Error("products", null, products, "autos, auto_parts or autos+parts, on IEEPA_RECIPROCAL measures only");
            var heading = m.String("heading") ?? $"overlay: {name}";
            m.RejectUnknownKeys();
            if (program is "baseline" or "phase2_country" or "floor") program = "reciprocal";
            measures.Add(new Measure(id, authority, program, m.String("name") ?? id, string.Join(';', scope), from, until,
                type == RateType.Exemption ? 0 : rate, type, heading, $"overlay {name}", $"{path}:{m.Line}", FromOverlay: true, ProductScope: products));
        }
        root.RejectUnknownKeys();
        if (measures.Count == 0 && remove.Length == 0)
            throw root.Error("measures", null, null, "at least one measure to add or one id to remove");
        return new TariffOverlay(name, description, measures, remove, path);
    }

    private static DateOnly? ParseDate(YamlMap m, string key, bool required)
    {
        var text = m.String(key);
        if (text is null)
            return required ? throw m.Error(key, null, null, "a date as YYYY-MM-DD") : null;
        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d
            : throw m.Error(key, null, text, "a date as YYYY-MM-DD");
    }

    /// <summary>The schedule with this overlay applied.</summary>
    public TariffSchedule ApplyTo(TariffSchedule schedule) =>
        schedule.WithMeasures(schedule.Measures.Where(m => !Remove.Contains(m.Id, StringComparer.Ordinal)).Concat(Measures).ToArray(), Name);

    /// <summary>Census codes of the countries the overlay names (for diffs); every partner when it names a group or ALL.</summary>
    public IReadOnlyList<Partner> Partners(TariffSchedule schedule)
    {
        var result = new List<Partner>();
        foreach (var m in Measures.Select(x => x.CountryScope).Concat(schedule.Measures.Where(x => Remove.Contains(x.Id)).Select(x => x.CountryScope)))
            foreach (var token in m.Split(';'))
            {
                if (token == "ALL") continue;
                if (token.StartsWith("GROUP:", StringComparison.Ordinal))
                    result.AddRange(schedule.Partners.Values.Where(p => p.Groups.Contains(token[6..])));
                else if (schedule.Partners.TryGetValue(token, out var p)) result.Add(p);
            }
        return result.DistinctBy(p => p.CensusCode).ToArray();
    }
}
