// Why: JSON is the contract (exactly the issue's keys, docs/rounds.md "Output"), and YAML is the same tree written for
// people, so both come from one JSON node and cannot drift apart. Confidence sits inside each evidence entry
// ({sentence, confidence}), which keeps the record's top-level keys exactly the documented ones.
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Parley.Rounds;

/// <summary>Renders round records as JSON or YAML.</summary>
public static class RoundDocument
{
    /// <summary>Indented JSON that keeps non-ASCII letters readable (names such as Šefčovič).</summary>
    public static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The record as a JSON object with exactly <see cref="RoundRecord.FieldNames"/> as keys.</summary>
    public static JsonObject Node(RoundRecord r) => new()
    {
        ["date"] = r.Date is { } d ? Iso(d) : null,
        ["place"] = r.Place,
        ["participants"] = new JsonArray(r.Participants.Select(p => (JsonNode)new JsonObject { ["name"] = p.Name, ["country"] = p.Country, ["role"] = p.Role }).ToArray()),
        ["duration_minutes"] = r.DurationMinutes,
        ["topics"] = new JsonArray(r.Topics.Select(t => (JsonNode)JsonValue.Create(t)!).ToArray()),
        ["agreement"] = r.Agreement,
        ["positions"] = new JsonArray(r.Positions.Select(p => (JsonNode)new JsonObject
        {
            ["party"] = p.Party, ["topic"] = p.Topic, ["stance"] = p.Stance.ToString().ToLowerInvariant(), ["rate"] = p.Rate,
        }).ToArray()),
        ["outcome_rates"] = new JsonArray(r.OutcomeRates.Select(o => (JsonNode)new JsonObject { ["topic"] = o.Topic, ["rate"] = o.Rate }).ToArray()),
        ["next_meeting"] = r.NextMeeting is { } n ? new JsonObject { ["from"] = Iso(n.From), ["to"] = Iso(n.To) } : null,
        ["evidence"] = new JsonObject(r.Evidence.OrderBy(kv => Order(kv.Key)).ThenBy(kv => kv.Key, StringComparer.Ordinal)
            .Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)new JsonObject { ["sentence"] = kv.Value.Sentence, ["confidence"] = kv.Value.Confidence }))),
    };

    /// <summary>JSON: one object for one record, a list for several.</summary>
    public static string Json(IReadOnlyList<RoundRecord> records) =>
        (records.Count == 1 ? (JsonNode)Node(records[0]) : new JsonArray(records.Select(r => (JsonNode)Node(r)).ToArray())).ToJsonString(JsonOptions);

    /// <summary>YAML: the same tree as <see cref="Json"/>, block style, with the article's name as a comment above each record.</summary>
    public static string Yaml(IReadOnlyList<RoundRecord> records)
    {
        var y = new StringBuilder();
        foreach (var r in records)
        {
            y.Append("# ").Append(r.Source.Replace('\n', ' ')).Append(", published ").Append(Iso(r.Published)).Append('\n');
            if (records.Count == 1) WriteMap(y, Node(r), 0);
            else
            {
                y.Append("- ");
                WriteMap(y, Node(r), 2, firstInline: true);
            }
        }
        return y.ToString();
    }

    private static int Order(string key)
    {
        var name = key.Contains('[') ? key[..key.IndexOf('[')] : key;
        var k = RoundRecord.FieldNames.ToList().IndexOf(name);
        return k < 0 ? int.MaxValue : k;
    }

    private static void WriteMap(StringBuilder y, JsonObject map, int indent, bool firstInline = false)
    {
        var first = true;
        foreach (var (key, value) in map)
        {
            if (!(first && firstInline)) y.Append(' ', indent);
            first = false;
            y.Append(Scalar(key)).Append(':');
            WriteValue(y, value, indent);
        }
    }

    private static void WriteValue(StringBuilder y, JsonNode? value, int indent)
    {
        switch (value)
        {
            case JsonObject o when o.Count > 0:
                y.Append('\n');
                WriteMap(y, o, indent + 2);
                break;
            case JsonArray a when a.Count > 0:
                y.Append('\n');
                foreach (var item in a)
                {
                    y.Append(' ', indent + 2).Append("- ");
                    if (item is JsonObject io) WriteMap(y, io, indent + 4, firstInline: true);
                    else y.Append(Scalar(item)).Append('\n');
                }
                break;
            case JsonObject: y.Append(" {}\n"); break;
            case JsonArray: y.Append(" []\n"); break;
            default: y.Append(' ').Append(Scalar(value)).Append('\n'); break;
        }
    }

    private static string Scalar(JsonNode? v) => v switch
    {
        null => "null",
        JsonValue j when j.TryGetValue<string>(out var s) => Scalar(s),
        JsonValue j when j.TryGetValue<double>(out var d) => d.ToString("R", CultureInfo.InvariantCulture),
        JsonValue j when j.TryGetValue<int>(out var i) => i.ToString(CultureInfo.InvariantCulture),
        JsonValue j when j.TryGetValue<bool>(out var b) => b ? "true" : "false",
        _ => v.ToJsonString(JsonOptions),
    };

    private static string Scalar(string s) => System.Text.RegularExpressions.Regex.IsMatch(s, @"^[A-Za-z_][A-Za-z0-9_]*$") && s is not ("null" or "true" or "false" or "yes" or "no" or "on" or "off" or "y" or "n")
        ? s
        : JsonSerializer.Serialize(s, JsonOptions);

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
