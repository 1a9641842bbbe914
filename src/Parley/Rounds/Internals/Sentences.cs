// Why: every field's evidence is a sentence, so sentence boundaries decide what a reader sees as the source of a fact.
// Wire copy is full of periods that end no sentence ("U.S.", "D.C.,", "Sen.", "Sept. 4", initials), so a boundary is a
// period, question or exclamation mark (with any closing quote) followed by a space and a capital, a digit or an
// opening quote, unless the word before it is a known abbreviation. Paragraph breaks always end a sentence.
namespace Parley.Rounds.Internals;

/// <summary>One sentence of an article: its position (0-based) and text.</summary>
internal sealed record Sentence(int Index, string Text);

internal static class Sentences
{
    /// <summary>Words whose trailing period never ends a sentence (titles, months, country initials used as adjectives).</summary>
    private static readonly HashSet<string> s_never = new(StringComparer.Ordinal)
    {
        "Mr.", "Mrs.", "Ms.", "Dr.", "Prof.", "Sen.", "Rep.", "Gov.", "Gen.", "Lt.", "Col.", "Sgt.", "St.", "Mt.",
        "Jan.", "Feb.", "Mar.", "Apr.", "Jun.", "Jul.", "Aug.", "Sep.", "Sept.", "Oct.", "Nov.", "Dec.",
        "U.S.", "U.K.", "E.U.", "U.N.", "vs.", "e.g.", "i.e.", "approx.", "Corp.", "Inc.", "Co.", "Ltd.", "Jr.", "Sr.",
    };

    /// <summary>Splits paragraphs (lines) into sentences.</summary>
    public static IReadOnlyList<Sentence> Split(string text)
    {
        var result = new List<Sentence>();
        foreach (var paragraph in text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var start = 0;
            for (var i = 0; i < paragraph.Length; i++)
            {
                if (paragraph[i] is not ('.' or '?' or '!')) continue;
                var end = i + 1;
                while (end < paragraph.Length && paragraph[end] is '"' or '\'' or '”' or '’' or ')') end++;
                if (end >= paragraph.Length || paragraph[end] != ' ') continue;
                var next = end + 1 < paragraph.Length ? paragraph[end + 1] : ' ';
                if (!(char.IsUpper(next) || char.IsDigit(next) || next is '"' or '“' or '\'' or '‘')) continue;
                if (paragraph[i] == '.' && IsAbbreviation(paragraph, i)) continue;
                Add(result, paragraph[start..end]);
                start = end + 1;
                i = end;
            }
            if (start < paragraph.Length) Add(result, paragraph[start..]);
        }
        return result;
    }

    /// <summary>Longest sentence analysed: 1,000 characters (wire sentences are under 400); longer runs are cut into pieces,
    /// so that text without punctuation cannot make any pattern's work grow beyond a bound.</summary>
    public const int MaxChars = 1000;

    private static void Add(List<Sentence> result, string text)
    {
        text = text.Trim();
        for (var at = 0; at < text.Length; at += MaxChars)
        {
            var piece = text.Substring(at, Math.Min(MaxChars, text.Length - at)).Trim();
            if (piece.Length > 0) result.Add(new Sentence(result.Count, piece));
        }
    }

    /// <summary>Whether the word ending at the period <paramref name="dot"/> is an abbreviation or an initial.</summary>
    private static bool IsAbbreviation(string s, int dot)
    {
        var begin = dot;
        while (begin > 0 && s[begin - 1] != ' ' && s[begin - 1] != '(' && s[begin - 1] != '"' && s[begin - 1] != '“') begin--;
        var word = s[begin..(dot + 1)];
        if (s_never.Contains(word)) return true;
        if (word is "No." or "Nos.") return dot + 2 < s.Length && char.IsDigit(s[dot + 2]); // "No. 1", not a quoted "No."
        return word.Length == 2 && char.IsUpper(word[0]); // an initial: "Donald J. Trump"
    }

    /// <summary>Lower-case word tokens (letters, digits, apostrophes and hyphens inside words) of a sentence.</summary>
    public static string[] Words(string sentence) =>
        System.Text.RegularExpressions.Regex.Split(sentence.ToLowerInvariant(), @"[^\p{L}\p{N}'’\-%]+")
            .Where(w => w.Length > 0).ToArray();
}
