using System.Collections.Immutable;
using Parley.Application;
using Parley.Data;
using Parley.Models.MultiSector;
using Parley.Models.OneSector;
using Parley.Scenarios;
using Xunit;

namespace Parley.Tests.Scenarios;

/// <summary>docs/models/status-quo.md: results as the change from a status quo, by exact hat algebra.</summary>
public class StatusQuoTests
{
    private static string Example(string name) => Path.Combine(AppContext.BaseDirectory, "examples", name);

    /// <summary>Equal to a relative tolerance (absolute below 1).</summary>
    private static void Same(ChangeRow expected, ChangeRow actual, double relative)
    {
        static void Equal(double e, double a, double rel) => Assert.Equal(e, a, rel * Math.Max(1, Math.Abs(e)));
        Equal(expected.Welfare, actual.Welfare, relative);
        Equal(expected.WelfareUsdBillions, actual.WelfareUsdBillions, relative);
        Equal(expected.RealWage, actual.RealWage, relative);
        Equal(expected.ConsumerPrices, actual.ConsumerPrices, relative);
        Equal(expected.Exports, actual.Exports, relative);
        Equal(expected.Imports, actual.Imports, relative);
        Equal(expected.TariffRevenueUsdBillions, actual.TariffRevenueUsdBillions, relative);
        Equal(expected.DeficitUsdBillions, actual.DeficitUsdBillions, relative);
    }

    [Fact]
    public void MultiSector_A_to_B_equals_solving_B_from_A_rebuilt_as_data_to_1e8()
    {
        // (SQ-6): rebuild the data from A's equilibrium (flows, value added, deficits, A's tariffs as the base set), solve B
        // from it, and the changes equal the ratios of the two solutions from the original data.
        var d = BundledData.MultiSector(BundledData.Cp2015Name)!;
        var deficits = new double[d.N];
        var tA = d.Base.ToArray();
        var tB = d.TariffSets["tariff_2005"].ToArray();
        var a = MultiSectorModel.Solve("A", d, tA, deficits);
        var b = MultiSectorModel.Solve("B", d, tB, deficits, null, a);

        var flows = new double[d.Flows.Length];
        for (var j = 0; j < d.J; j++)
            for (var i = 0; i < d.N; i++)
                for (var r = 0; r < d.N; r++) flows[d.Cell(j, i, r)] = a.Flow(j, i, r);
        var rebuilt = d with
        {
            Flows = [.. flows],
            ValueAdded = [.. d.ValueAdded.Select((v, r) => v * a.Wage[r])],
            Deficits = [.. deficits],
            TariffSets = new Dictionary<string, ImmutableArray<double>> { ["status_quo"] = [.. tA] },
            BaseTariffs = "status_quo",
        };
        var identity = MultiSectorModel.Solve("A again", rebuilt, tA, deficits);
        var fromA = MultiSectorModel.Solve("B from A", rebuilt, tB, deficits, null, identity);
        Assert.All(identity.Wage, w => Assert.Equal(1, w, 1e-9));

        var labels = d.Regions.Countries.Select(c => c.Iso3).ToArray();
        var ratios = ChangeRow.Between(SolutionLevels.Of(a, d), SolutionLevels.Of(b, d), labels);
        var resolved = ChangeRow.Between(SolutionLevels.Of(identity, rebuilt), SolutionLevels.Of(fromA, rebuilt), labels);
        Assert.True(ratios.Count > 20);
        for (var k = 0; k < labels.Length; k++)
        {
            Same(resolved[k], ratios[k], 1e-8);
            Assert.Equal(fromA.Wage[k], b.Wage[k] / a.Wage[k], 1e-8);
        }
        Assert.Contains(ratios, r => Math.Abs(r.Welfare) > 0.1); // the check is not vacuous: NAFTA moves welfare
    }

