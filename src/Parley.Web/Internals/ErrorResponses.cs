using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Parley.Models.Numerics;

namespace Parley.Web.Internals;

/// <summary>
/// Turns Parley's error kinds into HTTP answers with the CLI's one-line message as <c>{"error": "..."}</c>: bad input 400,
/// a body over the limit 413, non-convergence 422 (with the solver diagnostics the message carries), anything else 500
/// with the exception's type and message only (never a stack trace).
/// </summary>
internal sealed class ErrorResponses(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (Exception e) when (context.RequestAborted.IsCancellationRequested && IsCancellation(e))
        {
            // The client went away (a cancelled draws run): nobody is left to answer.
        }
        catch (Exception e) when (!context.Response.HasStarted)
        {
            var (status, message) = Classify(e);
            context.Response.Clear();
            context.Response.StatusCode = status;
            context.Response.ContentType = "application/json; charset=utf-8";
            await context.Response.WriteAsync(JsonSerializer.Serialize(new { error = message }, RequestBodies.Compact));
        }
    }

    private static bool IsCancellation(Exception e) =>
        e is OperationCanceledException || e is AggregateException a && a.Flatten().InnerExceptions.All(x => x is OperationCanceledException);

    /// <summary>Status and one-line message of an exception (aggregates report their first input or solver error).</summary>
    internal static (int Status, string Message) Classify(Exception e)
    {
        if (e is AggregateException a && a.Flatten().InnerExceptions is var all)
            e = all.FirstOrDefault(x => x is ParleyInputException) ?? all.FirstOrDefault(x => x is EquilibriumNotConvergedException) ?? e;
        return e switch
        {
            RequestTooLargeException t => (StatusCodes.Status413PayloadTooLarge, t.Message),
            ParleyInputException => (StatusCodes.Status400BadRequest, e.Message),
            EquilibriumNotConvergedException => (StatusCodes.Status422UnprocessableEntity, e.Message),
            Microsoft.AspNetCore.Http.BadHttpRequestException b => (b.StatusCode, $"bad request: {b.Message}"),
            JsonException j => (StatusCodes.Status400BadRequest, $"(request body): expected JSON of the documented shape ({j.Message.Split('\n')[0]})"),
            _ => (StatusCodes.Status500InternalServerError, $"internal error: {e.GetType().Name}: {e.Message.Split('\n')[0]}"),
        };
    }
}

/// <summary>A request body above <see cref="WebOptions.MaxRequestBytes"/>.</summary>
internal sealed class RequestTooLargeException(long limit)
    : Exception($"(request body): field '(size)': expected a body of at most {limit:N0} bytes ({limit >> 10} KiB, the workbench's upload limit)");

/// <summary>Reads request bodies with the size limit enforced whatever the server (Kestrel or a test server).</summary>
internal static class RequestBodies
{
    /// <summary>The body as UTF-8 text, or <see cref="RequestTooLargeException"/> when it exceeds <paramref name="limit"/> bytes.</summary>
    public static async Task<string> ReadTextAsync(HttpRequest request, long limit)
    {
        if (request.ContentLength > limit) throw new RequestTooLargeException(limit);
        using var buffer = new MemoryStream();
        var chunk = new byte[16384];
        int n;
        while ((n = await request.Body.ReadAsync(chunk)) > 0)
        {
            if (buffer.Length + n > limit) throw new RequestTooLargeException(limit);
            buffer.Write(chunk, 0, n);
        }
        try
        {
            return new System.Text.UTF8Encoding(false, true).GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
        }
        catch (System.Text.DecoderFallbackException)
        {
            throw new ParleyInputException("(request body)", null, "(encoding)", null, "UTF-8 text");
        }
    }

    /// <summary>The body parsed as JSON into <typeparamref name="T"/> (snake_case names), size-limited.</summary>
    public static async Task<T> ReadJsonAsync<T>(HttpRequest request, long limit)
    {
        var text = await ReadTextAsync(request, limit);
        return JsonSerializer.Deserialize<T>(text, Json) ?? throw new ParleyInputException("(request body)", null, "(body)", "null", "a JSON object");
    }

    /// <summary>Compact JSON for small answers (errors, job states): snake_case, quotes in messages left readable.</summary>
    public static readonly JsonSerializerOptions Compact = new(Reports.ScenarioReport.Json) { WriteIndented = false };

    /// <summary>JSON options of request bodies: snake_case like every Parley JSON output, depth bounded.</summary>
    public static readonly JsonSerializerOptions Json = new(Reports.ScenarioReport.Json) { MaxDepth = 16 };
}
