// Why: who sat at the table, who wants what, and which rates were settled. A person counts as a participant only in a
// sentence that puts them in the talks (met, represented, lead negotiator, ...), so leaders named in passing are not
// listed; a stance counts only with a party, a topic and a stance word that no "rather than", "instead of" or "not"
// cancels (docs/rounds.md "Stances"). A rate belongs to the topic written nearest to it.
using System.Text.RegularExpressions;

namespace Parley.Rounds.Internals;

internal static partial class PartyFacts
{
    [GeneratedRegex(@"\b(?:met|meets|meeting with|held talks|talks with|talked with|represented by|was represented|lead negotiator|chief negotiator|top negotiator|negotiators?|led the|led by|delegation|attended|sat down|hosted|joined by|counterparts?|spoke with|told reporters|said after|after the (?:talks|meeting|negotiations?))\b", RegexOptions.IgnoreCase)]
    private static partial Regex AtTheTable();

    private static readonly (Stance Stance, Regex Pattern)[] s_stances =
    [
        (Stance.Eliminate, new(@"\b(?:eliminat(?:e|ed|es|ing|ion)|abolish(?:ed|es|ing)?|abolition|scrap(?:ped|ping|s)?|remov(?:e|ed|es|al|ing)|lift(?:ed|ing|s)?|exempt(?:ion|ions|ed)?|repeal(?:ed)?)\b", RegexOptions.IgnoreCase)),
        (Stance.Reduce, new(@"\b(?:reduc(?:e|ed|es|ing|tion)|lower(?:ed|ing|s)?|cut(?:s|ting)?|eas(?:e|ed|es|ing)|slash(?:ed|es)?|relief)\b", RegexOptions.IgnoreCase)),
        (Stance.Keep, new(@"\b(?:keep(?:s|ing)?|kept|maintain(?:s|ed|ing)?|retain(?:s|ed|ing)?|no exemptions?|hold(?:s|ing)? firm|stand(?:s|ing)? firm|leave (?:it|them|the \w+) in place|stay in place)\b", RegexOptions.IgnoreCase)),
        (Stance.Accept, new(@"\baccept(?:s|ed|ing)?\b", RegexOptions.IgnoreCase)),
        (Stance.Reject, new(@"\b(?:reject(?:s|ed|ing)?|refus(?:e|es|ed|ing)|rul(?:e|es|ed|ing) out|dismiss(?:es|ed)?|turn(?:s|ed)? down|oppos(?:e|es|ed|ing))\b", RegexOptions.IgnoreCase)),
    ];

    [GeneratedRegex(@"(?:\b(?:rather than|instead of|not|never|refus\w* to|declined? to|unwilling to|cannot|can't|won't|no)\s+(?:\w+\s+)?|n't\s+(?:\w+\s+)?)$", RegexOptions.IgnoreCase)]
    private static partial Regex Negated();

    [GeneratedRegex(@"(?:\bnot|n't)\s+(?:\w+\s+)?$", RegexOptions.IgnoreCase)]
    private static partial Regex PlainNot();

