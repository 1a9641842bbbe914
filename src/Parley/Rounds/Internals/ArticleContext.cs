// Why: every field reads the same sentences with the same cues (a meeting, the future, a negation), and the same names
// (officials, countries, places); one context computes them once, so that fields cannot disagree about what a sentence
// says. Cue words are listed here and in docs/rounds.md ("Cues").
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Parley.Rounds.Internals;

/// <summary>A name found in a sentence: what it refers to and where.</summary>
internal readonly record struct Mention<T>(T Item, int Position, int Length);

internal sealed partial class ArticleContext
{
    [GeneratedRegex(@"\b(?:talks|negotiations?|meetings?|round|consultations|sessions?|discussions|dialogue|summit)\b", RegexOptions.IgnoreCase)]
    private static partial Regex MeetingNoun();

    [GeneratedRegex(@"\b(?:held|met|sat down|took place|wrapped up|concluded|lasted|represented|attended|hosted|convened|began|opened|ended)\b", RegexOptions.IgnoreCase)]
    private static partial Regex PastMeetingVerb();

    [GeneratedRegex(@"\b(?:will|would|next|another|again|plan(?:s|ned)? to|scheduled|expected to|upcoming|resume|follow-up|further talks|to meet)\b", RegexOptions.IgnoreCase)]
    private static partial Regex FutureCue();

    [GeneratedRegex(@"^(?<city>[A-Z][A-Z .'’-]+?)(?:,\s*(?:[A-Z][a-z]+\.?\s+\d{1,2}))?\s*(?:\([^)]*\))?\s*[-–—]+\s+")]
    private static partial Regex Dateline();

    [GeneratedRegex(@"\b(?:in|at|from|to|visit(?:s|ed|ing)?|near|outside|via|of)\s+(?:the\s+)?$", RegexOptions.IgnoreCase)]
    private static partial Regex Locative();

    public ArticleContext(string text, string source, DateOnly published, Gazetteer gazetteer)
    {
        Source = source;
        Published = published;
        Gazetteer = gazetteer;
        var split = Parley.Rounds.Internals.Sentences.Split(text);
        DatelinePlace = null;
        // The dateline opens the first paragraph of the story, which may follow a headline or two.
        for (var k = 0; k < Math.Min(3, split.Count); k++)
        {
            if (Dateline().Match(split[k].Text) is not { Success: true } d) continue;
            var city = d.Groups["city"].Value.Trim().TrimEnd(',');
            DatelinePlace = gazetteer.Places.FirstOrDefault(p => p.Variants.Any(v => v.Equals(city, StringComparison.OrdinalIgnoreCase)));
            if (DatelinePlace is null) continue;
            split = [.. split.Take(k), new Sentence(k, split[k].Text[d.Length..]), .. split.Skip(k + 1)];
            break;
        }
        Sentences = split;
        _folded = split.Select(s => Fold(s.Text)).ToArray();
        _placePatterns = gazetteer.Places.Select(p => (p, new Regex(@"\b(?:in|at)\s+(?:the\s+)?(?<p>" +
            string.Join("|", p.Variants.Select(v => Regex.Escape(Fold(v)))) + @")(?![\w])", RegexOptions.CultureInvariant))).ToArray();
        LocalTime = split.Any(s => s.Text.Contains("local time", StringComparison.OrdinalIgnoreCase));
    }

    public string Source { get; }
    public DateOnly Published { get; }
    public Gazetteer Gazetteer { get; }
    public IReadOnlyList<Sentence> Sentences { get; }

    /// <summary>The place of the dateline ("TOKYO, June 5 (Wire) –"), which sets the newsroom's time zone, or null.</summary>
    public Place? DatelinePlace { get; }

    /// <summary>Whether the article dates anything in "local time".</summary>
    public bool LocalTime { get; }

    private readonly string[] _folded;
    private readonly (Place Place, Regex Pattern)[] _placePatterns;

    public static bool IsMeeting(string s) => MeetingNoun().IsMatch(s) || PastMeetingVerb().IsMatch(s);

    public static bool IsPastMeeting(string s) => PastMeetingVerb().IsMatch(s);

    /// <summary>Position just after the first meeting noun or verb of the sentence (0 when there is none).</summary>
    public static int AfterMeetingCue(string s)
    {
        var noun = MeetingNoun().Match(s);
        var verb = PastMeetingVerb().Match(s);
        var first = new[] { noun, verb }.Where(m => m.Success).OrderBy(m => m.Index).FirstOrDefault();
        return first is null ? 0 : first.Index + first.Length;
    }

    public static bool HasFutureCue(string s) => FutureCue().IsMatch(s);

