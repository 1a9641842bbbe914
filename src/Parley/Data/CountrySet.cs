namespace Parley.Data;

/// <summary>
/// The ordered countries of a dataset and its named groups (e.g. <c>EU27</c>).
/// Codes are resolved case-insensitively; <c>ALL</c> always means every country.
/// </summary>
public sealed class CountrySet
{
    /// <summary>The group name that selects every country.</summary>
    public const string AllGroup = "ALL";

    private readonly Dictionary<string, int> _byIso3;
    private readonly Dictionary<string, int[]> _groups;

    /// <summary>Creates a country set. Codes must be unique; group members must be known codes.</summary>
    public CountrySet(IReadOnlyList<Country> countries, IReadOnlyDictionary<string, IReadOnlyList<string>>? groups = null)
    {
        Countries = countries;
        _byIso3 = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var c in countries)
        {
            if (!_byIso3.TryAdd(c.Iso3, c.Index))
                throw new ArgumentException($"Duplicate country code {c.Iso3}.", nameof(countries));
        }
        _groups = new Dictionary<string, int[]>(StringComparer.OrdinalIgnoreCase);
        if (groups is not null)
        {
            foreach (var (name, members) in groups)
                _groups[name] = members.Select(m => _byIso3[m]).Order().ToArray();
        }
    }

    /// <summary>Countries in dataset order.</summary>
    public IReadOnlyList<Country> Countries { get; }

    /// <summary>Number of countries.</summary>
    public int Count => Countries.Count;

    /// <summary>Country at a 0-based index.</summary>
    public Country this[int index] => Countries[index];

    /// <summary>Names of the groups defined for this dataset (without <c>ALL</c>).</summary>
    public IEnumerable<string> GroupNames => _groups.Keys;

    /// <summary>0-based index of an ISO3 code, or -1 when unknown.</summary>
    public int IndexOf(string iso3) => _byIso3.TryGetValue(iso3.Trim(), out var i) ? i : -1;

    /// <summary>True when the code is a country of this set.</summary>
    public bool Contains(string iso3) => IndexOf(iso3) >= 0;

    /// <summary>
    /// Resolves a country code or group name (<c>ALL</c>, <c>EU27</c>, ...) to 0-based indices,
    /// or returns <c>null</c> when the name is neither.
    /// </summary>
    public IReadOnlyList<int>? TryResolve(string codeOrGroup)
    {
        var key = codeOrGroup.Trim();
        if (key.Equals(AllGroup, StringComparison.OrdinalIgnoreCase))
            return Enumerable.Range(0, Count).ToArray();
        if (_byIso3.TryGetValue(key, out var i))
            return [i];
        return _groups.TryGetValue(key, out var members) ? members : null;
    }

    /// <summary>Members of a named group (0-based indices); throws when the group is unknown.</summary>
    public IReadOnlyList<int> Group(string name) =>
        TryResolve(name) ?? throw new KeyNotFoundException($"Unknown country group '{name}'.");

    /// <summary>Index of an ISO3 code; throws <see cref="KeyNotFoundException"/> when unknown.</summary>
    public int Require(string iso3)
    {
        var i = IndexOf(iso3);
        return i >= 0 ? i : throw new KeyNotFoundException($"Country '{iso3}' is not in this dataset.");
    }
}
