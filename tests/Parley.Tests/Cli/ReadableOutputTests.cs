using System.Globalization;
using System.Text.Json;
using Parley.Cli;
using Parley.Internals;
using Parley.Reports;
using Parley.Tariffs;
using Spectre.Console;
using Xunit;

namespace Parley.Tests.Cli;

/// <summary>Output for analysts: tables that fit 80 columns with whole numbers, money as -$2.60 bn, names not codes, HS descriptions, CSV for every tariff verb.</summary>
public class ReadableOutputTests
{
    private static string Example(string name) => Path.Combine(AppContext.BaseDirectory, "examples", name);

    private static (int Code, string Out, string Err, List<(FittedTable Table, int Width, bool Wide)> Tables) Run(int width, params string[] args)
    {
        var tables = new List<(FittedTable, int, bool)>();
        FittedTable.Written.Value = tables;
        try
        {
            var (code, stdout, stderr) = PlainConsole.Run(width, args);
            return (code, stdout, stderr, tables);
        }
        finally
        {
            FittedTable.Written.Value = null;
        }
    }

    private static string Render(Spectre.Console.Rendering.IRenderable table, int width)
    {
        var text = new StringWriter();
        PlainConsole.Create(text, width).Write(table);
        return text.ToString();
    }

    /// <summary>
    /// Parses the rendered table back into cells and checks every number column: each row's numbers stand, whole and
    /// exactly as given, on the row's first line (cells are top-aligned), and continuation lines hold no number
    /// fragment. A number split across lines ("327,1" / "24") fails both ways.
    /// </summary>
    private static void AssertNumbersWhole(FittedTable t, int width, string context)
    {
        var rendered = Render(t.Build(width, false, out _, out var shown), width);
        var numbers = shown.Select((k, position) => (k, position)).Where(x => t.Columns[x.k].Kind == ColumnKind.Number).ToArray();
        var lines = rendered.Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
        var body = lines.SkipWhile(l => !l.StartsWith('├')).Skip(1).TakeWhile(l => !l.StartsWith('└')).ToArray();
        var rows = t.Cells.ToList();
        var next = 0;
        foreach (var line in body)
        {
            var cells = line.Split('│')[1..^1].Select(c => c.Trim()).ToArray();
            Assert.True(cells.Length == shown.Count, $"{context}: '{line}' has {cells.Length} cells, expected {shown.Count}");
            var actual = numbers.Select(n => cells[n.position]).ToArray();
            if (next < rows.Count && actual.SequenceEqual(numbers.Select(n => rows[next][n.k])))
            {
                next++;
                continue;
            }
            Assert.True(actual.All(c => c.Length == 0), $"{context}: '{line}' breaks a number or is out of order (row {next + 1} expected {string.Join(" | ", numbers.Select(n => next < rows.Count ? rows[next][n.k] : ""))})");
        }
        Assert.True(next == rows.Count, $"{context}: found {next} of {rows.Count} rows with whole numbers in\n{rendered}");
    }

    public static TheoryData<string[]> Commands => new()
    {
        new[] { "simulate", Example("liberation-day.yaml") },
        new[] { "simulate", Example("liberation-day.yaml"), "--versus", "tariff-free" },
        new[] { "simulate", Example("world-autos/1-japan-25.yaml") },
        new[] { "simulate", Example("world-autos/1-japan-25.yaml"), "--versus", "tariff-free" },
        new[] { "negotiate", "SMALL", "--no-sensitivity" },
        new[] { "replicate", "cp2015" },
        new[] { "compare", Example("us-japan/2-baseline-10.yaml"), Example("us-japan/3-deal-15.yaml"), Example("us-japan/4-elimination-0.yaml"), "--status-quo", "2025-05-30" },
        new[] { "tariffs", "rate", "--date", "2025-10-15", "--country", "JPN", "--hts", "8703.23.01" },
        new[] { "tariffs", "timeline", "--country", "KOR", "--hts", "8703.23.01" },
        new[] { "tariffs", "diff", "--from", "2025-03-01", "--to", "2025-10-15", "--country", "JPN", "--limit", "10" },
        new[] { "tariffs", "etr", "--date", "2025-10-15", "--by", "chapter", "--limit", "10" },
        new[] { "tariffs", "etr", "--date", "2025-10-15", "--by", "partner", "--limit", "10" },
        new[] { "tariffs", "security", "--date", "2025-10-15" },
    };

