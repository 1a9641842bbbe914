using Parley.Application;
using Parley.Application.WorkItems;
using Parley.Scenarios;
using Xunit;

namespace Parley.Tests.Scenarios;

/// <summary>The <c>scenario-sweep</c> work kind (decision 0030): item k = variant k, the numbers SweepRunner reports.</summary>
public class ScenarioSweepWorkTests
{
    private static readonly string Example = Path.Combine(AppContext.BaseDirectory, "examples", "sweeps", "us-japan-one-sector.yaml");
    private static readonly DateOnly Day = new(2025, 7, 1);

    [Fact]
    public void Items_run_on_threads_give_the_sweep_runners_rows_bit_for_bit()
    {
        var spec = ScenarioSweepWork.Spec(Example, today: Day);
        var work = (ScenarioSweepWork)WorkSweepKinds.Open(spec);
        var rows = work.Rows(new LocalWorkExecutor().Run(work, null, CancellationToken.None));
        var expected = SweepRunner.Run(ScenarioRunner.Load(Example)).Rows; // the file has no per-sector rows (one-sector model)
        Assert.Equal(31, work.Count);
        Assert.Equal(expected.Count, rows.Count);
        foreach (var (e, a) in expected.Zip(rows))
        {
            Assert.Equal((e.Variant, e.Country, e.Statistic, e.Unit), (a.Variant, a.Country, a.Statistic, a.Unit));
            Assert.Equal(BitConverter.DoubleToInt64Bits(e.ParameterValue), BitConverter.DoubleToInt64Bits(a.ParameterValue));
            Assert.Equal(BitConverter.DoubleToInt64Bits(e.Value), BitConverter.DoubleToInt64Bits(a.Value));
        }
    }

    [Fact]
    public void An_items_result_is_the_base_year_then_ten_statistics_per_report_label_in_file_order()
    {
        var work = ScenarioSweepWork.Open(ScenarioSweepWork.Spec(Example, today: Day));
        var r = work.Evaluate(4, CancellationToken.None);
        Assert.Equal(1 + 10 * 6, r.Length); // report: [USA, JPN, KOR, CHN, EU27, WORLD]
        Assert.Equal(2023, r[0]);
        var japanWelfare = r[1 + 1 * 10 + ComparisonStatistics.Names.ToList().IndexOf("welfare")];
        var row = work.Rows(Enumerable.Range(0, work.Count).Select(i => i == 4 ? r : new double[r.Length]).ToArray())
            .Single(x => x.Variant == 5 && x.Country == "JPN" && x.Statistic == "welfare");
        Assert.Equal(japanWelfare, row.Value);
        Assert.Equal(0.04, row.ParameterValue, 15);
    }

    [Fact]
    public void The_spec_pins_the_status_quo_day_and_two_days_are_two_fingerprints()
    {
        var a = ScenarioSweepWork.Spec(Example, today: Day);
        var b = ScenarioSweepWork.Spec(Example, today: Day.AddDays(1));
        Assert.Equal("2025-07-01", a.Options["today"]);
        Assert.NotEqual(a.Fingerprint, b.Fingerprint);
        Assert.Equal(a.Fingerprint, ScenarioSweepWork.Spec(Example, today: Day).Fingerprint);
    }

    [Fact]
    public void A_file_without_sweep_is_an_input_error_naming_the_key()
    {
        var plain = Path.Combine(AppContext.BaseDirectory, "examples", "liberation-day.yaml");
        var e = Assert.Throws<ParleyInputException>(() => ScenarioSweepWork.Spec(plain));
        Assert.Contains("sweep", e.Message);
    }

    [Fact]
    public void More_variants_than_the_limit_is_an_input_error_before_any_solve()
    {
        var e = Assert.Throws<ParleyInputException>(() => ScenarioSweepWork.Spec(Example, new SweepRunOptions { MaxVariants = 30 }));
        Assert.Contains("at most 30 variants", e.Message);
    }
}
