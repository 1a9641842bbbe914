using Parley.Rounds;
using Parley.Rounds.Internals;
using Xunit;

namespace Parley.Tests.Rounds;

/// <summary>The extractor's readers one by one: dates against a publication date, rates, durations, sentences, HTML.</summary>
public class RoundPatternTests
{
    private static readonly DateOnly Friday30May = new(2025, 5, 30);

    [Theory]
    [InlineData("On the 30th (local time), talks were held.", 0, "2025-05-30", "2025-05-30")]
    [InlineData("On the 31st (local time), talks were held.", 1, "2025-05-31", "2025-05-31")]
    [InlineData("On the 31st, talks were held.", 0, "2025-03-31", "2025-05-31")]
    [InlineData("They met last Friday.", 0, "2025-05-23", null)]
    [InlineData("They met on Friday.", 0, "2025-05-30", "2025-05-30")]
    [InlineData("They met on Saturday (local time) in Tokyo.", 1, "2025-05-31", "2025-05-31")]
    [InlineData("They met on Saturday in Washington.", 0, "2025-05-24", "2025-05-31")]
    [InlineData("Talks resume around the 15th to 16th of next month.", 0, null, "2025-06-15..2025-06-16")]
    [InlineData("A deal is sought for mid-next month.", 0, null, "2025-06-11..2025-06-20")]
    [InlineData("They will meet within two weeks.", 0, null, "2025-05-31..2025-06-13")]
    [InlineData("They will meet again next week.", 0, null, "2025-06-02..2025-06-08")]
    [InlineData("They met on May 23, 2025 in Washington.", 0, "2025-05-23", "2025-05-23")]
    [InlineData("They will meet on June 15-16.", 0, "2024-06-15..2024-06-16", "2025-06-15..2025-06-16")]
    [InlineData("They met on 2025-04-24.", 0, "2025-04-24", "2025-04-24")]
    [InlineData("They met yesterday.", 0, "2025-05-29", null)]
    [InlineData("A round is planned for early July.", 0, "2024-07-01..2024-07-10", "2025-07-01..2025-07-10")]
    public void Date_expressions_resolve_from_the_publication_date(string sentence, int slack, string? past, string? future)
    {
        var d = DateExpressions.Find(sentence, Friday30May, slack).First();
        Assert.Equal(past, Show(d.Past));
        Assert.Equal(future, Show(d.Future));
    }

    private static string? Show(DateRange? r) => r is null ? null : r.From == r.To ? $"{r.From:yyyy-MM-dd}" : $"{r.From:yyyy-MM-dd}..{r.To:yyyy-MM-dd}";

    [Fact]
    public void A_meeting_in_Tokyo_reported_from_Washington_may_carry_the_next_days_date()
    {
        var r = RoundExtractor.Extract("WASHINGTON, June 4 (Wire) — Japanese and U.S. ministers met in Tokyo on the 5th (local time) for talks on tariffs.",
            "tz", new DateOnly(2025, 6, 4), Gazetteer.Bundled);
        Assert.Equal(new DateOnly(2025, 6, 5), r.Date);
        var west = RoundExtractor.Extract("TOKYO, June 4 (Wire) — Japanese and U.S. ministers met in Washington on the 5th (local time) for talks on tariffs.",
            "tz", new DateOnly(2025, 6, 4), Gazetteer.Bundled);
        Assert.Equal(new DateOnly(2025, 5, 5), west.Date); // west of Tokyo the 5th cannot lie ahead: the latest 5th on or before 4 June
    }

    [Theory]
    [InlineData("the 25% tariff on automobiles", 0.25)]
    [InlineData("a 15 percent tariff", 0.15)]
    [InlineData("a 25-percent tariff on cars", 0.25)]
    [InlineData("a tariff of 27.5 per cent", 0.275)]
    [InlineData("a quarter tariff on steel", 0.25)]
    [InlineData("zero tariffs on industrial goods", 0.0)]
    [InlineData("fifteen percent duty", 0.15)]
    public void Rates_are_read_as_fractions(string text, double rate) => Assert.Equal(rate, Quantities.Rates(text).Single().Rate, 12);

    [Theory]
    [InlineData("which lasted for about 130 minutes", 130)]
    [InlineData("The talks lasted two hours.", 120)]
    [InlineData("a meeting of an hour and a half", 90)]
    [InlineData("two and a half hours of talks", 150)]
    [InlineData("about an hour and 10 minutes", 70)]
    [InlineData("a two-hour meeting", 120)]
    [InlineData("half an hour", 30)]
    public void Durations_are_read_in_minutes(string text, int minutes) => Assert.Equal(minutes, Quantities.Duration(text)!.Value.Minutes);

    [Fact]
    public void Weeks_and_days_are_not_meeting_durations() => Assert.Null(Quantities.Duration("They will meet within two weeks, in 10 days at most."));

    [Fact]
    public void Sentences_split_at_full_stops_but_not_after_abbreviations_initials_or_D_C_before_a_comma()
    {
        var s = Sentences.Split("Talks in Washington, D.C., ended. The U.S. side said \"No.\" Donald J. Trump agreed. Sen. Smith left.");
        Assert.Equal(["Talks in Washington, D.C., ended.", "The U.S. side said \"No.\"", "Donald J. Trump agreed.", "Sen. Smith left."], s.Select(x => x.Text));
    }

    [Fact]
    public void Html_keeps_paragraphs_and_drops_scripts_navigation_and_footers()
    {
        var text = ArticleText.Prepare("<html><head><script>var a = 'met on the 1st';</script></head><body><nav>Home</nav><p>The two sides <b>met</b> in Tokyo.</p>" +
                                       "<p>It was the third round of the talks.</p><footer>Related: talks held in Geneva</footer></body></html>", "page.html");
        Assert.Equal("The two sides met in Tokyo.\nIt was the third round of the talks.", text);
    }

    [Fact]
    public void Html_nested_up_to_the_bound_is_read_and_deeper_html_is_refused_in_one_line()
    {
        string Nested(int depth) => "<html><body>" + string.Concat(Enumerable.Repeat("<div>", depth)) + "<p>The sides met in Tokyo on Friday for the talks.</p></body></html>";
        Assert.Contains("met in Tokyo", ArticleText.Prepare(Nested(ArticleText.MaxHtmlDepth - 3), "deep.html"));
        var e = Assert.Throws<ParleyInputException>(() => ArticleText.Prepare(Nested(50_000), "deep.html"));
        Assert.Equal("deep.html: field '(html)' = '50003 nested elements': expected an HTML page nested at most 256 elements deep", e.Message);
    }

    [Fact]
    public void Gazetteer_names_are_matched_with_or_without_accents_and_only_while_in_office()
    {
        var r = RoundExtractor.Extract("Trade Commissioner Maros Sefcovic met U.S. Trade Representative Jamieson Greer in Paris on Wednesday for talks.",
            "g", new DateOnly(2025, 6, 5), Gazetteer.Bundled);
        Assert.Equal(["Maroš Šefčovič", "Jamieson Greer"], r.Participants.Select(p => p.Name));
        var before = RoundExtractor.Extract("Trade Commissioner Maros Sefcovic met U.S. Trade Representative Jamieson Greer in Paris on Wednesday for talks.",
            "g", new DateOnly(2024, 6, 5), Gazetteer.Bundled);
        Assert.Empty(before.Participants); // neither held that office in June 2024
    }
}
