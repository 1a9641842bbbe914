namespace Parley.Tariffs.Internals;

/// <summary>HTS prefixes (2–10 digits) mapped to values; a code matches its longest listed prefix.</summary>
internal sealed class PrefixMap<T>
{
    private readonly Dictionary<string, T> _byPrefix = new(StringComparer.Ordinal);
    private int _minLength = int.MaxValue, _maxLength;

    public int Count => _byPrefix.Count;

    public void Add(string prefix, T value)
    {
        _byPrefix[prefix] = value;
        _minLength = Math.Min(_minLength, prefix.Length);
        _maxLength = Math.Max(_maxLength, prefix.Length);
    }

    /// <summary>The value of the longest prefix of <paramref name="digits"/>, or false.</summary>
    public bool TryFind(string digits, out T value)
    {
        for (var len = Math.Min(_maxLength, digits.Length); len >= _minLength; len--)
            if (_byPrefix.TryGetValue(digits[..len], out value!)) return true;
        value = default!;
        return false;
    }

    public bool Contains(string digits) => TryFind(digits, out _);

    /// <summary>True when some listed prefix is longer than <paramref name="digits"/> and starts with it
    /// (an 8-digit query whose 10-digit lines are listed).</summary>
    public bool HasLongerEntriesUnder(string digits) =>
        _maxLength > digits.Length && _byPrefix.Keys.Any(k => k.Length > digits.Length && k.StartsWith(digits, StringComparison.Ordinal));
}
