using System.Globalization;
using Parley.Data;
using Parley.Models.OneSector;
using Parley.Replication;
using Xunit;

namespace Parley.Tests.Replication;

/// <summary>Shared replication run (about 20 equilibria and the IO-optimum search), computed once for the collection.</summary>
public sealed class Jie2025Fixture
{
    public IReadOnlyDictionary<CellKey, PublishedValue> Published { get; } = PublishedValues.ReadJie2025();

    public ReplicationReport Report { get; }

    public Jie2025Fixture() => Report = Jie2025Replication.Run(BundledData.World2023, Published);
}

[CollectionDefinition(Name)]
public sealed class Jie2025Collection : ICollectionFixture<Jie2025Fixture>
{
    public const string Name = "jie2025 replication";
}

[Collection(Jie2025Collection.Name)]
public class Jie2025ReplicationTests(Jie2025Fixture fixture)
{
    private ReplicationReport Report => fixture.Report;

    private static IEnumerable<string[]> ReadCsv(string file) =>
        File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Reference", file)).Skip(1).Select(l => l.Split(','));

    [Fact]
    public void Every_printed_cell_of_the_paper_is_one_Parley_cell_and_every_Parley_cell_is_printed()
    {
        Assert.Equal(328, fixture.Published.Count);
        Assert.Equal(fixture.Published.Keys.OrderBy(k => k.ToString()), Report.Cells.Select(c => c.Key).OrderBy(k => k.ToString()));
        Assert.All(Report.Cells, c => Assert.Equal(c.Unit == "skipped" ? fixture.Published[c.Key].Unit : c.Unit, c.Published!.Unit));
    }

    [Fact]
    public void Every_computed_cell_rounds_to_the_printed_digits_except_the_13_cells_the_paper_gets_differently()
    {
        // Tolerance: half a unit of the last printed digit (|Parley − paper| ≤ 0.005 for a number printed as 1.13).
        // The exceptions are the case-4 printing slip and the IO optimum row, where the paper's optimiser applies one
        // country's rate to everyone; each carries the reason in its published note.
        var differ = Report.Cells.Where(c => c.Agreement == Agreement.Differs).ToList();
        Assert.All(differ, c => Assert.NotNull(c.Published!.Note));
        Assert.Equal(
            new[] { "10|Case 4: balanced trade (Ossa), retaliation|non-US (average)|welfare" }
                .Concat(new[] { "USA", "non-US (average)" }.SelectMany(row => new[] { "welfare", "deficit", "exports/GDP", "imports/GDP", "employment", "prices" }
                    .Select(col => $"4|pre-retaliation (2) optimal tariff + one sector|{row}|{col}")))
                .Order(),
            differ.Select(c => $"{c.Table}|{c.Case}|{c.RowLabel}|{c.ColumnLabel}").Order());
        var agree = Report.Cells.Where(c => c.Agreement == Agreement.Agrees).ToList();
        Assert.Equal(259, agree.Count);
        foreach (var c in agree)
            Assert.True(Math.Abs(c.Value!.Value - c.Published!.Value) <= 0.5 * Math.Pow(10, -c.Published.Decimals) * (1 + 1e-9),
                $"{c.Key}: Parley {c.Value:F5}, paper {c.Published.Text}");
        foreach (var table in new[] { "1", "2", "3", "8", "10" })
            Assert.All(Report.Cells.Where(c => c.Table == table && c.Key != differ[0].Key), c => Assert.Equal(Agreement.Agrees, c.Agreement));
        Assert.Equal(56, Report.Cells.Count(c => c.Agreement == Agreement.NotComputed));
    }