    [GeneratedRegex(@"^(?:he|she|they|the minister|the secretary|the official)\b|\b(?:he|she) (?:said|explained|stressed|added|noted|told)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Pronoun();

    [GeneratedRegex(@"\bfrom\s+(?:the\s+|a\s+|an\s+)?(?:current\s+)?$", RegexOptions.IgnoreCase)]
    private static partial Regex FromBefore();

    /// <summary>Officials placed at the table, in order of first mention, with the sentence that places them.</summary>
    public static IReadOnlyList<Found<Participant>> Participants(ArticleContext a, DateOnly on)
    {
        var found = new List<Found<Participant>>();
        foreach (var s in a.Sentences)
        {
            if (!AtTheTable().IsMatch(s.Text) || ArticleContext.OnlyFuture(s.Text)) continue;
            foreach (var m in a.Officials(s.Index))
                if (m.Item.InOffice(on) && found.All(f => f.Value.Name != m.Item.Name))
                    found.Add(new(new Participant(m.Item.Name, m.Item.Country, m.Item.Role), s, MeetingFacts.Direct));
        }
        return found;
    }

    /// <summary>Stated positions, each once per (party, topic, stance).</summary>
    public static IReadOnlyList<Found<StatedPosition>> Positions(ArticleContext a, DateOnly on)
    {
        var found = new List<Found<StatedPosition>>();
        Official? lastSpeaker = null;
        foreach (var s in a.Sentences)
        {
            var officials = a.Officials(s.Index).Where(m => m.Item.InOffice(on)).ToArray();
            var topics = TopicTags.Mentions(s.Text).OrderBy(t => t.Position).ToArray();
            foreach (var (stance, pattern) in s_stances)
                foreach (Match m in pattern.Matches(s.Text))
                {
                    var before = s.Text[..m.Index];
                    var actual = stance;
                    if (Negated().IsMatch(before))
                    {
                        if (stance != Stance.Accept || !PlainNot().IsMatch(before)) continue;
                        actual = Stance.Reject; // "did not accept"
                    }
                    if (topics.Length == 0) continue;
                    var topic = topics.Where(t => t.Position > m.Index).Select(t => t.Tag).FirstOrDefault() ?? topics[^1].Tag;
                    var (party, confidence) = Party(a, s, m.Index, officials, lastSpeaker);
                    if (party is null) continue;
                    var rate = Quantities.Rates(s.Text).Where(r => r.Position > m.Index && !FromBefore().IsMatch(s.Text[..r.Position]))
                        .Select(r => (double?)r.Rate).FirstOrDefault();
                    var position = new StatedPosition(party, topic, actual, rate);
                    if (found.All(f => (f.Value.Party, f.Value.Topic, f.Value.Stance) != (party, topic, actual)))
                        found.Add(new(position, s, confidence));
                }
            if (officials.Length > 0) lastSpeaker = officials[^1].Item;
        }
        return found;
    }

    /// <summary>The party of a stance at <paramref name="at"/>: the nearest country named before it, else an official named
    /// before it, else (a pronoun) the last official named in an earlier sentence.</summary>
    private static (string? Party, double Confidence) Party(ArticleContext a, Sentence s, int at, IReadOnlyList<Mention<Official>> officials, Official? lastSpeaker)
    {
        var country = a.Countries(s.Index).Where(c => c.Position < at).Select(c => c.Item).LastOrDefault();
        if (country is not null) return (country, MeetingFacts.Direct);
        var official = officials.Where(o => o.Position < at).Select(o => o.Item).LastOrDefault();
        if (official is not null) return (official.Country, MeetingFacts.Direct);
        if (lastSpeaker is not null && Pronoun().IsMatch(s.Text)) return (lastSpeaker.Country, MeetingFacts.Resolved);
        return (null, 0);
    }

    /// <summary>Rates agreed or announced: each rate of an outcome sentence (not a "from" rate), with the topic written nearest to it.</summary>
    public static IReadOnlyList<Found<OutcomeRate>> OutcomeRates(ArticleContext a)
    {
        var found = new List<Found<OutcomeRate>>();
        foreach (var s in a.Sentences)
        {
            if (!MeetingFacts.ReportsOutcome(s.Text) || MeetingFacts.DeniesAgreement(s.Text)) continue;
            var topics = TopicTags.Mentions(s.Text).ToArray();
            if (topics.Length == 0) continue;
            foreach (var r in Quantities.Rates(s.Text))
            {
                if (FromBefore().IsMatch(s.Text[..r.Position])) continue;
                var topic = topics.OrderBy(t => Math.Abs(t.Position - r.Position)).First().Tag;
                if (found.All(f => f.Value.Topic != topic))
                    found.Add(new(new OutcomeRate(topic, r.Rate), s, MeetingFacts.Direct));
            }
        }
        return found;
    }
}
