using Microsoft.Playwright;
using Parley.Workspace.Tests.Infrastructure;
using Xunit;

namespace Parley.Workspace.Tests;

/// <summary>The done-when flow in a real browser (Debian chromium, PARLEY_CHROMIUM): USA and JPN delegates of
/// examples/us-japan-2025.yaml, each in its own browser context, exchange three offers; the mediator releases the Nash
/// package; an observer sees only the released outcome; no page shows one party's private marker to the other.</summary>
public sealed class BrowserFlowTests(WorkspaceServer server) : IClassFixture<WorkspaceServer>
{
    private static readonly string[] LaunchArgs =
        ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

    [SkippableFact]
    public async Task Two_delegations_exchange_three_offers_the_mediator_releases_Nash_and_the_observer_sees_only_that()
    {
        var chromium = TestServices.Chromium();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = chromium, Args = LaunchArgs, Headless = true });
        async Task<IPage> SignIn(string user)
        {
            var context = await browser.NewContextAsync(new() { BaseURL = server.Address });
            context.SetDefaultTimeout(120_000); // a shared 2-core machine under a full parallel test run is slow, not broken
            context.SetDefaultNavigationTimeout(120_000);
            var page = await context.NewPageAsync();
            await page.GotoAsync("/workspace/login");
            await page.FillAsync("input[name=user]", user);
            await page.FillAsync("input[name=password]", WorkspaceServer.Password);
            await page.ClickAsync("button[type=submit]");
            await page.WaitForURLAsync("**/workspace");
            return page;
        }
        var usa = await SignIn("usa");
        var jpn = await SignIn("jpn");
        var ws = $"/workspace/ws/{server.Ws}";

        // Each delegation reviews and saves its private inputs through the form.
        foreach (var (page, d) in new[] { (usa, server.Usa), (jpn, server.Jpn) })
        {
            await page.GotoAsync($"{ws}/private/{d.Party}");
            Assert.Equal(d.Note, await page.InputValueAsync("textarea[name=note]"));
            await page.ClickAsync("#private-form button[type=submit]");
            await page.WaitForURLAsync($"**{ws}/private/{d.Party}");
        }

        async Task Propose(IPage page, string autos, string reciprocal, string message)
        {
            await page.GotoAsync(ws);
            await page.SelectOptionAsync("select[name='choice.autos']", autos);
            await page.SelectOptionAsync("select[name='choice.reciprocal']", reciprocal);
            await page.FillAsync("textarea[name=message]", message);
            await page.ClickAsync("#offer-form button[type=submit]");
            await page.WaitForSelectorAsync($"#offers >> text={message}");
        }
        await Propose(usa, "keep", "fifteen", "USA: autos stay, 15% floor");
        await Propose(jpn, "eliminate", "ten", "JPN: eliminate the 232 tariff");
        await Propose(usa, "fifteen", "fifteen", "USA: 15% all-in");
        await jpn.ReloadAsync();
        var rows = await jpn.Locator("#offers tbody tr").AllInnerTextsAsync();
        Assert.Equal(3, rows.Count);
        Assert.Contains("JPN: eliminate", rows[1]);
        // Columns #, round, party, author, in reply to: JPN's offer 2 answers offer 1 in round 2; USA's offer 3 answers it in round 3.
        Assert.Equal(["2", "2", "JPN", "jpn", "1"], rows[1].Split('\t')[..5]);
        Assert.Equal(["3", "3", "USA", "usa", "2"], rows[2].Split('\t')[..5]);

        var mediator = await SignIn("mediator");
        await mediator.GotoAsync(ws);
        Assert.Contains("Nash", await mediator.InnerTextAsync("#analysis"));
        await mediator.SelectOptionAsync("#release-form select[name=kind]", "nash");
        await mediator.FillAsync("#release-form textarea[name=text]", "Mediator's proposal");
        await mediator.ClickAsync("#release-form button[type=submit]");
        await mediator.WaitForSelectorAsync("#released >> text=Mediator's proposal");

        var observer = await SignIn("observer");
        await observer.GotoAsync(ws);
        var released = await observer.InnerTextAsync("#released");
        Assert.Contains("Mediator's proposal", released);
        Assert.Contains("autos=", released);
        Assert.Equal(0, await observer.Locator("#offers").CountAsync());
        Assert.Equal(0, await observer.Locator("#analysis").CountAsync());
        var observed = await observer.ContentAsync();
        foreach (var marker in server.Usa.Markers.Concat(server.Jpn.Markers)) Assert.DoesNotContain(marker, observed);
        Assert.DoesNotContain("utilit", observed, StringComparison.OrdinalIgnoreCase);

        // Each delegate's view of the workspace holds none of the other's private values.
        await usa.GotoAsync(ws);
        await jpn.GotoAsync(ws);
        var usaSees = await usa.ContentAsync();
        var jpnSees = await jpn.ContentAsync();
        Assert.All(server.Jpn.Markers, m => Assert.DoesNotContain(m, usaSees));
        Assert.All(server.Usa.Markers, m => Assert.DoesNotContain(m, jpnSees));
        Assert.Contains("Mediator's proposal", jpnSees);
        var otherPrivate = await jpn.GotoAsync($"{ws}/private/USA");
        Assert.Equal(404, otherPrivate!.Status);
    }
}