    private static (OneSectorResult A, OneSectorResult B, OneSectorResult C) ThreeOneSectorSolves()
    {
        var data = BundledData.World2023;
        var economy = Calibration.Baseline(data, new OneSectorParameters());
        var p = new OneSectorParameters();
        double[] Tariffs(double japan)
        {
            var t = TariffShocks.AnnouncedUs(data, 0.10);
            TariffShocks.Set(t, data.Countries.Count, [data.Countries.Require("USA")], [data.Countries.Require("JPN")], japan);
            return t;
        }
        return (EquilibriumSolver.Solve("A", economy, Tariffs(0.24), p), EquilibriumSolver.Solve("B", economy, Tariffs(0.15), p),
            EquilibriumSolver.Solve("C", economy, Tariffs(0.0), p));
    }

    [Fact]
    public void OneSector_status_quo_against_itself_is_exactly_zero_and_changes_compose_A_to_B_to_C()
    {
        // The one-sector calibration assumes tariff-free data (docs/models/one-sector.md (OS-1)), so B cannot be re-solved from
        // A rebuilt as data; instead (SQ-2)–(SQ-3) are checked for consistency: A→A is zero, and A→C = (A→B)∘(B→C).
        var (a, b, c) = ThreeOneSectorSolves();
        var labels = new[] { "USA", "JPN", "KOR", "CHN", "DEU" };
        var la = SolutionLevels.Of(a);
        var lb = SolutionLevels.Of(b);
        var lc = SolutionLevels.Of(c);
        foreach (var r in ChangeRow.Between(la, la, labels.Append("EU27").Append("WORLD")))
        {
            Assert.Equal(0.0, r.Welfare);
            Assert.Equal(0.0, r.WelfareUsdBillions);
            Assert.Equal(0.0, r.Exports);
            Assert.Equal(0.0, r.TariffRevenueUsdBillions);
            Assert.Equal(0.0, r.Employment);
        }
        var ab = ChangeRow.Between(la, lb, labels);
        var bc = ChangeRow.Between(lb, lc, labels);
        var ac = ChangeRow.Between(la, lc, labels);
        double Compose(double x, double y) => 100 * ((1 + x / 100) * (1 + y / 100) - 1);
        for (var k = 0; k < labels.Length; k++)
        {
            Assert.Equal(ac[k].Welfare, Compose(ab[k].Welfare, bc[k].Welfare), 1e-10);
            Assert.Equal(ac[k].RealWage, Compose(ab[k].RealWage, bc[k].RealWage), 1e-10);
            Assert.Equal(ac[k].Employment!.Value, Compose(ab[k].Employment!.Value, bc[k].Employment!.Value), 1e-10);
            Assert.Equal(ac[k].Exports, Compose(ab[k].Exports, bc[k].Exports), 1e-10);
            Assert.Equal(ac[k].ConsumerPrices, Compose(ab[k].ConsumerPrices, bc[k].ConsumerPrices), 1e-10);
            Assert.Equal(ac[k].TariffRevenueUsdBillions, ab[k].TariffRevenueUsdBillions + bc[k].TariffRevenueUsdBillions, 1e-9);
        }
        Assert.True(ab[1].Welfare > 0.05); // JPN gains when the US tariff falls from 24% to 15%
    }

