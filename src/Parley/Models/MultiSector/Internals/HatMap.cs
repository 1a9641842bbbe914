// Caliendo & Parro (2015), "Estimates of the Trade and Welfare Effects of NAFTA", RES 82(1), equilibrium in relative
// changes (docs/models/multi-sector.md (MS-3)–(MS-10), CP's E1–E6), written as one fixed-point map over u = (ln ŵ, ln P̂, X′/wL):
//   E1  ln ĉ_n^j = γ_n^j ln ŵ_n + Σ_k γ_n^{k,j} ln P̂_n^k
//   E2  P̂_n^j = [Σ_i π_ni^j (κ̂_ni^j ĉ_i^j)^(−θ^j)]^(−1/θ^j)
//   E3  π′_ni^j = π_ni^j (κ̂_ni^j ĉ_i^j / P̂_n^j)^(−θ^j)
//   E4  X′_n^j = Σ_k γ_n^{j,k} Y′_n^k + α_n^j I′_n,  Y′_n^k = Σ_i π′_in^k X′_i^k / (1 + τ′_in^k)
//   E5  I′_n = ŵ_n w_nL_n + Σ_j Σ_i τ′_ni^j π′_ni^j X′_n^j / (1 + τ′_ni^j) + D′_n
//   E6  (labour-market form) ŵ_n w_nL_n = Σ_j γ_n^j Y′_n^j, with Σ_n ŵ_n w_nL_n = Σ_n w_nL_n as numéraire.
// Why one joint map: iterating prices, expenditure and wages together and accelerating with Anderson mixing avoids
// CP's nested loops (≈1,700 inner sweeps) and never forms the dense 1,240 × 1,240 expenditure system (docs/models/multi-sector.md (MS-11)).
using Parley.Data;
using Parley.Models.Numerics;
using Parley.Models.Numerics.Internals;

namespace Parley.Models.MultiSector.Internals;

internal sealed class HatMap : IFixedPointMap
{
    private readonly MultiSectorDataset _d;
    private readonly int _n, _j;
    private readonly double[] _pk;     // π_ni^j · κ̂_ni^j^(−θ^j), layout [j][i][n]
    private readonly double[] _pkInv;  // π κ̂^(−θ) / (1 + τ′): what reaches the exporter per unit of ĉ^(−θ) spend / S
    private readonly double[] _pkRate; // π κ̂^(−θ) τ′ / (1 + τ′): what the importer collects as tariff revenue
    private readonly double[] _deficits;
    private readonly double _worldVa;

    internal readonly double[] LnCost, LnPriceNew, Shares, Expenditure, GrossOutput, Income, Revenue, WageNew;
    private readonly double[] _e, _s, _t, _z, _y, _sAll, _lnS;

    public HatMap(MultiSectorDataset d, double[] baseShares, double[] tariffs, double[] deficits)
    {
        _d = d;
        _n = d.N;
        _j = d.J;
        var size = _j * _n * _n;
        _pk = new double[size];
        _pkInv = new double[size];
        _pkRate = new double[size];
        var baseTariffs = d.Base;
        for (var j = 0; j < _j; j++)
        {
            var theta = d.Sectors[j].TradeElasticity;
            for (var c = j * _n * _n; c < (j + 1) * _n * _n; c++)
            {
                var pi = baseShares[c];
                if (pi == 0) continue; // 0·∞ guard: a cell with no base trade never trades (docs/models/multi-sector.md (MS-4))
                var t = tariffs[c];
                var kappa = (1 + t) / (1 + baseTariffs[c]);
                var pk = kappa == 1 ? pi : pi * Math.Pow(kappa, -theta);
                _pk[c] = pk;
                _pkInv[c] = pk / (1 + t);
                _pkRate[c] = pk * (t / (1 + t));
            }
        }
        _deficits = deficits;
        _worldVa = d.ValueAdded.Sum();
        LnCost = new double[_n * _j];
        LnPriceNew = new double[_n * _j];
        Shares = new double[size];
        Expenditure = new double[_n * _j];
        GrossOutput = new double[_n * _j];
        Income = new double[_n];
        Revenue = new double[_n];
        WageNew = new double[_n];
        _e = new double[_n * _j];
        _s = new double[_n];
        _t = new double[_n];
        _z = new double[_n];
        _y = new double[_n];
        _sAll = new double[_n * _j];
        _lnS = new double[_n * _j];
    }

    public int Size => _n + 2 * _n * _j;

    public string ComponentName(int index)
    {
        if (index < _n) return $"wage of {_d.Regions[index].Iso3}";
        var k = index - _n;
        var block = k / (_n * _j);
        var cell = k % (_n * _j);
        var where = $"{_d.Regions[cell / _j].Iso3}/{_d.Sectors[cell % _j].Name}";
        return block == 0 ? $"price index of {where}" : $"expenditure of {where}";
    }

