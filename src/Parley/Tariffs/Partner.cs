namespace Parley.Tariffs;

/// <summary>A US trading partner as the Census Bureau codes it (Schedule C).</summary>
/// <param name="CensusCode">4-digit Census Schedule C code (e.g. 5880 Japan), kept as text.</param>
/// <param name="Iso2">ISO 3166-1 alpha-2 code (Census's own letters for Kosovo, Gaza, West Bank).</param>
/// <param name="Iso3">ISO 3166-1 alpha-3 code, or empty.</param>
/// <param name="Name">Census name.</param>
/// <param name="Groups">Tags used by measure scopes: EU27, USMCA, S232_LEGACY_EXEMPT, IEEPA_FLOOR15, CHINA_HK_MACAU.</param>
/// <param name="PartnerGroup">The Budget Lab's 8 partner groups (china, canada, mexico, uk, japan, eu, ftrow, row).</param>
public sealed record Partner(string CensusCode, string Iso2, string Iso3, string Name, IReadOnlySet<string> Groups, string PartnerGroup)
{
    /// <summary>True for Canada and Mexico.</summary>
    public bool IsUsmca => Groups.Contains("USMCA");

    /// <summary>True for China (5700).</summary>
    public bool IsChina => CensusCode == "5700";

    /// <summary>"Japan (JPN, 5880)".</summary>
    public override string ToString() => $"{Name} ({(Iso3.Length > 0 ? Iso3 : Iso2)}, {CensusCode})";
}
