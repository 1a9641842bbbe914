// Equilibrium system of the one-sector model in changes (Ignatenko et al. 2025; docs/models/one-sector.md (OS-8)–(OS-16)), 3N unknowns
// z = (ŵ, Ê, L̂) and 3N equations: market clearing (M) with the numéraire (N) replacing the last country, budgets (B)
// with transfers fixed as a share of world income (Dekle–Eaton–Kortum), and labour supply (L).
// Residuals are scaled (M by Y_i, N by mean E, B by E_i; (OS-17)) so one tolerance fits every country.
// The Jacobian is analytic ((OS-36)–(OS-40)): log-derivatives of λ′, P̂ and R assembled block by block, then divided by the
// unknown's level. The only O(N³) term is B = A·λ′ᵀ.
using System.Numerics;

namespace Parley.Models.OneSector.Internals;

internal sealed partial class BaselineSystem(Economy economy, ReadOnlySpan<double> tariffs, OneSectorParameters p, IReadOnlyList<string> names)
    : OneSectorSystem(economy, tariffs, p, names)
{
    private readonly double _meanE = economy.Absorption.Average();
    private readonly double[] _q = new double[economy.N];
    private double[]? _bm, _a; // work arrays of the dense Jacobian, allocated on first use

    public override int Size => 3 * N;

    public override string EquationName(int row)
    {
        var i = row % N;
        return (row / N) switch
        {
            0 when i == E.NumeraireIndex => "numéraire (N): world price index",
            0 => $"market clearing (M) of {Names[i]}",
            1 => $"budget (B) of {Names[i]}",
            _ => $"labour supply (L) of {Names[i]}",
        };
    }

    public override void Residual(ReadOnlySpan<double> z, Span<double> f)
    {
        EvaluateAggregates(z);
        var n = N;
        var e = E;
        for (var i = 0; i < n; i++)
        {
            f[i] = (Sales[i] + e.DestinationShare[i] * Mp[i] - Yp[i]) / Scale(e.Income[i]);
            f[n + i] = (R[i] + Yp[i] + e.Transfers[i] * Growth - Ep[i]) / Scale(e.Absorption[i]);
            f[2 * n + i] = L[i] - _q[i];
        }
        double num = 0;
        for (var j = 0; j < n; j++) num += (P[j] - 1) * e.Absorption[j];
        f[e.NumeraireIndex] = num / n / _meanE;
    }

    protected override void EvaluateAggregates(ReadOnlySpan<double> z)
    {
        var n = N;
        for (var i = 0; i < n; i++)
        {
            W[i] = Math.Abs(z[i]);
            Eh[i] = Math.Abs(z[n + i]);
            L[i] = Math.Abs(z[2 * n + i]);
            Cost[i] = Math.Pow(W[i], -Eps) * Math.Pow(L[i], Eps * Psi);
        }
        Aggregate();
        for (var j = 0; j < n; j++)
            P[j] = Math.Pow(Eh[j] / W[j], 1 - E.PassThrough[j]) * Math.Pow(S[j], -1 / Eps);
        for (var i = 0; i < n; i++) _q[i] = Math.Pow(Rho[i] * W[i] / P[i], Kappa);
    }

    public override bool Jacobian(ReadOnlySpan<double> z, Span<double> jac)
    {
        Evaluate(z);
        var n = N;
        var m = 3 * n;
        var e = E;
        double eps = Eps, psi = Psi, kappa = Kappa;
        var nu = e.DestinationShare;
        jac.Clear();

        // A_ij = (1 − ν_j) X′_ij, to form B = A·λ′ᵀ.
        var a = _a ??= new double[n * n];
        for (var i = 0; i < n; i++)
            for (var j = 0; j < n; j++) a[i * n + j] = (1 - nu[j]) * Xp[i * n + j];
        var aArr = a;
        var gArr = G;
        var bm = _bm ??= new double[n * n];
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
            var dRho = IncomeTax ? Rho[i] / Yp[i] : 0.0;
            var kq = kappa * _q[i];
            for (var k = 0; k < n; k++)
            {
                var ki = k * n + i;
                var diag = i == k ? 1.0 : 0.0;
                // ∂R_i/∂ln ŵ_k (docs/models/one-sector.md (OS-37)).
                var rw = eps * (Xp[ki] - G[ki] * Mp[i]);
                var h = eps * bm[i * n + k] - eps * Sales[i] * diag + eps * nu[i] * (G[ki] * Mp[i] - Xp[ki]);
                if (i != e.NumeraireIndex)
                {
                    jac[rM + k] = (h - Yp[i] * diag) / sy;
                    jac[rM + 2 * n + k] = (-psi * h - Yp[i] * diag) / sy;
                    jac[rM + n + k] = (a[i * n + k] + nu[i] * Mp[i] * diag) / sy;
                }
                var growthTerm = e.Transfers[i] * Yp[k] / SumY;
                jac[rB + k] = (rw + Yp[i] * diag + growthTerm) / se;
                jac[rB + 2 * n + k] = (-psi * rw + Yp[i] * diag + growthTerm) / se;
                jac[rB + n + k] = (R[i] - Ep[i]) * diag / se;

                var dlnPw = -(1 - e.PassThrough[i]) * diag + G[ki];
                var dlnPl = -psi * G[ki];
                var dlnPe = (1 - e.PassThrough[i]) * diag;
                var dRhoW = dRho * rw - (IncomeTax ? Rho[i] * Tau[i] * diag : 0);
                var dRhoL = dRho * (-psi * rw) - (IncomeTax ? Rho[i] * Tau[i] * diag : 0);
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
        ToLevelColumns(jac, m, W, Eh, L);
        return true;
    }

    internal static double Dot(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
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
