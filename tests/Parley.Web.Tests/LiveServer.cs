using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit;

namespace Parley.Web.Tests;

/// <summary>
/// The workbench on Kestrel at a free 127.0.0.1 port (as <c>parley serve</c> runs it), and Debian's chromium driven by
/// Playwright through <c>ExecutablePath</c> (no browser download). Without chromium the browser tests skip, unless CI=true.
/// </summary>
public sealed class LiveServer : IAsyncLifetime
{
    private readonly TempFolder _data = new();
    private WebApplication? _app;
    private IPlaywright? _playwright;

    public string BaseUrl { get; private set; } = "";

    public IBrowser? Browser { get; private set; }

    /// <summary>Why the browser tests cannot run here, or null.</summary>
    public string? NoBrowser { get; private set; }

    /// <summary>Folder the screenshots go to: $PARLEY_SCREENSHOTS, else a temporary folder.</summary>
    public string Screenshots { get; } = Environment.GetEnvironmentVariable("PARLEY_SCREENSHOTS") is { Length: > 0 } s ? s
        : Directory.CreateTempSubdirectory("parley-screenshots-").FullName;

    public static readonly string[] ChromiumArgs =
        ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

    public async Task InitializeAsync()
    {
        _app = ParleyWebApp.Create(["--Logging:LogLevel:Default=Warning"], new WebOptions { Port = 0, DataDirectory = _data.Path });
        await _app.StartAsync();
        BaseUrl = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        var chromium = Environment.GetEnvironmentVariable("PARLEY_CHROMIUM") is { Length: > 0 } c ? c : "/usr/bin/chromium";
        if (!File.Exists(chromium))
        {
            NoBrowser = $"chromium not found at {chromium} (set PARLEY_CHROMIUM; .ci/services installs it)";
            return;
        }
        Directory.CreateDirectory(Screenshots);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = chromium, Headless = true, Args = ChromiumArgs });
    }

    /// <summary>Skips (or, with CI=true, fails) when there is no browser.</summary>
    public IBrowser RequireBrowser()
    {
        if (NoBrowser is { } why)
        {
            if (Environment.GetEnvironmentVariable("CI") == "true") throw new InvalidOperationException("CI=true but " + why);
            Skip.If(true, why);
        }
        return Browser!;
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        if (_app is not null) await _app.DisposeAsync();
        _data.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class LiveCollection : ICollectionFixture<LiveServer>
{
    public const string Name = "live server";
}
