using Parley.Data;
using Parley.Models.Numerics;
using Parley.Models.OneSector;
using Parley.Models.OneSector.Internals;
using Xunit;

namespace Parley.Tests.Models;

/// <summary>
/// The baseline system's Newton step from the N × N Schur complement (docs/models/one-sector.md (OS-41)–(OS-43))
/// against the same step from the dense LU of the whole 3N × 3N analytic Jacobian.
/// </summary>
public class ReducedJacobianTests
{
    private static BaselineSystem System(Economy e, double[] t, OneSectorParameters p) =>
        new(e, t, p, e.Countries.Countries.Select(c => c.Iso3).ToArray());

    private static double[] RandomPoint(int seed, int size)
    {
        var rng = new Random(seed);
        return Enumerable.Range(0, size).Select(_ => 0.8 + 0.4 * rng.NextDouble()).ToArray();
    }

    /// <summary>J⁻¹(−F(z)) with the given factorisation.</summary>
    private static double[] NewtonStep(BaselineSystem system, IJacobianFactor factor, double[] z)
    {
        var f = new double[system.Size];
        system.Residual(z, f);
        Assert.True(factor.Refactor(z, f));
        var step = f.Select(v => -v).ToArray();
        factor.Solve(step);
        return step;
    }

    private static void AssertSameStep(double[] dense, double[] reduced, double tolerance)
    {
        var scale = 1 + dense.Max(Math.Abs);
        for (var k = 0; k < dense.Length; k++)
            Assert.True(Math.Abs(dense[k] - reduced[k]) <= tolerance * scale, $"step[{k}]: dense {dense[k]:R}, reduced {reduced[k]:R}");
    }

    [Theory]
    [InlineData(1, 5, RevenueRecycling.IncomeTaxRelief, 0.5, 0.1675)]
    [InlineData(2, 9, RevenueRecycling.LumpSumRebate, 0.5, 0.1675)]
    [InlineData(3, 13, RevenueRecycling.IncomeTaxRelief, 0.0, 0.0)]   // Eaton–Kortum: fixed labour, no scale effects
    [InlineData(4, 8, RevenueRecycling.IncomeTaxRelief, 2.0, 0.4)]
    public void Reduced_step_equals_the_dense_step_at_points_away_from_equilibrium(int seed, int n, RevenueRecycling recycling, double kappa, double psi)
    {
        var (e, t) = OracleTests.RandomEconomy(seed, n);
        Assert.Contains(e.Transfers, v => v != 0); // the rank-one coupling of (OS-42) is exercised
        var p = new OneSectorParameters { Recycling = recycling, LaborSupplyElasticity = kappa, ScaleElasticity = psi };
        var system = System(e, t, p);
        var z = RandomPoint(seed, system.Size);
        var reducedFactor = system.CreateFactor();
        var reduced = NewtonStep(system, reducedFactor, z);
        Assert.Contains("Schur", reducedFactor.Method);
        var dense = NewtonStep(system, new DenseJacobianFactor(system), z);
        AssertSameStep(dense, reduced, 1e-10);
    }

    [Fact]
    public void Reduced_step_equals_the_dense_step_on_the_bundled_world_with_the_announced_tariffs()
    {
        var data = BundledData.World2023;
        var p = new OneSectorParameters();
        var e = Calibration.Baseline(data, p);
        var system = System(e, TariffShocks.AnnouncedUs(data), p);
        var ones = Enumerable.Repeat(1.0, system.Size).ToArray();
        var dense = NewtonStep(system, new DenseJacobianFactor(system), ones);
        var reduced = NewtonStep(system, system.CreateFactor(), ones);
        AssertSameStep(dense, reduced, 1e-10);
    }

    [Fact]
    public void A_factor_keeps_its_own_copies_so_later_residual_evaluations_do_not_change_its_steps()
    {
        var (e, t) = OracleTests.RandomEconomy(5, 7);
        var system = System(e, t, new OneSectorParameters());
        var z = RandomPoint(1, system.Size);
        var factor = system.CreateFactor();
        var before = NewtonStep(system, factor, z);
        var f = new double[system.Size];
        system.Residual(z, f);
        system.Residual(RandomPoint(2, system.Size), new double[system.Size]); // the system now holds another point
        var again = f.Select(v => -v).ToArray();
        factor.Solve(again);
        Assert.Equal(before, again);
    }

    [Fact]
    public void Solves_with_the_reduced_step_reach_the_dense_solver_s_equilibrium()
    {
        var data = BundledData.World2023;
        var p = new OneSectorParameters();
        var e = Calibration.Baseline(data, p);
        var t = TariffShocks.AnnouncedUs(data);
        var options = new NewtonOptions();
        var (reduced, dr) = NewtonSolver.Solve(System(e, t, p), Enumerable.Repeat(1.0, 3 * e.N).ToArray(), options);
        var (dense, dd) = NewtonSolver.Solve(new DenseOnly(System(e, t, p)), Enumerable.Repeat(1.0, 3 * e.N).ToArray(), options);
        Assert.True(dr.Converged && dd.Converged, $"{dr} / {dd}");
        Assert.Contains("Schur", dr.Method);
        Assert.Contains("dense LU", dd.Method);
        for (var k = 0; k < reduced.Length; k++) Assert.Equal(dense[k], reduced[k], 1e-10);
    }

    /// <summary>The same system with the default (dense LU) factorisation.</summary>
    private sealed class DenseOnly(INonlinearSystem inner) : INonlinearSystem
    {
        public int Size => inner.Size;

        public void Residual(ReadOnlySpan<double> z, Span<double> f) => inner.Residual(z, f);

        public bool Jacobian(ReadOnlySpan<double> z, Span<double> jacobian) => inner.Jacobian(z, jacobian);

        public string EquationName(int row) => inner.EquationName(row);
    }
}
