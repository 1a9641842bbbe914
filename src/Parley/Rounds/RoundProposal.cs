// Why: an extracted round becomes useful once it speaks the negotiation file's language (its issues, options and party
// codes), but the user's file is theirs: Parley proposes a `rounds:` entry, with its source and every evidence sentence
// as comments, and never writes into the file (docs/rounds.md "Into the negotiation"). Only mappings a rule can justify
// are made: a topic to the issue whose id or label carries the topic's words; keep → the status-quo option; eliminate →
// an option whose id or label says so; reduce, and agreed rates, → the option with that tariff rate. The rest is listed
// as unmapped, in comments, for the analyst.
using System.Globalization;
using System.Text;
using Parley.Negotiation;
using Parley.Rounds.Internals;

namespace Parley.Rounds;

/// <summary>A proposed <c>rounds:</c> entry for a negotiation file, derived from an extracted round.</summary>
/// <param name="Record">The extracted round.</param>
/// <param name="Label">Round label.</param>
/// <param name="Date">Meeting date.</param>
/// <param name="Positions">Party code → (issue id → option id).</param>
/// <param name="Unmapped">What could not be mapped to the file's issues and options, one line each.</param>
public sealed record RoundProposal(RoundRecord Record, string Label, DateOnly Date, IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Positions,
    IReadOnlyList<string> Unmapped)
{
    /// <summary>Maps <paramref name="record"/> onto <paramref name="negotiation"/>; null when the record has no meeting date
    /// (a `rounds:` entry needs one).</summary>
    public static RoundProposal? For(RoundRecord record, NegotiationSpec negotiation)
    {
        if (record.Date is not { } date) return null;
        var parties = negotiation.Parties.Select(p => p.Code).ToHashSet(StringComparer.Ordinal);
        var positions = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        var unmapped = new List<string>();
        foreach (var p in record.Positions)
        {
            var what = $"{p.Party} {p.Stance.ToString().ToLowerInvariant()} {p.Topic}" + (p.Rate is { } r ? $" at {Percent(r)}" : "");
            if (!parties.Contains(p.Party)) { unmapped.Add($"{what}: {p.Party} is not a party of the file"); continue; }
            if (IssueFor(negotiation, p.Topic) is not { } issue) { unmapped.Add($"{what}: no issue of the file matches topic '{p.Topic}'"); continue; }
            if (OptionFor(issue, p.Stance, p.Rate) is not { } option) { unmapped.Add($"{what}: no option of issue '{issue.Id}' matches stance '{p.Stance.ToString().ToLowerInvariant()}'"); continue; }
            Choose(positions, p.Party, issue.Id, option.Id);
        }
        if (record.Agreement == true)
            foreach (var o in record.OutcomeRates)
            {
                var issue = IssueFor(negotiation, o.Topic);
                var option = issue is null ? null : OptionWithRate(issue, o.Rate);
                if (issue is null || option is null) { unmapped.Add($"agreed {o.Topic} at {Percent(o.Rate)}: no {(issue is null ? "issue" : "option of issue '" + issue.Id + "'")} matches"); continue; }
                foreach (var party in parties) Choose(positions, party, issue.Id, option.Id, overwrite: false);
            }
        var label = $"Round of {date:yyyy-MM-dd} (extracted from {record.Source})";
        return new RoundProposal(record, label, date,
            positions.ToDictionary(kv => kv.Key, kv => (IReadOnlyDictionary<string, string>)kv.Value, StringComparer.Ordinal), unmapped);
    }

    /// <summary>The issue a topic maps to: the one whose id is the topic, else the first whose id or label mentions it.</summary>
    public static Issue? IssueFor(NegotiationSpec negotiation, string topic) =>
        negotiation.Issues.FirstOrDefault(i => i.Id.Equals(topic, StringComparison.OrdinalIgnoreCase))
        ?? negotiation.Issues.FirstOrDefault(i => TopicTags.Mentions(i.Id.Replace('_', ' ') + " " + i.Label, topic));

    private static IssueOption? OptionFor(Issue issue, Stance stance, double? rate) => stance switch
    {
        Stance.Keep => issue.Options[0],
        Stance.Eliminate => issue.Options.Skip(1).FirstOrDefault(o =>
            System.Text.RegularExpressions.Regex.IsMatch(o.Id + " " + o.Label, @"eliminat|remov|scrap|abolish|zero|\b0%", System.Text.RegularExpressions.RegexOptions.IgnoreCase)),
        Stance.Reduce when rate is { } r => OptionWithRate(issue, r),
        _ => null,
    };

    private static IssueOption? OptionWithRate(Issue issue, double rate) =>
        issue.Options.FirstOrDefault(o => o.Tariffs.Count > 0 && o.Tariffs.All(t => Math.Abs(t.Rate - rate) < 0.0005))
        ?? issue.Options.FirstOrDefault(o => Quantities.Rates(o.Label).Any(r => Math.Abs(r.Rate - rate) < 0.0005));

    private static void Choose(Dictionary<string, Dictionary<string, string>> positions, string party, string issue, string option, bool overwrite = true)
    {
        if (!positions.TryGetValue(party, out var choices)) positions[party] = choices = new Dictionary<string, string>(StringComparer.Ordinal);
        if (overwrite || !choices.ContainsKey(issue)) choices[issue] = option;
    }

    private static string Percent(double r) => (r * 100).ToString("0.##", CultureInfo.InvariantCulture) + "%";

    /// <summary>The entry as a YAML sequence item indented for a top-level <c>rounds:</c> list, with evidence as comments.</summary>
    public string ToYaml()
    {
        var r = Record;
        var y = new StringBuilder();
        y.Append("  # proposed by parley rounds extract; check every line against the evidence before adding it\n");
        y.Append("  - label: ").Append(Quote(Label)).Append('\n');
        Evidence(y, "date");
        y.Append("    date: ").Append(Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append('\n');
        if (r.Place is { } place) { Evidence(y, "place"); y.Append("    place: ").Append(Quote(place)).Append('\n'); }
        if (r.Participants.Count > 0)
        {
            for (var k = 0; k < r.Participants.Count; k++) Evidence(y, $"participants[{k}]");
            y.Append("    participants: [").Append(string.Join(", ", r.Participants.Select(p => Quote(p.Name)))).Append("]\n");
        }
        if (r.DurationMinutes is { } minutes) { Evidence(y, "duration_minutes"); y.Append("    duration_minutes: ").Append(minutes.ToString(CultureInfo.InvariantCulture)).Append('\n'); }
        for (var k = 0; k < r.Topics.Count; k++) Evidence(y, $"topics[{k}]");
        if (r.Topics.Count > 0) y.Append("    topics: [").Append(string.Join(", ", r.Topics)).Append("]\n");
        Evidence(y, "agreement");
        y.Append("    source: ").Append(Quote($"{r.Source}, published {r.Published:yyyy-MM-dd}; extracted by parley rounds extract (agreement: " +
                                            (r.Agreement switch { true => "yes", false => "no", null => "not stated" }) + ")")).Append('\n');
        for (var k = 0; k < r.Positions.Count; k++) Evidence(y, $"positions[{k}]");
        for (var k = 0; k < r.OutcomeRates.Count; k++) Evidence(y, $"outcome_rates[{k}]");
        foreach (var u in Unmapped) y.Append("    # unmapped: ").Append(OneLine(u)).Append('\n');
        if (Positions.Count > 0)
        {
            y.Append("    positions:\n");
            foreach (var (party, choices) in Positions.OrderBy(kv => kv.Key, StringComparer.Ordinal))
                y.Append("      ").Append(party).Append(": { ").Append(string.Join(", ", choices.Select(c => $"{c.Key}: {c.Value}"))).Append(" }\n");
        }
        return y.ToString();

        void Evidence(StringBuilder b, string key)
        {
            if (r.Evidence.TryGetValue(key, out var e) && e.Sentence is { } s)
                b.Append("    # evidence ").Append(key).Append(" (confidence ").Append(e.Confidence.ToString("0.0", CultureInfo.InvariantCulture)).Append("): ").Append(OneLine(s)).Append('\n');
        }
    }

    /// <summary>
    /// A copy of a negotiation file's text with this entry added at the end of its top-level <c>rounds:</c> list (or a new
    /// <c>rounds:</c> list at the end). The text is not parsed or reformatted; comments and layout stay as they were.
    /// </summary>
    public string InsertInto(string negotiationYaml)
    {
        var lines = negotiationYaml.Replace("\r\n", "\n").Split('\n').ToList();
        var empty = lines.FindIndex(l => l.Replace(" ", "", StringComparison.Ordinal) == "rounds:[]");
        if (empty >= 0) lines[empty] = "rounds:";
        var at = lines.FindIndex(l => l.TrimEnd() == "rounds:" || l.StartsWith("rounds: ", StringComparison.Ordinal) && l[8..].TrimStart().StartsWith('#'));
        var entry = ToYaml().TrimEnd('\n').Split('\n');
        if (at < 0)
        {
            while (lines.Count > 0 && lines[^1].Length == 0) lines.RemoveAt(lines.Count - 1);
            lines.Add("rounds:");
            lines.AddRange(entry);
            return string.Join('\n', lines) + "\n";
        }
        var first = lines.Skip(at + 1).FirstOrDefault(l => l.Trim().Length > 0 && !l.TrimStart().StartsWith('#'));
        if (first is not null && first.TrimStart().StartsWith("- ", StringComparison.Ordinal))
        {
            var indent = first.Length - first.TrimStart().Length;
            entry = entry.Select(l => indent >= 2 ? new string(' ', indent - 2) + l : l[Math.Min(2 - indent, l.Length - l.TrimStart().Length)..]).ToArray();
        }
        var end = at + 1;
        for (var k = at + 1; k < lines.Count; k++)
        {
            var line = lines[k];
            if (line.Length > 0 && !char.IsWhiteSpace(line[0]) && !line.StartsWith('#') && !line.StartsWith("- ", StringComparison.Ordinal)) break;
            if (line.Trim().Length > 0 && !line.TrimStart().StartsWith('#')) end = k + 1;
        }
        lines.InsertRange(end, entry);
        return string.Join('\n', lines);
    }

    private static string OneLine(string s) => s.Replace('\n', ' ').Replace('\r', ' ');

    /// <summary>A YAML double-quoted scalar (JSON string escaping is valid YAML).</summary>
    internal static string Quote(string s) => System.Text.Json.JsonSerializer.Serialize(s, RoundDocument.JsonOptions);
}
