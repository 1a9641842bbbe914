using Parley.Models.Estimation;
using Parley.Reports;
using Xunit;

namespace Parley.Tests.Reports;

/// <summary>The CSV, Markdown and LaTeX regression tables, on two hand-made columns whose every cell is known.</summary>
public class RegressionTableTests
{
    private static RegressionResult Column(string name, EstimationMethod method, int n, IReadOnlyList<int> levels, params Coefficient[] coefficients) =>
        new(name, method, coefficients, new double[coefficients.Length, coefficients.Length], n, 0, 0, levels, 10, 3, 7, 1.5, 0.9, true,
            $"clustered by pair ({name})", 1.0, []);

    private static readonly RegressionResult[] Two =
    [
        Column("1", EstimationMethod.Ols, 12345, [], new("ln_DIST", -1.0023456, 0.0312), new("intercept", 9.87654, 1.5)),
        Column("2, with FE", EstimationMethod.Ppml, 678, [40, 41], new("ln_DIST", -0.8214, 0.03149), new("CNTG", 0.4375, 0.0836)),
    ];

    [Fact]
    public void Csv_has_one_row_per_coefficient_at_full_precision_and_quotes_names_with_commas()
    {
        var t = StrictCsv.Parse(RegressionTable.Csv(Two), "table.csv");
        Assert.Equal(["column", "variable", "coefficient", "std_error", "n_obs"], t.Header);
        Assert.Equal(4, t.Rows.Count);
        Assert.Equal(["1", "ln_DIST", "-1.0023456", "0.0312", "12345"], t.Rows[0]);
        Assert.Equal(["2, with FE", "CNTG", "0.4375", "0.0836", "678"], t.Rows[3]);
    }

    [Fact]
    public void Markdown_prints_estimates_over_standard_errors_with_blanks_where_a_column_lacks_a_variable()
    {
        var lines = RegressionTable.Markdown("Table 1", Two).Split('\n');
        Assert.Equal("**Table 1**", lines[0]);
        Assert.Equal("| | (1) OLS | (2, with FE) PPML |", lines[2]);
        Assert.Equal("|---|---:|---:|", lines[3]);
        Assert.Equal("| ln_DIST | -1.002 | -0.821 |", lines[4]);
        Assert.Equal("| | (0.031) | (0.031) |", lines[5]);
        Assert.Equal("| CNTG |  | 0.438 |", lines[6]);
        Assert.Equal("| |  | (0.084) |", lines[7]);
        Assert.Equal("| intercept | 9.877 |  |", lines[8]); // the intercept comes last
        Assert.Equal("| N | 12,345 | 678 |", lines[10]);
        Assert.Equal("| Fixed effects | no | 40 levels + 41 levels |", lines[11]);
        Assert.Contains("(1) clustered by pair (1); (2, with FE) clustered by pair (2, with FE).", lines[13]);
    }

    [Fact]
    public void Latex_escapes_underscores_and_ampersands_and_has_one_column_per_regression()
    {
        var tex = RegressionTable.Latex("Gravity & distance", Two);
        var lines = tex.Split('\n');
        Assert.Equal("\\caption{Gravity \\& distance}", lines[1]);
        Assert.Equal("\\begin{tabular}{lcc}", lines[2]);
        Assert.Contains("ln\\_DIST & -1.002 & -0.821 \\\\", lines);
        Assert.Contains(" & (0.031) & (0.031) \\\\", lines);
        Assert.Contains("N & 12345 & 678 \\\\", lines);
        Assert.DoesNotContain("ln_DIST", tex);
        Assert.Equal(tex.Split("\\begin{").Length, tex.Split("\\end{").Length);
    }
}
