using System.Globalization;
using System.Text.RegularExpressions;
using nietras.SeparatedValues;
using Parley.Cli.Commands;
using Parley.Replication;
using Parley.Tests.Cli;
using Spectre.Console;
using Xunit;

namespace Parley.Tests.Replication;

/// <summary>What <c>parley replicate</c> prints, parsed back: both CSVs and both table views.</summary>
[Collection(Jie2025Collection.Name)]
public partial class ReplicationOutputTests(Jie2025Fixture fixture)
{
    private ReplicationReport Report => fixture.Report;

    private static string Render(Action<IAnsiConsole> write)
    {
        var text = new StringWriter();
        write(Parley.Tests.Cli.PlainConsole.Create(text, 400));
        return text.ToString();
    }

    private static List<Dictionary<string, string>> ParseCsv(string text, out string[] header)
    {
        using var reader = Sep.Reader(o => o with { Unescape = true }).FromText(text);
        header = reader.Header.ColNames.ToArray();
        var rows = new List<Dictionary<string, string>>();
        foreach (var row in reader)
        {
            Assert.Equal(header.Length, row.ColCount);
            var fields = new Dictionary<string, string>();
            for (var k = 0; k < header.Length; k++) fields[header[k]] = row[k].ToString();
            rows.Add(fields);
        }
        return rows;
    }

    [Fact]
    public void Jie2025_csv_parses_back_to_every_cell_with_the_papers_value_and_the_reason()
    {
        var rows = ParseCsv(ReplicateCommand.ToCsv(Report), out var header);
        Assert.Equal(["table", "case", "row_label", "column_label", "value", "unit", "published", "note"], header);
        Assert.Equal(Report.Cells.Count, rows.Count);
        foreach (var (cell, row) in Report.Cells.Zip(rows))
        {
            Assert.Equal(cell.Key, new CellKey(row["table"], row["case"], row["row_label"], row["column_label"]));
            if (cell.Value is { } v) Assert.Equal(v, double.Parse(row["value"], CultureInfo.InvariantCulture)); // round-trips exactly
            else Assert.Equal("", row["value"]);
            Assert.Equal(cell.Unit, row["unit"]);
            Assert.Equal(fixture.Published[cell.Key].Text, row["published"]);
            Assert.Equal(cell.FullNote ?? "", row["note"]);
        }
        var slip = rows.Single(r => r["table"] == "10" && r["case"].StartsWith("Case 4", StringComparison.Ordinal) && r["row_label"] == "non-US (average)" && r["column_label"] == "welfare");
        Assert.Equal("-0.26", slip["published"]);
        Assert.Equal("-0.15", double.Parse(slip["value"], CultureInfo.InvariantCulture).ToString("F2", CultureInfo.InvariantCulture));
        Assert.Contains("printing slip", slip["note"], StringComparison.Ordinal);
        Assert.All(rows.Where(r => r["unit"] == "skipped"), r => Assert.NotEqual("", r["note"]));
    }

    [GeneratedRegex(@"(?:[0-9]|skipped) \[(-?[0-9.]+)\]")]
    private static partial Regex PaperMark();

    [Fact]
    public void Jie2025_table_view_prints_Parleys_value_and_beside_it_the_papers_wherever_they_differ()
    {
        var text = Render(c => ReplicateTableView.Write(c, Report));
        foreach (var table in new[] { "1", "2", "3", "4", "8", "9", "10", "11" }) Assert.Contains($"Table {table}", text);
        // One "[x]" beside each cell that differs or is not computed, holding the printed value.
        var marked = Report.Cells.Where(c => c.Agreement is Agreement.Differs or Agreement.NotComputed).ToList();
        Assert.Equal(13 + 56, marked.Count);
        Assert.Equal(marked.Select(c => c.Published!.Text).Order(), PaperMark().Matches(text).Select(m => m.Groups[1].Value).Order());
        // The slip: Parley's computed value, the paper's, and the reason as a footnote.
        Assert.Matches(@"non-US \(average\)\s+-0\.15 \[-0\.26\]\[\d+\]", text);
        Assert.Contains("printing slip", text, StringComparison.Ordinal);
        Assert.Matches(@"USA\s+2\.28 \[2\.15\]\[\d+\]", text);
        Assert.Matches(@"USA\s+skipped \[0\.60\]\[\d+\]", text); // Table 4, USTR + multiple sectors
        // Every computed value appears at the paper's decimals.
        foreach (var c in Report.Cells.Where(c => c.Value is not null))
            Assert.Contains(c.Value!.Value.ToString("F" + c.Decimals, CultureInfo.InvariantCulture), text);
        Assert.Contains("259 cells agree", text, StringComparison.Ordinal);
        Assert.Contains("13 differ", text, StringComparison.Ordinal);
        Assert.Contains("56 printed cells are not computed", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Cp2015_csv_and_table_parse_back_with_the_papers_values_from_the_bundled_data()
    {
        var (code, csv, err) = CliTests.Run("replicate", "cp2015", "--format", "csv");
        Assert.True(code == 0, err);
        var rows = ParseCsv(csv, out var header);
        Assert.Equal(["region", "statistic", "value", "unit", "published", "note"], header);
        var published = PublishedValues.ReadCp2015();
        var withPaper = rows.Where(r => r["published"] != "").ToList();
        Assert.Equal(published.Count, withPaper.Count);
        foreach (var r in withPaper)
        {
            var p = published[(r["region"], r["statistic"])];
            Assert.Equal(p.Text, r["published"]);
            Assert.True(p.AgreesWith(double.Parse(r["value"], CultureInfo.InvariantCulture)), $"{r["region"]} {r["statistic"]}");
            Assert.Equal("", r["note"]);
        }

        var (tableCode, table, _) = CliTests.Run("replicate", "cp2015");
        Assert.Equal(0, tableCode);
        // One row per region and statistic, Parley's value beside the paper's: e.g. Mexico's welfare 1.3121 and 1.31.
        Assert.Matches(@"Mexico[\s│]+Welfare[\s│]+1\.31\d\d[\s│]+1\.31[\s│]+yes[\s│]+Terms of trade[\s│]+-0\.41\d\d[\s│]+-0\.41[\s│]+yes[\s│]+Volume of trade[\s│]+1\.72\d\d[\s│]+1\.72", table);
        Assert.Matches(@"USA[\s│]+Welfare[\s│]+0\.08\d\d[\s│]+0\.08[\s│]+yes", table);
        Assert.Contains("15 of 15 printed numbers agree", table, StringComparison.Ordinal);
    }

    [Fact]
    public void A_published_value_that_Parley_misses_is_printed_beside_it_with_no_known_reason()
    {
        // The view's other branch: a differing cell without a published note still shows both numbers and says so.
        var cell = new ReplicationCell("1", "c", "USA", "welfare", 1.5, "percent_change", 2, null, PublishedValue.Parse("1.13", "percent_change", null));
        Assert.Equal(Agreement.Differs, cell.Agreement);
        var notes = new List<string>();
        Assert.Equal("1.50 [yellow][[1.13]][/][grey][[1]][/]", ReplicateTableView.Cell(cell, notes));
        Assert.Equal(["differs from the paper: no known reason"], notes);
        Assert.Equal(Agreement.Agrees, (cell with { Value = 1.134999 }).Agreement);
        Assert.Equal(Agreement.Differs, (cell with { Value = 1.1351 }).Agreement);
        Assert.Equal(Agreement.NotPublished, (cell with { Published = null }).Agreement);
    }
}
