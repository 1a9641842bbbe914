using Parley.Gravity;
using Parley.Models.Estimation;
using Xunit;

namespace Parley.Tests.Estimation;

public class EstimationInputTests
{
    private const string Data = "exporter,importer,year,trade,dist,cont,pair\nA,B,2000,10,5,1,1\nB,A,2000,12,5,1,1\nA,C,2000,3,9,0,2\nC,A,2000,4,9,0,2\nB,C,2000,7,7,0,3\nC,B,2000,6,7,0,3\n";

    private static string Spec(string column) =>
        "name: t\ndata: d.csv\npanel: { exporter: exporter, importer: importer, year: year, trade: trade, distance: dist }\n" +
        "variables:\n  ln_dist: log(dist)\ncolumns:\n" + column;

    private static ParleyInputException Fails(string data, string spec)
    {
        using var tmp = new TempFolder();
        tmp.Write("d.csv", data);
        var path = tmp.Write("e.yaml", spec);
        return Assert.Throws<ParleyInputException>(() =>
        {
            foreach (var c in EstimationFile.Read(path).Columns) GravityEstimator.Estimate(c);
        });
    }

    private const string Ppml = "  - { name: \"1\", method: ppml, dependent: trade, regressors: [ln_dist, cont], fixed_effects: [exporter, importer], cluster: pair }\n";

    [Fact]
    public void A_single_cluster_is_an_input_error_not_an_infinite_standard_error()
    {
        // Clustering on a variable with one level makes G/(G−1) infinite; the SEs would reach the JSON writer as Infinity.
        var data = Data.Replace(",1,1\n", ",1,9\n").Replace(",0,2\n", ",0,9\n").Replace(",0,3\n", ",0,9\n");
        var e = Fails(data, Spec("  - { name: \"1\", method: ols, dependent: trade, regressors: [ln_dist], cluster: pair }\n"));
        Assert.Equal("cluster", e.Field);
        Assert.Contains("at least two clusters", e.Message);
    }

    [Fact]
    public void Negative_trade_names_the_data_line()
    {
        var e = Fails(Data.Replace("A,C,2000,3,", "A,C,2000,-3,"), Spec(Ppml));
        Assert.Equal(4, e.LineNumber);
        Assert.Equal("trade", e.Field);
    }

    [Fact]
    public void Non_numeric_value_names_line_and_column()
    {
        var e = Fails(Data.Replace("B,C,2000,7,7,", "B,C,2000,7,far,"), Spec(Ppml));
        Assert.Equal(6, e.LineNumber);
        Assert.Equal("dist", e.Field);
    }

    [Fact]
    public void Missing_column_and_unknown_variable_are_named()
    {
        Assert.Equal("cont", Fails(Data.Replace(",cont,", ",contiguity,"), Spec(Ppml)).Value);
        var e = Fails(Data, Spec(Ppml.Replace("[ln_dist, cont]", "[ln_dist, lang]")));
        Assert.Equal("lang", e.Value);
        Assert.NotNull(e.LineNumber);
    }

    [Fact]
    public void Fixed_effect_level_with_one_observation_is_an_error_unless_dropped()
    {
        var data = Data + "D,A,2000,5,3,0,4\n";
        var e = Fails(data, Spec(Ppml));
        Assert.Contains("singletons: drop", e.Message);
        Assert.Equal(8, e.LineNumber);
    }

    [Fact]
    public void Perfect_collinearity_is_an_error()
    {
        var e = Fails(Data, Spec("  - { name: \"1\", method: ols, dependent: trade, regressors: [cont, cont2], cluster: pair }\n")
            .Replace("  ln_dist: log(dist)\n", "  ln_dist: log(dist)\n  cont2: cont\n"));
        Assert.Contains("collinear", e.Message);
    }

    [Fact]
    public void Separation_by_regressors_drops_exactly_the_separated_rows_and_reports_the_omitted_regressor()
    {
        // x1 − x2 is 0 on every positive row and positive on the zero rows D→A, D→B: those rows are separated.
        var data = "exporter,importer,year,trade,x1,x2,pair\n" +
                   "A,B,2000,10,1,1,1\nB,A,2000,12,2,2,1\nA,C,2000,3,0,0,2\nC,A,2000,4,1,1,2\nB,C,2000,7,3,3,3\nC,B,2000,6,0,0,3\n" +
                   "D,A,2000,0,5,1,4\nD,B,2000,0,4,1,5\nD,C,2000,5,2,2,6\nA,D,2000,2,1,1,4\nB,D,2000,3,0,0,5\nC,D,2000,4,2,2,6\n";
        using var tmp = new TempFolder();
        tmp.Write("d.csv", data);
        var path = tmp.Write("e.yaml", "name: t\ndata: d.csv\ncolumns:\n  - { name: \"1\", method: ppml, dependent: trade, regressors: [x1, x2], fixed_effects: [exporter, importer] }\n");
        var spec = EstimationFile.Read(path);
        var result = GravityEstimator.Estimate(spec.Columns[0]);
        Assert.Equal(2, result.DroppedSeparated);
        Assert.Equal(10, result.Observations);
        Assert.Contains(result.Warnings, w => w.Contains("omitted", StringComparison.Ordinal) && w.Contains("x2", StringComparison.Ordinal));
        Assert.True(double.IsFinite(result["x1"].Estimate));
    }
}
