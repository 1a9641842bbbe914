// The scenarios behind the tables of Ignatenko, Lashkaripour, Macedoni & Simonovska (2025), "Making America Great
// Again? The Economic Impacts of Liberation Day Tariffs", JIE 157, 104138 — equations in docs/models/one-sector.md.
// Each scenario is a (calibrated economy, tariff matrix, parameters) triple; the tables are read off the solutions.
using Parley.Data;
using Parley.Models.OneSector;

namespace Parley.Replication;

/// <summary>A named counterfactual: economy, tariffs and parameters.</summary>
/// <param name="Name">Scenario name (stable key).</param>
/// <param name="Economy">Calibrated economy.</param>
/// <param name="Tariffs">N×N tariff matrix (row = exporter).</param>
/// <param name="Parameters">Parameters.</param>
public sealed record Counterfactual(string Name, Economy Economy, double[] Tariffs, OneSectorParameters Parameters);

/// <summary>The paper's scenarios on a world dataset that carries the announced US tariffs.</summary>
public sealed class Jie2025Scenarios
{
    /// <summary>Value-added share of the roundabout variant (docs/models/one-sector.md (OS-22)).</summary>
    public const double RoundaboutValueAddedShare = 0.49;

    /// <summary>Prepares the calibrated economies (baseline, pass-through 0.25, Eaton–Kortum, roundabout).</summary>
    public Jie2025Scenarios(WorldDataset data)
    {
        Data = data;
        N = data.Countries.Count;
        Us = data.Countries.Require("USA");
        Chn = data.Countries.Require("CHN");
        Eu = data.Countries.Group("EU25_JIE2025");
        Parameters = new OneSectorParameters();
        Baseline = Calibration.Baseline(data, Parameters);
        LowPassThrough = Baseline with
        {
            Variant = "baseline, pass-through constant 0.25",
            PassThrough = Calibration.PassThrough(Baseline.DestinationShare, Parameters with { PassThroughConstant = 0.25 }),
        };
        EatonKortum = Calibration.EatonKortum(Baseline);
        Roundabout = Calibration.Baseline(data, Parameters, new CalibrationOptions { ValueAddedShare = RoundaboutValueAddedShare });
        Ustr = TariffShocks.AnnouncedUs(data);
        OptimalA = OptimalTariffs.Uniform(Baseline, Us, Parameters.TradeElasticity, OptimalTariffBase.Absorption);
        OptimalB = OptimalTariffs.Uniform(Baseline, Us, Parameters.TradeElasticity, OptimalTariffBase.Income);
        OptimalRetaliation = OptimalTariffs.Retaliation(Baseline, Us, Parameters.TradeElasticity);
        OssaRetaliation = 1 / ((1 + Parameters.TradeElasticity) * Baseline.PassThrough[Us] - 1);
        Balanced = Calibration.WithoutBilateralImbalanceWith(Baseline, Us);
    }

    /// <summary>The dataset.</summary>
    public WorldDataset Data { get; }

    /// <summary>Number of countries.</summary>
    public int N { get; }

    /// <summary>Index of the USA.</summary>
    public int Us { get; }

    /// <summary>Index of China.</summary>
    public int Chn { get; }

    /// <summary>The 25 EU members of the paper's code (Czechia and Slovakia missing; docs/models/one-sector.md section 8).</summary>
    public IReadOnlyList<int> Eu { get; }

    /// <summary>Baseline parameters (ε = 4, κ = 0.5, ψ = 0.1675, income-tax relief).</summary>
    public OneSectorParameters Parameters { get; }

    /// <summary>Baseline economy (docs/models/one-sector.md (OS-1)–(OS-6)).</summary>
    public Economy Baseline { get; }

    /// <summary>Baseline with φ = 0.25 + φ̃ (Table 9 alternative 2).</summary>
    public Economy LowPassThrough { get; }

    /// <summary>Eaton–Kortum–Krugman special case (docs/models/one-sector.md (OS-18)).</summary>
    public Economy EatonKortum { get; }

    /// <summary>Baseline with transfers net of each country's bilateral imbalance with the US (docs/models/one-sector.md (OS-19)).</summary>
    public Economy Balanced { get; }

    /// <summary>One sector with roundabout production, β = 0.49 (docs/models/one-sector.md (OS-22)).</summary>
    public Economy Roundabout { get; }

    /// <summary>The "USTR" matrix: announced US tariffs, 10% floor.</summary>
    public double[] Ustr { get; }

    /// <summary>Optimal US tariff, formula A (absorption base): 0.21798822 on the bundled data.</summary>
    public double OptimalA { get; }

    /// <summary>Optimal US tariff, formula B (income base): 0.18543207 on the bundled data.</summary>
    public double OptimalB { get; }

