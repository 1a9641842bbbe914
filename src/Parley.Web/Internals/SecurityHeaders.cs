using Microsoft.AspNetCore.Http;

namespace Parley.Web.Internals;

/// <summary>Every answer forbids scripts from anywhere but the app itself (a second line behind Razor's HTML encoding), framing and MIME sniffing.</summary>
internal sealed class SecurityHeaders(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        var h = context.Response.Headers;
        h["Content-Security-Policy"] = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; frame-ancestors 'none'; base-uri 'none'";
        h["X-Content-Type-Options"] = "nosniff";
        h["Referrer-Policy"] = "no-referrer";
        return next(context);
    }
}
