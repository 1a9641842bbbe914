using System.Globalization;
using Parley.Internals;
using Parley.Reports;
using Xunit;

namespace Parley.Tests.Reports;

public class CsvOutputTests
{
    [Fact]
    public void Fields_with_commas_quotes_and_line_breaks_round_trip_through_a_strict_reader()
    {
        string[] awkward = ["EU27 (27 countries, absorption-weighted)", "say \"no\"", "two\nlines", "cr\r\nlf", " padded ", ""];
        var text = CsvOutput.Text(["name", "row_index"], awkward.Select((a, i) => (IReadOnlyList<string>)[a, CsvOutput.Number(i)]));
        var t = StrictCsv.Parse(text, "test");
        Assert.Equal(awkward, t.Rows.Select(r => r[0]));
        Assert.Contains("\"EU27 (27 countries, absorption-weighted)\"", text);
        Assert.Contains("\"say \"\"no\"\"\"", text);
    }

    [Fact]
    public void A_table_without_rows_still_has_its_header()
    {
        Assert.Equal("importer,exporter,sector,none", CsvOutput.Text(["importer", "exporter", "sector", "none"], []).TrimEnd());
        using var tmp = new TempFolder();
        var path = Path.Combine(tmp.Path, "empty.csv");
        CsvOutput.File(path, ["a", "b"], []);
        Assert.Equal(["a", "b"], StrictCsv.Read(path).Header);
    }

    [Theory]
    [InlineData(0.1 + 0.2)]
    [InlineData(1e-300)]
    [InlineData(-123456.78901234567)]
    [InlineData(double.Epsilon)]
    public void Numbers_are_invariant_and_round_trip_exactly(double value)
    {
        var text = CsvOutput.Number(value);
        Assert.DoesNotContain(",", text);
        Assert.Equal(value, double.Parse(text, CultureInfo.InvariantCulture));
        Assert.Equal("", CsvOutput.Number((double?)null));
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void NaN_and_infinities_are_never_written(double value) =>
        Assert.Throws<InvalidOperationException>(() => CsvOutput.Number(value));

    [Fact]
    public void A_row_with_the_wrong_number_of_fields_is_never_written()
    {
        Assert.Throws<ArgumentException>(() => CsvOutput.Text(["a", "b"], [["1", "2", "3"]]));
        Assert.Throws<ArgumentException>(() => CsvOutput.Text(["a", "a"], []));
    }

    [Fact]
    public void A_named_column_left_unset_fails_instead_of_shifting_the_row()
    {
        Assert.ThrowsAny<Exception>(() =>
        {
            using var w = CsvOutput.ToText("a", "b");
            using (var row = w.NewRow()) row["a"].Set("1");
            return w.ToString();
        });
    }
}
