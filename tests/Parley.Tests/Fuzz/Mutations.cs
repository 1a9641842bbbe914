using CsCheck;

namespace Parley.Tests.Fuzz;

/// <summary>Generators of malformed inputs: a valid template with one or two random edits (values, keys, fields,
/// lines, truncation), drawing replacements from tokens that broke parsers before (NUL, NaN, huge numbers, deep
/// nesting, aliases, empty lists, typos of enumerated words).</summary>
internal static class Mutations
{
    public static readonly string[] Tokens =
    [
        "", "-1", "0", "1e308", "-1e308", "NaN", "Infinity", "1e-320", "abc", "[]", "{}", "[a, b]", "{a: 1}", "~", "null", "true", "yes",
        "&x a", "*x", "'", "\"", "#", "- ", ":", "\t", "\0", "a\0b", "USA", "XXX", "ALL", "EU27", "9999-12-31", "2025-13-45",
        "99999999999999999999", "0.3", "1.0001", "EUR", "fixst", "ppml", "drop", "-", ",,,,", "\"a,b\"", "😀", "\u202e",
        new string('[', 200) + new string(']', 200), new string('x', 5000), "--- \na: 1", "!!binary AAAA", "? a", "10", "0.5",
    ];

    /// <summary>One element of <paramref name="choices"/>, uniformly.</summary>
    public static Gen<T> Pick<T>(T[] choices) => Gen.Int[0, choices.Length - 1].Select(i => choices[i]);

    /// <summary>A mutated copy of <paramref name="template"/>.</summary>
    public static Gen<string> Of(string template) =>
        Gen.Select(Gen.Int[0, 10], Gen.Int.NonNegative, Gen.Int.NonNegative, Mutations.Pick(Tokens)).Array[1, 2]
            .Select(edits => edits.Aggregate(template, (text, e) => Apply(text, e.Item1, e.Item2, e.Item3, e.Item4)));

    private static string Apply(string text, int op, int a, int b, string token)
    {
        var lines = text.Split('\n').ToList();
        if (lines.Count == 0) return token;
        var i = a % lines.Count;
        var line = lines[i];
        switch (op)
        {
            case 0: // a YAML value
                var colon = line.IndexOf(": ", StringComparison.Ordinal);
                lines[i] = colon < 0 ? line + token : line[..(colon + 2)] + token;
                break;
            case 1: lines.RemoveAt(i); break;
            case 2: lines.Insert(i, line); break;
            case 3: (lines[i], lines[b % lines.Count]) = (lines[b % lines.Count], lines[i]); break;
            case 4: return text[..(a % (text.Length + 1))];
            case 5: var at = a % (text.Length + 1); return text[..at] + token + text[at..];
            case 6: // a CSV field
                var fields = line.Split(',');
                fields[b % fields.Length] = token;
                lines[i] = string.Join(',', fields);
                break;
            case 7: lines[i] = line + "," + token; break;
            case 8: lines[i] = b % 2 == 0 ? "  " + line : line.TrimStart(); break;
            case 9: // a key or a header name
                var end = line.IndexOfAny([':', ',']);
                lines[i] = end < 0 ? token : token + line[end..];
                break;
            default: lines[i] = token; break;
        }
        return string.Join('\n', lines);
    }
}
