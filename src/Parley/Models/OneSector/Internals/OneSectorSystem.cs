// Shared core of the one-sector equilibrium systems (Ignatenko et al. 2025; docs/models/one-sector.md (OS-8)–(OS-12), (OS-23)):
// given each exporter's cost shifter c_i (so that a_ij = λ_ij c_i (1+t_ij)^(−εφ_j)) and each importer's spending E′_j,
// allocate spending across sources (λ′ = a/S), value flows at producer prices (X′ = λ′E′/(1+t)), and collect tariff
// revenue R, imports M′, income-weighted sales, factor income Y′ = ŵL̂Y and the income-tax rate τ = R/Y′.
// Why two evaluations: a residual needs only the per-country aggregates, which are matrix–vector products with the
// precomputed share-weighted tariff factors; λ′ and X′ (N × N) are formed only when a Jacobian or the result needs them.
using System.Buffers;
using Parley.Models.Numerics;

namespace Parley.Models.OneSector.Internals;

internal abstract class OneSectorSystem : INonlinearSystem, IDisposable
{
    protected readonly Economy E;
    protected readonly ScenarioTariffs T;
    protected readonly double Eps, Kappa, Psi;
    protected readonly bool IncomeTax;
    protected readonly int N;
    protected readonly double SumY;
    protected readonly IReadOnlyList<string> Names;

    internal readonly double[] W, Eh, L, P, S, Ep, Yp, R, Mp, Sales, Tau, Rho;
    internal readonly double[] G, Xp; // λ′ and X′, N×N row-major
    protected readonly double[] Cost;
    private readonly double[] _salesWeight;
    private bool _disposed;
    internal double Growth;

    protected OneSectorSystem(Economy economy, ReadOnlySpan<double> tariffs, OneSectorParameters p, IReadOnlyList<string> names)
    {
        E = economy;
        N = economy.N;
        Eps = p.TradeElasticity;
        Kappa = p.LaborSupplyElasticity;
        Psi = p.ScaleElasticity;
        IncomeTax = p.Recycling == RevenueRecycling.IncomeTaxRelief;
        T = new ScenarioTariffs(economy, tariffs, Eps);
        Names = names;
        SumY = economy.Income.Sum();
        var n = N;
        W = new double[n]; Eh = new double[n]; L = new double[n]; P = new double[n]; S = new double[n];
        Ep = new double[n]; Yp = new double[n]; R = new double[n]; Mp = new double[n]; Sales = new double[n];
        Tau = new double[n]; Rho = new double[n]; Cost = new double[n]; _salesWeight = new double[n];
        G = ArrayPool<double>.Shared.Rent(n * n); Xp = ArrayPool<double>.Shared.Rent(n * n); // written before read
    }

    public abstract int Size { get; }

