using System.Globalization;
using Parley.Data;
using Parley.Models.OneSector;
using Parley.Replication;
using Xunit;

namespace Parley.Tests.Replication;

/// <summary>Shared replication run (about 20 equilibria), computed once for the class.</summary>
public sealed class Jie2025Fixture
{
    public ReplicationReport Report { get; } = Jie2025Replication.Run(BundledData.World2023);
}

public class Jie2025ReplicationTests(Jie2025Fixture fixture) : IClassFixture<Jie2025Fixture>
{
    private ReplicationReport Report => fixture.Report;

    private static IEnumerable<string[]> ReadCsv(string file) =>
        File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Reference", file)).Skip(1).Select(l => l.Split(','));

    [Fact]
    public void Table1_every_published_cell_matches_within_half_a_printed_digit()
    {
        // Tolerance: half a unit of the last printed digit (+ 0.001 for cells that sit on a rounding edge).
        var rows = ReadCsv("jie2025_table1.csv").ToList();
        Assert.Equal(36, rows.Count);
        foreach (var r in rows)
        {
            var published = double.Parse(r[4], CultureInfo.InvariantCulture);
            var decimals = r[4].Contains('.') ? r[4].Length - r[4].IndexOf('.') - 1 : 0;
            var cell = Assert.Single(Report.Cells, c => c.Table == "1" && c.Case == r[1] && c.RowLabel == r[2] && c.ColumnLabel == r[3]);
            Assert.Equal(r[5], cell.Unit);
            var tolerance = 0.5 * Math.Pow(10, -decimals) + 0.001;
            Assert.True(Math.Abs(cell.Value!.Value - published) <= tolerance,
                $"{r[1]} / {r[2]} / {r[3]}: Parley {cell.Value:F5}, paper {published}");
        }
    }

    [Theory]
    [InlineData("Case 1: USTR tariffs + income tax relief + no retaliation", 1.13071, -18.06188, -52.71231, -43.57628, 0.31785, 12.81006, -0.57588, 11.62414, -3.24263, -3.34735, -0.13646, -4.66579)]
    [InlineData("Case 2: USTR tariffs + lump-sum rebate + no retaliation", -0.00572, -18.38220, -52.54998, -43.34584, -0.40994, 13.12506, -0.57399, 11.67996, -3.28205, -3.36753, -0.13753, -4.78052)]
    [InlineData("Case 3: optimal US tariffs + income tax relief + no retaliation", 1.78956, -19.06666, -55.25049, -45.57415, 0.50928, 12.61060, -0.61064, 17.08764, -4.20113, -3.74412, -0.16391, -4.59314)]
    public void Table1_full_precision_matches_spec_check_values(string @case, params double[] expected)
    {
        string[] cols = ["welfare", "deficit", "exports/GDP", "imports/GDP", "employment", "prices"];
        for (var k = 0; k < 12; k++)
        {
            var row = k < 6 ? "USA" : "non-US (average)";
            var cell = Report.Cells.Single(c => c.Table == "1" && c.Case == @case && c.RowLabel == row && c.ColumnLabel == cols[k % 6]);
            Assert.True(Math.Abs(cell.Value!.Value - expected[k]) < 1e-4, $"{row} {cols[k % 6]}: {cell.Value} vs {expected[k]}");
        }
    }

    [Fact]
    public void Table1_case1_all_194_countries_match_the_authors_full_precision_output()
    {
        var data = BundledData.World2023;
        var e = Calibration.Baseline(data, new OneSectorParameters());
        var r = EquilibriumSolver.Solve("case 1", e, TariffShocks.AnnouncedUs(data), new OneSectorParameters());
        var rows = ReadCsv("jie2025_table1_case1_by_country.csv").ToList();
        Assert.Equal(194, rows.Count);
        foreach (var row in rows)
        {
            var c = r[row[0]];
            double?[] ours = [c.Welfare, c.Deficit, c.ExportsToGdp, c.ImportsToGdp, c.Employment, c.Prices, c.TariffRevenueShare];
            for (var k = 0; k < 7; k++)
            {
                var published = double.Parse(row[k + 1], CultureInfo.InvariantCulture);
                // The authors' MATLAB run stops at fsolve tolerance 1e-10; agreement to 1e-6 (absolute, in percent) is far
                // below any printed digit and leaves room for their looser solve.
                Assert.True(Math.Abs(ours[k]!.Value - published) < 1e-6 * Math.Max(1, Math.Abs(published)),
                    $"{row[0]} statistic {k + 1}: Parley {ours[k]}, authors {published}");
            }
        }
    }

    [Fact]
    public void Every_reproducible_cell_has_a_finite_value_and_every_skipped_cell_a_reason()
    {
        Assert.All(Report.Cells, c =>
        {
            if (c.Unit == "skipped") Assert.False(string.IsNullOrWhiteSpace(c.Note));
            else Assert.True(c.Value is { } v && double.IsFinite(v), $"{c.Table}/{c.Case}/{c.RowLabel}/{c.ColumnLabel}");
        });
        Assert.All(Report.Solves, s => Assert.True(s.Diagnostics.Converged));
        foreach (var table in new[] { "1", "2", "3", "4", "8", "9", "10", "11" })
            Assert.Contains(Report.Cells, c => c.Table == table && c.Value is not null);
    }

    [Fact]
    public void Formula_inputs_match_spec_check_values()
    {
        var s = new Jie2025Scenarios(BundledData.World2023);
        Assert.Equal(0.21798822, s.OptimalA, 1e-8);
        Assert.Equal(0.18543207, s.OptimalB, 1e-8);
        Assert.Equal(0.22742195, s.OptimalRetaliation, 1e-8);
        Assert.Equal(0.16222606, s.OssaRetaliation, 1e-8);
        var (dR, dU) = OptimalTariffs.TwoRegionDelta(s.Baseline, s.Us);
        Assert.Equal(0.92255251, dR, 1e-8);
        Assert.Equal(0.90627865, dU, 1e-8);
        Assert.Equal(0.72487758, OptimalTariffs.Delta(s.Baseline, s.Us, OptimalTariffBase.Absorption), 1e-8);
        Assert.Equal(5.7255e8, s.Balanced.Transfers.Sum(), 0.0001e8);
    }
}
