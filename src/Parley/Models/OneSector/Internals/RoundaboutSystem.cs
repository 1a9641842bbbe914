// One-sector model with roundabout (input–output) production (Ignatenko et al. 2025, appendix; docs/models/one-sector.md (OS-22)–(OS-27)).
// Gross output uses labour (share β) and the composite good (1 − β), so the price index P̂ becomes an unknown:
// 4N unknowns z = (ŵ, Ê, L̂, P̂), equations (M) with the income-weighted wage numéraire, (B) with intermediate
// purchases, (L) and the price-index definition (P). The Jacobian is analytic: Table 4's optimum search solves this
// variant many times, and finite differences cost 4N residual evaluations (≈ 0.2 s at N = 194) per Jacobian.

namespace Parley.Models.OneSector.Internals;

internal sealed class RoundaboutSystem : OneSectorSystem
{
    private readonly double _beta;
    private readonly double _meanE;
    private readonly double _meanY;

    public RoundaboutSystem(Economy economy, ReadOnlySpan<double> tariffs, OneSectorParameters p, IReadOnlyList<string> names)
        : base(economy, tariffs, p, names)
    {
        _beta = economy.ValueAddedShare;
        _meanE = economy.Absorption.Average();
        _meanY = economy.Income.Average();
    }

    public override int Size => 4 * N;

    public override string EquationName(int row)
    {
        var i = row % N;
        return (row / N) switch
        {
            0 when i == E.NumeraireIndex => $"numéraire (N): {(E.Numeraire == Numeraire.WorldWage ? "world wage" : "world price index")}",
            0 => $"market clearing (M) of {Names[i]}",
            1 => $"budget (B) of {Names[i]}",
            2 => $"labour supply (L) of {Names[i]}",
            _ => $"price index (P) of {Names[i]}",
        };
    }

    /// <summary>
    /// Analytic Jacobian (log-derivatives, then divided by the unknown's level as in <see cref="BaselineSystem"/>).
    /// ln c_i = −ε[β ln ŵ + (1−β) ln P̂ − ψ(1−β)(ln ŵ − ln P̂) − ψ ln L̂], so every flow term moves with ln c_k through
    /// ∂ln λ′_ij/∂ln c_k = δ_ik − λ′_kj; Ê scales spending; P̂ enters (L) and (P) directly.
    /// Checked against finite differences in RoundaboutJacobianTests.
    /// </summary>
    public override bool Jacobian(ReadOnlySpan<double> z, Span<double> jac)
    {
        Evaluate(z);
        var n = N;
        var m = 4 * n;
        var e = E;
        var nu = e.DestinationShare;
        double beta = _beta, eps = Eps, psi = Psi, kappa = Kappa;
        // ∂ln c_i / ∂ln ŵ_i, ∂ln P̂_i, ∂ln L̂_i.
        var cu = new[] { -eps * (beta - psi * (1 - beta)), -eps * (1 - beta) * (1 + psi), eps * psi };
        jac.Clear();
        var a = new double[n * n];
        for (var i = 0; i < n; i++)
            for (var j = 0; j < n; j++) a[i * n + j] = (1 - nu[j]) * Xp[i * n + j];
        // B = A·λ′ᵀ: ∂Sales_i/∂ln c_k = δ_ik Sales_i − B_ik.
        var bm = new double[n * n];
        var gArr = G;
        Parallel.For(0, n, i =>
        {
            var ai = a.AsSpan(i * n, n);
            for (var k = 0; k < n; k++) bm[i * n + k] = BaselineSystem.Dot(ai, gArr.AsSpan(k * n, n));
        });
        for (var i = 0; i < n; i++)
        {
            var sy = Scale(e.Income[i]);
            var se = Scale(e.Absorption[i]);
            var q = Math.Pow(Rho[i] * W[i] / P[i], kappa);
            var priceQ = Math.Pow(Eh[i] / W[i], 1 - e.PassThrough[i]) * Math.Pow(S[i], -1 / eps);
            var dRho = IncomeTax ? Rho[i] / Yp[i] : 0.0;
            var tauRho = IncomeTax ? Rho[i] * Tau[i] : 0.0;
            int rM = i * m, rB = (n + i) * m, rL = (2 * n + i) * m, rP = (3 * n + i) * m;
            for (var k = 0; k < n; k++)
            {
                var ki = k * n + i;
                var diag = i == k ? 1.0 : 0.0;
                var dMp = Xp[ki] - G[ki] * Mp[i];             // ∂M′_i/∂ln c_k; ∂R_i/∂ln c_k = −dMp
                var dSales = diag * Sales[i] - bm[i * n + k];  // ∂Sales_i/∂ln c_k
                var growth = e.Transfers[i] * Yp[k] / SumY;
                // Unknown blocks u = ŵ (column k), P̂ (3n + k), L̂ (2n + k): cost channel plus direct terms.
                for (var u = 0; u < 3; u++)
                {
                    var col = u switch { 0 => k, 1 => 3 * n + k, _ => 2 * n + k };
                    var c = cu[u];
                    var income = u == 1 ? 0.0 : 1.0;           // Y′ = ŵL̂Y moves with ŵ and L̂ only
                    if (i != e.NumeraireIndex)
                        jac[rM + col] = (c * (beta * dSales + nu[i] * dMp) - Yp[i] * diag * income) / sy;
                    jac[rB + col] = (c * (-dMp + (1 - beta) * dSales) + income * (Yp[i] * diag + growth)) / se;
                    var dlnRho = dRho * (-c * dMp) - tauRho * diag * income;
                    var direct = u switch { 0 => diag, 1 => -diag, _ => 0.0 };
                    jac[rL + col] = (u == 2 ? L[i] * diag : 0.0) - kappa * q * (dlnRho + direct);
                    var dlnQ = -(c / eps) * G[ki] - (u == 0 ? (1 - e.PassThrough[i]) * diag : 0.0);
                    jac[rP + col] = (u == 1 ? P[i] * diag : 0.0) - priceQ * dlnQ;
                }
                // Ê_k scales spending in k: X′_ik, R_k, M′_k and E′_k.
                var colE = n + k;
                if (i != e.NumeraireIndex)
                    jac[rM + colE] = (beta * a[i * n + k] + nu[i] * Mp[i] * diag) / sy;
                jac[rB + colE] = (R[i] * diag + (1 - beta) * a[i * n + k] - Ep[i] * diag) / se;
                jac[rL + colE] = -kappa * q * dRho * R[i] * diag;
                jac[rP + colE] = -priceQ * (1 - e.PassThrough[i]) * diag;
            }
        }
        var rN = e.NumeraireIndex * m;
        for (var k = 0; k < n; k++)
        {
            if (e.Numeraire == Numeraire.WorldWage) jac[rN + k] = W[k] * e.Income[k] / n / _meanY;
            else jac[rN + 3 * n + k] = P[k] * e.Absorption[k] / n / _meanE;
        }
        ToLevelColumns(jac, m, W, Eh, L, P);
        return true;
    }