    /// <summary>Returns the N × N work arrays to the pool; the system must not be evaluated afterwards. Results already
    /// taken (<see cref="ToEquilibrium"/>) are copies and stay valid.</summary>
    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        T.Dispose();
        ArrayPool<double>.Shared.Return(G);
        ArrayPool<double>.Shared.Return(Xp);
    }

    public abstract void Residual(ReadOnlySpan<double> z, Span<double> f);

    public abstract bool Jacobian(ReadOnlySpan<double> z, Span<double> jacobian);

    public abstract string EquationName(int row);

    /// <summary>A new factorisation for Newton steps: the dense LU of <see cref="Jacobian"/> unless a variant has a
    /// structured one (<see cref="BaselineSystem"/>).</summary>
    public virtual IJacobianFactor CreateFactor() => new DenseJacobianFactor(this);

    /// <summary>Fills W, Ê, L̂ (and P̂ where it is an unknown) and every intermediate quantity at z, λ′ and X′ included
    /// (what Jacobians and the reported equilibrium read).</summary>
    internal void Evaluate(ReadOnlySpan<double> z)
    {
        EvaluateAggregates(z);
        FormSharesAndFlows();
    }

    /// <summary>Fills the unknowns' levels, the unit costs and every per-country aggregate at z, but not λ′ or X′
    /// (what a residual reads).</summary>
    protected abstract void EvaluateAggregates(ReadOnlySpan<double> z);

    /// <summary>
    /// From the unit costs c_i (<see cref="Cost"/>) and Ê: the column sums S_j = Σ_i c_i λ_ij (1+t_ij)^(−εφ_j), E′, imports
    /// M′_j = Σ_i X′_ij, revenue R_j, income-weighted sales Σ_j (1 − ν_j) X′_ij, Y′, g, τ and ρ
    /// (docs/models/one-sector.md (OS-8)–(OS-12)), as products of the share-weighted tariff factors with c, without
    /// forming λ′ = a/S or X′ = λ′E′/(1+t).
    /// </summary>
    protected void Aggregate()
    {
        var n = N;
        DenseProduct.TransposedTimes(T.Shares, Cost, S, n, n);
        DenseProduct.TransposedTimes(T.ProducerShares, Cost, Mp, n, n);
        DenseProduct.TransposedTimes(T.RevenueShares, Cost, R, n, n);
        for (var j = 0; j < n; j++)
        {
            Ep[j] = Eh[j] * E.Absorption[j];
            var perShare = Ep[j] / S[j];
            Mp[j] *= perShare;
            R[j] *= perShare;
            _salesWeight[j] = (1 - E.DestinationShare[j]) * perShare;
        }
        double sumYp = 0;
        for (var i = 0; i < n; i++)
        {
            Sales[i] = Cost[i] * DenseLu.Dot(T.ProducerShares.AsSpan(i * n, n), _salesWeight);
            Yp[i] = W[i] * L[i] * E.Income[i];
            sumYp += Yp[i];
        }
        Growth = sumYp / SumY;
        for (var i = 0; i < n; i++)
        {
            Tau[i] = IncomeTax && Yp[i] > 0 ? R[i] / Yp[i] : 0;
            Rho[i] = 1 / (1 - Tau[i]);
        }
    }

    /// <summary>λ′_ij = c_i λ_ij (1+t_ij)^(−εφ_j) / S_j into <see cref="G"/> and X′_ij = λ′_ij E′_j / (1+t_ij) into
    /// <see cref="Xp"/>, after <see cref="Aggregate"/>.</summary>
    private void FormSharesAndFlows()
    {
        var n = N;
        Span<double> perShare = n <= 1024 ? stackalloc double[n] : new double[n];
        Span<double> perFlow = n <= 1024 ? stackalloc double[n] : new double[n];
        for (var j = 0; j < n; j++)
        {
            perShare[j] = 1 / S[j];
            perFlow[j] = Ep[j] / S[j];
        }
        for (var i = 0; i < n; i++)
        {
            var c = Cost[i];
            var row = i * n;
            var shares = T.Shares.AsSpan(row, n);
            var producer = T.ProducerShares.AsSpan(row, n);
            var g = G.AsSpan(row, n);
            var x = Xp.AsSpan(row, n);
            for (var j = 0; j < n; j++)
            {
                g[j] = c * shares[j] * perShare[j];
                x[j] = c * producer[j] * perFlow[j];
            }
        }
    }

    /// <summary>The solution at the last evaluated z as an immutable record.</summary>
    internal Equilibrium ToEquilibrium(SolverDiagnostics diagnostics) => new(
        (double[])W.Clone(), (double[])Eh.Clone(), (double[])L.Clone(), (double[])P.Clone(), Xp.AsSpan(0, N * N).ToArray(),
        (double[])R.Clone(), (double[])Tau.Clone(), Growth, diagnostics);

    protected static double Scale(double v) => v > 1e-300 ? v : 1.0;

    /// <summary>
    /// Turns a Jacobian in log-derivatives (∂F/∂ln x) into level derivatives (∂F/∂x): column block b, entry k, is divided
    /// by the unknown's level <c>levels[b][k]</c>. The unknown vector is the blocks in order, each of length N.
    /// </summary>
    protected void ToLevelColumns(Span<double> jac, int m, params double[][] levels)
    {
        var n = N;
        for (var r = 0; r < m; r++)
        {
            var row = jac.Slice(r * m, m);
            for (var b = 0; b < levels.Length; b++)
            {
                var level = levels[b];
                for (var k = 0; k < n; k++) row[b * n + k] /= level[k];
            }
        }
    }
}