    [Theory]
    [MemberData(nameof(Commands))]
    public void Every_table_fits_80_columns_and_prints_every_number_whole(string[] args)
    {
        using var tmp = new TempFolder();
        args = args.Select(a => a == "SMALL" ? tmp.Write("n.yaml", Parley.Tests.Negotiation.NegotiationFileTests.Small) : a).ToArray();
        var (code, stdout, stderr, tables) = Run(80, args);
        Assert.True(code == 0, stderr);
        AssertFits(stdout, tables, string.Join(' ', args.Take(3)));
    }

    private static void AssertFits(string stdout, List<(FittedTable Table, int Width, bool Wide)> tables, string context)
    {
        var longest = stdout.Split('\n').Select(l => l.TrimEnd('\r')).MaxBy(l => l.Length)!;
        Assert.True(longest.Length <= 80, $"{context}: a line of {longest.Length} characters: {longest}");
        Assert.NotEmpty(tables);
        foreach (var (table, width, _) in tables)
        {
            Assert.Equal(80, width);
            AssertNumbersWhole(table, width, context);
        }
    }

    [Fact]
    public void Demo_fits_80_columns_and_reports_the_US_Japan_offers_by_country_name()
    {
        var (code, stdout, stderr, tables) = Run(80, "demo");
        Assert.True(code == 0, stderr);
        AssertFits(stdout, tables, "demo");
        Assert.Contains("15% all-in deal", stdout);
        Assert.Contains("South Korea", stdout);
        Assert.Contains("all converged: True", stdout);
        Assert.Matches(@"-\$\d+\.\d\d bn", stdout); // money with the sign before the dollar
        Assert.DoesNotContain("$bn", stdout);
    }

    [Fact]
    public void A_plain_table_splits_numbers_at_40_columns_and_the_fitted_table_does_not()
    {
        var cells = new[] { "United States", "327,124.50", "-52.70", "-43.60", "12.80", "1.13" };
        var plain = new Table();
        plain.AddColumns("Country", "Revenue", "Exports", "Imports", "Prices", "Welfare");
        plain.AddRow(cells);
        Assert.DoesNotContain("327,124.50", Render(plain, 40)); // Spectre squeezes every column and cuts the number

        var fitted = new FittedTable("Test", "caption");
        fitted.Column("Country", ColumnKind.Label).Column("Revenue").Column("Exports", optional: true).Column("Imports", optional: true)
            .Column("Prices", optional: true).Column("Welfare");
        fitted.Row(cells);
        var text = Render(fitted.Build(40, false, out var needed, out var shown), 40);
        Assert.True(needed <= 40);
        Assert.Contains("327,124.50", text);
        Assert.Contains("1.13", text);
        Assert.True(Flat(text).Contains("Not shown at 40 columns: Exports, Imports, Prices (--wide prints them).", StringComparison.Ordinal), text);
        Assert.Equal([0, 1, 5], shown);
        AssertNumbersWhole(fitted, 40, "fitted");
    }

    private static string Flat(string text) => System.Text.RegularExpressions.Regex.Replace(text, @"\s+", " ");

    [Fact]
    public void Wide_prints_the_columns_that_80_columns_drop()
    {
        var narrow = Run(80, "simulate", Example("liberation-day.yaml"), "--versus", "tariff-free");
        Assert.Contains("Not shown at 80 columns: Deficit", Flat(narrow.Out));
        var wide = Run(80, "simulate", Example("liberation-day.yaml"), "--versus", "tariff-free", "--wide");
        Assert.True(wide.Code == 0, wide.Err);
        Assert.Contains("Deficit", wide.Out);
        Assert.DoesNotContain("Not shown", wide.Out);
        Assert.Contains(wide.Out.Split('\n'), l => l.TrimEnd().Length > 80);
    }

