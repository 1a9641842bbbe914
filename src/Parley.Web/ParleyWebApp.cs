// The workbench as a composable ASP.NET Core app: `parley serve`, `dotnet run --project src/Parley.Web` and the tests
// all build it here. Pages and endpoints parse, call src/Parley/Application and render; they hold no analysis of their own
// (docs/decisions/0024-web-workbench.md).
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Mvc.ApplicationParts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Parley.Web.Api;
using Parley.Web.Internals;
using Parley.Web.Jobs;
using Parley.Web.Runs;

namespace Parley.Web;

/// <summary>Builds the Parley web workbench.</summary>
public static class ParleyWebApp
{
    /// <summary>Configuration key that overrides <see cref="WebOptions.DataDirectory"/> (tests set it on a test host).</summary>
    public const string DataDirectoryKey = "Parley:DataDirectory";

    /// <summary>Creates the app (pages, API, OpenAPI document at <c>/openapi/v1.json</c>) with <paramref name="options"/>; call <c>Run()</c> or <c>StartAsync()</c>.</summary>
    public static WebApplication Create(string[] args, WebOptions options)
    {
        options = options.Validated();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ApplicationName = typeof(ParleyWebApp).Assembly.GetName().Name });
        if (options.UseKestrel)
            builder.WebHost.ConfigureKestrel(k =>
            {
                k.Limits.MaxRequestBodySize = options.MaxRequestBytes;
                if (options.Host == "localhost") k.ListenLocalhost(options.Port);
                else k.Listen(System.Net.IPAddress.Parse(options.Host), options.Port);
            });
        builder.Logging.AddFilter("Microsoft.AspNetCore.DataProtection", Microsoft.Extensions.Logging.LogLevel.Error); // key-ring notices are not the user's concern
        AddServices(builder, options);
        // ── Workspace hook (issue 13) ──────────────────────────────────────────────────────────────────────────────
        // The workspace assembly (src/Parley.Workspace) plugs in with two lines, here and in MapEndpoints below:
        //     builder.Services.AddParleyWorkspace(builder.Configuration);
        // (or pass them as WebOptions.ConfigureServices / ConfigureApp without editing this file).
        options.ConfigureServices?.Invoke(builder);
        var app = builder.Build();
        MapEndpoints(app);
        // ── Workspace hook (issue 13), endpoints:  app.MapParleyWorkspace(); ───────────────────────────────────────
        options.ConfigureApp?.Invoke(app);
        return app;
    }

    private static void AddServices(WebApplicationBuilder builder, WebOptions options)
    {
        var s = builder.Services;
        s.AddSingleton(options);
        s.AddSingleton(sp => new RunStore(sp.GetRequiredService<Microsoft.Extensions.Configuration.IConfiguration>()[DataDirectoryKey] is { Length: > 0 } d
            ? Path.GetFullPath(d) : options.ResolvedDataDirectory));
        s.AddSingleton(ResultCache.Shared);
        s.AddSingleton<JobBoard>();
        s.AddSingleton<Workbench>();
        s.AddSingleton<DrawRuns>();
        s.AddSingleton<Examples>();
        s.AddOpenApi();
        // Data-protection keys (antiforgery, if a form ever needs it) live in the data folder, not in the user's profile.
        s.AddOptions<Microsoft.AspNetCore.DataProtection.KeyManagement.KeyManagementOptions>().Configure<RunStore, Microsoft.Extensions.Logging.ILoggerFactory>((k, store, logs) =>
            k.XmlRepository = new Microsoft.AspNetCore.DataProtection.Repositories.FileSystemXmlRepository(new DirectoryInfo(Path.Combine(store.DataDirectory, "keys")), logs));
        s.AddRazorPages(o => o.RootDirectory = "/Pages")
            .ConfigureApplicationPartManager(m =>
            {
                // Pages are compiled into this assembly; when another assembly is the entry point (parley serve), add it.
                var assembly = typeof(ParleyWebApp).Assembly;
                if (!m.ApplicationParts.OfType<AssemblyPart>().Any(p => p.Assembly == assembly)) m.ApplicationParts.Add(new AssemblyPart(assembly));
            });
    }

    private static void MapEndpoints(WebApplication app)
    {
        app.UseMiddleware<ErrorResponses>();
        app.UseMiddleware<SecurityHeaders>();
        app.MapEmbeddedAssets();
        app.MapOpenApi();
        app.MapScenarioApi();
        app.MapNegotiationApi();
        app.MapDrawsApi();
        app.MapTariffApi();
        app.MapRunApi();
        app.MapRoundApi();
        app.MapRazorPages();
    }
}