    public void Apply(ReadOnlySpan<double> u, Span<double> g)
    {
        int n = _n, jn = _j;
        var d = _d;
        var lnW = u[..n];
        var lnP = u.Slice(n, n * jn);
        var x = u.Slice(n + n * jn, n * jn);

        // E1: ln ĉ_n^j = γ_n^j ln ŵ_n + Σ_k γ_n^{k,j} ln P̂_n^k.
        for (var r = 0; r < n; r++)
        {
            var lc = LnCost.AsSpan(r * jn, jn);
            for (var j = 0; j < jn; j++) lc[j] = d.ValueAddedShare[r * jn + j] * lnW[r];
            DenseProducts.VectorTimesMatrix(lnP.Slice(r * jn, jn), d.InputShares.AsSpan(r * jn * jn, jn * jn), jn, lc, lc);
        }
        // E2–E3 and (MS-6), (MS-8) by sector, without forming π′: with e_i = ĉ_i^(−θ), S_n = Σ_i e_i π κ̂^(−θ) gives
        // P̂_n = S_n^(−1/θ), and with z_n = X′_n / S_n the spend on i is e_i π κ̂^(−θ) z_n, so
        // Y′_i = e_i Σ_n [π κ̂^(−θ)/(1+τ′)]_in z_n and R′_n = z_n Σ_i e_i [π κ̂^(−θ) τ′/(1+τ′)]_in (FillShares forms π′ once, at the end).
        Array.Clear(Revenue);
        for (var j = 0; j < jn; j++)
        {
            var theta = d.Sectors[j].TradeElasticity;
            for (var i = 0; i < n; i++) _e[j * n + i] = -theta * LnCost[i * jn + j];
        }
        DenseProducts.ExpInPlace(_e);
        for (var j = 0; j < jn; j++)
        {
            var block = j * n * n;
            var e = _e.AsSpan(j * n, n);
            var sj = _sAll.AsSpan(j * n, n);
            DenseProducts.VectorTimesMatrix(e, _pk.AsSpan(block, n * n), n, default, sj);
            DenseProducts.VectorTimesMatrix(e, _pkRate.AsSpan(block, n * n), n, default, _t);
            for (var r = 0; r < n; r++)
            {
                var sr = sj[r];
                var zr = sr > 0 ? x[r * jn + j] * d.ValueAdded[r] / sr : 0;
                _z[r] = zr;
                Revenue[r] += zr * _t[r];
            }
            DenseProducts.MatrixTimesVector(_pkInv.AsSpan(block, n * n), _z, e, _y);
            for (var i = 0; i < n; i++) GrossOutput[i * jn + j] = _y[i];
        }
        _sAll.AsSpan().CopyTo(_lnS);
        DenseProducts.LogInPlace(_lnS);
        for (var j = 0; j < jn; j++)
        {
            var theta = d.Sectors[j].TradeElasticity;
            for (var r = 0; r < n; r++)
                LnPriceNew[r * jn + j] = _sAll[j * n + r] > 0 ? -_lnS[j * n + r] / theta : 0;
        }
        // E5, E4 and the labour-market form of E6.
        double worldWage = 0;
        for (var r = 0; r < n; r++)
        {
            var wL = d.ValueAdded[r];
            var w = Math.Exp(lnW[r]);
            Income[r] = w * wL + Revenue[r] + _deficits[r];
            var y = GrossOutput.AsSpan(r * jn, jn);
            double va = 0;
            for (var j = 0; j < jn; j++)
            {
                va += d.ValueAddedShare[r * jn + j] * y[j];
                Expenditure[r * jn + j] = DenseLu.Dot(d.InputShares.AsSpan((r * jn + j) * jn, jn), y) + d.FinalShares[r * jn + j] * Income[r];
            }
            WageNew[r] = va / wL;
            worldWage += va;
        }
        var scale = _worldVa / worldWage;
        for (var r = 0; r < n; r++)
        {
            WageNew[r] *= scale;
            g[r] = Math.Log(WageNew[r]);
        }
        LnPriceNew.CopyTo(g.Slice(n, n * jn));
        var gx = g.Slice(n + n * jn, n * jn);
        for (var r = 0; r < n; r++)
            for (var j = 0; j < jn; j++) gx[r * jn + j] = Expenditure[r * jn + j] / d.ValueAdded[r];
    }

    /// <summary>Forms π′ (MS-5) at the point of the last <see cref="Apply"/> into <see cref="Shares"/>.</summary>
    public void FillShares()
    {
        int n = _n, jn = _j;
        for (var j = 0; j < jn; j++)
        {
            var theta = _d.Sectors[j].TradeElasticity;
            Array.Clear(_s);
            for (var i = 0; i < n; i++) DenseLu.Axpy(_e[j * n + i], _pk.AsSpan((j * n + i) * n, n), _s);
            for (var i = 0; i < n; i++)
            {
                var row = (j * n + i) * n;
                var e = _e[j * n + i];
                for (var r = 0; r < n; r++)
                    Shares[row + r] = _s[r] > 0 ? _pk[row + r] * e / _s[r] : 0;
            }
        }
    }
}
