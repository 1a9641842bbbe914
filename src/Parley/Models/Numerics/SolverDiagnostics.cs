namespace Parley.Models.Numerics;

/// <summary>What the equilibrium solver did; travels with every result and every report.</summary>
/// <param name="Method">Algorithm name.</param>
/// <param name="Converged">True when the scaled residual fell below <paramref name="Tolerance"/>.</param>
/// <param name="Iterations">Steps taken (Newton and chord steps).</param>
/// <param name="JacobianEvaluations">Jacobians built and factored (<paramref name="Method"/> says how: a dense LU, or the N × N Schur complement of the one-sector baseline).</param>
/// <param name="ResidualNorm">Largest absolute scaled residual at the end (dimensionless: market clearing relative to income,
/// budgets relative to absorption, labour supply in levels).</param>
/// <param name="Tolerance">Convergence threshold on <paramref name="ResidualNorm"/>.</param>
/// <param name="WorstEquation">Name of the equation with the largest residual, e.g. <c>market clearing (M) of ZWE</c>.</param>
/// <param name="ElapsedMilliseconds">Wall-clock time of the solve.</param>
public sealed record SolverDiagnostics(
    string Method,
    bool Converged,
    int Iterations,
    int JacobianEvaluations,
    double ResidualNorm,
    double Tolerance,
    string WorstEquation,
    double ElapsedMilliseconds)
{
    /// <summary>One line for logs and reports.</summary>
    public override string ToString() =>
        $"{Method}: {(Converged ? "converged" : "NOT converged")} in {Iterations} iterations ({JacobianEvaluations} Jacobians), max |residual| {ResidualNorm:E2} (tolerance {Tolerance:E0}), worst: {WorstEquation}, {ElapsedMilliseconds:F1} ms";
}

/// <summary>The equilibrium solver failed; <see cref="Diagnostics"/> says how far it got. CLI exit code 3.</summary>
public sealed class EquilibriumNotConvergedException(string scenario, SolverDiagnostics diagnostics)
    : Exception($"Equilibrium for '{scenario}' did not converge: {diagnostics}")
{
    /// <summary>Diagnostics of the failed solve.</summary>
    public SolverDiagnostics Diagnostics { get; } = diagnostics;

    /// <summary>Scenario name.</summary>
    public string Scenario { get; } = scenario;
}
