// Counterfactual equilibria of the one-sector model of Ignatenko, Lashkaripour, Macedoni & Simonovska (2025), JIE 157,
// 104138: builds the system (OS-8)–(OS-16) (baseline) or (OS-22)–(OS-27) (roundabout) of docs/models/one-sector.md,
// solves it by damped Newton from the factual point (scaled residuals (OS-17)) and reads the statistics (OS-28)–(OS-35).
// Why a warm start with a factorised Jacobian: a negotiation prices thousands of nearby counterfactuals, and chord steps
// with the baseline's factorisation cost one residual evaluation each instead of a fresh one. The baseline system's
// Newton steps come from an N × N Schur complement ((OS-41)–(OS-43)), not the 3N × 3N Jacobian.
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
    /// Solves the model for a tariff matrix and returns the statistics of docs/models/one-sector.md (OS-28)–(OS-35). When
    /// Newton's method from the start stalls before its iteration limit (e.g. tariffs so high that the factual point has
    /// tariff revenue above factor income, so the residual there is not finite), the solve is repeated along a
    /// continuation in the tariff level (<see cref="NewtonOptions.ContinuationStages"/>).
    /// Throws <see cref="EquilibriumNotConvergedException"/> (with diagnostics) when the solver does not converge.
    /// </summary>
    /// <param name="scenario">Name used in reports and errors.</param>
    /// <param name="economy">Calibrated factual economy.</param>
    /// <param name="tariffs">N×N row-major tariff matrix (fraction; row = exporter i, column = importer j).</param>
    /// <param name="parameters">Model parameters.</param>
    /// <param name="options">Solver options (default tolerance 1e-12 on scaled residuals).</param>
    /// <param name="start">Optional warm start (ŵ, Ê, L̂[, P̂]); default all ones (the factual equilibrium).</param>
    public static OneSectorResult Solve(string scenario, Economy economy, double[] tariffs, OneSectorParameters parameters,
        NewtonOptions? options = null, double[]? start = null) => Solve(scenario, economy, tariffs, parameters, options, start, null);

    /// <summary>
    /// A reusable starting point for many nearby counterfactuals (e.g. every package of a negotiation): the solved
    /// unknowns of <paramref name="solved"/> and the factorised Jacobian there. Solves started from it begin with chord
    /// steps and build a Jacobian of their own only if those stop contracting.
    /// </summary>
    public static WarmStart PrepareWarmStart(OneSectorResult solved)
    {
        var e = solved.Economy;
        var z = Unknowns(solved);
        var system = BuildSystem(e, solved.Tariffs, solved.Parameters, e.Countries.Countries.Select(c => c.Iso3).ToArray());
        var factor = system.CreateFactor();
        var f = new double[system.Size];
        system.Residual(z, f);
        return new WarmStart(z, factor.Refactor(z, f) && factor.Analytic ? factor : null);
    }

    /// <summary>The solved unknowns z = (ŵ, Ê, L̂[, P̂]) of <paramref name="solved"/>, a valid start for a nearby solve.</summary>
    public static double[] Unknowns(OneSectorResult solved)
    {
        var q = solved.Equilibrium;
        var z = q.Wage.Concat(q.Spending).Concat(q.Employment);
        return (solved.Economy.HasRoundabout ? z.Concat(q.PriceIndex) : z).ToArray();
    }

    /// <summary>Solves from a <see cref="WarmStart"/> (see <see cref="PrepareWarmStart"/>).</summary>
    public static OneSectorResult Solve(string scenario, Economy economy, double[] tariffs, OneSectorParameters parameters, WarmStart warm, NewtonOptions? options = null) =>
        Solve(scenario, economy, tariffs, parameters, options, warm.Z, warm.Factor);

    private static OneSectorResult Solve(string scenario, Economy economy, double[] tariffs, OneSectorParameters parameters,
        NewtonOptions? options, double[]? start, IJacobianFactor? factor)
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
        var system = BuildSystem(economy, tariffs, parameters, names);
        Equilibrium eq;
        try
        {
            var (z, d) = NewtonSolver.Solve(system, start ?? Ones(system.Size), options, factor?.Size == system.Size ? factor : null);
            // Continuation only when the direct solve stalled (non-finite residual, no descent), not when it used up the
            // iterations it was given: a binding --max-iterations is the user's limit and is reported as such.
            if (!d.Converged && d.Iterations < options.MaxIterations && options.ContinuationStages > 0)
            {
                system.Dispose();
                (system, z, d) = TariffContinuation.Solve(tariffs, t => BuildSystem(economy, t, parameters, names), options, d);
            }
            if (!d.Converged) throw new EquilibriumNotConvergedException(scenario, d);
            system.Evaluate(z);
            eq = system.ToEquilibrium(d);
        }
        finally
        {
            system.Dispose(); // its N × N work arrays go back to the pool; eq holds copies
        }
        var (countries, world) = OutcomeStatistics.Compute(economy, tariffs, parameters, eq);
        return new OneSectorResult(scenario, economy, tariffs, parameters, eq, countries, world);
    }

    /// <summary>Starting unknowns and an optional factorised Jacobian for nearby solves.</summary>
    public sealed class WarmStart
    {
        internal WarmStart(double[] z, IJacobianFactor? factor)
        {
            Z = z;
            Factor = factor;
        }

        internal double[] Z { get; }

        internal IJacobianFactor? Factor { get; }
    }

    private static OneSectorSystem BuildSystem(Economy economy, double[] tariffs, OneSectorParameters parameters, string[] names) =>
        economy.HasRoundabout
            ? new RoundaboutSystem(economy, tariffs, parameters, names)
            : new BaselineSystem(economy, tariffs, parameters, names);

    internal static double[] Ones(int size) => Enumerable.Repeat(1.0, size).ToArray();
}
