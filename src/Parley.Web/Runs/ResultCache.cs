using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace Parley.Web.Runs;

/// <summary>
/// Solved results by input hash (SHA-256 of kind, YAML and options), in this process: the same scenario or negotiation
/// asked for twice is solved once (pricing US–Japan takes seconds). At most <see cref="Capacity"/> entries; the oldest go first.
/// </summary>
public sealed class ResultCache
{
    /// <summary>The process-wide cache every app instance of this process shares (a test process prices US–Japan once).</summary>
    public static ResultCache Shared { get; } = new();

    /// <summary>Most results kept.</summary>
    public const int Capacity = 32;

    private readonly ConcurrentDictionary<string, object> _results = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _order = new();

    /// <summary>The cache key of an input.</summary>
    public static string Key(string kind, string yaml, string options = "") =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{kind}\n{options}\n{yaml}")));

    /// <summary>The cached result, or null.</summary>
    public T? Get<T>(string key) where T : class => _results.TryGetValue(key, out var v) ? v as T : null;

    /// <summary>Caches a result.</summary>
    public void Put(string key, object value)
    {
        if (_results.TryAdd(key, value)) _order.Enqueue(key);
        while (_results.Count > Capacity && _order.TryDequeue(out var old)) _results.TryRemove(old, out _);
    }

    /// <summary>The cached result, else <paramref name="compute"/>'s (then cached).</summary>
    public T GetOrCompute<T>(string key, Func<T> compute) where T : class
    {
        if (Get<T>(key) is { } hit) return hit;
        var value = compute();
        Put(key, value);
        return value;
    }
}
