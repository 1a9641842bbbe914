using MiniExcelLibs;
using Parley.Reports;
using Parley.Tests.Cli;
using Xunit;

namespace Parley.Tests.Reports;

/// <summary>
/// workbook.xlsx: a sheet per CSV of the run with numbers as numbers and identifiers as text, and a manifest sheet;
/// listed and hashed in manifest.json like every file. Every example's workbook is read back cell by cell against its
/// CSV files in ExampleOutputsTests (<see cref="WorkbookCheck"/>); these tests pin the typing rules and compare --out.
/// </summary>
public class RunWorkbookTests
{
    [Theory]
    [InlineData("welfare_pct", "1.3121136984758728", 1.3121136984758728)]
    [InlineData("welfare_pct", "-4.848045631955511E-05", -4.848045631955511E-05)]
    [InlineData("members", "27", 27.0)]
    public void Numbers_in_value_columns_become_number_cells(string header, string field, double expected) =>
        Assert.Equal(expected, Assert.IsType<double>(RunWorkbook.Cell(header, field)));

    [Theory]
    [InlineData("sector_code", "1")]   // CP sector "1"
    [InlineData("column", "2")]        // regression column "(2)"
    [InlineData("hts", "8703")]
    [InlineData("label", "1")]
    [InlineData("name", "01")]         // not Parley's form of a number: kept as written
    [InlineData("value", "1.50")]
    [InlineData("iso3", "USA")]
    [InlineData("date", "2025-04-05")]
    public void Identifiers_and_text_stay_text(string header, string field) =>
        Assert.Equal(field, Assert.IsType<string>(RunWorkbook.Cell(header, field)));

    [Fact]
    public void Empty_fields_are_empty_cells() => Assert.Null(RunWorkbook.Cell("employment_pct", ""));

    [Theory]
    [InlineData("summary.csv", "summary")]
    [InlineData("a_very_long_file_name_for_a_sheet_of_results.csv", "a_very_long_file_name_for_a_she")]
    [InlineData("x[1]?.csv", "x_1__")]
    public void Sheet_names_follow_the_file_within_Excels_rules(string file, string sheet) => Assert.Equal(sheet, RunWorkbook.SheetName(file));

    [Fact]
    public void Compare_out_writes_the_comparison_csv_json_and_a_workbook_that_round_trips()
    {
        using var tmp = new TempFolder();
        var dir = Path.Combine(tmp.Path, "out");
        var files = new[] { "us-japan/3-deal-15.yaml", "us-japan/2-baseline-10.yaml" }.Select(f => Path.Combine(AppContext.BaseDirectory, "examples", f));
        var (code, stdout, err) = CliTests.Run(["compare", .. files, "--out", dir]); // their own status quo: the announced 24%
        Assert.True(code == 0, err);
        Assert.Contains(RunWorkbook.FileName, stdout);
        foreach (var f in ComparisonReport.Files) Assert.True(File.Exists(Path.Combine(dir, f)), f);
        ExampleOutputsTests.CheckFolder(dir); // comparison.csv strict, JSON parses, hashes, workbook cell by cell
        var rows = MiniExcel.Query(Path.Combine(dir, RunWorkbook.FileName), useHeaderRow: true, sheetName: "comparison").Cast<IDictionary<string, object?>>().ToArray();
        var usWelfare = rows.Single(r => (string?)r["scenario"] == "3-deal-15" && (string?)r["country"] == "USA" && (string?)r["statistic"] == "welfare");
        Assert.IsType<double>(usWelfare["value"]);
        Assert.Equal("percent", usWelfare["unit"]);
    }
}
