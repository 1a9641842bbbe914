using Parley.Replication;
using Xunit;

namespace Parley.Tests.Replication;

public class PublishedValuesTests
{
    private const string Header = "table,case,row_label,column_label,value,unit,note\n";

    [Fact]
    public void Printed_decimals_set_the_tolerance()
    {
        var files = PublishedValues.ReadJie2025();
        var welfare = files[new CellKey("1", "Case 1: USTR tariffs + income tax relief + no retaliation", "USA", "welfare")];
        Assert.Equal(("1.13", 2, 0.005), (welfare.Text, welfare.Decimals, welfare.Tolerance));
        var deficit = files[new CellKey("1", "Case 1: USTR tariffs + income tax relief + no retaliation", "USA", "deficit")];
        Assert.Equal((1, 0.05), (deficit.Decimals, deficit.Tolerance));
        var intraBloc = PublishedValues.ReadCp2015()[("Mexico", "intra_bloc_trade_change")];
        Assert.Equal((118.0, 0, 0.5), (intraBloc.Value, intraBloc.Decimals, intraBloc.Tolerance));
    }

    [Theory]
    [InlineData("1,c,USA,welfare,1.1x,percent_change,\n", 2, "value", "1.1x")]
    [InlineData("1,c,USA,welfare,,percent_change,\n", 2, "value", "")]
    [InlineData("1,c,USA,welfare,1.13,percent_change,\n1,c,USA,welfare,1.14,percent_change,\n", 3, "table,case,row_label,column_label", "1,c,USA,welfare")]
    public void A_malformed_published_file_is_an_input_error_naming_line_field_and_value(string rows, int line, string field, string value)
    {
        using var tmp = new TempFolder();
        var path = tmp.Write("tables.csv", Header + rows);
        var e = Assert.Throws<ParleyInputException>(() => PublishedValues.ReadJie2025(path));
        Assert.Equal((path, line, field, value), (e.File, e.LineNumber, e.Field, e.Value));
    }

    [Fact]
    public void Provenance_checksums_match_the_bundled_published_files()
    {
        var provenance = File.ReadAllText(Path.Combine(PublishedValues.Folder, "PROVENANCE.md"));
        foreach (var file in new[] { "jie2025/tables.csv", "cp2015/nafta.csv" })
        {
            var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(Path.Combine(PublishedValues.Folder, file))));
            Assert.Contains($"{hash}  data/published/{file}", provenance, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_published_file_without_a_note_column_is_an_input_error()
    {
        using var tmp = new TempFolder();
        var path = tmp.Write("nafta.csv", "region,statistic,value,unit\nMexico,welfare_total,1.31,percent\n");
        var e = Assert.Throws<ParleyInputException>(() => PublishedValues.ReadCp2015(path));
        Assert.Equal("note", e.Field);
    }
}
