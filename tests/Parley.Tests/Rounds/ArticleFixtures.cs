using System.Globalization;
using System.Text.Json.Nodes;
using Parley.Application;
using Parley.Rounds;

namespace Parley.Tests.Rounds;

/// <summary>A hand-labelled article: its text file and the record a careful reader writes down (docs/rounds.md).</summary>
internal sealed record LabelledArticle(string Name, string File, DateOnly Published, JsonObject Expected)
{
    public static string Folder => Path.Combine(RepositoryRoot.Path, "tests", "Parley.Tests", "Rounds", "Articles");

    /// <summary>The seed (00) and the articles written for the tests (01–13), in name order.</summary>
    public static IReadOnlyList<LabelledArticle> All() => Directory.GetFiles(Folder, "*.expected.json").Order(StringComparer.Ordinal).Select(label =>
    {
        var expected = (JsonObject)JsonNode.Parse(System.IO.File.ReadAllText(label))!;
        var stem = Path.GetFileName(label)[..^".expected.json".Length];
        var file = expected["article"] is { } a ? Path.Combine(RepositoryRoot.Path, (string)a!)
            : Directory.GetFiles(Folder, stem + ".*").Single(f => !f.EndsWith(".expected.json", StringComparison.Ordinal));
        return new LabelledArticle(stem, file, DateOnly.ParseExact((string)expected["published"]!, "yyyy-MM-dd", CultureInfo.InvariantCulture), expected);
    }).ToArray();

    public RoundRecord Extract() => RoundExtraction.ExtractFile(File, Published).Record;
}

/// <summary>Scores extracted records against labels, field by field: scalars by value, lists as sets of items.</summary>
internal sealed class FieldScores
{
    public static readonly string[] Fields = ["date", "place", "participants", "duration_minutes", "topics", "agreement", "positions", "outcome_rates", "next_meeting"];

    private readonly Dictionary<string, (int Tp, int Fp, int Fn, int Exact, int Total)> _scores = Fields.ToDictionary(f => f, _ => (0, 0, 0, 0, 0));

    public List<string> Misses { get; } = [];

    /// <summary>Items of a field: one string per scalar (none when null), one per list item (participants by name and country).</summary>
    public static HashSet<string> Items(JsonObject record, string field) => record[field] switch
    {
        null => [],
        JsonArray a => a.Select(i => field == "participants" ? $"{i!["name"]}/{i["country"]}" : i!.ToJsonString()).ToHashSet(),
        var v => [v.ToJsonString()],
    };

    public void Add(string article, JsonObject expected, JsonObject actual)
    {
        foreach (var f in Fields)
        {
            var e = Items(expected, f);
            var a = Items(actual, f);
            var tp = a.Count(e.Contains);
            var exact = e.SetEquals(a);
            var s = _scores[f];
            _scores[f] = (s.Tp + tp, s.Fp + a.Count - tp, s.Fn + e.Count - tp, s.Exact + (exact ? 1 : 0), s.Total + 1);
            if (!exact) Misses.Add($"{article}: {f}: expected [{string.Join("; ", e)}], got [{string.Join("; ", a)}]");
        }
    }

    public double Precision(string f) => _scores[f].Tp + _scores[f].Fp == 0 ? 1 : (double)_scores[f].Tp / (_scores[f].Tp + _scores[f].Fp);

    public double Recall(string f) => _scores[f].Tp + _scores[f].Fn == 0 ? 1 : (double)_scores[f].Tp / (_scores[f].Tp + _scores[f].Fn);

    /// <summary>Share of (article, field) pairs extracted exactly.</summary>
    public double ExactShare => (double)_scores.Values.Sum(s => s.Exact) / _scores.Values.Sum(s => s.Total);

    public IEnumerable<string> Lines() => Fields.Select(f =>
        $"{f,-17} precision {Precision(f),6:P1}  recall {Recall(f),6:P1}  exact {_scores[f].Exact}/{_scores[f].Total}");
}
