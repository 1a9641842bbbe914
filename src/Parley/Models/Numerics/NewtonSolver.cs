// Damped Newton method for square nonlinear systems F(z) = 0 with strictly positive unknowns
// (Dennis & Schnabel 1996, ch. 6, backtracking on ‖F‖₂). Why Newton: the GE systems of Parley are smooth,
// start from the factual equilibrium z = 1, and with an exact (analytic) Jacobian converge quadratically in 4–7
// iterations (docs/models/one-sector.md (OS-17)), where fixed-point or finite-difference Levenberg–Marquardt schemes need
// hundreds of residual evaluations. Backtracking halves the step until every unknown stays positive and the residual
// norm falls, so shocks far from the factual point (108% tariffs, balanced-trade transfers) still converge.
using Parley.Models.Numerics.Internals;

namespace Parley.Models.Numerics;

/// <summary>A square nonlinear system in positive unknowns (changes relative to the factual equilibrium).</summary>
internal interface INonlinearSystem
{
    /// <summary>Number of unknowns = number of equations.</summary>
    int Size { get; }

    /// <summary>Evaluates the scaled residual F(z).</summary>
    void Residual(ReadOnlySpan<double> z, Span<double> f);

    /// <summary>Fills the row-major Jacobian ∂F/∂z at z. Returns false to ask for finite differences.</summary>
    bool Jacobian(ReadOnlySpan<double> z, Span<double> jacobian);

    /// <summary>Human-readable name of equation <paramref name="row"/>.</summary>
    string EquationName(int row);

    /// <summary>A new, empty factorisation for Newton steps on this system; by default the dense LU of
    /// <see cref="Jacobian"/>. A system with a structured Jacobian returns one that solves a smaller system.</summary>
    IJacobianFactor CreateFactor() => new DenseJacobianFactor(this);
}

/// <summary>Options of <see cref="NewtonSolver"/>. Every value is checked when set: an impossible one is an input error
/// (<see cref="ParleyInputException"/>, CLI exit code 2).</summary>
public sealed record NewtonOptions
{
    /// <summary>Convergence threshold on the largest absolute scaled residual (dimensionless), in (0, 1). Default 1e-12.</summary>
    public double Tolerance { get; init => field = OptionRange.Tolerance(value, "tolerance"); } = 1e-12;

    /// <summary>Maximum Newton iterations per solve (count, ≥ 1). Default 60.</summary>
    public int MaxIterations { get; init => field = OptionRange.AtLeast(value, 1, "max-iterations"); } = 60;

    /// <summary>Maximum step halvings per iteration (count, ≥ 0). Default 40.</summary>
    public int MaxHalvings { get; init => field = OptionRange.AtLeast(value, 0, "max-halvings"); } = 40;

    /// <summary>
    /// Maximum solves along a continuation in the tariff level when a direct solve stalls before
    /// <see cref="MaxIterations"/> (a non-finite residual at the start, or no descent) (count, ≥ 0; 0 = no continuation): the tariffs are scaled by s ∈ (0, 1] and each solve starts from the previous one's solution.
    /// Each stage may take <see cref="MaxIterations"/> iterations. Default 24.
    /// </summary>
    public int ContinuationStages { get; init => field = OptionRange.AtLeast(value, 0, "continuation-stages"); } = 24;
}