    /// <summary>Optimal retaliation rate of every non-US country: 0.22742195 on the bundled data.</summary>
    public double OptimalRetaliation { get; }

    /// <summary>Retaliation rate of Table 10 case 4: 1/((1+ε) φ_US − 1) = 0.16222606.</summary>
    public double OssaRetaliation { get; }

    /// <summary>Every non-US country.</summary>
    public IEnumerable<int> NonUs => Enumerable.Range(0, N).Where(i => i != Us);

    /// <summary>RoW of Table 8: everyone but the US, China and the 25 coded EU members.</summary>
    public IEnumerable<int> RestOfWorld => Enumerable.Range(0, N).Where(i => i != Us && i != Chn && !Eu.Contains(i));

    /// <summary>Copy of the USTR matrix.</summary>
    public double[] UstrCopy() => (double[])Ustr.Clone();

    /// <summary>US tariff <paramref name="rate"/> on every exporter.</summary>
    public double[] UniformUs(double rate) => TariffShocks.Set(TariffShocks.Zero(N), N, [Us], NonUs, rate);

    /// <summary>Every non-US country taxes US goods at <paramref name="rate"/>. Mutates and returns <paramref name="t"/>.</summary>
    public double[] RetaliateAll(double[] t, double rate) => TariffShocks.Set(t, N, NonUs, [Us], rate);

    /// <summary>Table 8 base: a symmetric 10% war between the US and everyone, then <paramref name="partners"/> at <paramref name="rate"/> (or their USTR rate).</summary>
    public double[] RegionalWar(IEnumerable<int> partners, double? rate)
    {
        var t = RetaliateAll(UniformUs(0.10), 0.10);
        foreach (var k in partners)
        {
            var r = rate ?? Ustr[k * N + Us];
            t[k * N + Us] = r;
            t[Us * N + k] = r;
        }
        return t;
    }

    /// <summary>Scenario name of Table 4's "optimal tariff + one sector" row, solved by <see cref="RoundaboutOptimum"/>, not listed in <see cref="All"/>.</summary>
    public const string RoundaboutOptimumName = "IO optimal";

    /// <summary>
    /// Table 4's pre-retaliation optimum: the uniform US tariff that maximises US welfare in the roundabout economy,
    /// found numerically (no closed form exists there), and the equilibrium at it.
    /// </summary>
    public UniformTariffOptimum RoundaboutOptimum(UniformTariffSearchOptions? options = null) =>
        OptimalUniformTariff.Find(RoundaboutOptimumName, Roundabout, Us, Parameters, options);

    /// <summary>Every scenario with a fixed tariff matrix that the reproducible tables need, keyed by name (the IO optimum is searched for: <see cref="RoundaboutOptimum"/>).</summary>
    public IReadOnlyList<Counterfactual> All()
    {
        var p = Parameters;
        return
        [
            new("T1 case 1 USTR", Baseline, Ustr, p),
            new("T1 case 2 USTR lump-sum", Baseline, Ustr, p with { Recycling = RevenueRecycling.LumpSumRebate }),
            new("T1 case 3 optimal (A)", Baseline, UniformUs(OptimalA), p),
            new("T2 (1) reciprocal", Baseline, TariffShocks.Reciprocal(UstrCopy(), N, Us), p),
            new("T2 (3) optimal retaliation", Baseline, RetaliateAll(UstrCopy(), OptimalRetaliation), p),
            new("T2 (4) optimal (B) + optimal retaliation", Baseline, RetaliateAll(UniformUs(OptimalB), OptimalRetaliation), p),
            new("T8 case 1 EU & China", Baseline, RegionalWar(Eu.Append(Chn), null), p),
            new("T8 case 2 China", Baseline, RegionalWar([Chn], null), p),
            new("T8 case 3 China 108%", Baseline, RegionalWar([Chn], 1.08), p),
            new("T9 alt 2 pass-through 0.25", LowPassThrough, Ustr, p with { PassThroughConstant = 0.25 }),
            new("T9 alt 3 epsilon 8", Baseline, Ustr, p with { TradeElasticity = 8 }),
            new("EK USTR", EatonKortum, Ustr, p),
            new("EK USTR + 25% retaliation", EatonKortum, RetaliateAll(UstrCopy(), 0.25), p),
            new("Balanced zero tariffs", Balanced, TariffShocks.Zero(N), p),
            new("Balanced USTR", Balanced, Ustr, p),
            new("Balanced USTR + retaliation", Balanced, RetaliateAll(UstrCopy(), OssaRetaliation), p),
            new("IO USTR", Roundabout, Ustr, p),
            new("IO reciprocal", Roundabout, TariffShocks.Reciprocal(UstrCopy(), N, Us), p),
        ];
    }
}
