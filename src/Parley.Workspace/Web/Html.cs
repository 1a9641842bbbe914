// Server-rendered HTML: every piece of text passes HtmlEncoder (labels, messages, names, notes), and the page carries
// a Content-Security-Policy without scripts, so stored or reflected markup renders as text (docs/security.md).
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Http;

namespace Parley.Workspace.Web;

/// <summary>HTML building blocks.</summary>
internal static class Html
{
    /// <summary>No scripts, no foreign content, no framing, forms only to this site.</summary>
    public const string ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    /// <summary>Encodes text for element content and attribute values.</summary>
    public static string E(string? text) => HtmlEncoder.Default.Encode(text ?? "");

    /// <summary>A number with invariant culture.</summary>
    public static string N(double value, string format = "0.000") => value.ToString(format, CultureInfo.InvariantCulture);

    /// <summary>A whole page as an HTML result with the security headers.</summary>
    public static IResult Page(HttpContext http, string title, string body, int status = 200)
    {
        http.Response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
        http.Response.Headers.XContentTypeOptions = "nosniff";
        http.Response.Headers["Referrer-Policy"] = "no-referrer";
        http.Response.Headers.CacheControl = "no-store";
        var user = http.User.Identity?.Name;
        var html = new StringBuilder()
            .Append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>").Append(E(title)).Append(" — Parley workspace</title>")
            .Append("<style>body{font:15px system-ui,sans-serif;margin:2em;max-width:70em}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.2em .5em;text-align:left}")
            .Append(".private{background:#fff6e0;border:1px solid #e0b040;padding:.5em}</style></head><body>")
            .Append("<header><a href=\"/workspace\">Parley workspace</a>")
            .Append(user is null ? "" : $" · signed in as <b>{E(user)}</b>")
            .Append("</header><main><h1>").Append(E(title)).Append("</h1>").Append(body).Append("</main></body></html>");
        return Results.Content(html.ToString(), "text/html; charset=utf-8", Encoding.UTF8, status);
    }

    /// <summary>The hidden antiforgery field of a form.</summary>
    public static string Token(string token) => $"<input type=\"hidden\" name=\"{WorkspaceEndpoints.AntiforgeryField}\" value=\"{E(token)}\">";

    /// <summary>A table from a header and rows of already-encoded cells.</summary>
    public static string Table(string id, IEnumerable<string> header, IEnumerable<IEnumerable<string>> rows) =>
        $"<table id=\"{id}\"><thead><tr>{string.Concat(header.Select(h => $"<th>{E(h)}</th>"))}</tr></thead><tbody>" +
        string.Concat(rows.Select(r => "<tr>" + string.Concat(r.Select(c => $"<td>{c}</td>")) + "</tr>")) + "</tbody></table>";

    /// <summary>Public pricing as readable text (encoded): choices, tariffs and the parties' and observers' welfare.</summary>
    public static string Package(PublicPricing p) =>
        $"<span class=\"package\">{E(string.Join(" / ", p.Choices.Select(c => $"{c.Key}={c.Value}")))}</span><br><small>welfare %: " +
        E(string.Join(", ", p.Welfare.Select(w => $"{w.Key} {N(w.Value)}"))) + "</small>";
}
