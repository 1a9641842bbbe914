// One equilibrium of the Caliendo & Parro (2015, RES 82(1)) model in changes: base-year shares (docs/models/multi-sector.md
// (MS-1)), then Anderson-accelerated iteration of the fixed-point map (MS-11) from the data (or a warm start) until
// max |G(u) − u| is below the tolerance. Why a warm start: counterfactuals near a solved baseline converge in a fraction
// of the evaluations.
using Parley.Data;
using Parley.Models.MultiSector.Internals;
using Parley.Models.Numerics;

namespace Parley.Models.MultiSector;

/// <summary>
/// The Caliendo–Parro (2015) multi-sector model with input–output links: solve an equilibrium in changes relative
/// to a <see cref="MultiSectorDataset"/> (pure: arrays in, immutable record out).
/// </summary>
public static class MultiSectorModel
{
    /// <summary>Base-year expenditure shares π_ni^j = Z_ni^j (1+τ_ni^j) / X_n^j (gross of base tariffs), [j][i][n].</summary>
    public static double[] BaseShares(MultiSectorDataset d) => BaseSharesAndExpenditure(d).Shares;

    /// <summary>π and base-year expenditure X_n^j = Σ_i Z_ni^j (1+τ_ni^j).</summary>
    public static (double[] Shares, double[] Expenditure) BaseSharesAndExpenditure(MultiSectorDataset d)
    {
        int n = d.N, jn = d.J;
        var tau = d.Base;
        var x = new double[n * jn];
        for (var j = 0; j < jn; j++)
            for (var i = 0; i < n; i++)
                for (var r = 0; r < n; r++)
                {
                    var c = (j * n + i) * n + r;
                    x[r * jn + j] += d.Flows[c] * (1 + tau[c]);
                }
        var pi = new double[jn * n * n];
        for (var j = 0; j < jn; j++)
            for (var i = 0; i < n; i++)
                for (var r = 0; r < n; r++)
                {
                    var c = (j * n + i) * n + r;
                    var total = x[r * jn + j];
                    pi[c] = total > 0 ? d.Flows[c] * (1 + tau[c]) / total : 0;
                }
        return (pi, x);
    }

    /// <summary>
    /// Solves the equilibrium for new tariffs τ′ ([j][i][n], fractions) and new deficits D′ (levels, summing to zero),
    /// relative to the dataset. Throws <see cref="EquilibriumNotConvergedException"/> with diagnostics on failure.
    /// </summary>
    /// <param name="scenario">Name used in diagnostics and errors.</param>
    /// <param name="d">Dataset.</param>
    /// <param name="tariffs">τ′.</param>
    /// <param name="deficits">D′ by region (levels).</param>
    /// <param name="options">Solver options (default tolerance 1e-11 on the fixed-point residual).</param>
    /// <param name="start">Warm start (e.g. the baseline solution when solving a counterfactual).</param>
    public static MultiSectorEquilibrium Solve(string scenario, MultiSectorDataset d, ReadOnlySpan<double> tariffs, ReadOnlySpan<double> deficits,
        AndersonOptions? options = null, MultiSectorEquilibrium? start = null)
    {
        int n = d.N, jn = d.J;
        return Solve(scenario, d, tariffs.ToArray(), deficits.ToArray(), options, start is null ? null : MultiSectorStart.Of(start), n, jn);
    }

    /// <summary>As <see cref="Solve(string, MultiSectorDataset, ReadOnlySpan{double}, ReadOnlySpan{double}, AndersonOptions?, MultiSectorEquilibrium?)"/>,
    /// from a start point that need not be an equilibrium (e.g. <see cref="MultiSectorStart.Superpose"/>).</summary>
    public static MultiSectorEquilibrium Solve(string scenario, MultiSectorDataset d, ReadOnlySpan<double> tariffs, ReadOnlySpan<double> deficits,
        MultiSectorStart start, AndersonOptions? options = null) =>
        Solve(scenario, d, tariffs.ToArray(), deficits.ToArray(), options, start, d.N, d.J);

    // The caller's spans are copied once here: the solver and the equilibrium it returns own their arrays.
    private static MultiSectorEquilibrium Solve(string scenario, MultiSectorDataset d, double[] tariffs, double[] deficits,
        AndersonOptions? options, MultiSectorStart? start, int n, int jn)
    {
        if (tariffs.Length != jn * n * n) throw new ArgumentException($"Expected {jn * n * n} tariffs, got {tariffs.Length}.", nameof(tariffs));
        if (deficits.Length != n) throw new ArgumentException($"Expected {n} deficits, got {deficits.Length}.", nameof(deficits));
        foreach (var t in tariffs)
            if (!double.IsFinite(t) || t < 0) throw new ArgumentException("Tariffs must be finite and non-negative.", nameof(tariffs));
        var (pi, x0) = BaseSharesAndExpenditure(d);
        var map = new HatMap(d, pi, tariffs, deficits);
        var u = new double[map.Size];
        for (var r = 0; r < n; r++)
        {
            u[r] = start is null ? 0 : Math.Log(start.Wage[r]);
            for (var j = 0; j < jn; j++)
            {
                u[n + r * jn + j] = start is null ? 0 : Math.Log(start.Price[r * jn + j]);
                u[n + n * jn + r * jn + j] = (start?.Expenditure[r * jn + j] ?? x0[r * jn + j]) / d.ValueAdded[r];
            }
        }
        var (solution, diagnostics) = AndersonAccelerator.Solve(map, u, options ?? new AndersonOptions());
        if (!diagnostics.Converged) throw new EquilibriumNotConvergedException(scenario, diagnostics);
        var g = new double[map.Size];
        map.Apply(solution, g); // state at the solution
        map.FillShares();
        var wage = new double[n];
        var price = new double[n * jn];
        var cost = new double[n * jn];
        var expenditure = new double[n * jn];
        for (var r = 0; r < n; r++)
        {
            wage[r] = Math.Exp(solution[r]);
            for (var j = 0; j < jn; j++)
            {
                price[r * jn + j] = Math.Exp(solution[n + r * jn + j]);
                cost[r * jn + j] = Math.Exp(map.LnCost[r * jn + j]);
                expenditure[r * jn + j] = solution[n + n * jn + r * jn + j] * d.ValueAdded[r];
            }
        }
        return new MultiSectorEquilibrium(wage, cost, price, (double[])map.Shares.Clone(), expenditure, (double[])map.GrossOutput.Clone(),
            (double[])map.Income.Clone(), (double[])map.Revenue.Clone(), tariffs, deficits, diagnostics);
    }
}
