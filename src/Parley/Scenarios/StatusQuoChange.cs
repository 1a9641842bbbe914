// The change from one solution to another (docs/models/status-quo.md (SQ-2)–(SQ-5)). Both solutions are hats relative to
// the same data and the same numéraire, so exact hat algebra forms the change from A to B as a ratio of hats for ratio
// variables (welfare/real income, real wage, employment, prices, exports, imports) and as a difference for levels
// (tariff revenue, trade deficit). Groups weight by A's absorption and sum flows and money.
using Parley.Data;
using Parley.Models.MultiSector;
using Parley.Models.OneSector;

namespace Parley.Scenarios;

/// <summary>
/// Per-country levels of one solved equilibrium. Index variables are relative to a fixed reference (the data), so only
/// their ratios between two solutions of the same data mean anything; money is in USD billions at the data's base year.
/// </summary>
/// <param name="Countries">Codes and names (dataset order).</param>
/// <param name="Welfare">Welfare index: one-sector Ŵ of (OS-28); multi-sector real income I′/P̂ over value added.</param>
/// <param name="RealWage">ŵ/P̂.</param>
/// <param name="Employment">L̂, or <c>null</c> where labour supply is fixed (multi-sector).</param>
/// <param name="Prices">Consumer price index P̂.</param>
/// <param name="ExportsUsdBillions">Exports net of tariffs, USD billions.</param>
/// <param name="ImportsUsdBillions">Imports net of tariffs, USD billions.</param>
/// <param name="TariffRevenueUsdBillions">Tariff revenue, USD billions.</param>
/// <param name="IncomeUsdBillions">Absorption (one-sector E′; multi-sector income I′), USD billions: the weight of group rows and the base of equivalent variation.</param>
/// <param name="BilateralUsdBillions">Imports net of tariffs by exporter i and importer n at [i × N + n], USD billions (diagonal 0): the trade-diversion table of reports.</param>
public sealed record SolutionLevels(
    CountrySet Countries,
    double[] Welfare,
    double[] RealWage,
    double[]? Employment,
    double[] Prices,
    double[] ExportsUsdBillions,
    double[] ImportsUsdBillions,
    double[] TariffRevenueUsdBillions,
    double[] IncomeUsdBillions,
    double[]? BilateralUsdBillions = null)
{
    /// <summary>GDP in <see cref="Scenarios.LatestGdp.Year"/> (USD billions) by country, null where the bundled data has none.</summary>
    public double?[] LatestGdpUsdBillions { get; init; } = [];

    /// <summary>Multi-sector only: sector codes, in dataset order; empty for the one-sector model.</summary>
    public IReadOnlyList<string> SectorCodes { get; init; } = [];

    /// <summary>Multi-sector only: gross output Y′ by [n][j], USD billions.</summary>
    public double[] SectorGrossOutputUsdBillions { get; init; } = [];

    /// <summary>Multi-sector only: value added γ·Y′ by [n][j], USD billions (nominal, in the model's numéraire).</summary>
    public double[] SectorValueAddedUsdBillions { get; init; } = [];

    /// <summary>Levels of a one-sector solution (flows and revenue in thousands of USD in the model).</summary>
    public static SolutionLevels Of(OneSectorResult r)
    {
        var e = r.Economy;
        var q = r.Equilibrium;
        int n = e.N;
        double[] exports = new double[n], imports = new double[n], bilateral = new double[n * n];
        for (var i = 0; i < n; i++)
            for (var k = 0; k < n; k++)
            {
                if (i == k) continue;
                exports[i] += q.Flows[i * n + k] / 1e6;
                imports[k] += q.Flows[i * n + k] / 1e6;
                bilateral[i * n + k] = q.Flows[i * n + k] / 1e6;
            }
        return new SolutionLevels(e.Countries,
            r.Countries.Select(c => 1 + c.Welfare / 100).ToArray(),
            r.Countries.Select(c => 1 + c.RealWage / 100).ToArray(),
            [.. q.Employment], [.. q.PriceIndex], exports, imports,
            q.TariffRevenue.Select(x => x / 1e6).ToArray(),
            Enumerable.Range(0, n).Select(i => q.Spending[i] * e.Absorption[i] / 1e6).ToArray(), bilateral)
        {
            LatestGdpUsdBillions = Scenarios.LatestGdp.UsdBillions(e.Countries),
        };
    }

    /// <summary>Levels of a multi-sector equilibrium (relative to the data <paramref name="d"/>).</summary>
    public static SolutionLevels Of(MultiSectorEquilibrium q, MultiSectorDataset d)
    {
        int n = d.N, jn = d.J;
        var toBillions = MultiSectorScenario.ToUsdMillions(d) / 1000;
        double[] exports = new double[n], imports = new double[n], prices = new double[n], bilateral = new double[n * n];
        for (var j = 0; j < jn; j++)
            for (var i = 0; i < n; i++)
                for (var k = 0; k < n; k++)
                {
                    if (i == k) continue;
                    var f = q.Flow(j, i, k) * toBillions;
                    exports[i] += f;
                    imports[k] += f;
                    bilateral[i * n + k] += f;
                }
        for (var r = 0; r < n; r++)
        {
            double lnP = 0;
            for (var j = 0; j < jn; j++) lnP += d.FinalShares[r * jn + j] * Math.Log(q.Price[r * jn + j]);
            prices[r] = Math.Exp(lnP);
        }
        return new SolutionLevels(d.Regions,
            Enumerable.Range(0, n).Select(r => q.Income[r] / prices[r] / d.ValueAdded[r]).ToArray(),
            Enumerable.Range(0, n).Select(r => q.Wage[r] / prices[r]).ToArray(),
            null, prices, exports, imports,
            q.TariffRevenue.Select(x => x * toBillions).ToArray(),
            q.Income.Select(x => x * toBillions).ToArray(), bilateral)
        {
            LatestGdpUsdBillions = Scenarios.LatestGdp.UsdBillions(d.Regions),
            SectorCodes = d.Sectors.Select(x => x.Code).ToArray(),
            SectorGrossOutputUsdBillions = q.GrossOutput.Select(x => x * toBillions).ToArray(),
            SectorValueAddedUsdBillions = q.GrossOutput.Select((x, k) => x * d.ValueAddedShare[k] * toBillions).ToArray(),
        };
    }
}

