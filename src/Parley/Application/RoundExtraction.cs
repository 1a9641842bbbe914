// The application layer's round job: article text (or file) → round record → optional proposed `rounds:` entry for a
// negotiation. Hosts (the CLI's `rounds extract`, the web room's "paste an article" box) call this, never the extractor
// directly, so both use the same gazetteer and produce the same record.
using Parley.Internals;
using Parley.Negotiation;
using Parley.Rounds;

namespace Parley.Application;

/// <summary>One article's result: the record and, when a negotiation was given and the record has a date, the proposed entry.</summary>
/// <param name="Record">The extracted round.</param>
/// <param name="Proposal">The proposed <c>rounds:</c> entry, or null (no negotiation given, or no meeting date found).</param>
public sealed record RoundExtractionResult(RoundRecord Record, RoundProposal? Proposal);

/// <summary>Extracts rounds from news articles (docs/rounds.md).</summary>
public static class RoundExtraction
{
    /// <summary>
    /// Extracts the round that <paramref name="text"/> (plain text or HTML) reports, resolving relative dates from
    /// <paramref name="published"/>, and maps it onto <paramref name="negotiation"/> when one is given. Bad text (empty,
    /// binary, not English, larger than <see cref="ArticleText.MaxChars"/>) throws <see cref="ParleyInputException"/>
    /// naming <paramref name="sourceName"/>.
    /// </summary>
    public static RoundExtractionResult Extract(string text, string sourceName, DateOnly published, NegotiationSpec? negotiation = null)
    {
        var record = RoundExtractor.Extract(text, sourceName, published, Gazetteer.Bundled);
        return new RoundExtractionResult(record, negotiation is null ? null : RoundProposal.For(record, negotiation));
    }

    /// <summary>Reads an article file (at most 4 MiB, decoded as UTF-8) and extracts its round; the record's source is the file name.</summary>
    public static RoundExtractionResult ExtractFile(string path, DateOnly published, NegotiationSpec? negotiation = null)
    {
        var text = InputFiles.ReadText(path, "news article (plain text or HTML)", 4L << 20);
        ArticleText.Prepare(text, path); // errors name the file as the user gave it; the record names it by its file name
        return Extract(text, Path.GetFileName(path), published, negotiation);
    }

    /// <summary>
    /// Parses a publication date given as <c>YYYY-MM-DD</c>; a missing or malformed value throws
    /// <see cref="ParleyInputException"/> naming <paramref name="source"/> and <paramref name="field"/> (the CLI's
    /// <c>--published</c>, the web's <c>published</c> query parameter), so both hosts give the same one-line message.
    /// </summary>
    public static DateOnly ParsePublished(string? value, string source, string field)
    {
        if (value is null) throw new ParleyInputException(source, null, field, null, "the article's publication date as YYYY-MM-DD");
        return DateOnly.TryParseExact(value, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var published)
            ? published : throw new ParleyInputException(source, null, field, value, "a date as YYYY-MM-DD");
    }

    /// <summary>The proposed entries as one YAML document with a top-level <c>rounds:</c> list (what the CLI prints with <c>--negotiation</c>).</summary>
    public static string ProposedRoundsYaml(IEnumerable<RoundProposal> proposals) => "rounds:\n" + string.Concat(proposals.Select(p => p.ToYaml()));

    /// <summary>Reads the negotiation file a proposal is mapped onto (errors name file, line and key).</summary>
    public static NegotiationSpec LoadNegotiation(string path) => NegotiationFile.Read(path);

    /// <summary>The run manifest of an extraction written to an output folder.</summary>
    public static RunManifest Manifest(string command, IReadOnlyList<string> files, DateOnly published, string? negotiation) => new(
        RunManifest.ParleyVersion, command, files.Count == 1 ? files[0] : string.Join(", ", files), files.Count == 1 ? RunManifest.Sha256(files[0]) : null,
        "data/gazetteer", "officials, countries and places of data/gazetteer (see its PROVENANCE.md)", "rule-based round extractor (docs/rounds.md)",
        new Dictionary<string, string>
        {
            ["published"] = published.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["negotiation"] = negotiation ?? "",
            ["articles"] = string.Join(", ", files.Select(f => $"{Path.GetFileName(f)} (sha256 {RunManifest.Sha256(f)})")),
        },
        [], RunManifest.Now, RunManifest.MachineDescription);
}