    [Fact]
    public void Compare_against_2025_05_30_equals_the_ratio_of_two_tariff_free_runs()
    {
        // The done-when: `parley compare 3-deal-15 2-baseline-10 --status-quo 2025-05-30` reproduces the hand ratio
        // of each file's tariff-free run to the status quo's tariff-free run.
        using var tmp = new TempFolder();
        var files = new[] { Example("us-japan/3-deal-15.yaml"), Example("us-japan/2-baseline-10.yaml") };
        var sq = StatusQuo.Parse("2025-05-30", "(test)", null, "--status-quo", tmp.Path);
        var (comparison, _) = ScenarioComparison.Run(files, sq);
        Assert.Equal("schedule:2025-05-30", comparison.StatusQuo);

        var sqFile = tmp.Write("sq.yaml", """
            name: tariffs in force on 2025-05-30
            tariffs: { base: zero, from-schedule: { date: 2025-05-30 } }
            status_quo: tariff-free
            report: [USA, JPN, KOR, CHN]
            """);
        var statusQuo = ScenarioRunner.Run(ScenarioRunner.Load(sqFile)).StatusQuo!.Rows;
        foreach (var (file, label) in files.Zip(ScenarioComparison.Labels(files)))
        {
            var scenario = ScenarioRunner.Load(file) with { StatusQuo = StatusQuo.TariffFree, Report = ["USA", "JPN", "KOR", "CHN"] };
            var tariffFree = ScenarioRunner.Run(scenario).StatusQuo!.Rows;
            for (var k = 0; k < tariffFree.Count; k++)
            {
                var (x, q) = (tariffFree[k], statusQuo[k]);
                double Ratio(double a, double b) => 100 * ((1 + a / 100) / (1 + b / 100) - 1);
                double Value(string statistic) => comparison.Rows.Single(r => r.Scenario == label && r.Country == x.Label && r.Statistic == statistic).Value;
                Assert.Equal(Ratio(x.Welfare, q.Welfare), Value("welfare"), 1e-9);
                Assert.Equal(Ratio(x.RealWage, q.RealWage), Value("real_wage"), 1e-9);
                Assert.Equal(Ratio(x.Employment!.Value, q.Employment!.Value), Value("employment"), 1e-9);
                Assert.Equal(Ratio(x.Exports, q.Exports), Value("exports"), 1e-9);
                Assert.Equal(Ratio(x.ConsumerPrices, q.ConsumerPrices), Value("consumer_prices"), 1e-9);
                Assert.Equal(x.TariffRevenueUsdBillions - q.TariffRevenueUsdBillions, Value("tariff_revenue_usd"), 1e-9);
            }
        }
    }

    [Fact]
    public void Default_status_quo_is_the_schedule_on_the_date_for_world_models_and_the_data_elsewhere()
    {
        using var tmp = new TempFolder();
        var world = ScenarioFile.Read(tmp.Write("w.yaml", "name: w\ndate: 2025-05-30\n"));
        Assert.Equal(new StatusQuo(StatusQuoKind.Schedule, new DateOnly(2025, 5, 30)), StatusQuoTariffs.Resolve(world));
        var late = ScenarioFile.Read(tmp.Write("l.yaml", "name: l\n"));
        var last = Parley.Tariffs.TariffScheduleReader.Bundled.LastRevision;
        Assert.Equal(last, StatusQuoTariffs.Resolve(late, last.AddYears(3)).Date); // capped at the last revision
        var nafta = ScenarioFile.Read(tmp.Write("n.yaml", "name: n\nmodel: { type: multi-sector }\ndataset: cp2015-nafta\n"));
        Assert.Equal(StatusQuo.DataTariffs, StatusQuoTariffs.Resolve(nafta));
        var folder = ScenarioFile.Read(tmp.Write("f.yaml", "name: f\ndataset: mydata\n"));
        Assert.Equal(StatusQuo.DataTariffs, StatusQuoTariffs.Resolve(folder));
    }

    [Theory]
    [InlineData("status_quo: tariff-free", "tariff-free")]
    [InlineData("status_quo: { schedule: 2025-05-30 }", "schedule:2025-05-30")]
    [InlineData("status_quo: { scenario: other.yaml }", "scenario:other.yaml")]
    public void Status_quo_key_reads_every_form(string line, string label)
    {
        using var tmp = new TempFolder();
        tmp.Write("other.yaml", "name: other\n");
        Assert.Equal(label, ScenarioFile.Read(tmp.Write("s.yaml", $"name: s\n{line}\n")).StatusQuo!.Label);
    }

    [Theory]
    [InlineData("status_quo: yesterday", "status_quo")]
    [InlineData("status_quo: { schedule: 30/05/2025 }", "status_quo.schedule")]
    [InlineData("status_quo: { scenario: missing.yaml }", "status_quo.scenario")]
    [InlineData("status_quo: { schedule: 2024-01-01 }", "status_quo.schedule")]
    [InlineData("date: tomorrow", "date")]
    public void Bad_status_quo_is_an_input_error_naming_the_field(string line, string field)
    {
        using var tmp = new TempFolder();
        var e = Assert.Throws<ParleyInputException>(() => ScenarioFile.Read(tmp.Write("s.yaml", $"name: s\n{line}\n")));
        Assert.Contains(field, e.Message);
    }
}