    [Theory]
    [InlineData(-2.6e9, "-$2.60 bn")]
    [InlineData(340e6, "$340 m")]
    [InlineData(-33.3e6, "-$33.3 m")]
    [InlineData(4.567e6, "$4.57 m")]
    [InlineData(999.7e6, "$1.00 bn")]
    [InlineData(327_124e6, "$327.12 bn")]
    [InlineData(3.12e12, "$3.12 tn")]
    [InlineData(12_345.4, "$12,345")]
    [InlineData(-0.2, "$0")]
    [InlineData(0, "$0")]
    [InlineData(double.NaN, "–")]
    public void Money_puts_the_sign_before_the_dollar_in_bn_and_m(double usd, string expected) => Assert.Equal(expected, Money.Usd(usd));

    [Fact]
    public void Money_from_billions_and_millions_is_the_same_formatter()
    {
        Assert.Equal("-$2.60 bn", Money.UsdBillions(-2.6));
        Assert.Equal("$340 m", Money.UsdMillions(340));
        Assert.Equal("–", Money.UsdBillions(null));
    }

    [Fact]
    public void Hs_descriptions_cover_chapters_headings_and_subheadings()
    {
        var hs = HsDescriptions.Bundled;
        Assert.Equal(97 + 1229 + 5613, hs.Count);
        Assert.Equal("Vehicles; other than railway or tramway rolling stock, and parts and accessories thereof", hs.Exact("87"));
        Assert.StartsWith("Motor cars and other motor vehicles", hs.Exact("8703"));
        var line = hs.Find("8703.23.01")!;
        Assert.Equal("870323", line.Code);
        Assert.Contains("1500", line.Text);
        Assert.Equal("8703", hs.Heading("8703.23.01")!.Code);
        Assert.Null(hs.Find("9903.01.25")); // US chapter 99 is not HS
    }

    private static CsvTable ParseCsv(string text)
    {
        using var tmp = new TempFolder();
        return CsvTable.Read(tmp.Write("out.csv", text)); // checks a constant column count
    }

    [Fact]
    public void Tariffs_rate_csv_and_json_carry_the_HS_description_and_parse_back()
    {
        var csv = Run(220, "tariffs", "rate", "--date", "2025-10-15", "--country", "JPN", "--hts", "8703.23.01", "--format", "csv");
        Assert.True(csv.Code == 0, csv.Err);
        var t = ParseCsv(csv.Out);
        Assert.Equal(["date", "partner_iso3", "partner_name", "census_code", "hts", "description", "basis", "total_rate", "authority", "measure_id", "heading", "program", "component_rate", "explanation"], t.Header);
        Assert.Equal(2, t.Rows.Count); // MFN + Section 232 autos
        Assert.All(t.Rows, r => Assert.Equal(0.15, double.Parse(r.Fields[7], CultureInfo.InvariantCulture), 12));
        Assert.Equal(0.15, t.Rows.Sum(r => double.Parse(r.Fields[12], CultureInfo.InvariantCulture)), 12);
        Assert.Equal("Japan", t.Rows[0].Fields[2]);
        Assert.StartsWith("Vehicles; with only spark-ignition", t.Rows[0].Fields[5]);

        var json = Run(220, "tariffs", "rate", "--date", "2025-10-15", "--country", "JPN", "--hts", "8703.23.01", "--format", "json");
        using var doc = JsonDocument.Parse(json.Out);
        Assert.Equal(t.Rows[0].Fields[5], doc.RootElement.GetProperty("description").GetString());
        var table = Run(80, "tariffs", "rate", "--date", "2025-10-15", "--country", "JPN", "--hts", "8703.23.01");
        Assert.Contains("870323: Vehicles", table.Out);
        Assert.Contains("Japan (JPN)", table.Out);
        Assert.DoesNotContain("5880", table.Out); // the Census code is not how people name Japan
    }

