// Audit of the product exemption lists against the level at which the law states them (decision 0011). The law gives
// most exemptions by heading, subheading or HTS-8 line; the bundled lists are partly expanded to HTS-10 codes of one HTS
// vintage, so HTS-10 lines of another vintage (the 2024 import codes) fall through. This counts, with 2024 import value,
// (1) the lines the HTS-10 reciprocal list missed that the engine now exempts at the stated level, (2) the tracker lines
// taken out of the universal list because they are floor-country carve-outs, and (3) the civil-aircraft lines that are
// no longer exempt outside chapter 88. Lists keyed by HTS-8 (floor, Korea aircraft, country EO, Section 122, fentanyl
// carve-outs) cannot miss an HTS-10 line, so they are reported with zero misses.
namespace Parley.Tariffs;

/// <summary>One row of the exemption audit.</summary>
/// <param name="List">Exemption list (file under data/us-tariffs/products).</param>
/// <param name="Finding">What the row counts.</param>
/// <param name="Lines">HTS-10 lines (2024 import codes and crosswalk codes).</param>
/// <param name="ImportsUsd">Their 2024 US imports from all partners (USD), or from the named partners where the finding says so.</param>
public sealed record ExemptionAuditRow(string List, string Finding, int Lines, double ImportsUsd);

/// <summary>Runs the exemption audit on a schedule with 2024 weights.</summary>
public static class ExemptionAudit
{
    /// <summary>The audit rows, in the order of decision 0011's table.</summary>
    public static IReadOnlyList<ExemptionAuditRow> Run(TariffSchedule s, ImportWeights weights)
    {
        var imports = new Dictionary<string, double>(StringComparer.Ordinal);
        var floorImports = new Dictionary<string, double>(StringComparer.Ordinal);
        for (var k = 0; k < weights.Codes.Length; k++)
        {
            var code = weights.Codes[k];
            if (code.Length != 10) continue;
            imports[code] = imports.GetValueOrDefault(code) + weights.Values[k];
            if (s.Partners.TryGetValue(weights.Countries[k], out var p) && FloorGroup(p) is { } g && s.FloorExempt.TryGetValue(code[..8], out var by)
                && by.TryGetValue(g, out var cat) && cat == TariffScheduleReader.CivilAircraft)
                floorImports[code] = floorImports.GetValueOrDefault(code) + weights.Values[k];
        }
        foreach (var code in s.Gtap.Keys) if (code.Length == 10) imports.TryAdd(code, 0);

        var missed = imports.Where(kv => s.AnnexII.Contains(kv.Key) && !s.ReciprocalExempt.Contains(kv.Key)).ToArray();
        var reassigned = s.ReciprocalReassigned.Select(c => (Code: c, Usd: imports.GetValueOrDefault(c))).ToArray();
        var aircraftOut = floorImports.Where(kv => kv.Key[..2] != "88").ToArray();
        var aircraftIn = floorImports.Where(kv => kv.Key[..2] == "88").ToArray();
        return
        [
            new("ieepa_reciprocal_exempt_products.csv (HTS-10)", "lines under an Annex II heading/subheading/HTS-8 missing from the HTS-10 list, now exempt",
                missed.Length, missed.Sum(kv => kv.Value)),
            new("ieepa_reciprocal_exempt_products.csv (HTS-10)", "lines that are floor-country carve-outs (civil aircraft, PTAAP, pharma), taken out of the universal list",
                reassigned.Length, reassigned.Sum(x => x.Usd)),
            new("ieepa_floor_exempt_products.csv + ieepa_korea_civil_aircraft_etrs.csv", "civil-aircraft lines outside chapter 88, no longer exempt as aircraft goods (Annex II may still exempt some; imports from the floor countries)",
                aircraftOut.Length, aircraftOut.Sum(kv => kv.Value)),
            new("ieepa_floor_exempt_products.csv + ieepa_korea_civil_aircraft_etrs.csv", "civil-aircraft lines in chapter 88, still exempt (imports from the floor countries)",
                aircraftIn.Length, aircraftIn.Sum(kv => kv.Value)),
            new("floor, Korea aircraft, country EO, S122, fentanyl carve-out lists", "keyed by HTS-8: HTS-10 lines missed", 0, 0),
        ];
    }

    private static string? FloorGroup(Partner p) => p.Groups.Contains("EU27") ? "eu" : p.Iso3 switch
    {
        "JPN" => "japan", "KOR" => "korea", "CHE" or "LIE" => "swiss", _ => null,
    };
}
