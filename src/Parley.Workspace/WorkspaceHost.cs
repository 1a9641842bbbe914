// The thin stand-alone host of `parley workspace serve` (and of the tests that need a real socket: the browser test and
// the kill-and-restart test). A web host embeds the workspace with the same two calls instead.
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Parley.Workspace;

/// <summary>Builds the stand-alone workspace server.</summary>
public static class WorkspaceHost
{
    /// <summary>A web application serving the workspace on 127.0.0.1:<paramref name="port"/> (0 = any free port).</summary>
    /// <param name="options">Workspace options.</param>
    /// <param name="port">TCP port, 0 to 65535.</param>
    /// <param name="logging">Extra logging set-up (tests capture logs to check that no private value is written).</param>
    public static WebApplication Build(WorkspaceOptions options, int port, Action<ILoggingBuilder>? logging = null)
    {
        if (port is < 0 or > 65535) throw new ParleyInputException("(command line)", null, "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "a TCP port from 0 to 65535");
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = 1 << 20);
        // Request lines carry invitation tokens in their query: hosting and routing log only warnings (docs/security.md).
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning).AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Warning);
        logging?.Invoke(builder.Logging);
        builder.Services.AddParleyWorkspace(options);
        var app = builder.Build();
        app.MapGet("/", () => Microsoft.AspNetCore.Http.Results.Redirect("/workspace"));
        app.MapParleyWorkspace();
        return app;
    }

    /// <summary>The address the started application listens on.</summary>
    public static string Address(WebApplication app) =>
        app.Urls.FirstOrDefault() ?? throw new InvalidOperationException("the workspace host is not started");
}
