// The uniform import tariff that maximises a country's own welfare, found by solving the equilibrium at trial rates.
// Why numerically: the closed-form optimal tariff (OS-45) holds for the baseline model only; with roundabout
// production (Table 4 of Ignatenko et al. 2025) there is none, and the paper's own optimiser picks country-specific
// rates and then applies only the last one uniformly (docs/models/one-sector.md section 7). Parley maximises welfare over one
// uniform rate directly: a scan brackets the best rate, Brent's method refines it (see Internals/BracketedMaximiser).
using System.Diagnostics;
using Parley.Models.Numerics;
using Parley.Models.OneSector;
using Parley.Replication.Internals;

namespace Parley.Replication;

/// <summary>Options of <see cref="OptimalUniformTariff.Find"/>.</summary>
public sealed record UniformTariffSearchOptions
{
    /// <summary>Lowest rate searched (ad valorem fraction, ≥ 0). Default 0.</summary>
    public double LowerRate { get; init; }

    /// <summary>Highest rate searched (ad valorem fraction, above <see cref="LowerRate"/>, at most 10). Default 1.0 (100%).</summary>
    public double UpperRate { get; init; } = 1.0;

    /// <summary>Equally spaced rates of the first scan, both ends included (3 to 1,001). Default 6 (steps of 0.2 on [0, 1]).</summary>
    public int ScanPoints { get; init; } = 6;

    /// <summary>The rate returned lies within this distance of the maximiser (ad valorem fraction, in [1e-10, 0.1]). Default 1e-6.</summary>
    public double Tolerance { get; init; } = 1e-6;

    /// <summary>Refinement steps after the scan before the search is declared not converged (1 to 1,000). Default 100.</summary>
    public int MaxIterations { get; init; } = 100;

    /// <summary>Returns this instance, or throws <see cref="ArgumentOutOfRangeException"/> naming the first invalid option.</summary>
    public UniformTariffSearchOptions Validated()
    {
        if (!double.IsFinite(LowerRate) || LowerRate < 0 || LowerRate > 10)
            throw new ArgumentOutOfRangeException(nameof(LowerRate), LowerRate, "LowerRate must lie in [0, 10].");
        if (!double.IsFinite(UpperRate) || UpperRate <= LowerRate || UpperRate > 10)
            throw new ArgumentOutOfRangeException(nameof(UpperRate), UpperRate, "UpperRate must exceed LowerRate and be at most 10.");
        if (ScanPoints is < 3 or > 1_001)
            throw new ArgumentOutOfRangeException(nameof(ScanPoints), ScanPoints, "ScanPoints must lie in [3, 1001].");
        if (!double.IsFinite(Tolerance) || Tolerance < 1e-10 || Tolerance > 0.1)
            throw new ArgumentOutOfRangeException(nameof(Tolerance), Tolerance, "Tolerance must lie in [1e-10, 0.1].");
        if (MaxIterations is < 1 or > 1_000)
            throw new ArgumentOutOfRangeException(nameof(MaxIterations), MaxIterations, "MaxIterations must lie in [1, 1000].");
        return this;
    }
}

/// <summary>The welfare-maximising uniform tariff and the equilibrium there.</summary>
/// <param name="Rate">Uniform ad valorem rate (fraction) on every exporter.</param>
/// <param name="Welfare">The importer's welfare change at <paramref name="Rate"/> (percent).</param>
/// <param name="Result">The solved equilibrium at <paramref name="Rate"/>.</param>
/// <param name="Solves">Equilibria solved by the search (scan included).</param>
/// <param name="BracketLower">Lower end of the final bracket (fraction).</param>
/// <param name="BracketUpper">Upper end of the final bracket (fraction).</param>
public sealed record UniformTariffOptimum(double Rate, double Welfare, OneSectorResult Result, int Solves, double BracketLower, double BracketUpper);

/// <summary>Maximises a country's welfare over one uniform import tariff.</summary>
public static class OptimalUniformTariff
{
    /// <summary>Method name used in diagnostics.</summary>
    public const string Method = "uniform-tariff search (scan, then Brent's method)";

    /// <summary>
    /// Finds the rate t in [<see cref="UniformTariffSearchOptions.LowerRate"/>, <see cref="UniformTariffSearchOptions.UpperRate"/>]
    /// that maximises <paramref name="importer"/>'s welfare when it taxes every other country's goods at t and nobody else
    /// changes a tariff. Throws <see cref="EquilibriumNotConvergedException"/> when an equilibrium fails, when the search
    /// does not reach its tolerance, or when the best rate is the upper end of the range (the maximum may lie beyond it).
    /// </summary>
    public static UniformTariffOptimum Find(string scenario, Economy economy, int importer, OneSectorParameters parameters,
        UniformTariffSearchOptions? options = null)
    {
        options = (options ?? new UniformTariffSearchOptions()).Validated();
        var sw = Stopwatch.StartNew();
        var n = economy.N;
        var others = Enumerable.Range(0, n).Where(i => i != importer).ToArray();
        var solved = new Dictionary<double, OneSectorResult>();
        double[]? start = null;
        double Welfare(double rate)
        {
            var t = TariffShocks.Set(TariffShocks.Zero(n), n, [importer], others, rate);
            var name = $"{scenario} (uniform tariff {rate:R})";
            // Each trial starts from the previous solution with fresh Newton steps, not chord steps with a reused factor:
            // chord steps stop just under the tolerance, and the welfare noise that leaves (~3e-10 at N = 194) is what
            // limits how well the flat maximum can be located (decision 0023).
            var r = EquilibriumSolver.Solve(name, economy, t, parameters, start: start);
            start = EquilibriumSolver.Unknowns(r);
            solved[rate] = r;
            return r.Countries[importer].Welfare;
        }
        var best = BracketedMaximiser.Maximise(Welfare, options.LowerRate, options.UpperRate, options.ScanPoints, options.Tolerance, options.MaxIterations);
        if (!best.Converged)
            throw NotConverged(scenario, options, best, sw, $"bracket still wider than the tolerance after {options.MaxIterations} refinement steps");
        if (options.UpperRate - best.X <= options.Tolerance)
            throw NotConverged(scenario, options, best, sw, $"the best rate is the upper end {options.UpperRate} of the search range; raise UpperRate");
        return new UniformTariffOptimum(best.X, best.Value, solved[best.X], best.Evaluations, best.BracketLower, best.BracketUpper);
    }

    // The diagnostics' residual is the width of the final bracket (tariff units), compared with the tolerance.
    private static EquilibriumNotConvergedException NotConverged(string scenario, UniformTariffSearchOptions options, BracketedMaximum best, Stopwatch sw, string why) =>
        new(scenario, new SolverDiagnostics(Method, false, best.Evaluations, 0, best.BracketUpper - best.BracketLower, options.Tolerance, why, sw.Elapsed.TotalMilliseconds));
}
