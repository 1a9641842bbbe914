using System.Globalization;
using Parley.Application;
using Parley.Data.Build;
using Parley.Data.Build.Internals;
using Parley.Internals;
using Parley.Models.Estimation;
using Parley.Tests.Cli;
using Xunit;

namespace Parley.Tests.Data;

/// <summary>
/// CP (2015)'s estimation files and their preparation (docs/models/uncertainty.md (U-15)), on a folder written by the
/// test in CP's layout: 16 economies, three ISIC divisions, sector 1 = divisions 1–2 and sector 2 = division 3, flows
/// generated from a gravity equation with known θ per sector. The MAT-files are written from the format's specification
/// by <see cref="MatFileWriter"/>. Each preparation rule changes the answer if it is done wrong: the tariff gap fill
/// order, the mean of tariffs and sum of flows over a sector's divisions, the importer-in-rows orientation, the sample.
/// </summary>
public sealed class Cp2015ElasticitySourceTests : IDisposable
{
    private const int N0 = 16, Divisions = 3;
    private static readonly double[] s_theta = [4.0, 7.5]; // per sector
    private readonly TempFolder _tmp = new();
    private readonly string _source;
    private readonly string _sample;

    public Cp2015ElasticitySourceTests()
    {
        _source = Path.Combine(_tmp.Path, "cp");
        Directory.CreateDirectory(_source);
        File.WriteAllText(Path.Combine(_source, "IDProduct_2.txt"), "1\n2\n5\n");
        File.WriteAllText(Path.Combine(_source, "concordance2.txt"), "1\t1\t2\n2\t3\t3\n");
        var rows = Divisions * N0;
        var trade = new double[rows * N0];
        var tau = Enumerable.Range(89, 8).ToDictionary(y => y, _ => Enumerable.Repeat(double.NaN, rows * N0).ToArray());
        for (var d = 0; d < Divisions; d++)
            for (var imp = 0; imp < N0; imp++)
                for (var exp = 0; exp < N0; exp++)
                {
                    var k = exp * rows + d * N0 + imp; // column-major: row = division · 16 + importer, column = exporter
                    var sector = d < 2 ? 0 : 1;
                    var share = d == 0 ? 0.4 : d == 1 ? 0.6 : 1.0;
                    trade[k] = share * Flow(sector, exp, imp);
                    tau[93][k] = Tariff(exp, imp);
                }
        // Gap fill: importer ARG (0) from exporter AUS (1), division 1: 1993 and 1992 missing, 1991 holds the true rate,
        // 1994 a wrong one (CP take 1992, 1991, 1990, 1989, then 1994, 1995).
        var cell = 1 * rows + 0 * N0 + 0;
        tau[91][cell] = tau[93][cell];
        tau[94][cell] = 9.9;
        tau[93][cell] = double.NaN;
        // Division 2 of the same link has only 1995, its true rate; the sector's tariff is the mean of both divisions.
        var cell2 = 1 * rows + 1 * N0 + 0;
        tau[95][cell2] = tau[93][cell2];
        tau[93][cell2] = double.NaN;
        // No trade recorded from CHE (3) to CAN (2) in sector 1 (a missing cell in one division, zero in the other).
        trade[3 * rows + 0 * N0 + 2] = double.NaN;
        trade[3 * rows + 1 * N0 + 2] = 0;
        MatFileWriter.Write(Path.Combine(_source, "xbilats_93.mat"), compress: true, new MatFileWriter.Variable("xbilats_93", rows, N0, trade));
        MatFileWriter.Write(Path.Combine(_source, "tau.mat"), compress: true,
            [.. tau.Select(kv => new MatFileWriter.Variable("tau_" + kv.Key.ToString(CultureInfo.InvariantCulture), rows, N0, kv.Value))]);
        _sample = _tmp.Write("sample.csv", """
            cp_sector_index,cp_sector,countries,drop_lowest_tariff_ratio
            1,Agriculture,ARG AUS CAN CHE CHL CHN COL EU25,false
            2,Mining,USA THA JPN KOR IND IDN,true

            """);
    }

    // Gravity with exporter, importer and symmetric pair terms: X_{a→b} = exp(e_a + m_b + d_ab) (1 + t_ab)^(−θ).
    private static double Flow(int sector, int exp, int imp) =>
        Math.Exp(0.3 * exp - 0.2 * imp + 0.05 * (exp + 1) * (imp + 1) % 7 + 10) * Math.Pow(Tariff(exp, imp), -s_theta[sector]);

    private static double Tariff(int exp, int imp) => exp == imp ? 1 : 1 + 0.01 * ((3 * exp + 5 * imp) % 11) + 0.002 * exp;

    [Fact]
    public void Sectors_take_the_sample_economies_the_mean_tariff_and_summed_flows_with_the_exporter_first()
    {
        var sectors = Cp2015ElasticitySource.Read(_source, _sample);
        Assert.Equal([1, 2], sectors.Select(s => s.Index));
        var agriculture = sectors[0];
        Assert.Equal(["ARG", "AUS", "CAN", "CHE", "CHL", "CHN", "COL", "EU25"], agriculture.Countries);
        Assert.Equal(["IDN", "IND", "JPN", "KOR", "THA", "USA"], sectors[1].Countries); // the files' order, not the sample's
        var n = agriculture.Countries.Count;
        Assert.Equal(Flow(0, 5, 2), agriculture.Trade[5 * n + 2], 9);          // CHN → CAN: 0.4 + 0.6 of the flow
        Assert.Equal(Tariff(1, 0), agriculture.Tariff[1 * n + 0], 15);        // AUS → ARG: filled from 1991 and 1995
        Assert.Equal(0, agriculture.Trade[3 * n + 2]);                        // CHE → CAN: missing + zero = no trade
        Assert.True(sectors[1].DropLowestTariffRatio);
    }

