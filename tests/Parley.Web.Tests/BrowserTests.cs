using System.Globalization;
using System.Text.Json;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Parley.Application;
using Parley.Negotiation;
using Parley.Web.Runs;
using Xunit;

namespace Parley.Web.Tests;

/// <summary>Each page's main flow in a real chromium, against the app on Kestrel; numbers on screen equal the application layer's.</summary>
[Collection(LiveCollection.Name)]
public sealed class BrowserTests(LiveServer server)
{
    private const string XssName = "<script>window.__xss = 1</script> US–Japan";

    private async Task<IPage> Open(string path)
    {
        var context = await server.RequireBrowser().NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 1000 } });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(120_000);
        await page.GotoAsync(server.BaseUrl + path);
        return page;
    }

    private static async Task NoSeriousAccessibilityViolations(IPage page)
    {
        var result = await page.RunAxe();
        var bad = result.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Take(3).Select(n => n.Target))}").ToArray();
        Assert.True(bad.Length == 0, string.Join("\n", bad));
    }

    private async Task Screenshot(IPage page, string name) =>
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(server.Screenshots, name), FullPage = true });

    [SkippableFact]
    public async Task Scenario_page_runs_the_form_and_its_chart_and_table_equal_the_application_numbers()
    {
        var page = await Open("/scenario");
        await NoSeriousAccessibilityViolations(page);
        await page.FillAsync("#name", XssName);
        await page.FillAsync("#status-quo-date", "2025-10-15");
        await page.FillAsync("[aria-label='Rate, row 1']", "0%");
        await Screenshot(page, "scenario-form.png");
        await page.ClickAsync("#run");
        await page.WaitForURLAsync("**/runs/*");
        await page.WaitForFunctionAsync("() => window.echarts && echarts.getInstanceByDom(document.getElementById('welfare-chart'))");

        var draft = new ScenarioDraft(XssName, "one-sector", "world-2023", "2025-10-15", [new TariffChangeDraft("USA", "JPN", "", "0%")], "USA, JPN, KOR, CHN, EU27, WORLD");
        var expected = ScenarioRunner.Run(draft.ToScenario()).StatusQuo!.Rows;
        var plotted = await page.EvaluateAsync<double[]>("() => echarts.getInstanceByDom(document.getElementById('welfare-chart')).getOption().series[0].data");
        Assert.Equal(expected.Select(r => r.Welfare), plotted);
        foreach (var r in expected)
            Assert.Equal(r.Welfare.ToString("F4", CultureInfo.InvariantCulture), await page.TextContentAsync($"#welfare-table tr[data-label='{r.Label}'] td.welfare"));
        // The label is text, never markup: the heading shows it verbatim and its script never ran.
        Assert.Equal(XssName, await page.TextContentAsync("h1"));
        Assert.Null(await page.EvaluateAsync<int?>("() => window.__xss ?? null"));
        await NoSeriousAccessibilityViolations(page);
        await Screenshot(page, "scenario-run.png");
        var yaml = await page.EvaluateAsync<string>("async () => (await fetch(document.querySelector('#downloads a').href)).text()");
        Assert.Equal(draft.ToYaml(), yaml);

        await page.GotoAsync(server.BaseUrl + "/runs");
        Assert.Contains(XssName, await page.TextContentAsync("#runs"));
        await NoSeriousAccessibilityViolations(page);
        await Screenshot(page, "runs.png");
    }

    [SkippableFact]
    public async Task Negotiation_room_shows_the_nash_package_of_us_japan_and_a_slider_moves_it()
    {
        var page = await Open("/negotiation");
        await NoSeriousAccessibilityViolations(page);
        Assert.Equal("us-japan-2025.yaml", await page.InputValueAsync("#example"));
        await page.ClickAsync("#price");
        await page.WaitForURLAsync("**/runs/*", new PageWaitForURLOptions { Timeout = 300_000 });
        await page.WaitForFunctionAsync("() => window.parleyRoom");

        var yaml = await File.ReadAllTextAsync(RepositoryRoot.File("examples", "us-japan-2025.yaml"));
        var result = ResultCache.Shared.Get<NegotiationResult>(ResultCache.Key("negotiation", yaml, "sensitivity=False"))
            ?? throw new InvalidOperationException("the room's pricing is not in the shared cache");
        var nash = result.Bargaining.Nash!.Value;
        Assert.Equal(result.Packages[nash].Short(result.Spec), await page.TextContentAsync("#row-nash .package"));
        var point = await page.EvaluateAsync<double[][]>("() => window.parleyRoom.chart.getOption().series.find(s => s.name === 'Nash').data");
        Assert.Equal([result.U1[nash], result.U2[nash], nash], point.Single());
        await NoSeriousAccessibilityViolations(page);
        await Screenshot(page, "negotiation-room.png");

        // Raise the USA's reservation utility to the utility of the current Nash package: the Nash point must move.
        var reservation = result.U1[nash];
        await page.EvalOnSelectorAsync(".reservation[data-party='0']", "(e, v) => { e.value = v; e.dispatchEvent(new Event('input', { bubbles: true })); }", reservation.ToString("R", CultureInfo.InvariantCulture));
        await page.WaitForFunctionAsync("() => document.getElementById('sliders').dataset.updated");
        var sliderValue = double.Parse(await page.InputValueAsync(".reservation[data-party='0']"), CultureInfo.InvariantCulture);
        var moved = NegotiationSpace.Of(result).Rerank(null, null, sliderValue, null);
        Assert.NotEqual(nash, moved.Nash);
        Assert.Equal(moved.Nash is { } m ? result.Packages[m].Short(result.Spec) : "none", await page.TextContentAsync("#row-nash .package"));
        await Screenshot(page, "negotiation-room-moved.png");
    }

    [SkippableFact]
    public async Task Probability_layer_draws_the_small_talks_and_its_chart_and_tables_carry_the_api_numbers()
    {
        var yaml = await File.ReadAllTextAsync(DrawsApiTests.FixturePath);
        var page = await Open("/negotiation");
        await page.SelectOptionAsync("#example", "");
        await page.FillAsync("#yaml", yaml);
        await page.ClickAsync("#price");
        await page.WaitForURLAsync("**/runs/*");
        await page.WaitForFunctionAsync("() => window.parleyRoom");
        Assert.Equal("7", await page.InputValueAsync("#seed")); // the file's uncertainty.seed
        Assert.Equal("200", await page.InputValueAsync("#draws")); // the file sets no draws: the room's default
        await page.FillAsync("#draws", "10");
        await page.FillAsync("#seed", "5");
        await page.ClickAsync("#run-draws");
        await page.WaitForFunctionAsync("() => document.getElementById('probability-layer').dataset.updated");

        using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(5) };
        var response = await http.PostAsync(server.BaseUrl + "/api/negotiate?draws=10&seed=5", new StringContent(yaml, System.Text.Encoding.UTF8, "application/yaml"));
        Assert.Equal(200, (int)response.StatusCode);
        using var api = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var pZopa = api.RootElement.GetProperty("p_zopa").GetDouble();
        Assert.Equal(pZopa, double.Parse((await page.GetAttributeAsync("#p-zopa", "data-value"))!, CultureInfo.InvariantCulture));
        Assert.Equal((100 * pZopa).ToString("F1", CultureInfo.InvariantCulture) + "%", await page.TextContentAsync("#p-zopa"));
        Assert.Equal("10", await page.TextContentAsync("#p-draws"));
        Assert.Equal(api.RootElement.GetProperty("screen").GetProperty("draws_outside_screen").GetInt32().ToString(CultureInfo.InvariantCulture), await page.TextContentAsync("#p-outside"));

        // Every package has a marker whose value is the API's P(IR both) for the package of the same options, and a band cross.
        var byOptions = api.RootElement.GetProperty("packages").EnumerateArray().ToDictionary(
            p => string.Join("/", p.GetProperty("options").EnumerateObject().Select(o => o.Value.GetString())), p => p.GetProperty("p_zopa_member").GetDouble());
        var labels = await page.EvaluateAsync<string[]>("() => window.parleyRoom.space.packages.map(p => p.options.join('/'))");
        var markers = await page.EvaluateAsync<double[][]>("() => window.parleyRoom.chart.getOption().series.find(s => s.id === 'p-ir-both').data");
        Assert.Equal(12, markers.Length);
        Assert.All(markers, m => Assert.Equal(byOptions[labels[(int)m[2]]], m[3]));
        Assert.Equal(12, await page.EvaluateAsync<int>("() => window.parleyRoom.chart.getOption().series.find(s => s.id === 'bands').data.length"));
        var nashLeader = api.RootElement.GetProperty("packages").EnumerateArray().MaxBy(p => p.GetProperty("p_nash").GetDouble());
        var leaderPoint = await page.EvaluateAsync<double[][]>("() => window.parleyRoom.chart.getOption().series.find(s => s.id === 'nash-leader').data");
        Assert.Equal(string.Join("/", nashLeader.GetProperty("options").EnumerateObject().Select(o => o.Value.GetString())), labels[(int)leaderPoint.Single()[2]]);
        Assert.Single(await page.EvaluateAsync<double[][]>("() => window.parleyRoom.chart.getOption().series.find(s => s.id === 'central-nash').data"));
        Assert.Equal(12, await page.Locator("#probability-table tbody tr").CountAsync());
        await NoSeriousAccessibilityViolations(page);
        await Screenshot(page, "negotiation-room-probability.png");
        await page.Locator("#space-chart").ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(server.Screenshots, "negotiation-room-probability-chart.png") });
    }

    [SkippableFact]
    public async Task Pasted_seed_article_previews_the_fourth_round_and_its_proposed_entry_without_changing_the_run()
    {
        var page = await Open("/negotiation");
        await page.ClickAsync("#price"); // the other room test's pricing sits in the shared cache: no second pricing
        await page.WaitForURLAsync("**/runs/*", new PageWaitForURLOptions { Timeout = 300_000 });
        await page.WaitForFunctionAsync("() => window.parleyRoom");
        await NoSeriousAccessibilityViolations(page);
        var runId = page.Url.Split('/').Last();
        var before = await page.EvaluateAsync<string>($"async () => (await fetch('/api/runs/{runId}')).text()");

        var seed = await File.ReadAllTextAsync(RepositoryRoot.File("examples", "news", "us-japan-4th-round-2025-05-30.txt"));
        await page.FillAsync("#article-text", seed);
        await page.FillAsync("#article-published", "2025-05-31");
        await page.ClickAsync("#article-preview");
        await page.WaitForSelectorAsync("#article-result:not([hidden])");
        var record = RoundExtraction.Extract(seed, "article", new DateOnly(2025, 5, 31), NegotiationRunner.Load(RepositoryRoot.File("examples", "us-japan-2025.yaml")));
        Assert.Equal("2025-05-30", await page.TextContentAsync("#article-fields tr[data-field='date'] td.value"));
        Assert.Equal("130", await page.TextContentAsync("#article-fields tr[data-field='duration_minutes'] td.value"));
        Assert.Equal("no", await page.TextContentAsync("#article-fields tr[data-field='agreement'] td.value"));
        Assert.Equal(record.Record.Evidence["duration_minutes"].Sentence, await page.TextContentAsync("#article-fields tr[data-field='duration_minutes'] td.evidence"));
        Assert.Equal(RoundExtraction.ProposedRoundsYaml([record.Proposal!]), await page.TextContentAsync("#article-proposal"));
        Assert.Equal("proposed-rounds.yaml", await page.GetAttributeAsync("#article-download", "download"));
        Assert.StartsWith("blob:", await page.GetAttributeAsync("#article-download", "href"));
        await NoSeriousAccessibilityViolations(page);
        await Screenshot(page, "negotiation-room-article.png");
        Assert.Equal(before, await page.EvaluateAsync<string>($"async () => (await fetch('/api/runs/{runId}')).text()"));

        // Markup in an article is text on the page: no element appears in the table and no handler runs.
        await page.FillAsync("#article-text", "Akazawa met Bessent in Washington on Friday <img src=x onerror=\"window.__xss = 1\"> for 40 minutes.");
        await page.ClickAsync("#article-preview");
        await page.WaitForFunctionAsync("() => !document.querySelector('#article-fields tr[data-field=\"duration_minutes\"] td.value').textContent.includes('130')");
        Assert.Equal(0, await page.Locator("#article-fields td *, #article-proposal *").CountAsync());
        Assert.Null(await page.EvaluateAsync<int?>("() => window.__xss ?? null"));
    }

    [SkippableFact]
    public async Task Tariff_explorer_searches_a_line_and_shows_its_rate_breakdown_and_timeline()
    {
        var page = await Open("/tariffs");
        await page.WaitForFunctionAsync("() => document.querySelectorAll('#breakdown tbody tr').length > 0 && (window.parleyTariffs.etr.getOption() || { series: [] }).series.length > 0");
        var engine = TariffQueries.Bundled;
        var rate = engine.Rate(engine.Schedule.LastRevision, "JPN", "8703.23.01");
        Assert.Contains($"{100 * rate.Total:F2}%", await page.TextContentAsync("#rate-heading"));
        Assert.Equal(rate.Components.Count, await page.Locator("#breakdown tbody tr").CountAsync());
        var timeline = engine.Timeline(engine.ResolvePartner("JPN"), engine.ResolveHts("8703.23.01"));
        var steps = await page.EvaluateAsync<JsonElement>("() => window.parleyTariffs.timeline.getOption().series[0].data");
        Assert.Equal(timeline.Count + 1, steps.GetArrayLength());
        Assert.Equal(100 * timeline[0].Rate.Total, steps[0][1].GetDouble(), 12);
        await NoSeriousAccessibilityViolations(page);
        await Screenshot(page, "tariff-explorer.png");

        await page.FillAsync("#q", "spark-ignition");
        await page.ClickAsync("#search");
        await page.WaitForFunctionAsync("() => document.querySelectorAll('#lines tbody tr').length > 1");
        Assert.All(await page.Locator("#lines tbody tr td:nth-child(2)").AllTextContentsAsync(), t => Assert.Contains("spark-ignition", t, StringComparison.OrdinalIgnoreCase));
    }

    [SkippableFact]
    public async Task Home_page_has_no_serious_accessibility_violations()
    {
        var page = await Open("/");
        await NoSeriousAccessibilityViolations(page);
        await Screenshot(page, "home.png");
    }
}
