// Why: a rule-based, transparent extractor (docs/decisions/0032-round-extraction.md): every field is read by a named
// pattern from one sentence, so a reader can check each value against the article, and a field no pattern finds is null
// with low confidence, never a default. No network, no model weights; the facts it checks names against (officials,
// countries, places) are data (data/gazetteer/). Fields and rules: docs/rounds.md.
using Parley.Rounds.Internals;

namespace Parley.Rounds;

/// <summary>Turns one news article into the round it reports.</summary>
public static class RoundExtractor
{
    /// <summary>
    /// Extracts the round reported by <paramref name="text"/> (plain text or HTML). Relative dates resolve from
    /// <paramref name="published"/>. Throws <see cref="ParleyInputException"/> naming <paramref name="source"/> when the text is
    /// empty, binary, too large or not English; an article that reports no meeting gives a record of nulls with low confidence.
    /// </summary>
    public static RoundRecord Extract(string text, string source, DateOnly published, Gazetteer gazetteer)
    {
        var prose = ArticleText.Prepare(text, source);
        var a = new ArticleContext(prose, source, published, gazetteer);
        var evidence = new Dictionary<string, FieldEvidence>(StringComparer.Ordinal);
        if (!a.Sentences.Any(s => ArticleContext.IsMeeting(s.Text)))
            return Empty(source, published, evidence);

        var place = MeetingFacts.Place(a);
        var date = MeetingFacts.Date(a, place?.Value);
        var duration = MeetingFacts.Duration(a);
        var agreement = MeetingFacts.Agreement(a);
        var next = MeetingFacts.NextMeeting(a, place?.Value, date?.Date.Sentence.Index, date?.Expression);
        var on = date?.Date.Value ?? published;
        var participants = PartyFacts.Participants(a, on);
        var topics = a.Sentences.SelectMany(s => TopicTags.Mentions(s.Text).Select(t => (t.Tag, s, t.Position)))
            .GroupBy(t => t.Tag).Select(g => g.OrderBy(t => t.s.Index).ThenBy(t => t.Position).First())
            .OrderBy(t => t.s.Index).ThenBy(t => t.Position).ToArray();
        var positions = PartyFacts.Positions(a, on, agreement is { Value: true });
        var rates = agreement is { Value: false } ? [] : PartyFacts.OutcomeRates(a);

        Scalar(evidence, "date", date?.Date.Sentence, date?.Date.Confidence);
        Scalar(evidence, "place", place?.Sentence, place?.Confidence);
        Scalar(evidence, "duration_minutes", duration?.Sentence, duration?.Confidence);
        Scalar(evidence, "agreement", agreement?.Sentence, agreement?.Confidence);
        Scalar(evidence, "next_meeting", next?.Sentence, next?.Confidence);
        List(evidence, "participants", participants.Select(p => (p.Sentence, p.Confidence)));
        List(evidence, "topics", topics.Select(t => (t.s, ArticleContext.IsMeeting(t.s.Text) ? MeetingFacts.Direct : MeetingFacts.Indirect)));
        List(evidence, "positions", positions.Select(p => (p.Sentence, p.Confidence)));
        List(evidence, "outcome_rates", rates.Select(r => (r.Sentence, r.Confidence)));
        return new RoundRecord(source, published, date?.Date.Value, place?.Value.Name, participants.Select(p => p.Value).ToArray(), duration?.Value,
            topics.Select(t => t.Tag).ToArray(), agreement?.Value, positions.Select(p => p.Value).ToArray(), rates.Select(r => r.Value).ToArray(),
            next?.Value, evidence);
    }

    private static RoundRecord Empty(string source, DateOnly published, Dictionary<string, FieldEvidence> evidence)
    {
        foreach (var field in new[] { "date", "place", "duration_minutes", "agreement", "next_meeting", "participants", "topics", "positions", "outcome_rates" })
            evidence[field] = new FieldEvidence(null, MeetingFacts.Unknown);
        return new RoundRecord(source, published, null, null, [], null, [], null, [], [], null, evidence);
    }

    private static void Scalar(Dictionary<string, FieldEvidence> evidence, string field, Sentence? sentence, double? confidence) =>
        evidence[field] = sentence is null ? new FieldEvidence(null, MeetingFacts.Unknown) : new FieldEvidence(sentence.Text, confidence ?? MeetingFacts.Unknown);

    private static void List(Dictionary<string, FieldEvidence> evidence, string field, IEnumerable<(Sentence Sentence, double Confidence)> items)
    {
        var k = 0;
        foreach (var (sentence, confidence) in items) evidence[$"{field}[{k++}]"] = new FieldEvidence(sentence.Text, confidence);
        if (k == 0) evidence[field] = new FieldEvidence(null, MeetingFacts.Unknown);
    }
}