internal static class NewtonSolver
{
    public static (double[] Z, SolverDiagnostics Diagnostics) Solve(
        INonlinearSystem system, ReadOnlySpan<double> start, NewtonOptions options, IJacobianFactor? initialFactor = null)
    {
        var sw = System.Diagnostics.Stopwatch.StartNew();
        var n = system.Size;
        var z = start.ToArray();
        var f = new double[n];
        var trial = new double[n];
        var fTrial = new double[n];
        var step = new double[n];
        // A factorisation from a nearby problem (e.g. the baseline of a negotiation) is used read-only for chord steps;
        // the first fresh Jacobian goes into a private factorisation.
        var lu = initialFactor ?? system.CreateFactor();
        var shared = initialFactor is not null;
        system.Residual(z, f);
        var norm2 = Norm2(f);
        int iterations = 0, jacobians = 0;
        var haveFactor = shared;
        var analytic = true;
        while (MaxAbs(f) >= options.Tolerance && iterations < options.MaxIterations && double.IsFinite(norm2))
        {
            // Newton step with a new Jacobian; its factorisation is then reused for chord steps while each one shrinks
            // the residual by at least ChordContraction (Shamanskii's variant of Newton's method).
            var isNew = !haveFactor;
            if (isNew)
            {
                if (shared) { lu = system.CreateFactor(); shared = false; }
                jacobians++;
                var factored = lu.Refactor(z, f);
                analytic &= lu.Analytic;
                if (!factored) break;
                haveFactor = true;
            }
            for (var i = 0; i < n; i++) step[i] = -f[i];
            lu.Solve(step);
            var accepted = false;
            var lambda = 1.0;
            var contraction = double.PositiveInfinity;
            for (var h = 0; h <= (isNew ? options.MaxHalvings : 0); h++, lambda *= 0.5)
            {
                var positive = true;
                for (var i = 0; i < n; i++)
                {
                    trial[i] = z[i] + lambda * step[i];
                    if (!(trial[i] > 0)) { positive = false; break; }
                }
                if (!positive) continue;
                system.Residual(trial, fTrial);
                var trialNorm = Norm2(fTrial);
                contraction = trialNorm / norm2;
                if (double.IsFinite(trialNorm) && (isNew ? contraction < 1 : contraction <= ChordContraction))
                {
                    accepted = true;
                    norm2 = trialNorm;
                    (z, trial) = (trial, z);
                    (f, fTrial) = (fTrial, f);
                    break;
                }
            }
            if (!accepted)
            {
                if (isNew) break;      // no descent even with a fresh Jacobian: give up with diagnostics
                haveFactor = false;    // stale factorisation: rebuild at the current point
                continue;
            }
            iterations++;
            haveFactor = lambda == 1.0 && contraction <= ChordContraction;
        }
        if (!shared) lu.Dispose(); // a private factorisation ends with the solve; a shared one belongs to the caller
        var worst = 0;
        for (var i = 1; i < n; i++) if (!(Math.Abs(f[i]) <= Math.Abs(f[worst]))) worst = i;
        var maxAbs = MaxAbs(f);
        var method = $"Newton ({(analytic ? "analytic" : "finite-difference")} Jacobian, chord reuse), {lu.Method}";
        var diagnostics = new SolverDiagnostics(method, maxAbs < options.Tolerance, iterations, jacobians,
            double.IsFinite(maxAbs) ? maxAbs : double.PositiveInfinity, options.Tolerance, system.EquationName(worst),
            sw.Elapsed.TotalMilliseconds);
        return (z, diagnostics);
    }

    /// <summary>A reused Jacobian is kept while each step shrinks ‖F‖₂ at least this much.</summary>
    private const double ChordContraction = 0.25;

    internal static void FiniteDifferenceJacobian(INonlinearSystem system, double[] z, double[] f, Span<double> jac)
    {
        var n = system.Size;
        var zp = (double[])z.Clone();
        var fp = new double[n];
        for (var k = 0; k < n; k++)
        {
            var h = 1e-7 * Math.Max(1.0, Math.Abs(z[k]));
            zp[k] = z[k] + h;
            system.Residual(zp, fp);
            zp[k] = z[k];
            for (var i = 0; i < n; i++) jac[i * n + k] = (fp[i] - f[i]) / h;
        }
    }

    internal static double MaxAbs(ReadOnlySpan<double> v)
    {
        double m = 0;
        foreach (var x in v)
        {
            if (!double.IsFinite(x)) return double.PositiveInfinity;
            m = Math.Max(m, Math.Abs(x));
        }
        return m;
    }

    private static double Norm2(ReadOnlySpan<double> v)
    {
        double s = 0;
        foreach (var x in v) s += x * x;
        return Math.Sqrt(s);
    }
}
