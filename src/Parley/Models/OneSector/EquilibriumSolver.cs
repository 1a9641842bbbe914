using Parley.Models.Numerics;
using Parley.Models.OneSector.Internals;

namespace Parley.Models.OneSector;

/// <summary>
/// Solves counterfactual equilibria of the one-sector model (prepare with <see cref="Calibration"/>, solve here,
/// read the <see cref="OneSectorResult"/>). Pure: inputs are records and arrays, the result is a new record.
/// </summary>
public static class EquilibriumSolver
{
    /// <summary>
    /// Solves the model for a tariff matrix and returns the statistics of spec §4.
    /// Throws <see cref="EquilibriumNotConvergedException"/> (with diagnostics) when the solver does not converge.
    /// </summary>
    /// <param name="scenario">Name used in reports and errors.</param>
    /// <param name="economy">Calibrated factual economy.</param>
    /// <param name="tariffs">N×N row-major tariff matrix (fraction; row = exporter i, column = importer j).</param>
    /// <param name="parameters">Model parameters.</param>
    /// <param name="options">Solver options (default tolerance 1e-12 on scaled residuals).</param>
    /// <param name="start">Optional warm start (ŵ, Ê, L̂[, P̂]); default all ones (the factual equilibrium).</param>
    public static OneSectorResult Solve(string scenario, Economy economy, double[] tariffs, OneSectorParameters parameters,
        NewtonOptions? options = null, double[]? start = null)
    {
        parameters.Validated();
        var n = economy.N;
        if (tariffs.Length != n * n)
            throw new ArgumentException($"Tariff matrix must have {n}×{n} entries, got {tariffs.Length}.", nameof(tariffs));
        foreach (var t in tariffs)
            if (!double.IsFinite(t) || t < 0)
                throw new ArgumentException("Tariffs must be finite and non-negative.", nameof(tariffs));
        options ??= new NewtonOptions();
        var names = economy.Countries.Countries.Select(c => c.Iso3).ToArray();
        OneSectorSystem system = economy.HasRoundabout
            ? new RoundaboutSystem(economy, tariffs, parameters, names)
            : new BaselineSystem(economy, tariffs, parameters, names);
        var (z, d) = NewtonSolver.Solve(system, start ?? Ones(system.Size), options);
        if (!d.Converged) throw new EquilibriumNotConvergedException(scenario, d);
        system.Evaluate(z);
        var eq = system.ToEquilibrium(d);
        var (countries, world) = OutcomeStatistics.Compute(economy, tariffs, parameters, eq);
        return new OneSectorResult(scenario, economy, tariffs, parameters, eq, countries, world);
    }

    private static double[] Ones(int size) => Enumerable.Repeat(1.0, size).ToArray();
}