    /// <summary>Whether a future cue occurs before <paramref name="position"/> in the sentence.</summary>
    public static bool FutureCueBefore(string s, int position) => FutureCue().Matches(s).Any(m => m.Index < position);

    /// <summary>A sentence that only looks ahead (a future cue and no past meeting verb).</summary>
    public static bool OnlyFuture(string s) => HasFutureCue(s) && !IsPastMeeting(s);

    /// <summary>Officials named in sentence <paramref name="index"/> (accents ignored), in order, each once.</summary>
    public IReadOnlyList<Mention<Official>> Officials(int index)
    {
        var folded = _folded[index];
        var found = new List<Mention<Official>>();
        foreach (var o in Gazetteer.Officials)
        {
            var best = o.Variants.Append(o.Name).Select(v => Find(folded, Fold(v), caseSensitive: true)).Where(p => p.Position >= 0)
                .OrderBy(p => p.Position).FirstOrDefault((Position: -1, Length: 0));
            if (best.Position >= 0) found.Add(new Mention<Official>(o, best.Position, best.Length));
        }
        return found.OrderBy(m => m.Position).ToArray();
    }

    /// <summary>Countries and groups named in sentence <paramref name="index"/> (each mention, in order).</summary>
    public IReadOnlyList<Mention<string>> Countries(int index)
    {
        var folded = _folded[index];
        var found = new List<Mention<string>>();
        foreach (var c in Gazetteer.Countries)
            foreach (var (v, capital) in c.Variants.Select(v => (v, false)).Concat(c.Capitals.Select(v => (v, true))))
                for (var at = Find(folded, Fold(v), true, 0); at.Position >= 0; at = Find(folded, Fold(v), true, at.Position + at.Length))
                    if (!capital || !Locative().IsMatch(folded[..at.Position]))
                        found.Add(new Mention<string>(c.Code, at.Position, at.Length));
        // A longer name wins over a shorter one at the same place ("South Korea" over "Korea").
        var kept = new List<Mention<string>>();
        var end = -1;
        foreach (var m in found.OrderBy(m => m.Position).ThenByDescending(m => m.Length))
        {
            if (m.Position < end) continue;
            kept.Add(m);
            end = m.Position + m.Length;
        }
        return kept;
    }

    /// <summary>The first place of sentence <paramref name="index"/> introduced by "in" or "at" ("in Washington, D.C."), or null.</summary>
    public Mention<Place>? PlaceIn(int index)
    {
        var folded = _folded[index];
        Mention<Place>? best = null;
        foreach (var (p, pattern) in _placePatterns)
        {
            var m = pattern.Match(folded);
            if (m.Success && (best is null || m.Groups["p"].Index < best.Value.Position))
                best = new Mention<Place>(p, m.Groups["p"].Index, m.Groups["p"].Length);
        }
        return best;
    }

    /// <summary>Date expressions of sentence <paramref name="index"/>; the past reading may reach a day past publication when the
    /// meeting's place lies east of the newsroom (or, with no dateline, when the article dates in "local time").</summary>
    public IReadOnlyList<FoundDate> Dates(int index, Place? meetingPlace) =>
        DateExpressions.Find(Sentences[index].Text, Published, Slack(meetingPlace));

    public int Slack(Place? meetingPlace)
    {
        if (meetingPlace is not null && DatelinePlace is not null)
            return meetingPlace.UtcOffsetHours(Published) > DatelinePlace.UtcOffsetHours(Published) ? 1 : 0;
        return LocalTime ? 1 : 0;
    }

    private static (int Position, int Length) Find(string text, string word, bool caseSensitive, int from = 0)
    {
        var comparison = caseSensitive ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;
        for (var at = text.IndexOf(word, from, comparison); at >= 0; at = text.IndexOf(word, at + 1, comparison))
        {
            var before = at == 0 || !char.IsLetterOrDigit(text[at - 1]);
            var end = at + word.Length;
            var after = end >= text.Length || !char.IsLetterOrDigit(text[end]) || word.EndsWith('.');
            if (before && after) return (at, word.Length);
        }
        return (-1, 0);
    }

    /// <summary>Text with accents removed, same length as the input (Šefčovič → Sefcovic), so positions carry over.</summary>
    public static string Fold(string text)
    {
        var chars = new char[text.Length];
        for (var k = 0; k < text.Length; k++)
        {
            if (text[k] < 128 || char.IsSurrogate(text[k]))
            {
                chars[k] = text[k];
                continue;
            }
            var decomposed = text[k].ToString().Normalize(NormalizationForm.FormD);
            var basic = decomposed.FirstOrDefault(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark);
            chars[k] = decomposed.Length > 0 && basic != default && decomposed.Length <= 3 ? basic : text[k];
        }
        return new string(chars);
    }
}
