using Parley.Data;
using Parley.Internals;

namespace Parley.Tariffs;

/// <summary>A product description of the Harmonized System at one level.</summary>
/// <param name="Code">HS code it describes: 2 digits (chapter), 4 (heading) or 6 (subheading).</param>
/// <param name="Text">The description as published (HS 2022 nomenclature).</param>
public sealed record HsDescription(string Code, string Text)
{
    /// <summary>2 (chapter), 4 (heading) or 6 (subheading).</summary>
    public int Digits => Code.Length;
}

/// <summary>
/// HS 2022 descriptions of chapters, headings and subheadings (data/hs-descriptions, from the World Customs
/// Organization's nomenclature as compiled by UN Comtrade; see its PROVENANCE.md), so that tables can print what an
/// HTS code is. US HTS-8/10 lines extend the 6-digit subheading; a line whose subheading is not in HS 2022 (renumbered
/// since) falls back to its heading, then its chapter.
/// </summary>
public sealed class HsDescriptions
{
    private static readonly Lazy<HsDescriptions> s_bundled = new(() => Read(Path.Combine(BundledData.Root, "hs-descriptions", "harmonized-system.csv")));
    private readonly Dictionary<string, string> _byCode;

    private HsDescriptions(Dictionary<string, string> byCode) => _byCode = byCode;

    /// <summary>The bundled HS 2022 descriptions (read once).</summary>
    public static HsDescriptions Bundled => s_bundled.Value;

    /// <summary>The number of descriptions (chapters, headings and subheadings).</summary>
    public int Count => _byCode.Count;

    /// <summary>Reads a CSV with columns <c>hscode</c> and <c>description</c> (others ignored).</summary>
    public static HsDescriptions Read(string path)
    {
        var table = CsvTable.Read(path);
        int code = Array.IndexOf(table.Header, "hscode"), text = Array.IndexOf(table.Header, "description");
        if (code < 0 || text < 0) throw new ParleyInputException(path, 1, "(header)", string.Join(",", table.Header), "columns hscode and description");
        var byCode = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var row in table.Rows)
        {
            var c = row.Fields[code];
            if (c is not { Length: 2 or 4 or 6 } || !c.All(char.IsAsciiDigit))
            {
                if (c == "TOTAL") continue;
                throw new ParleyInputException(path, row.LineNumber, "hscode", c, "an HS code of 2, 4 or 6 digits");
            }
            byCode[c] = row.Fields[text];
        }
        return new HsDescriptions(byCode);
    }

    /// <summary>The description of exactly this 2-, 4- or 6-digit code, or null.</summary>
    public string? Exact(string code) => _byCode.GetValueOrDefault(code);

    /// <summary>
    /// The most detailed description of a code (any length, dots allowed): its 6-digit subheading, else heading, else
    /// chapter; null for chapters 98 and 99, which HS leaves to national use (the US puts special provisions and
    /// temporary tariff headings there, so the dataset's "commodities not specified" would mislabel them).
    /// </summary>
    public HsDescription? Find(string code)
    {
        var digits = code.Replace(".", "", StringComparison.Ordinal);
        if (digits.StartsWith("98", StringComparison.Ordinal) || digits.StartsWith("99", StringComparison.Ordinal)) return null; // national chapters: US special provisions, not HS
        foreach (var n in new[] { 6, 4, 2 })
            if (digits.Length >= n && _byCode.TryGetValue(digits[..n], out var text)) return new HsDescription(digits[..n], text);
        return null;
    }

    /// <summary>The heading (4-digit) description of a code, else its chapter's, or null.</summary>
    public HsDescription? Heading(string code) => Find(code.Replace(".", "", StringComparison.Ordinal) is { Length: >= 4 } d ? d[..4] : code);
}
