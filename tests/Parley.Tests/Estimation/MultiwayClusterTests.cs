using Parley.Gravity;
using Parley.Models.Estimation;
using Xunit;

namespace Parley.Tests.Estimation;

/// <summary>
/// Multi-way clustering (Cameron, Gelbach &amp; Miller 2011) on the Advanced Guide's Table 1 PPML column, checked against an
/// oracle assembled from independent one-way fits: V = q_min·(V_1/q_1 + V_2/q_2 − V_12/q_12), q_g = G_g/(G_g − 1).
/// </summary>
public class MultiwayClusterTests
{
    private static readonly RegressionInput Ppml =
        EstimationFile.Read(Path.Combine(AppContext.BaseDirectory, "examples", "yotov-table1.yaml")).Columns.Single(c => c.Method == EstimationMethod.Ppml);

    private static int[] Exporter => Ppml.FixedEffects[0].Ids;
    private static int[] Importer => Ppml.FixedEffects[1].Ids;

    private static RegressionResult Fit(params int[][] clusters) => GravityEstimator.Estimate(Ppml with { Clusters = clusters });

    [Fact]
    public void Two_way_exporter_year_by_importer_year_equals_the_inclusion_exclusion_of_one_way_fits()
    {
        var both = Exporter.Select((e, k) => (long)e * 1_000_000 + Importer[k]).ToArray();
        var ids = both.Distinct().Select((v, i) => (v, i)).ToDictionary(t => t.v, t => t.i);
        var intersection = both.Select(v => ids[v]).ToArray();
        var (e1, i1, ei) = (Fit(Exporter), Fit(Importer), Fit(intersection));
        var two = Fit(Exporter, Importer);
        static double Q(int g) => g / (g - 1.0);
        var qmin = Q(Math.Min(e1.Clusters, i1.Clusters));
        Assert.Equal(Math.Min(e1.Clusters, i1.Clusters), two.Clusters);
        Assert.Contains("2-way clustered", two.VceDescription);
        for (var a = 0; a < two.Coefficients.Count; a++)
        {
            Assert.Equal(e1.Coefficients[a].Estimate, two.Coefficients[a].Estimate, 12);
            for (var b = 0; b < two.Coefficients.Count; b++)
            {
                var oracle = qmin * (e1.Covariance[a, b] / Q(e1.Clusters) + i1.Covariance[a, b] / Q(i1.Clusters) - ei.Covariance[a, b] / Q(ei.Clusters));
                Assert.True(Math.Abs(oracle - two.Covariance[a, b]) <= 1e-9 * Math.Abs(two.Covariance[a, a]) + 1e-15,
                    $"V[{a},{b}]: two-way {two.Covariance[a, b]:E6}, oracle {oracle:E6}");
            }
        }
        Assert.DoesNotContain(two.Warnings, w => w.Contains("eigenvalues", StringComparison.Ordinal));
    }

    [Fact]
    public void Clustering_twice_on_the_same_dimension_is_one_way_clustering()
    {
        var pair = Ppml.Clusters[0];
        var one = Fit(pair);
        var twice = Fit(pair, pair);
        for (var a = 0; a < one.Coefficients.Count; a++)
            Assert.Equal(one.Coefficients[a].StdError, twice.Coefficients[a].StdError, 12);
    }

    [Fact]
    public void Cluster_list_in_the_estimation_file_is_read_and_more_than_three_is_an_error()
    {
        using var tmp = new TempFolder();
        tmp.Write("d.csv", "exporter,importer,year,trade,dist,pair\nA,B,2000,10,5,1\nB,A,2000,12,5,1\nA,C,2000,3,9,2\nC,A,2000,4,9,2\nB,C,2000,7,7,3\nC,B,2000,6,7,3\n");
        string Spec(string cluster) => "name: t\ndata: d.csv\npanel: { exporter: exporter, importer: importer, year: year, trade: trade, distance: dist }\n" +
            $"variables:\n  ln_dist: log(dist)\ncolumns:\n  - {{ name: \"1\", method: ols, dependent: trade, regressors: [ln_dist], cluster: {cluster} }}\n";
        var spec = EstimationFile.Read(tmp.Write("ok.yaml", Spec("[exporter, importer]")));
        Assert.Equal(2, spec.Columns[0].Clusters.Count);
        var e = Assert.Throws<ParleyInputException>(() => EstimationFile.Read(tmp.Write("bad.yaml", Spec("[exporter, importer, pair, year]"))));
        Assert.Equal("cluster", e.Field.Split('.')[^1]);
    }

    [Fact]
    public void A_non_PSD_variance_keeps_only_its_non_negative_eigenvalues()
    {
        // [[1,2],[2,1]] has eigenvalues 3 and −1 with eigenvectors (1,1)/√2 and (1,−1)/√2: clipping leaves 3·vvᵀ.
        var a = new double[,] { { 1, 2 }, { 2, 1 } };
        Assert.True(Parley.Models.Estimation.Internals.MultiwayClusters.ClipNegativeEigenvalues(a));
        foreach (var x in a) Assert.Equal(1.5, x, 12);
        var psd = new double[,] { { 2, 1 }, { 1, 2 } };
        Assert.False(Parley.Models.Estimation.Internals.MultiwayClusters.ClipNegativeEigenvalues(psd));
        Assert.Equal(1.0, psd[0, 1]);
    }
}
