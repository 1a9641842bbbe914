// Why: the when, where, how long, with what result and what next of a round, each read from the first sentence that
// states it by an explicit pattern (docs/rounds.md "Fields"). A field no sentence states stays null: the extractor
// never fills a gap with a default.
using System.Text.RegularExpressions;

namespace Parley.Rounds.Internals;

/// <summary>A field's value with the sentence it came from and its confidence.</summary>
internal readonly record struct Found<T>(T Value, Sentence Sentence, double Confidence);

internal static partial class MeetingFacts
{
    /// <summary>Confidence of a direct statement, of a resolved one (relative date, pronoun), of an indirect one.</summary>
    public const double Direct = 0.9, Resolved = 0.7, Indirect = 0.5, Unknown = 0.1;

    [GeneratedRegex(@"\b(?:since|after|before|until|by|from)\s+(?:the\s+|last\s+)?$", RegexOptions.IgnoreCase)]
    private static partial Regex OtherEventBefore();

    [GeneratedRegex(@"\b(?:in total|a total of|in all|combined|altogether)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Total();

    [GeneratedRegex(@"\b(?:lasted|for|long|took)\b|-(?:hour|minute)", RegexOptions.IgnoreCase)]
    private static partial Regex DurationCue();

    [GeneratedRegex(@"\b(?:no|not|n't|never|without|failed to|fail to|fell short of|short of|yet to|denied|denies|deny|dismissed|no sign of|premature)\b(?![^;]{0,30}?\b(?:part of|included in|covered by|in)\s+the\s+(?:\w+\s+)?(?:deal|agreement|accord)\b)[^;]{0,60}?\b(?:agreement|deal|accord|breakthrough|consensus)\b" +
                    @"|\b(?:agreement|deal|accord)\b[^;]{0,40}?\b(?:not|n't|never)\b[^;]{0,25}?\b(?:reached|struck|agreed|finali[sz]ed|concluded|been)\b", RegexOptions.IgnoreCase)]
    private static partial Regex NoAgreement();

    [GeneratedRegex(@"\b(?:reached|struck|clinched|sealed|finali[sz]ed|concluded|signed|announced|unveiled)\s+(?:an?\s+|the\s+)?(?:[\w%-]+\s+){0,3}?(?:agreement|deal|accord|framework)\b" +
                    @"|\bagreed\s+on\s+(?:[\w%-]+\s+){0,5}?(?:agreement|deal|accord|framework)\b|\bagreed\s+to\s+(?:an?|the)\s+(?:[\w%-]+\s+){0,2}?(?:agreement|deal|accord|framework)\b" +
                    @"|\bagreed\s+to\s+(?:cut|lower|reduce|remove|eliminate|lift|suspend|roll back)\s+(?:[\w%'-]+\s+){0,4}?(?:tariffs?|duties|levies)\b" +
                    @"|\bunder\s+the\s+(?:\w+\s+)?(?:agreement|deal|accord|framework)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Agreed();

    [GeneratedRegex(@"\b(?:toward|towards|in mind|possibility of|aim(?:s|ing)? (?:for|at)|hopes? (?:for|to)|push(?:ing)? for|seek(?:s|ing)?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Aspiration();

    [GeneratedRegex(@"\b(?:another|next (?:round|meeting|session)|again|follow-up|meet again|further talks|resume|reconvene|next talks)\b", RegexOptions.IgnoreCase)]
    private static partial Regex NextCue();

    /// <summary>The place of the first meeting sentence that names one after "in" or "at" (the dateline when it says "here").</summary>
    public static Found<Place>? Place(ArticleContext a)
    {
        foreach (var s in MeetingSentences(a))
            if (a.PlaceIn(s.Index) is { } m) return new(m.Item, s, MeetingFacts.Direct);
        if (a.DatelinePlace is { } d)
            foreach (var s in MeetingSentences(a))
                if (Regex.IsMatch(s.Text, @"\bhere\b")) return new(d, s, Resolved);
        return null;
    }

    /// <summary>Past meeting sentences first (held, met, ...), then any other sentence about talks; future-only sentences excluded.</summary>
    public static IEnumerable<Sentence> MeetingSentences(ArticleContext a) =>
        a.Sentences.Where(s => ArticleContext.IsPastMeeting(s.Text) && !ArticleContext.OnlyFuture(s.Text))
            .Concat(a.Sentences.Where(s => ArticleContext.IsMeeting(s.Text) && !ArticleContext.IsPastMeeting(s.Text) && !ArticleContext.OnlyFuture(s.Text)))
            .Concat(a.Sentences.Where(s => !ArticleContext.IsMeeting(s.Text) && Agreed().IsMatch(s.Text) && !ArticleContext.OnlyFuture(s.Text)));

    /// <summary>The first past date in a meeting sentence (its first day when a range), not one introduced by "since", "after", ...</summary>
    public static (Found<DateOnly> Date, FoundDate Expression)? Date(ArticleContext a, Place? place)
    {
        foreach (var s in MeetingSentences(a))
        {
            var usable = a.Dates(s.Index, place).Where(d => d.Past is { } past && past.From <= a.Published.AddDays(a.Slack(place))
                && !ArticleContext.FutureCueBefore(s.Text, d.Position) && !OtherEventBefore().IsMatch(s.Text[..d.Position])).ToArray();
            if (usable.Length == 0) continue;
            // "returned on Saturday after talks on Friday": the date that follows the talks is theirs.
            var cue = ArticleContext.AfterMeetingCue(s.Text);
            var d = usable.FirstOrDefault(x => x.Position >= cue) ?? usable[0];
            return (new(d.Past!.From, s, d.Relative ? Resolved : Direct), d);
        }
        return null;
    }

    /// <summary>The meeting's length: a stated total when the article gives one, else the first duration in a meeting sentence.</summary>
    public static Found<int>? Duration(ArticleContext a)
    {
        var candidates = MeetingSentences(a).Concat(a.Sentences.Where(s => DurationCue().IsMatch(s.Text) && !ArticleContext.OnlyFuture(s.Text)))
            .Distinct().Select(s => (s, d: Quantities.Duration(s.Text))).Where(x => x.d is not null && DurationCue().IsMatch(x.s.Text)).ToArray();
        if (candidates.Length == 0) return null;
        var pick = candidates.FirstOrDefault(c => Total().IsMatch(c.s.Text));
        if (pick.s is null) pick = candidates.OrderBy(c => c.s.Index).First();
        return new(pick.d!.Value.Minutes, pick.s, candidates.Length == 1 || Total().IsMatch(pick.s.Text) ? Direct : Indirect);
    }

    /// <summary>Whether an agreement was reached: a denial or "no agreement" gives false, "reached a deal" true; both → the earlier, at lower confidence.</summary>
    public static Found<bool>? Agreement(ArticleContext a)
    {
        var no = a.Sentences.FirstOrDefault(s => NoAgreement().IsMatch(s.Text));
        var yes = a.Sentences.FirstOrDefault(s => Agreed().IsMatch(s.Text) && !NoAgreement().IsMatch(s.Text) && !Aspiration().IsMatch(Agreed().Match(s.Text).Value)
                                                  && !ArticleContext.OnlyFuture(s.Text));
        return (no, yes) switch
        {
            (null, null) => null,
            ({ } n, null) => new(false, n, Direct),
            (null, { } y) => new(true, y, Direct),
            ({ } n, { } y) => n.Index <= y.Index ? new(false, n, Indirect) : new(true, y, Indirect),
        };
    }

    /// <summary>Whether sentence text states that no agreement was reached (outcome rates are not read from it).</summary>
    public static bool DeniesAgreement(string s) => NoAgreement().IsMatch(s);

    /// <summary>Whether the sentence reports an agreement or an announced outcome.</summary>
    public static bool ReportsOutcome(string s) => (Agreed().IsMatch(s) || OutcomeCue().IsMatch(s)) && !NoAgreement().IsMatch(s);

    [GeneratedRegex(@"\b(?:agreed|agreement|deal|accord|framework|announced|(?:will|would)\s+(?:also\s+)?(?:be|face|fall|drop|come down)\b)", RegexOptions.IgnoreCase)]
    private static partial Regex OutcomeCue();

    /// <summary>The next meeting: the narrowest forward-looking date range in a sentence that looks ahead to talks, preferring
    /// sentences with a strong cue ("another", "again", "next round"). Bare days count only after a future cue.</summary>
    public static Found<DateRange>? NextMeeting(ArticleContext a, Place? place, int? meetingSentence, FoundDate? meetingDate)
    {
        var found = new List<(DateRange Range, Sentence Sentence, bool Strong, bool Relative)>();
        foreach (var s in a.Sentences.Where(s => ArticleContext.HasFutureCue(s.Text) && (ArticleContext.IsMeeting(s.Text) || NextCue().IsMatch(s.Text))))
            foreach (var d in a.Dates(s.Index, place))
            {
                if (d.Future is not { } f || (s.Index == meetingSentence && d.Position == meetingDate?.Position)) continue;
                var forward = d.Past is null || ArticleContext.FutureCueBefore(s.Text, d.Position);
                if (!forward || f.To < a.Published) continue;
                found.Add((f, s, NextCue().IsMatch(s.Text), d.Relative));
            }
        if (found.Count == 0) return null;
        var best = found.OrderByDescending(x => x.Strong).ThenBy(x => x.Range.To.DayNumber - x.Range.From.DayNumber).ThenBy(x => x.Sentence.Index).First();
        return new(best.Range, best.Sentence, best.Relative ? Resolved : Direct);
    }
}