    public override void Residual(ReadOnlySpan<double> z, Span<double> f)
    {
        EvaluateAggregates(z);
        var n = N;
        var e = E;
        for (var i = 0; i < n; i++)
        {
            f[i] = (_beta * Sales[i] + e.DestinationShare[i] * Mp[i] - Yp[i]) / Scale(e.Income[i]);
            f[n + i] = (R[i] + Yp[i] + (1 - _beta) * Sales[i] + e.Transfers[i] * Growth - Ep[i]) / Scale(e.Absorption[i]);
            f[2 * n + i] = L[i] - Math.Pow(Rho[i] * W[i] / P[i], Kappa);
            f[3 * n + i] = P[i] - Math.Pow(Eh[i] / W[i], 1 - e.PassThrough[i]) * Math.Pow(S[i], -1 / Eps);
        }
        double num = 0;
        if (e.Numeraire == Numeraire.WorldWage)
        {
            for (var i = 0; i < n; i++) num += (W[i] - 1) * e.Income[i];
            f[e.NumeraireIndex] = num / n / _meanY;
        }
        else
        {
            for (var j = 0; j < n; j++) num += (P[j] - 1) * e.Absorption[j];
            f[e.NumeraireIndex] = num / n / _meanE;
        }
    }

    protected override void EvaluateAggregates(ReadOnlySpan<double> z)
    {
        var n = N;
        for (var i = 0; i < n; i++)
        {
            W[i] = Math.Abs(z[i]);
            Eh[i] = Math.Abs(z[n + i]);
            L[i] = Math.Abs(z[2 * n + i]);
            P[i] = Math.Abs(z[3 * n + i]);
            var unitCost = Math.Pow(W[i], _beta) * Math.Pow(P[i], 1 - _beta);
            var entry = Math.Pow(W[i] / P[i], 1 - _beta) * L[i];
            Cost[i] = Math.Pow(unitCost / Math.Pow(entry, Psi), -Eps);
        }
        Aggregate();
    }
}
