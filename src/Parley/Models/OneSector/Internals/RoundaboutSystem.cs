// One-sector model with roundabout (input–output) production (Ignatenko et al. 2025, appendix; Parley spec §8.1).
// Gross output uses labour (share β) and the composite good (1 − β), so the price index P̂ becomes an unknown:
// 4N unknowns z = (ŵ, Ê, L̂, P̂), equations (M) with the income-weighted wage numéraire, (B) with intermediate
// purchases, (L) and the price-index definition (P). The Jacobian is taken by finite differences: this variant runs
// a handful of solves per replication, so an analytic Jacobian would buy little.
using Parley.Models.Numerics;

namespace Parley.Models.OneSector.Internals;

internal sealed class RoundaboutSystem : INonlinearSystem
{
    private readonly Economy _e;
    private readonly ScenarioTariffs _t;
    private readonly double _eps, _kappa, _psi, _beta;
    private readonly bool _incomeTax;
    private readonly int _n;
    private readonly double _meanE, _meanY, _sumY;
    private readonly IReadOnlyList<string> _names;

    internal readonly double[] W, Eh, L, P, S, Ep, Yp, R, Mp, Sales, Tau, Rho;
    internal readonly double[] G, Xp;
    private readonly double[] _cost;
    internal double Growth;

    public RoundaboutSystem(Economy economy, ReadOnlySpan<double> tariffs, OneSectorParameters p, IReadOnlyList<string> names)
    {
        _e = economy;
        _n = economy.N;
        _eps = p.TradeElasticity;
        _kappa = p.LaborSupplyElasticity;
        _psi = p.ScaleElasticity;
        _beta = economy.ValueAddedShare;
        _incomeTax = p.Recycling == RevenueRecycling.IncomeTaxRelief;
        _t = new ScenarioTariffs(economy, tariffs, _eps);
        _names = names;
        _meanE = economy.Absorption.Average();
        _meanY = economy.Income.Average();
        _sumY = economy.Income.Sum();
        var n = _n;
        W = new double[n]; Eh = new double[n]; L = new double[n]; P = new double[n]; S = new double[n];
        Ep = new double[n]; Yp = new double[n]; R = new double[n]; Mp = new double[n]; Sales = new double[n];
        Tau = new double[n]; Rho = new double[n]; _cost = new double[n];
        G = new double[n * n]; Xp = new double[n * n];
    }

    public int Size => 4 * _n;

    public string EquationName(int row)
    {
        var i = row % _n;
        return (row / _n) switch
        {
            0 when i == _e.NumeraireIndex => $"numéraire (N): {(_e.Numeraire == Numeraire.WorldWage ? "world wage" : "world price index")}",
            0 => $"market clearing (M) of {_names[i]}",
            1 => $"budget (B) of {_names[i]}",
            2 => $"labour supply (L) of {_names[i]}",
            _ => $"price index (P) of {_names[i]}",
        };
    }

    public bool Jacobian(ReadOnlySpan<double> z, Span<double> jacobian) => false;

    public void Residual(ReadOnlySpan<double> z, Span<double> f)
    {
        Evaluate(z);
        var n = _n;
        var e = _e;
        for (var i = 0; i < n; i++)
        {
            f[i] = (_beta * Sales[i] + e.DestinationShare[i] * Mp[i] - Yp[i]) / e.Income[i];
            f[n + i] = (R[i] + Yp[i] + (1 - _beta) * Sales[i] + e.Transfers[i] * Growth - Ep[i]) / e.Absorption[i];
            f[2 * n + i] = L[i] - Math.Pow(Rho[i] * W[i] / P[i], _kappa);
            f[3 * n + i] = P[i] - Math.Pow(Eh[i] / W[i], 1 - e.PassThrough[i]) * Math.Pow(S[i], -1 / _eps);
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

    internal void Evaluate(ReadOnlySpan<double> z)
    {
        var n = _n;
        var e = _e;
        for (var i = 0; i < n; i++)
        {
            W[i] = Math.Abs(z[i]);
            Eh[i] = Math.Abs(z[n + i]);
            L[i] = Math.Abs(z[2 * n + i]);
            P[i] = Math.Abs(z[3 * n + i]);
            var unitCost = Math.Pow(W[i], _beta) * Math.Pow(P[i], 1 - _beta);
            var entry = Math.Pow(W[i] / P[i], 1 - _beta) * L[i];
            _cost[i] = Math.Pow(unitCost / Math.Pow(entry, _psi), -_eps);
        }
        Array.Clear(S);
        for (var i = 0; i < n; i++)
        {
            var row = i * n;
            for (var j = 0; j < n; j++)
            {
                var a = e.Shares[row + j] * _cost[i] * _t.Shifter[row + j];
                G[row + j] = a;
                S[j] += a;
            }
        }
        for (var j = 0; j < n; j++)
        {
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
        }
    }
}
