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
        (Stance.Keep, new(@"\b(?:(?:keep(?:s|ing)?|kept)(?!\s+(?:pressing|pushing|asking|calling|talking|working|up|on)\b)|maintain(?:s|ed|ing)?|retain(?:s|ed|ing)?|no exemptions?|hold(?:s|ing)? firm|stand(?:s|ing)? firm|leave (?:it|them|the \w+) in place|stay in place)\b", RegexOptions.IgnoreCase)),
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

    /// <summary>Stated positions, each once per (party, topic, stance). When the article reports an agreement, sentences that
    /// describe it ("under the deal, the tariff will be lowered") state outcomes, not positions, and are skipped.</summary>
    public static IReadOnlyList<Found<StatedPosition>> Positions(ArticleContext a, DateOnly on, bool agreement)
    {
        var found = new List<Found<StatedPosition>>();
        Official? lastSpeaker = null;
        foreach (var s in a.Sentences)
        {
            var officials = a.Officials(s.Index).Where(m => m.Item.InOffice(on)).ToArray();
            if (!(agreement && MeetingFacts.ReportsOutcome(s.Text)))
                foreach (var p in SentencePositions(a, s, officials, lastSpeaker))
                    if (found.All(f => (f.Value.Party, f.Value.Topic, f.Value.Stance) != (p.Value.Party, p.Value.Topic, p.Value.Stance)))
                        found.Add(p);
            if (officials.Length > 0) lastSpeaker = officials[^1].Item;
        }
        return found;
    }

    /// <summary>Each stance word that no negation cancels, with every topic between it and the next stance word (or the clause's
    /// end), the rate of that stretch, and the party named before it.</summary>
    private static IEnumerable<Found<StatedPosition>> SentencePositions(ArticleContext a, Sentence s, IReadOnlyList<Mention<Official>> officials, Official? lastSpeaker)
    {
        var text = s.Text;
        var stances = new List<(int Position, int End, Stance Stance)>();
        foreach (var (stance, pattern) in s_stances)
            foreach (Match m in pattern.Matches(text))
            {
                var before = text[..m.Index];
                if (!Negated().IsMatch(before)) stances.Add((m.Index, m.Index + m.Length, stance));
                else if (stance == Stance.Accept && PlainNot().IsMatch(before)) stances.Add((m.Index, m.Index + m.Length, Stance.Reject)); // "did not accept"
            }
        if (stances.Count == 0) yield break;
        stances.Sort((x, y) => x.Position.CompareTo(y.Position));
        var topics = TopicMentions(text);
        var rates = Quantities.Rates(text);
        for (var k = 0; k < stances.Count; k++)
        {
            var (at, end, stance) = stances[k];
            var (clauseStart, clauseEnd) = Clause(text, at);
            var stop = Math.Min(clauseEnd, k + 1 < stances.Count ? stances[k + 1].Position : text.Length);
            var inStretch = topics.Where(t => t.Position >= end && t.Position < stop).Select(t => t.Tag).Distinct().ToArray();
            if (inStretch.Length == 0)
                inStretch = topics.Where(t => t.Position >= clauseStart && t.Position < at).Select(t => t.Tag).TakeLast(1).ToArray();
            if (inStretch.Length == 0) continue;
            var (party, confidence) = Party(a, s, clauseStart, at, officials, lastSpeaker);
            if (party is null) continue;
            var rate = Rate(text, rates, stance, end, stop, clauseStart, at);
            foreach (var topic in inStretch) yield return new(new StatedPosition(party, topic, stance, rate), s, confidence);
        }
    }

    /// <summary>The rate of a stance: for "reduce", the target ("to 15%") when given; else the first rate after the stance word
    /// in its stretch (not a "from" rate), else the last one before it in its clause.</summary>
    private static double? Rate(string text, IReadOnlyList<FoundRate> rates, Stance stance, int end, int stop, int clauseStart, int at)
    {
        // "from" marks the old rate only when a tariff is being lowered ("cut to 15% from 25%"); after "exempt" it is the rate itself.
        var after = rates.Where(r => r.Position >= end && r.Position < stop && (stance != Stance.Reduce || !FromBefore().IsMatch(text[..r.Position]))).ToArray();
        if (stance == Stance.Reduce && after.Any(r => ToBefore().IsMatch(text[..r.Position])))
            return after.First(r => ToBefore().IsMatch(text[..r.Position])).Rate;
        if (after.Length > 0) return after[0].Rate;
        var before = rates.Where(r => r.Position >= clauseStart && r.Position < at).ToArray();
        return before.Length > 0 ? before[^1].Rate : null;
    }

    /// <summary>Every mention of every topic (not only the first), in order.</summary>
    internal static (string Tag, int Position)[] TopicMentions(string text)
    {
        var found = new List<(string, int)>();
        for (var from = 0; from < text.Length;)
        {
            var next = TopicTags.Mentions(text[from..]).OrderBy(t => t.Position).FirstOrDefault();
            if (next.Tag is null) break;
            found.Add((next.Tag, from + next.Position));
            from += next.Position + 1;
        }
        return found.ToArray();
    }

    [GeneratedRegex(@";|,?\s+while\s+|,?\s+whereas\s+|,\s+but\s+|\s+but\s+(?:will|would|also)\b")]
    private static partial Regex ClauseBreak();

    [GeneratedRegex(@";|,?\s+while\s+|,?\s+whereas\s+|,\s+but\s+|\s+but\s+(?:will|would|also)\b|,\s+and\s+")]
    private static partial Regex OutcomeClauseBreak();

    /// <summary>The clause holding <paramref name="at"/>: clauses end at ";", "while", "whereas" and ", but" (and, for the
    /// rates of an outcome, at ", and", which joins one settled term to the next).</summary>
    internal static (int Start, int End) Clause(string text, int at, bool outcome = false)
    {
        var start = 0;
        foreach (Match m in (outcome ? OutcomeClauseBreak() : ClauseBreak()).Matches(text))
        {
            if (m.Index + m.Length <= at) start = m.Index + m.Length;
            else if (m.Index >= at) return (start, m.Index);
        }
        return (start, text.Length);
    }

    [GeneratedRegex(@"\bto\s+(?:about\s+|around\s+)?$", RegexOptions.IgnoreCase)]
    private static partial Regex ToBefore();

    /// <summary>Words after a country name that make it the object ("Korean goods") rather than the party.</summary>
    [GeneratedRegex(@"^\s*(?:goods|products|exports|imports|cars|automobiles|autos|vehicles|steel|beef|rice|markets?|companies|firms|automakers|manufacturers|demands?|calls?|proposals?|side's)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ObjectNoun();

    /// <summary>Words before a country name that make it the one addressed ("pressing the United States to").</summary>
    [GeneratedRegex(@"\b(?:press(?:ed|ing)?|urg(?:e|ed|ing)|ask(?:ed|ing)?|call(?:ed|ing)? on|push(?:ed|ing)?|proposed that|demand(?:ed|ing)? that|wants?|told)\s+(?:the\s+)?$", RegexOptions.IgnoreCase)]
    private static partial Regex AddresseeBefore();

    /// <summary>The party of a stance at <paramref name="at"/>: the nearest country named before it in its clause (not as an
    /// object, "Korean goods", nor as the one addressed, "urged the U.S. to"), else an official named there, else the same in
    /// the sentence, else (a pronoun) the last official named in an earlier sentence.</summary>
    private static (string? Party, double Confidence) Party(ArticleContext a, Sentence s, int clauseStart, int at, IReadOnlyList<Mention<Official>> officials, Official? lastSpeaker)
    {
        var text = s.Text;
        var countries = a.Countries(s.Index).Where(c => c.Position < at && !ObjectNoun().IsMatch(text[(c.Position + c.Length)..])
                                                        && !AddresseeBefore().IsMatch(text[..c.Position])).ToArray();
        foreach (var from in new[] { clauseStart, 0 })
        {
            if (countries.Where(c => c.Position >= from).Select(c => c.Item).LastOrDefault() is { } country) return (country, MeetingFacts.Direct);
            if (officials.Where(o => o.Position >= from && o.Position < at).Select(o => o.Item).LastOrDefault() is { } official) return (official.Country, MeetingFacts.Direct);
        }
        if (lastSpeaker is not null && Pronoun().IsMatch(text)) return (lastSpeaker.Country, MeetingFacts.Resolved);
        return (null, 0);
    }

    /// <summary>Rates agreed or announced: in each clause of an outcome sentence, every topic takes the rate written nearest to it
    /// (not a "from" rate), so "X and Y would be capped at 15%, while Z remains at 50%" gives X, Y 15% and Z 50%.</summary>
    public static IReadOnlyList<Found<OutcomeRate>> OutcomeRates(ArticleContext a)
    {
        var found = new List<Found<OutcomeRate>>();
        foreach (var s in a.Sentences)
        {
            if (!MeetingFacts.ReportsOutcome(s.Text) || MeetingFacts.DeniesAgreement(s.Text)) continue;
            var rates = Quantities.Rates(s.Text).Where(r => !FromBefore().IsMatch(s.Text[..r.Position])).ToArray();
            foreach (var (tag, position) in TopicMentions(s.Text))
            {
                var clause = Clause(s.Text, position, outcome: true);
                var near = rates.Where(r => r.Position >= clause.Start && r.Position < clause.End).OrderBy(r => Math.Abs(r.Position - position)).ToArray();
                if (near.Length == 0 || found.Any(f => f.Value.Topic == tag)) continue;
                found.Add(new(new OutcomeRate(tag, near[0].Rate), s, MeetingFacts.Direct));
            }
        }
        return found;
    }
}
