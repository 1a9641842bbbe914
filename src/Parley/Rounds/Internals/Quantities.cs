// Why: rates and durations are written every way in wire copy ("25%", "15 percent", "a 25-percent tariff", "a quarter",
// "about 130 minutes", "two and a half hours", "an hour and 10 minutes"); one place reads them all, as fractions and
// minutes, so that every field uses the same reading.
using System.Globalization;
using System.Text.RegularExpressions;

namespace Parley.Rounds.Internals;

/// <summary>A rate found in a sentence: its value as a fraction and where it starts.</summary>
internal readonly record struct FoundRate(double Rate, int Position, int Length);

internal static partial class Quantities
{
    private static readonly Dictionary<string, int> s_numbers = new(StringComparer.OrdinalIgnoreCase)
    {
        ["a"] = 1, ["an"] = 1, ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6, ["seven"] = 7,
        ["eight"] = 8, ["nine"] = 9, ["ten"] = 10, ["eleven"] = 11, ["twelve"] = 12, ["thirteen"] = 13, ["fourteen"] = 14,
        ["fifteen"] = 15, ["sixteen"] = 16, ["seventeen"] = 17, ["eighteen"] = 18, ["nineteen"] = 19, ["twenty"] = 20,
        ["twenty-five"] = 25, ["thirty"] = 30, ["forty"] = 40, ["forty-five"] = 45, ["fifty"] = 50, ["sixty"] = 60,
        ["seventy"] = 70, ["eighty"] = 80, ["ninety"] = 90, ["hundred"] = 100,
    };

    private const string NumberWord = "(?:\\d+(?:\\.\\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|" +
                                      "fifteen|sixteen|seventeen|eighteen|nineteen|twenty-five|twenty|thirty|forty-five|forty|fifty|sixty|seventy|eighty|ninety|hundred)";

    [GeneratedRegex(@"(?<![\w.])(?<n>" + NumberWord + @")(?:\s*%|[\s-]*per\s*cent\b|[\s-]*percent\b)", RegexOptions.IgnoreCase)]
    private static partial Regex PercentPattern();

    [GeneratedRegex(@"\b(?:a|one)[\s-]quarter\b(?!\s+(?:of|century|hour|point))", RegexOptions.IgnoreCase)]
    private static partial Regex QuarterPattern();

    [GeneratedRegex(@"\bzero(?:[\s-]tariffs?|[\s-]duty|[\s-]duties)\b|\btariff-free\b", RegexOptions.IgnoreCase)]
    private static partial Regex ZeroPattern();

    [GeneratedRegex(@"\b(?:tariffs?|dut(?:y|ies)|levy|levies|rate)\b", RegexOptions.IgnoreCase)]
    private static partial Regex TariffWord();

    /// <summary>Every rate in the sentence, left to right (percentages; "a quarter" and "zero tariffs" only next to a tariff word).</summary>
    public static IReadOnlyList<FoundRate> Rates(string sentence)
    {
        var found = new List<FoundRate>();
        foreach (Match m in PercentPattern().Matches(sentence))
        {
            var n = Number(m.Groups["n"].Value);
            if (n is { } v && v <= 1000) found.Add(new FoundRate(v / 100.0, m.Index, m.Length));
        }
        if (TariffWord().IsMatch(sentence))
        {
            foreach (Match m in QuarterPattern().Matches(sentence)) found.Add(new FoundRate(0.25, m.Index, m.Length));
            foreach (Match m in ZeroPattern().Matches(sentence)) found.Add(new FoundRate(0, m.Index, m.Length));
        }
        return found.OrderBy(r => r.Position).ToArray();
    }

    /// <summary>A number written in digits or words (null when neither).</summary>
    public static double? Number(string text)
    {
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v)) return v;
        return s_numbers.TryGetValue(text, out var w) ? w : null;
    }

    [GeneratedRegex(@"(?<approx>\b(?:about|around|some|roughly|approximately|nearly|almost|more than|over|just over|less than|under)\s+)?" +
                    @"(?:(?<half1>half an hour)|(?<n1>" + NumberWord + @"|an?)(?<andhalf>\s+and\s+a\s+half)?[\s-]+(?<u1>hours?|minutes?|mins?)(?:\s+and\s+(?<half2>a\s+half)|\s+and\s+(?<n2>" + NumberWord + @")\s+(?<u2>minutes?|mins?))?)\b",
        RegexOptions.IgnoreCase)]
    private static partial Regex DurationPattern();

    /// <summary>The first duration in minutes in the sentence, with whether it was qualified ("about", "more than"), or null.</summary>
    public static (int Minutes, bool Approximate, int Position)? Duration(string sentence)
    {
        foreach (Match m in DurationPattern().Matches(sentence))
        {
            if (m.Groups["half1"].Success) return (30, m.Groups["approx"].Success, m.Index);
            if (Number(m.Groups["n1"].Value) is not { } n || n <= 0) continue;
            var hours = m.Groups["u1"].Value.StartsWith("h", StringComparison.OrdinalIgnoreCase);
            var minutes = hours ? n * 60 : n;
            if (m.Groups["andhalf"].Success || m.Groups["half2"].Success) minutes += hours ? 30 : 0;
            if (m.Groups["n2"].Success && Number(m.Groups["n2"].Value) is { } extra) minutes += extra;
            if (minutes is > 0 and <= 24 * 60 * 3) return ((int)Math.Round(minutes), m.Groups["approx"].Success, m.Index);
        }
        return null;
    }
}