/// <summary>
/// One country's or group's change from a status quo to a scenario: percent for ratio variables (SQ-2), USD billions for
/// levels (SQ-3), equivalent variation (SQ-4). Groups: (SQ-5).
/// </summary>
/// <param name="Label">Code or group as requested.</param>
/// <param name="Name">Country name or group description.</param>
/// <param name="Members">Countries behind the row.</param>
/// <param name="Welfare">Δ welfare (%): one-sector consumption-equivalent, multi-sector exact real income.</param>
/// <param name="WelfareUsdBillions">Equivalent variation, USD billions at the data's base year: Δ welfare × the status quo's absorption.</param>
/// <param name="RealWage">Δ real wage (%).</param>
/// <param name="Employment">Δ employment (%), <c>null</c> where labour supply is fixed.</param>
/// <param name="Exports">Δ exports (%), net of tariffs.</param>
/// <param name="Imports">Δ imports (%), net of tariffs.</param>
/// <param name="TariffRevenueUsdBillions">Δ tariff revenue, USD billions.</param>
/// <param name="DeficitUsdBillions">Δ trade deficit (imports − exports), USD billions.</param>
/// <param name="ConsumerPrices">Δ consumer price index (%).</param>
/// <param name="WelfareUsdLatestGdp">Δ welfare applied to the latest GDP shipped (USD billions of <see cref="LatestGdp.Year"/>); null where a member has none.</param>
/// <param name="Sectors">Multi-sector only: the sectors asked for (those the scenario's changes name), each member-summed.</param>
public sealed record ChangeRow(
    string Label,
    string Name,
    int Members,
    double Welfare,
    double WelfareUsdBillions,
    double RealWage,
    double? Employment,
    double Exports,
    double Imports,
    double TariffRevenueUsdBillions,
    double DeficitUsdBillions,
    double ConsumerPrices,
    double? WelfareUsdLatestGdp = null,
    IReadOnlyList<SectorChange>? Sectors = null)
{
    /// <summary>Label of the world aggregate.</summary>
    public const string World = CountryAggregate.World;

    /// <summary>The change from <paramref name="from"/> to <paramref name="to"/> for each label (a code, a group or WORLD);
    /// <paramref name="sectors"/>: sector indices to report by sector (multi-sector), none by default.</summary>
    public static IReadOnlyList<ChangeRow> Between(SolutionLevels from, SolutionLevels to, IEnumerable<string> labels, IReadOnlyList<int>? sectors = null) =>
        labels.Select(l => Between(from, to, l, sectors)).ToArray();

    /// <summary>The change for one code, group or WORLD; groups by (SQ-5) through <see cref="CountryAggregate"/>.</summary>
    public static ChangeRow Between(SolutionLevels from, SolutionLevels to, string label) => Between(from, to, label, null);

    /// <summary>As <see cref="Between(SolutionLevels, SolutionLevels, string)"/>, with the sectors <paramref name="sectors"/> reported by sector.</summary>
    public static ChangeRow Between(SolutionLevels from, SolutionLevels to, string label, IReadOnlyList<int>? sectors)
    {
        var g = CountryAggregate.Resolve(from.Countries, label, from.IncomeUsdBillions);
        static double Pct(double[] a, double[] b, int i) => 100 * (b[i] / a[i] - 1);
        var latest = from.LatestGdpUsdBillions;
        return new ChangeRow(g.Label, g.Name(from.Countries, "status-quo absorption-weighted"), g.Members.Count,
            g.Mean(i => Pct(from.Welfare, to.Welfare, i)),
            g.Sum(i => (to.Welfare[i] / from.Welfare[i] - 1) * from.IncomeUsdBillions[i]),
            g.Mean(i => Pct(from.RealWage, to.RealWage, i)),
            from.Employment is { } l0 && to.Employment is { } l1 ? g.Mean(i => Pct(l0, l1, i)) : null,
            g.PercentChangeOfSum(from.ExportsUsdBillions, to.ExportsUsdBillions),
            g.PercentChangeOfSum(from.ImportsUsdBillions, to.ImportsUsdBillions),
            g.Sum(to.TariffRevenueUsdBillions) - g.Sum(from.TariffRevenueUsdBillions),
            g.Sum(to.ImportsUsdBillions) - g.Sum(to.ExportsUsdBillions) - (g.Sum(from.ImportsUsdBillions) - g.Sum(from.ExportsUsdBillions)),
            g.Mean(i => Pct(from.Prices, to.Prices, i)),
            g.Members.All(i => i < latest.Length && latest[i] is not null) ? g.Sum(i => (to.Welfare[i] / from.Welfare[i] - 1) * latest[i]!.Value) : null,
            sectors is { Count: > 0 } && from.SectorCodes.Count > 0 ? SectorChange.Of(from, to, g.Members, sectors) : null);
    }
}

