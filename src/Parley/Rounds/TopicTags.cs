// Why: topics must be tags a negotiation file can be matched against, not free text, so the vocabulary is closed and
// documented (docs/rounds.md "Topics"): each tag lists the words and phrases that signal it, matched as whole words,
// case-insensitively. An unmatched subject is left out rather than guessed.
using System.Text.RegularExpressions;

namespace Parley.Rounds;

/// <summary>The topic vocabulary: tag → the phrases that signal it.</summary>
public static class TopicTags
{
    /// <summary>Tags and their signal phrases (regular-expression fragments, whole words, case-insensitive), in output order.</summary>
    public static readonly IReadOnlyList<(string Tag, string[] Phrases)> Vocabulary =
    [
        ("autos", ["automobiles?", "autos?", "auto parts", "cars?", "vehicles?", "automotive", "automakers?", "carmakers?"]),
        ("reciprocal", ["reciprocal tariffs?", "reciprocal rates?", "reciprocal", "baseline tariffs?", "universal tariffs?", "liberation day tariffs?", "country-specific tariffs?"]),
        ("investment", ["investments?", "invest", "investing", "investment fund"]),
        ("agriculture", ["agricultur(?:e|al)", "farm(?:ers|ing)?", "rice", "beef", "soybeans?", "corn", "food"]),
        ("semiconductors", ["semiconductors?", "chips?", "chipmakers?"]),
        ("rare_earths", ["rare earths?", "rare-earths?", "rare earth elements", "rare-earth elements", "critical minerals"]),
        ("energy", ["energy", "LNG", "liquefied natural gas", "crude oil", "natural gas"]),
        ("steel", ["steel", "aluminium", "aluminum"]),
        ("pharmaceuticals", ["pharmaceuticals?", "drugs?", "medicines?", "drugmakers?"]),
        ("economic_security", ["economic security", "supply chains?", "supply-chain"]),
        ("non_tariff", ["non-tariff", "nontariff", "non tariff", "technical standards", "certification", "safety standards", "regulatory barriers"]),
        ("shipbuilding", ["shipbuilding", "shipyards?"]),
        ("currency", ["currency", "exchange rates?", "foreign exchange"]),
        ("digital", ["digital trade", "digital services", "digital taxes?", "digital rules", "online platforms?"]),
    ];

    private static readonly (string Tag, Regex Pattern)[] s_patterns = Vocabulary
        .Select(v => (v.Tag, new Regex(@"(?<![\w-])(?:" + string.Join("|", v.Phrases) + @")(?![\w-])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)))
        .ToArray();

    /// <summary>The tags a text mentions, each with the position of its first mention.</summary>
    public static IEnumerable<(string Tag, int Position)> Mentions(string text)
    {
        foreach (var (tag, pattern) in s_patterns)
            if (pattern.Match(text) is { Success: true } m) yield return (tag, m.Index);
    }

    /// <summary>Whether <paramref name="text"/> mentions <paramref name="tag"/>.</summary>
    public static bool Mentions(string text, string tag) => s_patterns.Any(p => p.Tag == tag && p.Pattern.IsMatch(text));
}
