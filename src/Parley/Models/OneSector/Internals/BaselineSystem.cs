// Equilibrium system of the one-sector model in changes (Ignatenko et al. 2025; Parley spec §3), 3N unknowns
// z = (ŵ, Ê, L̂) and 3N equations: market clearing (M) with the numéraire (N) replacing the last country, budgets (B)
// with transfers fixed as a share of world income (Dekle–Eaton–Kortum), and labour supply (L).
// Residuals are scaled (M by Y_i, N by mean E, B by E_i; spec §7) so one tolerance fits every country.
// The Jacobian is analytic (spec §11): log-derivatives of λ′, P̂ and R assembled block by block, then divided by the
// unknown's level. The only O(N³) term is B = A·λ′ᵀ.
using System.Numerics;
using Parley.Models.Numerics;

namespace Parley.Models.OneSector.Internals;

internal sealed class BaselineSystem : INonlinearSystem
{
    private readonly Economy _e;
    private readonly ScenarioTariffs _t;
    private readonly double _eps, _kappa, _psi;
    private readonly bool _incomeTax;
    private readonly int _n;
    private readonly double _meanE, _sumY;
    private readonly IReadOnlyList<string> _names;

    // State at the last evaluated z (row-major N×N where noted).
    internal readonly double[] W, Eh, L, P, S, Ep, Yp, R, Mp, Sales, Tau, Rho, Q;
    internal readonly double[] G, Xp; // λ′ and X′
    private readonly double[] _cost, _bm;
    internal double Growth;

    public BaselineSystem(Economy economy, ReadOnlySpan<double> tariffs, OneSectorParameters p, IReadOnlyList<string> names)
    {
        _e = economy;
        _n = economy.N;
        _eps = p.TradeElasticity;
        _kappa = p.LaborSupplyElasticity;
        _psi = p.ScaleElasticity;
        _incomeTax = p.Recycling == RevenueRecycling.IncomeTaxRelief;
        _t = new ScenarioTariffs(economy, tariffs, _eps);
        _names = names;
        _meanE = economy.Absorption.Average();
        _sumY = economy.Income.Sum();
        var n = _n;
        W = new double[n]; Eh = new double[n]; L = new double[n]; P = new double[n]; S = new double[n];
        Ep = new double[n]; Yp = new double[n]; R = new double[n]; Mp = new double[n]; Sales = new double[n];
        Tau = new double[n]; Rho = new double[n]; Q = new double[n]; _cost = new double[n];
        G = new double[n * n]; Xp = new double[n * n]; _bm = new double[n * n];
    }

    public int Size => 3 * _n;

    public string EquationName(int row)
    {
        var i = row % _n;
        return (row / _n) switch
        {
            0 when i == _e.NumeraireIndex => "numéraire (N): world price index",
            0 => $"market clearing (M) of {_names[i]}",
            1 => $"budget (B) of {_names[i]}",
            _ => $"labour supply (L) of {_names[i]}",
        };
    }

    public void Residual(ReadOnlySpan<double> z, Span<double> f)
    {
        Evaluate(z);
        var n = _n;
        var e = _e;
        for (var i = 0; i < n; i++)
        {
            f[i] = (Sales[i] + e.DestinationShare[i] * Mp[i] - Yp[i]) / Scale(e.Income[i]);
            f[n + i] = (R[i] + Yp[i] + e.Transfers[i] * Growth - Ep[i]) / Scale(e.Absorption[i]);
            f[2 * n + i] = L[i] - Q[i];
        }
        double num = 0;
        for (var j = 0; j < n; j++) num += (P[j] - 1) * e.Absorption[j];
        f[e.NumeraireIndex] = num / n / _meanE;
    }

    private static double Scale(double v) => v > 1e-300 ? v : 1.0;

