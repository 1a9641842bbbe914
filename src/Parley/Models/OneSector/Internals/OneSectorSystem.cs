// Shared core of the one-sector equilibrium systems (Ignatenko et al. 2025; docs/models/one-sector.md (OS-8)–(OS-12), (OS-23)):
// given each exporter's cost shifter c_i (so that a_ij = λ_ij c_i (1+t_ij)^(−εφ_j)) and each importer's spending E′_j,
// allocate spending across sources (λ′ = a/S), value flows at producer prices (X′ = λ′E′/(1+t)), and collect tariff
// revenue R, imports M′, income-weighted sales, factor income Y′ = ŵL̂Y and the income-tax rate τ = R/Y′.
using Parley.Models.Numerics;

namespace Parley.Models.OneSector.Internals;

internal abstract class OneSectorSystem : INonlinearSystem
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
        Tau = new double[n]; Rho = new double[n]; Cost = new double[n];
        G = new double[n * n]; Xp = new double[n * n];
    }

    public abstract int Size { get; }

    public abstract void Residual(ReadOnlySpan<double> z, Span<double> f);

    public abstract bool Jacobian(ReadOnlySpan<double> z, Span<double> jacobian);

    public abstract string EquationName(int row);

    /// <summary>Fills W, Ê, L̂ (and P̂ where it is an unknown) and every intermediate quantity at z.</summary>
    internal abstract void Evaluate(ReadOnlySpan<double> z);

    /// <summary>Unnormalised shares a_ij = λ_ij c_i (1+t_ij)^(−εφ_j) into G, and their column sums S_j.</summary>
    protected void ComputeShares()
    {
        var n = N;
        var lambda = E.Shares;
        var shifter = T.Shifter;
        Array.Clear(S);
        for (var i = 0; i < n; i++)
        {
            var c = Cost[i];
            var row = i * n;
            for (var j = 0; j < n; j++)
            {
                var a = lambda[row + j] * c * shifter[row + j];
                G[row + j] = a;
                S[j] += a;
            }
        }
    }

    /// <summary>Normalises G to λ′ and computes X′, R, M′, sales, Y′, g, τ and ρ from Ê (docs/models/one-sector.md (OS-8)–(OS-12)).</summary>
    protected void AllocateSpending()
    {
        var n = N;
        for (var j = 0; j < n; j++)
        {
            Ep[j] = Eh[j] * E.Absorption[j];
            R[j] = 0;
            Mp[j] = 0;
        }
        double sumYp = 0;
        for (var i = 0; i < n; i++)
        {
            var row = i * n;
            double sales = 0;
            for (var j = 0; j < n; j++)
            {
                var g = G[row + j] / S[j];
                G[row + j] = g;
                var spend = g * Ep[j];
                var x = spend * T.Inverse[row + j];
                Xp[row + j] = x;
                R[j] += spend * T.RevenueShare[row + j];
                Mp[j] += x;
                sales += (1 - E.DestinationShare[j]) * x;
            }
            Sales[i] = sales;
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

    /// <summary>The solution at the last evaluated z as an immutable record.</summary>
    internal Equilibrium ToEquilibrium(SolverDiagnostics diagnostics) => new(
        (double[])W.Clone(), (double[])Eh.Clone(), (double[])L.Clone(), (double[])P.Clone(), (double[])Xp.Clone(),
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