    [Fact]
    public void Triad_regression_on_the_prepared_files_recovers_each_sectors_theta_exactly()
    {
        var estimates = TradeElasticityBuild.Estimate(_source, _sample);
        // 8 economies: C(8,3) = 56 triads, less the 6 that contain the CHE–CAN link without trade.
        Assert.Equal((56, 50, 0), (estimates[0].Triads, estimates[0].Observations, estimates[0].Outliers));
        Assert.Equal((20, 19, 1), (estimates[1].Triads, estimates[1].Observations, estimates[1].Outliers));
        for (var s = 0; s < 2; s++)
        {
            Assert.Equal(s_theta[s], estimates[s].Theta, 9);
            Assert.Equal(s_theta[s], estimates[s].ThetaWithEffects, 9);
            Assert.True(estimates[s].StdError < 1e-8, $"noise-free data: s.e. {estimates[s].StdError}");
        }
    }

    [Fact]
    public void Build_command_writes_the_table_and_refuses_a_missing_file_or_out()
    {
        var outDir = Path.Combine(_tmp.Path, "out");
        var run = CliTests.Run("data", "build-cp2015-elasticities", "--source", _source, "--sample", _sample, "--out", outDir);
        Assert.True(run.Code == 0, run.Err);
        Assert.Contains("Mining", run.Out);
        var table = CsvTable.Read(Path.Combine(outDir, TradeElasticityBuild.TableFile));
        Assert.Equal(TradeElasticityBuild.Header, table.Header);
        Assert.Equal(["Agriculture", "4.00", "0.00", "50"], table.Rows[0].Fields[..4]);
        Assert.Equal(7.5, double.Parse(table.Rows[1].Fields[table.Column("theta_estimate")], CultureInfo.InvariantCulture), 9);
        Assert.Contains("sha256", File.ReadAllText(Path.Combine(outDir, "manifest.json")));
        Assert.Equal(2, CliTests.Run("data", "build-cp2015-elasticities", "--source", _source, "--sample", _sample).Code);
        File.Delete(Path.Combine(_source, "tau.mat"));
        var missing = CliTests.Run("data", "build-cp2015-elasticities", "--source", _source, "--sample", _sample, "--out", Path.Combine(_tmp.Path, "o2"));
        Assert.Equal(2, missing.Code);
        Assert.Contains("tau.mat", missing.Err);
    }

    [Theory]
    [InlineData("1,Agriculture,ARG AUS XYZ,false", "countries")]
    [InlineData("1,Agriculture,ARG AUS,false", "countries")]
    [InlineData("3,Other,ARG AUS CAN,false", "cp_sector_index")]
    [InlineData("1,Agriculture,ARG AUS CAN,maybe", "drop_lowest_tariff_ratio")]
    public void A_bad_sample_row_is_refused_with_its_line_and_field(string row, string field)
    {
        var path = _tmp.Write("bad.csv", "cp_sector_index,cp_sector,countries,drop_lowest_tariff_ratio\n" + row + "\n");
        var e = Assert.Throws<ParleyInputException>(() => Cp2015ElasticitySource.Read(_source, path));
        Assert.Equal((2, field), (e.LineNumber, e.Field));
    }

    [Fact]
    public void Mat_reader_reads_compressed_and_plain_matrices_widens_integer_storage_and_keeps_nan()
    {
        var path = Path.Combine(_tmp.Path, "m.mat");
        MatFileWriter.Write(path, compress: false,
            new MatFileWriter.Variable("a", 2, 3, [1, 2, 3, 4, double.NaN, 6]),
            new MatFileWriter.Variable("counts_long_name", 1, 2, [7, 255], AsUInt8: true));
        var m = MatFile.Read(path);
        Assert.Equal((2.0, 3.0, 6.0), (m["a"][1, 0], m["a"][0, 1], m["a"][1, 2])); // column-major, as MATLAB stores it
        Assert.True(double.IsNaN(m["a"][0, 2]));
        Assert.Equal([7.0, 255.0], m["counts_long_name"].Values);
        var compressed = Path.Combine(_tmp.Path, "c.mat");
        MatFileWriter.Write(compressed, compress: true, new MatFileWriter.Variable("a", 2, 3, [1, 2, 3, 4, 5, 6]), new MatFileWriter.Variable("b", 1, 1, [42]));
        var c = MatFile.Read(compressed);
        Assert.Equal((6.0, 42.0), (c["a"][1, 2], c["b"][0, 0]));
        var wrong = Assert.Throws<ParleyInputException>(() => MatFile.Variable(compressed, c, "a", 3, 2));
        Assert.Equal(("a", "2 × 3"), (wrong.Field, wrong.Value));
        Assert.Contains("a, b", Assert.Throws<ParleyInputException>(() => MatFile.Variable(compressed, c, "tau_93", 2, 3)).Expected);
    }

    [Fact]
    public void Mat_reader_refuses_a_file_that_is_not_level_5_or_is_truncated()
    {
        var hdf5 = _tmp.Write("v73.mat", "MATLAB 7.3 MAT-file, Platform: GLNXA64, HDF5 schema 1.00 .".PadRight(128));
        Assert.Equal("header", Assert.Throws<ParleyInputException>(() => MatFile.Read(hdf5)).Field);
        var path = Path.Combine(_tmp.Path, "t.mat");
        MatFileWriter.Write(path, compress: false, new MatFileWriter.Variable("a", 2, 2, [1, 2, 3, 4]));
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..^16]);
        Assert.Equal("data element", Assert.Throws<ParleyInputException>(() => MatFile.Read(path)).Field);
    }

    public void Dispose() => _tmp.Dispose();
}