    [Fact]
    public void Tariffs_timeline_diff_etr_and_security_csv_parse_back_with_descriptions_and_names()
    {
        var timeline = ParseCsv(Run(220, "tariffs", "timeline", "--country", "JPN", "--hts", "8703.23.01", "--format", "csv").Out);
        Assert.Equal(["from", "until", "partner_iso3", "partner_name", "hts", "description", "total_rate", "measures"], timeline.Header);
        Assert.Contains(timeline.Rows, r => r.Fields[6] == CsvOutput.Number(0.275) || Math.Abs(double.Parse(r.Fields[6], CultureInfo.InvariantCulture) - 0.275) < 1e-12);

        var diff = ParseCsv(Run(220, "tariffs", "diff", "--from", "2025-03-01", "--to", "2025-10-15", "--country", "JPN", "--format", "csv").Out);
        Assert.Equal(["partner_iso3", "partner_name", "hts", "description", "before_rate", "after_rate", "imports_usd_2024", "measures_after"], diff.Header);
        Assert.True(diff.Rows.Count > 1000);
        Assert.Equal("8703.23.01", diff.Rows[0].Fields[2]); // largest 2024 imports first
        Assert.All(diff.Rows.Take(50), r => Assert.NotEqual("", r.Fields[3]));

        var etr = ParseCsv(Run(220, "tariffs", "etr", "--date", "2025-10-15", "--by", "chapter", "--format", "csv").Out);
        Assert.Equal(["date", "key", "name", "description", "imports_usd", "etr"], etr.Header);
        Assert.Equal("all", etr.Rows[0].Fields[1]);
        var total = double.Parse(etr.Rows[0].Fields[4], CultureInfo.InvariantCulture);
        Assert.Equal(total, etr.Rows.Skip(1).Sum(r => double.Parse(r.Fields[4], CultureInfo.InvariantCulture)), total * 1e-9);
        Assert.Equal(HsDescriptions.Bundled.Exact("87"), etr.Rows.Single(r => r.Fields[1] == "87").Fields[3]);
        var json = JsonDocument.Parse(Run(220, "tariffs", "etr", "--date", "2025-10-15", "--by", "chapter", "--format", "json").Out);
        Assert.Contains(json.RootElement.GetProperty("groups").EnumerateArray(), g => g.GetProperty("key").GetString() == "87"
            && g.GetProperty("description").GetString() == HsDescriptions.Bundled.Exact("87"));

        var byPartner = Run(80, "tariffs", "etr", "--date", "2025-10-15", "--limit", "5");
        Assert.Contains("Mexico (MEX)", byPartner.Out);
        Assert.DoesNotContain("2010", byPartner.Out.Split('\n').Where(l => l.StartsWith('│')).Aggregate("", string.Concat)); // Mexico's Census code

        var security = ParseCsv(Run(220, "tariffs", "security", "--date", "2025-10-15", "--group", "rare-earths", "--format", "csv").Out);
        Assert.Equal(["group", "prefixes", "description", "date", "group_imports_usd_2024", "hhi", "supplier_iso3", "supplier_name", "share", "tariff"], security.Header);
        Assert.Equal("CHN", security.Rows[0].Fields[6]);
        Assert.Contains("rare", security.Rows[0].Fields[2]);
        Assert.Equal(1.0, security.Rows.Sum(r => double.Parse(r.Fields[8], CultureInfo.InvariantCulture)), 9);
    }

    [Fact]
    public void Tariff_verbs_refuse_an_unknown_format_with_exit_2()
    {
        var (code, _, err, _) = Run(80, "tariffs", "rate", "--date", "2025-10-15", "--country", "JPN", "--hts", "8703.23.01", "--format", "xml");
        Assert.Equal(2, code);
        Assert.StartsWith("error: ", err);
        Assert.Contains("table, csv or json", err);
    }

    [Fact]
    public void Version_prints_the_version_and_commit_and_exits_0()
    {
        var (code, stdout, _, _) = Run(80, "--version");
        Assert.Equal(0, code);
        Assert.Matches(@"^parley \d+\.\d+\.\d+ \(commit [0-9a-f]{7,40}|unknown\)\r?\n$", stdout);
    }
}