    [Fact]
    public void Table1_cells_match_the_independent_reference_transcription_cell_by_cell()
    {
        // The bundled published values (data/published) and the test reference (tests/Reference) were transcribed
        // separately from the same Table_1.tex; both must give the same 36 numbers, and Parley must round to each.
        var rows = ReadCsv("jie2025_table1.csv").ToList();
        Assert.Equal(36, rows.Count);
        foreach (var r in rows)
        {
            var key = new CellKey(r[0], r[1], r[2], r[3]);
            Assert.Equal(r[4], fixture.Published[key].Text);
            var cell = Assert.Single(Report.Cells, c => c.Key == key);
            Assert.Equal(r[5], cell.Unit);
            Assert.Equal(Agreement.Agrees, cell.Agreement);
        }
    }

    [Fact]
    public void Table10_case4_non_US_welfare_is_computed_not_copied_from_case3()
    {
        var case3 = Report.Cells.Single(c => c.Table == "10" && c.Case.StartsWith("Case 3", StringComparison.Ordinal) && c.RowLabel == "non-US (average)" && c.ColumnLabel == "welfare");
        var case4 = Report.Cells.Single(c => c.Table == "10" && c.Case.StartsWith("Case 4", StringComparison.Ordinal) && c.RowLabel == "non-US (average)" && c.ColumnLabel == "welfare");
        // Oracle: the unweighted mean over the 193 non-US countries of (balanced USTR + retaliation) − (balanced, zero tariffs).
        var s = new Jie2025Scenarios(BundledData.World2023);
        var scenarios = s.All().ToDictionary(c => c.Name);
        OneSectorResult Solve(string name) => EquilibriumSolver.Solve(name, scenarios[name].Economy, scenarios[name].Tariffs, scenarios[name].Parameters);
        var war = Solve("Balanced USTR + retaliation");
        var zero = Solve("Balanced zero tariffs");
        var expected = s.NonUs.Average(i => war.Countries[i].Welfare - zero.Countries[i].Welfare);
        Assert.Equal(expected, case4.Value!.Value, 1e-9);
        Assert.True(Math.Abs(case4.Value.Value - case3.Value!.Value) > 0.05, $"case 4 {case4.Value}, case 3 {case3.Value}");
        Assert.Equal("-0.26", case4.Published!.Text);
        Assert.Equal(Agreement.Agrees, case3.Agreement);
        Assert.Contains("printing slip", case4.FullNote, StringComparison.Ordinal);
    }

    [Fact]
    public void Table4_IO_optimum_is_a_maximum_of_US_welfare_against_a_grid_of_uniform_tariffs()
    {
        // Oracle: the slow obvious method — solve the roundabout economy at rates around the optimum and across the
        // range, including the paper's back-solved 0.1257 and the baseline formula's 0.2180; none may do better.
        var io = Report.TariffSearch!;
        var s = new Jie2025Scenarios(BundledData.World2023);
        var warm = EquilibriumSolver.PrepareWarmStart(io.Result);
        double Welfare(double rate) =>
            EquilibriumSolver.Solve("grid", s.Roundabout, s.UniformUs(rate), s.Parameters, warm).Countries[s.Us].Welfare;
        var best = io.Result.Countries[s.Us].Welfare;
        Assert.Equal(io.Welfare, best);
        Assert.Equal(io.Rate, io.Result.Tariffs[s.Chn * s.N + s.Us]);
        foreach (var rate in new[] { 0.05, 0.1257, 0.2180, 0.5, io.Rate - 2e-3, io.Rate + 2e-3 })
            Assert.True(Welfare(rate) < best, $"US welfare at {rate} ≥ {best} at the optimum {io.Rate}");
        Assert.InRange(io.Rate, 0.15, 0.21);
        Assert.True(io.BracketUpper - io.BracketLower <= 2 * new UniformTariffSearchOptions().Tolerance);
        var cell = Report.Cells.Single(c => c.Table == "4" && c.Case.StartsWith("pre-retaliation (2)", StringComparison.Ordinal) && c.RowLabel == "USA" && c.ColumnLabel == "welfare");
        Assert.Equal(best, cell.Value!.Value);
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