    /// <summary>Computes all intermediate quantities at z (spec §3 steps 1–8).</summary>
    internal void Evaluate(ReadOnlySpan<double> z)
    {
        var n = _n;
        var e = _e;
        for (var i = 0; i < n; i++)
        {
            W[i] = Math.Abs(z[i]);
            Eh[i] = Math.Abs(z[n + i]);
            L[i] = Math.Abs(z[2 * n + i]);
            _cost[i] = Math.Pow(W[i], -_eps) * Math.Pow(L[i], _eps * _psi);
        }
        Array.Clear(S);
        var lambda = e.Shares;
        var shifter = _t.Shifter;
        for (var i = 0; i < n; i++)
        {
            var c = _cost[i];
            var row = i * n;
            for (var j = 0; j < n; j++)
            {
                var a = lambda[row + j] * c * shifter[row + j];
                G[row + j] = a;
                S[j] += a;
            }
        }
        for (var j = 0; j < n; j++)
        {
            P[j] = Math.Pow(Eh[j] / W[j], 1 - e.PassThrough[j]) * Math.Pow(S[j], -1 / _eps);
            Ep[j] = Eh[j] * e.Absorption[j];
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
                var x = spend * _t.Inverse[row + j];
                Xp[row + j] = x;
                R[j] += spend * _t.RevenueShare[row + j];
                Mp[j] += x;
                sales += (1 - e.DestinationShare[j]) * x;
            }
            Sales[i] = sales;
            Yp[i] = W[i] * L[i] * e.Income[i];
            sumYp += Yp[i];
        }
        Growth = sumYp / _sumY;
        for (var i = 0; i < n; i++)
        {
            Tau[i] = _incomeTax && Yp[i] > 0 ? R[i] / Yp[i] : 0;
            Rho[i] = 1 / (1 - Tau[i]);
            Q[i] = Math.Pow(Rho[i] * W[i] / P[i], _kappa);
        }
    }

    public bool Jacobian(ReadOnlySpan<double> z, Span<double> jac)
    {
        Evaluate(z);
        var n = _n;
        var m = 3 * n;
        var e = _e;
        double eps = _eps, psi = _psi, kappa = _kappa;
        var nu = e.DestinationShare;
        jac.Clear();

        // A_ij = (1 − ν_j) X′_ij, stored in _bm temporarily row by row to form B = A·λ′ᵀ.
        var a = new double[n * n];
        for (var i = 0; i < n; i++)
            for (var j = 0; j < n; j++) a[i * n + j] = (1 - nu[j]) * Xp[i * n + j];
        var aArr = a;
        var gArr = G;
        var bm = _bm;
        Parallel.For(0, n, i =>
        {
            var ai = aArr.AsSpan(i * n, n);
            for (var k = 0; k < n; k++) bm[i * n + k] = Dot(ai, gArr.AsSpan(k * n, n));
        });

        // Σ_j E_j P̂_j λ′_kj for the numéraire row.
        var ep = new double[n];
        for (var k = 0; k < n; k++)
        {
            double s = 0;
            for (var j = 0; j < n; j++) s += e.Absorption[j] * P[j] * G[k * n + j];
            ep[k] = s;
        }

        for (var i = 0; i < n; i++)
        {
            var rM = i * m;
            var rB = (n + i) * m;
            var rL = (2 * n + i) * m;
            var sy = Scale(e.Income[i]);
            var se = Scale(e.Absorption[i]);
            var dRho = _incomeTax ? Rho[i] / Yp[i] : 0.0;
            var kq = kappa * Q[i];
            for (var k = 0; k < n; k++)
            {
                var ki = k * n + i;
                var diag = i == k ? 1.0 : 0.0;
                // ∂R_i/∂ln ŵ_k (spec §11).
                var rw = eps * (Xp[ki] - G[ki] * Mp[i]);
                var h = eps * bm[i * n + k] - eps * Sales[i] * diag + eps * nu[i] * (G[ki] * Mp[i] - Xp[ki]);
                if (i != e.NumeraireIndex)
                {
                    jac[rM + k] = (h - Yp[i] * diag) / sy;
                    jac[rM + 2 * n + k] = (-psi * h - Yp[i] * diag) / sy;
                    jac[rM + n + k] = (a[i * n + k] + nu[i] * Mp[i] * diag) / sy;
                }
                var growthTerm = e.Transfers[i] * Yp[k] / _sumY;
                jac[rB + k] = (rw + Yp[i] * diag + growthTerm) / se;
                jac[rB + 2 * n + k] = (-psi * rw + Yp[i] * diag + growthTerm) / se;
                jac[rB + n + k] = (R[i] - Ep[i]) * diag / se;

                var dlnPw = -(1 - e.PassThrough[i]) * diag + G[ki];
                var dlnPl = -psi * G[ki];
                var dlnPe = (1 - e.PassThrough[i]) * diag;
                var dRhoW = dRho * rw - (_incomeTax ? Rho[i] * Tau[i] * diag : 0);
                var dRhoL = dRho * (-psi * rw) - (_incomeTax ? Rho[i] * Tau[i] * diag : 0);
                var dRhoE = dRho * R[i] * diag;
                jac[rL + k] = -kq * (dRhoW + diag - dlnPw);
                jac[rL + 2 * n + k] = L[i] * diag - kq * (dRhoL - dlnPl);
                jac[rL + n + k] = -kq * (dRhoE - dlnPe);
            }
        }
        var rN = e.NumeraireIndex * m;
        for (var k = 0; k < n; k++)
        {
            var own = e.Absorption[k] * P[k] * (1 - e.PassThrough[k]);
            var scale = n * _meanE;
            jac[rN + k] = (ep[k] - own) / scale;
            jac[rN + 2 * n + k] = -psi * ep[k] / scale;
            jac[rN + n + k] = own / scale;
        }
        // Log-derivatives → level derivatives: divide column k by the unknown's level.
        for (var r = 0; r < m; r++)
        {
            var row = jac.Slice(r * m, m);
            for (var k = 0; k < n; k++)
            {
                row[k] /= W[k];
                row[n + k] /= Eh[k];
                row[2 * n + k] /= L[k];
            }
        }
        return true;
    }

    private static double Dot(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        var j = 0;
        double s = 0;
        if (Vector.IsHardwareAccelerated && x.Length >= Vector<double>.Count)
        {
            var acc = Vector<double>.Zero;
            var w = Vector<double>.Count;
            for (; j <= x.Length - w; j += w) acc += new Vector<double>(x.Slice(j, w)) * new Vector<double>(y.Slice(j, w));
            s = Vector.Sum(acc);
        }
        for (; j < x.Length; j++) s += x[j] * y[j];
        return s;
    }
}
