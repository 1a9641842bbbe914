// One-sector model with roundabout (input–output) production (Ignatenko et al. 2025, appendix; docs/models/one-sector.md (OS-22)–(OS-27)).
// Gross output uses labour (share β) and the composite good (1 − β), so the price index P̂ becomes an unknown:
// 4N unknowns z = (ŵ, Ê, L̂, P̂), equations (M) with the income-weighted wage numéraire, (B) with intermediate
// purchases, (L) and the price-index definition (P). The Jacobian is taken by finite differences: this variant runs
// a handful of solves per replication, so an analytic Jacobian would buy little.

namespace Parley.Models.OneSector.Internals;

internal sealed class RoundaboutSystem(Economy economy, ReadOnlySpan<double> tariffs, OneSectorParameters p, IReadOnlyList<string> names)
    : OneSectorSystem(economy, tariffs, p, names)
{
    private readonly double _beta = economy.ValueAddedShare;
    private readonly double _meanE = economy.Absorption.Average();
    private readonly double _meanY = economy.Income.Average();

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

    public override bool Jacobian(ReadOnlySpan<double> z, Span<double> jacobian) => false;

    public override void Residual(ReadOnlySpan<double> z, Span<double> f)
    {
        Evaluate(z);
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

    internal override void Evaluate(ReadOnlySpan<double> z)
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
        ComputeShares();
        AllocateSpending();
    }
}
