using Parley.Models.Numerics;
using Xunit;

namespace Parley.Tests.Numerics;

/// <summary>The damped Newton solver on systems with known positive solutions.</summary>
public class NewtonSolverTests
{
    /// <summary>F_i(z) = z_i² + (0.1/n) Σ_k z_k − c_i with c chosen so that z* = (1, 2, …, n); analytic or no Jacobian.</summary>
    private sealed class Quadratic(int n, bool analytic) : INonlinearSystem
    {
        public int Residuals { get; private set; }

        public int Size => n;

        private double C(int i) => (i + 1.0) * (i + 1.0) + 0.1 * (n + 1) / 2.0;

        public void Residual(ReadOnlySpan<double> z, Span<double> f)
        {
            Residuals++;
            double s = 0;
            foreach (var v in z) s += v;
            for (var i = 0; i < n; i++) f[i] = z[i] * z[i] + 0.1 / n * s - C(i);
        }

        public bool Jacobian(ReadOnlySpan<double> z, Span<double> jacobian)
        {
            if (!analytic) return false;
            for (var i = 0; i < n; i++)
                for (var k = 0; k < n; k++) jacobian[i * n + k] = 0.1 / n + (i == k ? 2 * z[i] : 0);
            return true;
        }

        public string EquationName(int row) => $"equation {row}";
    }

    /// <summary>A residual that is infinite everywhere: no step can be taken.</summary>
    private sealed class Hopeless : INonlinearSystem
    {
        public int Size => 2;

        public void Residual(ReadOnlySpan<double> z, Span<double> f) { f[0] = double.PositiveInfinity; f[1] = 0; }

        public bool Jacobian(ReadOnlySpan<double> z, Span<double> jacobian) => false;

        public string EquationName(int row) => $"equation {row}";
    }

    [Theory]
    [InlineData(1, true)]
    [InlineData(6, true)]
    [InlineData(6, false)]
    [InlineData(30, true)]
    public void Converges_to_the_known_solution_from_far_away(int n, bool analytic)
    {
        var system = new Quadratic(n, analytic);
        // From z* + 3 (the first unknown 4 times too large); the positive root is the one Newton approaches from above.
        var (z, d) = NewtonSolver.Solve(system, Enumerable.Range(1, n).Select(i => i + 3.0).ToArray(), new NewtonOptions());
        Assert.True(d.Converged, d.ToString());
        for (var i = 0; i < n; i++) Assert.Equal(i + 1.0, z[i], 1e-10);
        Assert.Contains(analytic ? "analytic" : "finite-difference", d.Method);
        Assert.True(d.Iterations <= 20, d.ToString());
    }

    [Fact]
    public void Too_few_iterations_fails_with_diagnostics_naming_the_worst_equation()
    {
        var (z, d) = NewtonSolver.Solve(new Quadratic(5, true), Enumerable.Repeat(20.0, 5).ToArray(), new NewtonOptions { MaxIterations = 1 });
        Assert.False(d.Converged);
        Assert.Equal(1, d.Iterations);
        Assert.True(d.ResidualNorm > d.Tolerance);
        Assert.StartsWith("equation ", d.WorstEquation);
        Assert.All(z, v => Assert.True(v > 0));
    }

    [Fact]
    public void A_non_finite_start_stops_at_iteration_zero_with_an_infinite_residual()
    {
        var (_, d) = NewtonSolver.Solve(new Hopeless(), [1.0, 1.0], new NewtonOptions());
        Assert.False(d.Converged);
        Assert.Equal(0, d.Iterations);
        Assert.Equal(double.PositiveInfinity, d.ResidualNorm);
        Assert.Equal("equation 0", d.WorstEquation);
    }

    [Fact]
    public void A_factorisation_from_a_nearby_problem_is_reused_for_chord_steps()
    {
        // Factor the Jacobian at the solution, then solve from a nearby start: chord steps alone must get there.
        const int n = 8;
        var system = new Quadratic(n, true);
        var solution = Enumerable.Range(1, n).Select(i => (double)i).ToArray();
        var lu = new DenseJacobianFactor(system);
        var f = new double[n];
        system.Residual(solution, f);
        Assert.True(lu.Refactor(solution, f));
        var start = solution.Select(v => v * 1.01).ToArray();
        var (z, d) = NewtonSolver.Solve(system, start, new NewtonOptions(), lu);
        Assert.True(d.Converged, d.ToString());
        Assert.Equal(0, d.JacobianEvaluations);
        for (var i = 0; i < n; i++) Assert.Equal(solution[i], z[i], 1e-10);
    }

    [Theory]
    [InlineData("Tolerance", 0)]
    [InlineData("Tolerance", double.NaN)]
    [InlineData("Tolerance", 2)]
    [InlineData("MaxIterations", 0)]
    [InlineData("MaxHalvings", -1)]
    [InlineData("ContinuationStages", -1)]
    public void Impossible_options_are_input_errors_when_set(string option, double value)
    {
        Assert.Throws<ParleyInputException>(() => option switch
        {
            "Tolerance" => new NewtonOptions { Tolerance = value },
            "MaxIterations" => new NewtonOptions { MaxIterations = (int)value },
            "MaxHalvings" => new NewtonOptions { MaxHalvings = (int)value },
            _ => new NewtonOptions { ContinuationStages = (int)value },
        });
    }
}
