namespace Parley.Web.Runs;

/// <summary>The shipped example files (copied beside the app as <c>examples/</c>): negotiation files are those with a top-level <c>parties:</c> key.</summary>
public sealed class Examples
{
    /// <summary>The examples folder.</summary>
    public string Root { get; } = Path.Combine(AppContext.BaseDirectory, "examples");

    /// <summary>Negotiation examples as paths relative to <see cref="Root"/> (forward slashes), sorted.</summary>
    public IReadOnlyList<string> Negotiations => Directory.Exists(Root)
        ? Directory.EnumerateFiles(Root, "*.yaml", SearchOption.AllDirectories)
            .Where(f => File.ReadLines(f).Any(l => l.StartsWith("parties:", StringComparison.Ordinal)))
            .Select(f => Path.GetRelativePath(Root, f).Replace('\\', '/')).Order(StringComparer.Ordinal).ToArray()
        : [];

    /// <summary>The full path of a listed negotiation example, or an input error naming the field.</summary>
    public string NegotiationPath(string? name) => name is not null && Negotiations.Contains(name)
        ? Path.Combine(Root, name)
        : throw new ParleyInputException("(request)", null, "example", name, "one of the shipped negotiation examples: " + string.Join(", ", Negotiations));
}
