// Continuation (homotopy) in the tariff level for the one-sector equilibrium (Allgower & Georg 1990, "Numerical
// Continuation Methods", ch. 1, the embedding H(z, s) = F(z; s·t)). Why: the data are a zero-tariff equilibrium, so
// z = 1 solves s = 0 exactly, but for high tariffs (a uniform 30% on every pair) the residual at z = 1 is not even
// finite — tariff revenue exceeds factor income and the income-tax rate τ = R/Y′ passes 1 — and Newton cannot take a
// first step. Solving for s·t with s rising from 0 to 1, each solve started from the last, keeps every start inside
// the region where the residual is defined; a failed stage halves the step in s, a converged one doubles it.
using Parley.Models.Numerics;

namespace Parley.Models.OneSector.Internals;

internal static class TariffContinuation
{
    /// <summary>Smallest step in s before the continuation gives up.</summary>
    private const double MinStep = 1.0 / 4096;

    /// <summary>First step in s.</summary>
    private const double FirstStep = 0.25;

    /// <summary>
    /// Solves F(z; t) = 0 through F(z; s·t) = 0, s = s₁ &lt; s₂ &lt; … = 1. <paramref name="direct"/> is the failed direct
    /// solve; its iterations count towards the reported totals. Returns the system of the last stage (evaluated at z).
    /// </summary>
    public static (OneSectorSystem System, double[] Z, SolverDiagnostics Diagnostics) Solve(double[] tariffs,
        Func<double[], OneSectorSystem> build, NewtonOptions options, SolverDiagnostics direct)
    {
        var sw = System.Diagnostics.Stopwatch.StartNew();
        double reached = 0, previous = 0, step = FirstStep;
        int stages = 0, iterations = direct.Iterations, jacobians = direct.JacobianEvaluations;
        OneSectorSystem? system = null;
        double[]? z = null, zPrevious = null;
        var last = direct;
        var grow = true;
        while (stages < options.ContinuationStages && step >= MinStep)
        {
            var s = Math.Min(1, reached + step);
            var stage = build(Scaled(tariffs, s));
            var zStart = z ?? EquilibriumSolver.Ones(stage.Size);
            // Secant predictor: extrapolate the path through the last two solutions, then fall back to the last one.
            var (zs, d) = (zStart, last);
            foreach (var candidate in Predictors(zStart, zPrevious, reached, previous, s))
            {
                (zs, d) = NewtonSolver.Solve(stage, candidate, options);
                iterations += d.Iterations;
                jacobians += d.JacobianEvaluations;
                if (d.Converged || d.Iterations > 0) break;
            }
            stages++;
            last = d;
            if (!d.Converged)
            {
                stage.Dispose();
                step /= 2;
                grow = false;
                continue;
            }
            system?.Dispose();
            (system, zPrevious, z, previous, reached) = (stage, z, zs, reached, s);
            if (s >= 1) break;
            step = Math.Min(grow ? 2 * step : step, 1 - reached);
            grow = true;
        }
        var converged = reached >= 1 && last.Converged;
        var method = $"{last.Method}, continuation in the tariff level after a failed direct solve ({stages} stages, reached s = {reached:0.####} of 1)";
        var diagnostics = last with
        {
            Method = method,
            Converged = converged,
            Iterations = iterations,
            JacobianEvaluations = jacobians,
            ElapsedMilliseconds = direct.ElapsedMilliseconds + sw.Elapsed.TotalMilliseconds,
        };
        system ??= build(tariffs);
        return (system, z ?? EquilibriumSolver.Ones(system.Size), diagnostics);
    }

    private static IEnumerable<double[]> Predictors(double[] z, double[]? zPrevious, double s, double sPrevious, double sNext)
    {
        if (zPrevious is not null && s > sPrevious)
        {
            var r = (sNext - s) / (s - sPrevious);
            var secant = new double[z.Length];
            var positive = true;
            for (var k = 0; k < z.Length; k++)
            {
                secant[k] = z[k] + r * (z[k] - zPrevious[k]);
                positive &= secant[k] > 0;
            }
            if (positive) yield return secant;
        }
        yield return z;
    }

    private static double[] Scaled(double[] tariffs, double s)
    {
        if (s >= 1) return tariffs;
        var t = new double[tariffs.Length];
        for (var k = 0; k < t.Length; k++) t[k] = s * tariffs[k];
        return t;
    }
}
