// JSON for the API and exports: snake_case, unknown members refused, nesting and size bounded (decision 0012's rules
// applied to HTTP: a malformed or oversized body is a 400 with one line naming the problem).
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http;

namespace Parley.Workspace.Internals;

/// <summary>Serializer settings and the bounded body reader.</summary>
internal static class WorkspaceJson
{
    /// <summary>Largest request body: 64 KiB.</summary>
    public const int MaxBodyBytes = 64 * 1024;

    /// <summary>snake_case, no unknown members, depth ≤ 8.</summary>
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = null,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        MaxDepth = 8,
        WriteIndented = false,
        NumberHandling = JsonNumberHandling.Strict,
    };

    /// <summary>Indented variant for export files.</summary>
    public static readonly JsonSerializerOptions Export = new(Options) { WriteIndented = true, MaxDepth = 64 };

    /// <summary>Reads a JSON body of at most <see cref="MaxBodyBytes"/>; throws an input error otherwise.</summary>
    public static async Task<T> ReadBody<T>(HttpRequest request) where T : class
    {
        if (request.ContentLength > MaxBodyBytes) throw TooLarge(request.ContentLength.Value);
        if (request.ContentType is not { } type || !type.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
            throw new ParleyInputException("(request)", null, "Content-Type", request.ContentType ?? "(none)", "application/json");
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes) throw TooLarge(buffer.Length + read);
            buffer.Write(chunk, 0, read);
        }
        try
        {
            return JsonSerializer.Deserialize<T>(buffer.ToArray(), Options)
                ?? throw new ParleyInputException("(request)", null, "body", "null", "a JSON object");
        }
        catch (JsonException e)
        {
            throw new ParleyInputException("(request)", null, e.Path ?? "body", "(malformed)", "JSON as documented in docs/workspace.md (" + FirstSentence(e.Message) + ")");
        }
    }

    private static ParleyInputException TooLarge(long bytes) =>
        new("(request)", null, "body", $"{bytes} bytes or more", $"at most {MaxBodyBytes} bytes");

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(". ", StringComparison.Ordinal);
        return (cut < 0 ? message : message[..cut]).Replace('\n', ' ');
    }
}