/// <summary>A scenario's results against its status quo (and against the calibration, the secondary view).</summary>
/// <param name="StatusQuo">The status quo used.</param>
/// <param name="Description">A sentence naming it.</param>
/// <param name="Rows">Change from the status quo, one row per report label.</param>
/// <param name="VersusCalibration">Change from the calibrated data equilibrium (tariff-free for the one-sector world data), same labels.</param>
/// <param name="BaseYear">The data's base year (money is in that year's USD), or null if the vintage names none.</param>
/// <param name="From">Levels of the status quo's solution (for tables beyond the rows, e.g. imports by partner).</param>
/// <param name="To">Levels of the scenario's solution.</param>
public sealed record StatusQuoView(StatusQuo StatusQuo, string Description, IReadOnlyList<ChangeRow> Rows, IReadOnlyList<ChangeRow> VersusCalibration, int? BaseYear,
    SolutionLevels? From = null, SolutionLevels? To = null);

/// <summary>One sector's change from a status quo to a scenario, summed over a row's members (multi-sector model).</summary>
/// <param name="Code">Sector code, e.g. <c>c15</c>.</param>
/// <param name="GrossOutput">Δ gross output (%), of the members' summed output.</param>
/// <param name="ValueAddedUsdBillions">Δ value added (γ × gross output), USD billions at the data's base year: value added at risk,
/// the stand-in for jobs at risk because no employment by sector is bundled.</param>
public sealed record SectorChange(string Code, double GrossOutput, double ValueAddedUsdBillions)
{
    /// <summary>The sectors <paramref name="sectors"/> for <paramref name="members"/>.</summary>
    internal static IReadOnlyList<SectorChange> Of(SolutionLevels from, SolutionLevels to, IReadOnlyList<int> members, IReadOnlyList<int> sectors)
    {
        var jn = from.SectorCodes.Count;
        double Sum(double[] x, int j) => members.Sum(n => x[n * jn + j]);
        return sectors.Select(j =>
        {
            var y0 = Sum(from.SectorGrossOutputUsdBillions, j);
            return new SectorChange(from.SectorCodes[j], y0 > 0 ? 100 * (Sum(to.SectorGrossOutputUsdBillions, j) / y0 - 1) : 0,
                Sum(to.SectorValueAddedUsdBillions, j) - Sum(from.SectorValueAddedUsdBillions, j));
        }).ToArray();
    }
}
