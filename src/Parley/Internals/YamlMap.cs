using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Parley.Internals;

/// <summary>
/// A YAML mapping read with positions, so every error names file, line and key. Unknown keys are errors
/// (a typo must not silently fall back to a default).
/// </summary>
internal sealed class YamlMap
{
    private readonly YamlMappingNode _node;
    private readonly HashSet<string> _used = new(StringComparer.Ordinal);

    private YamlMap(string file, string path, YamlMappingNode node)
    {
        File = file;
        Path = path;
        _node = node;
    }

    public string File { get; }

    public string Path { get; }

    public int Line => (int)_node.Start.Line;

    public static YamlMap Load(string file) => Parse(InputFiles.ReadText(file, "YAML file", InputLimits.MaxYamlBytes), file);

    /// <summary>Parses YAML text that came from somewhere other than a file (an HTTP request body); <paramref name="file"/> names it in errors.</summary>
    public static YamlMap Parse(string text, string file)
    {
        if (System.Text.Encoding.UTF8.GetByteCount(text) is var bytes && bytes > InputLimits.MaxYamlBytes) throw InputFiles.TooLarge(file, "YAML file", bytes, InputLimits.MaxYamlBytes);
        YamlBounds.Check(file, text);
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            throw SyntaxError(file, e);
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or FormatException or OverflowException or KeyNotFoundException or NotSupportedException)
        {
            throw new ParleyInputException(file, null, "(syntax)", null, $"valid YAML ({FirstLine(e.Message)})");
        }
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
            throw new ParleyInputException(file, 1, "(document)", null, "a YAML mapping of keys such as 'name:' and 'tariffs:'");
        return new YamlMap(file, "", root);
    }

    /// <summary>Every YamlDotNet parse error as an input error with its line and column.</summary>
    internal static ParleyInputException SyntaxError(string file, YamlException e) =>
        new(file, (int)Math.Max(1, e.Start.Line), "(syntax)", null, $"valid YAML at column {Math.Max(1, e.Start.Column)} ({FirstLine(e.Message)})");

    internal static string FirstLine(string s) => s.Split('\n')[0].Trim();

    private string Key(string key) => Path.Length == 0 ? key : $"{Path}.{key}";

    private YamlNode? Get(string key)
    {
        _used.Add(key);
        return _node.Children.TryGetValue(new YamlScalarNode(key), out var v) ? v : null;
    }

    public bool Has(string key) => _node.Children.ContainsKey(new YamlScalarNode(key));

    /// <summary>Whether the key holds a mapping (rather than a scalar or list).</summary>
    public bool HasMap(string key) => _node.Children.TryGetValue(new YamlScalarNode(key), out var v) && v is YamlMappingNode;

    public ParleyInputException Error(string key, YamlNode? node, string? value, string expected) =>
        new(File, (int)(node ?? _node).Start.Line, Key(key), value, expected);

    public string? String(string key)
    {
        var n = Get(key);
        if (n is null) return null;
        if (n is not YamlScalarNode s) throw Error(key, n, null, "a single value, not a list or mapping");
        return Checked(key, s);
    }

    /// <summary>A scalar's text; control characters such as NUL (never meaningful in a name, code or path) are an input error.</summary>
    private string? Checked(string key, YamlScalarNode s) =>
        s.Value is { } v && v.Any(ch => char.IsControl(ch) && ch is not ('\n' or '\t' or '\r'))
            ? throw Error(key, s, InputFiles.Visible(v), "text without control characters such as NUL")
            : s.Value;

    public string RequiredString(string key, string expected) =>
        String(key) is { Length: > 0 } v ? v : throw Error(key, null, null, expected);

    public double? Number(string key, double min, double max)
    {
        var text = String(key);
        if (text is null) return null;
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || !double.IsFinite(v) || v < min || v > max)
            throw Error(key, Get(key), text, $"a number between {min.ToString(CultureInfo.InvariantCulture)} and {max.ToString(CultureInfo.InvariantCulture)}");
        return v;
    }

    /// <summary>Largest tariff any input file may hold: 10 (1000%). <c>Data.WorldDatasetReader.MaxTariff</c> is this value.</summary>
    public const double MaxRate = 10.0;

    /// <summary>Key that lets one entry's bare rate exceed 1 (<see cref="Rate"/>).</summary>
    public const string ProhibitiveKey = "prohibitive";

    /// <summary>
    /// A tariff rate: a fraction (<c>0.15</c>) or a percent string (<c>"15%"</c>), between 0 and
    /// <see cref="MaxRate"/> (10 = 1000%). A bare number above 1 is almost always a percent
    /// written without its sign (15 for 15%), so it is an input error unless the same entry says <c>prohibitive: true</c>
    /// (and <paramref name="allowProhibitive"/> permits it); <c>prohibitive: true</c> with a rate of at most 1 is an error too.
    /// Every rate field of every YAML file goes through here.
    /// </summary>
    public double? Rate(string key, bool allowProhibitive = true)
    {
        var text = String(key);
        var prohibitive = allowProhibitive ? Bool(ProhibitiveKey) : null;
        if (text is null)
            return prohibitive is null ? null : throw Error(ProhibitiveKey, Get(ProhibitiveKey), "true", $"'{ProhibitiveKey}:' only next to a '{key}:'");
        var node = Get(key);
        const double max = MaxRate;
        var trimmed = text.Trim();
        var percent = trimmed.EndsWith('%');
        var number = percent ? trimmed[..^1].TrimEnd() : trimmed;
        var expected = $"a tariff as a fraction (0.15) or a percent string (\"15%\"), from 0 to {Fmt(max)} ({Fmt(max * 100)}%)";
        if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || !double.IsFinite(v) || v < 0)
            throw Error(key, node, text, expected);
        var rate = percent ? v / 100 : v;
        if (!percent && rate > 1 && prohibitive != true)
            throw Error(key, node, text, $"a fraction of at most 1: for {Fmt(v)}% write {Fmt(v / 100)} or \"{Fmt(v)}%\"" +
                (allowProhibitive && rate <= max ? $"; if you mean a prohibitive tariff of {Fmt(v * 100)}%, add '{ProhibitiveKey}: true' to this entry" : ""));
        if (rate > max) throw Error(key, node, text, expected);
        if (prohibitive == true && rate <= 1)
            throw Error(ProhibitiveKey, Get(ProhibitiveKey), "true", $"'{ProhibitiveKey}: true' only with a rate above 1 (100%); {key} is {text}");
        return rate;
    }

    private static string Fmt(double v) => v.ToString("0.############", CultureInfo.InvariantCulture);

    /// <summary>One of an enumerated set of words (compared ignoring case); any other value is an input error listing the set.</summary>
    public string? Choice(string key, IReadOnlyDictionary<string, string> choices)
    {
        var text = String(key);
        if (text is null) return null;
        return choices.TryGetValue(text.Trim().ToLowerInvariant(), out var v)
            ? v
            : throw Error(key, Get(key), text, "one of " + string.Join(", ", choices.Values));
    }

    /// <summary>One of an enumerated set of words (compared ignoring case); any other value is an input error listing the set.</summary>
    public T? Enum<T>(string key, IReadOnlyDictionary<string, T> choices) where T : struct
    {
        var text = String(key);
        if (text is null) return null;
        return choices.TryGetValue(text.Trim().ToLowerInvariant(), out var v)
            ? v
            : throw Error(key, Get(key), text, "one of " + string.Join(", ", choices.Keys));
    }

    /// <summary>A boolean written <c>true</c> or <c>false</c>; anything else (yes, 1, a typo) is an input error, never a silent default.</summary>
    public bool? Bool(string key)
    {
        var text = String(key);
        if (text is null) return null;
        return text.Trim().ToLowerInvariant() switch
        {
            "true" => true,
            "false" => false,
            _ => throw Error(key, Get(key), text, "true or false"),
        };
    }

    public YamlMap? Map(string key)
    {
        var n = Get(key);
        if (n is null) return null;
        return n is YamlMappingNode m ? new YamlMap(File, Key(key), m) : throw Error(key, n, null, "a mapping of keys");
    }

    public IReadOnlyList<YamlMap> MapList(string key)
    {
        var n = Get(key);
        if (n is null) return [];
        if (n is not YamlSequenceNode seq) throw Error(key, n, null, "a list of entries, each starting with '- '");
        return seq.Children.Select((c, i) => c is YamlMappingNode m
            ? new YamlMap(File, $"{Key(key)}[{i}]", m)
            : throw Error(key, c, null, "list entries that are mappings (e.g. '- importer: USA')")).ToArray();
    }

    /// <summary>A scalar or a list of scalars (e.g. <c>exporter: JPN</c> or <c>exporter: [JPN, KOR]</c>).</summary>
    public IReadOnlyList<(string Value, int Line)>? Codes(string key)
    {
        var n = Get(key);
        return n switch
        {
            null => null,
            YamlScalarNode s => [(Checked(key, s) ?? "", (int)s.Start.Line)],
            YamlSequenceNode seq => seq.Children.Select(c => c is YamlScalarNode s
                ? (Checked(key, s) ?? "", (int)s.Start.Line)
                : throw Error(key, c, null, "country codes or group names")).ToArray(),
            _ => throw Error(key, n, null, "a country code, a group name, or a list of them"),
        };
    }

    /// <summary>Every key of the mapping with its line, in file order.</summary>
    public IReadOnlyList<(string Name, int Line)> Keys() =>
        _node.Children.Select(kv => ((kv.Key as YamlScalarNode)?.Value ?? "", (int)kv.Key.Start.Line)).ToArray();

    /// <summary>Throws on any key that was never asked for.</summary>
    public void RejectUnknownKeys(params string[] allowed)
    {
        foreach (var (k, _) in _node.Children)
        {
            var name = (k as YamlScalarNode)?.Value ?? "?";
            if (!_used.Contains(name) && !allowed.Contains(name))
                throw new ParleyInputException(File, (int)k.Start.Line, Key(name), null,
                    "a known key here: " + string.Join(", ", _used.Concat(allowed).Distinct()));
        }
    }
}
