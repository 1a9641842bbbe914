// Newton steps of the baseline one-sector system from an N × N dense system instead of the 3N × 3N Jacobian
// (docs/models/one-sector.md (OS-41)–(OS-43)). Why: ŵ and L̂ move every flow only through the unit cost, so in the
// coordinates θ = δln ŵ − ψ δln L̂ the spending and employment unknowns enter the budget and labour-supply equations
// only diagonally (plus one rank-one term); eliminating them exactly leaves a Schur complement K of order N whose dense
// part is one matrix product. A fresh Jacobian then costs ~3N³ flops instead of the ~18N³ of a dense LU of order 3N,
// and a chord step O(N²). The step is the same Newton step; ReducedJacobianTests compares it with the dense one.
using System.Buffers;
using System.Numerics;
using System.Runtime.InteropServices;
using Parley.Models.Numerics;

namespace Parley.Models.OneSector.Internals;

internal sealed partial class BaselineSystem
{
    public override IJacobianFactor CreateFactor() => new ReducedJacobian(this);

    /// <summary>The factorised Jacobian of a <see cref="BaselineSystem"/> as the Schur complement (OS-43). Everything a
    /// solve needs is copied at <see cref="Refactor"/>, so <see cref="Solve"/> is thread-safe and unaffected by later
    /// residual evaluations of the system.</summary>
    private sealed class ReducedJacobian : IJacobianFactor
    {
        private readonly BaselineSystem _s;
        private readonly int _n;
        private readonly DenseLu _k;
        // A (N×N); W = S⁻¹ J_(B,L),θ stored transposed (row k of _wE/_wB is column k of Wᵉ/Wᵇ); Qᵀ = ελ′ − Wᵉᵀ, the
        // product's right factor; the O(N²) part of K, transposed (row k holds column k).
        private readonly double[] _a, _wE, _wB, _qt, _local;
        // Per country: levels, and the coefficients of (OS-39), (OS-40) and (OS-42) that the column pass and Solve read.
        private readonly double[] _w, _eh, _l, _yp, _invSy, _invSe, _kq, _dRho, _lDiag, _d, _beta, _u, _ell, _m, _invDet,
            _own, _mDiag, _mB, _nuM, _epsNu, _ypPsi, _ep;
        private double _gamma; // 1 − Σ_k Y′_k ℓ_k u_k / det_k: the pivot of the rank-one coupling s
        private DenseJacobianFactor? _dense;
        private bool _useDense;
        private bool _disposed;

        public ReducedJacobian(BaselineSystem system)
        {
            _s = system;
            var n = _n = system.N;
            _k = new DenseLu(n, pooled: true, block: n <= 256 ? 24 : 48);
            double[] Square() => ArrayPool<double>.Shared.Rent(n * n); // every entry is written before it is read
            double[] Column() => new double[n];
            (_a, _wE, _wB, _qt, _local) = (Square(), Square(), Square(), Square(), Square());
            (_w, _eh, _l, _yp, _invSy, _invSe, _kq, _dRho, _lDiag, _d) = (Column(), Column(), Column(), Column(), Column(), Column(), Column(), Column(), Column(), Column());
            (_beta, _u, _ell, _m, _invDet, _own, _mDiag, _mB, _nuM) = (Column(), Column(), Column(), Column(), Column(), Column(), Column(), Column(), Column());
            (_epsNu, _ypPsi, _ep) = (Column(), Column(), Column());
        }

        public int Size => 3 * _n;

        public void Dispose()
        {
            if (_disposed) return;
            _disposed = true;
            _k.Dispose();
            _dense?.Dispose();
            foreach (var a in (double[][])[_a, _wE, _wB, _qt, _local]) ArrayPool<double>.Shared.Return(a);
        }

        public bool Analytic => true;

        public string Method => _useDense ? "dense LU (the reduced N×N system was singular)" : "N×N Schur complement (OS-43), dense LU";

        public bool Refactor(double[] z, double[] f)
        {
            _useDense = false;
            if (FactorReduced(z)) return true;
            _useDense = true;
            _dense ??= new DenseJacobianFactor(_s);
            return _dense.Refactor(z, f);
        }

        private bool FactorReduced(double[] z)
        {
            _s.Evaluate(z);
            if (!Coefficients()) return false;
            var n = _n;
            Span<double> numeraireRow = n <= 1024 ? stackalloc double[n] : new double[n];
            for (var k = 0; k < n; k++) numeraireRow[k] = EliminateColumn(k);
            // K_ik = (1/Y_i) [Σ_j A_ij (ε λ′_kj − Wᵉ_jk) + local_ik] (OS-43), then the numéraire row.
            var matrix = _k.Storage;
            DenseProduct.MultiplyTransposed(_a, _qt, matrix, n, n, n);
            for (var i = 0; i < n; i++)
            {
                var row = matrix.AsSpan(i * n, n);
                var inv = _invSy[i];
                for (var c = 0; c < n; c++) row[c] = (row[c] + _local[c * n + i]) * inv;
                row[i] -= (_s.Eps * _s.Sales[i] + _s.Yp[i]) * inv;
            }
            numeraireRow.CopyTo(matrix.AsSpan(_s.E.NumeraireIndex * n, n));
            return _k.Factor();
        }

        /// <summary>Copies levels and the per-country coefficients at the evaluated point; false if a 2 × 2 block of
        /// (OS-42) or the rank-one coupling is (nearly) singular.</summary>
        private bool Coefficients()
        {
            var s = _s;
            var e = s.E;
            var n = _n;
            double psi = s.Psi, kappa = s.Kappa;
            var nu = e.DestinationShare;
            var scale = n * s._meanE;
            double vc = 0;
            for (var i = 0; i < n; i++)
            {
                _w[i] = s.W[i]; _eh[i] = s.Eh[i]; _l[i] = s.L[i]; _yp[i] = s.Yp[i];
                _invSy[i] = 1 / Scale(e.Income[i]);
                var invSe = _invSe[i] = 1 / Scale(e.Absorption[i]);
                var kq = _kq[i] = kappa * s._q[i];
                var dRho = _dRho[i] = s.IncomeTax ? s.Rho[i] / s.Yp[i] : 0.0;
                var rhoTau = s.IncomeTax ? s.Rho[i] * s.Tau[i] : 0.0;
                var phi = e.PassThrough[i];
                _lDiag[i] = kq * (2 - rhoTau - phi);
                _d[i] = (s.R[i] - s.Ep[i]) * invSe;
                _beta[i] = (1 + psi) * s.Yp[i] * invSe;
                _u[i] = (1 + psi) * e.Transfers[i] * invSe / s.SumY;
                _ell[i] = -kq * (dRho * s.R[i] - (1 - phi));
                _m[i] = s.L[i] - kq * (psi * (2 - phi) - (1 + psi) * rhoTau);
                var det = _d[i] * _m[i] - _beta[i] * _ell[i];
                if (!(Math.Abs(det) > 1e-12 * (Math.Abs(_d[i] * _m[i]) + Math.Abs(_beta[i] * _ell[i])))) return false;
                _invDet[i] = 1 / det;
                vc += s.Yp[i] * _ell[i] * _u[i] / det;
                _own[i] = e.Absorption[i] * s.P[i] * (1 - phi) / scale;
                _nuM[i] = nu[i] * s.Mp[i];
                _mDiag[i] = _nuM[i] * _invSy[i];
                _mB[i] = -(1 + psi) * s.Yp[i] * _invSy[i];
                _epsNu[i] = s.Eps * nu[i];
                _ypPsi[i] = (1 + psi) * s.Yp[i];
                _ep[i] = e.Absorption[i] * s.P[i] / scale;
                var row = i * n;
                for (var j = 0; j < n; j++) _a[row + j] = (1 - nu[j]) * s.Xp[row + j];
            }
            _gamma = 1 - vc;
            return double.IsFinite(_gamma) && Math.Abs(_gamma) > 1e-12;
        }

        /// <summary>
        /// Column k: the θ_k-columns of (B) and (L) (the ŵ_k-columns of (OS-39), (OS-40), log-derivatives), eliminated by
        /// (OS-42) into Wᵉ, Wᵇ; the product's factor row Qᵀ_k; the local part of K's column k; and K's numéraire entry,
        /// (ep_k − own_k)/(N mean E) − Σ_j own_j (Wᵉ_jk − ψ Wᵇ_jk) with ep_k = Σ_j E_j P̂_j λ′_kj, which it returns.
        /// </summary>
        private double EliminateColumn(int k)
        {
            var s = _s;
            var n = _n;
            double eps = s.Eps, psi = s.Psi;
            ReadOnlySpan<double> g = s.G.AsSpan(k * n, n), x = s.Xp.AsSpan(k * n, n);
            Span<double> wE = _wE.AsSpan(k * n, n), wB = _wB.AsSpan(k * n, n);
            Span<double> qt = _qt.AsSpan(k * n, n), local = _local.AsSpan(k * n, n);
            ReadOnlySpan<double> mp = s.Mp, transfers = s.E.Transfers, invSe = _invSe, kq = _kq, dRho = _dRho;
            var growth = s.Yp[k] / s.SumY;
            var i = 0;
            // pB into wE and pL into wB (SolveLocal overwrites them with Wᵉ, Wᵇ).
            if (Vector.IsHardwareAccelerated)
            {
                var w = Vector<double>.Count;
                var vEps = new Vector<double>(eps);
                var vGrowth = new Vector<double>(growth);
                for (; i + w <= n; i += w)
                {
                    var gi = Load(g, i);
                    var rw = vEps * (Load(x, i) - gi * Load(mp, i));
                    ((rw + Load(transfers, i) * vGrowth) * Load(invSe, i)).CopyTo(wE[i..]);
                    (-Load(kq, i) * (Load(dRho, i) * rw - gi)).CopyTo(wB[i..]);
                }
            }
            for (; i < n; i++)
            {
                var rw = eps * (x[i] - g[i] * mp[i]);
                wE[i] = (rw + transfers[i] * growth) * invSe[i];
                wB[i] = -kq[i] * (dRho[i] * rw - g[i]);
            }
            wE[k] += s.Yp[k] * invSe[k];
            wB[k] -= _lDiag[k];
            SolveLocal(wE, wB, wE, wB);
            ReadOnlySpan<double> nuM = _nuM, epsNu = _epsNu, ypPsi = _ypPsi, ep = _ep, own = _own;
            double sumEp = 0, eliminated = 0;
            i = 0;
            if (Vector.IsHardwareAccelerated)
            {
                var w = Vector<double>.Count;
                var vEps = new Vector<double>(eps);
                var vPsi = new Vector<double>(psi);
                Vector<double> accEp = default, accEl = default;
                for (; i + w <= n; i += w)
                {
                    var gi = Load(g, i);
                    var we = Load(wE, i);
                    var wb = Load(wB, i);
                    var q = vEps * gi - we;
                    q.CopyTo(qt[i..]);
                    (Load(nuM, i) * q - Load(epsNu, i) * Load(x, i) + Load(ypPsi, i) * wb).CopyTo(local[i..]);
                    accEp += Load(ep, i) * gi;
                    accEl += Load(own, i) * (we - vPsi * wb);
                }
                sumEp = Vector.Sum(accEp);
                eliminated = Vector.Sum(accEl);
            }
            for (; i < n; i++)
            {
                qt[i] = eps * g[i] - wE[i];
                local[i] = nuM[i] * qt[i] - epsNu[i] * x[i] + ypPsi[i] * wB[i];
                sumEp += ep[i] * g[i];
                eliminated += own[i] * (wE[i] - psi * wB[i]);
            }
            return sumEp - own[k] - eliminated;
        }

        private static Vector<double> Load(ReadOnlySpan<double> s, int i) => Vector.LoadUnsafe(ref MemoryMarshal.GetReference(s), (nuint)i);

        /// <summary>(e, b) from (B) = pB, (L) = pL of (OS-42): the coupling s first, then a 2 × 2 solve per country.
        /// The outputs may be the inputs.</summary>
        private void SolveLocal(ReadOnlySpan<double> pB, ReadOnlySpan<double> pL, Span<double> eOut, Span<double> bOut)
        {
            var n = _n;
            ReadOnlySpan<double> yp = _yp, d = _d, ell = _ell, invDet = _invDet, u = _u, m = _m, beta = _beta;
            double vb = 0;
            for (var i = 0; i < n; i++) vb += yp[i] * (d[i] * pL[i] - ell[i] * pB[i]) * invDet[i];
            var coupling = vb / _gamma;
            var j = 0;
            if (Vector.IsHardwareAccelerated)
            {
                var vc = new Vector<double>(coupling);
                for (; j + Vector<double>.Count <= n; j += Vector<double>.Count)
                {
                    var rB = Load(pB, j) - Load(u, j) * vc;
                    var rL = Load(pL, j);
                    var id = Load(invDet, j);
                    ((Load(m, j) * rB - Load(beta, j) * rL) * id).CopyTo(eOut[j..]);
                    ((Load(d, j) * rL - Load(ell, j) * rB) * id).CopyTo(bOut[j..]);
                }
            }
            for (; j < n; j++)
            {
                var rB = pB[j] - u[j] * coupling;
                var rL = pL[j];
                eOut[j] = (m[j] * rB - beta[j] * rL) * invDet[j];
                bOut[j] = (d[j] * rL - ell[j] * rB) * invDet[j];
            }
        }

        public void Solve(Span<double> b)
        {
            if (_useDense) { _dense!.Solve(b); return; }
            var n = _n;
            var psi = _s.Psi;
            var numeraire = _s.E.NumeraireIndex;
            Span<double> scratch = n <= 512 ? stackalloc double[3 * n] : new double[3 * n];
            var sE = scratch[..n];
            var sB = scratch.Slice(n, n);
            var theta = scratch.Slice(2 * n, n);
            SolveLocal(b.Slice(n, n), b.Slice(2 * n, n), sE, sB);
            // Right-hand side of (OS-43): r_M − J_M,(e,b) S⁻¹ (r_B, r_L).
            for (var i = 0; i < n; i++)
                theta[i] = b[i] - (DenseLu.Dot(_a.AsSpan(i * n, n), sE) * _invSy[i] + _mDiag[i] * sE[i] + _mB[i] * sB[i]);
            theta[numeraire] = b[numeraire] - DenseLu.Dot(_own, sE) + psi * DenseLu.Dot(_own, sB);
            _k.Solve(theta);
            // (e, b) = S⁻¹ (r_B, r_L) − W θ, then back to level steps with δln ŵ = θ + ψ b.
            for (var c = 0; c < n; c++)
            {
                DenseLu.Axpy(-theta[c], _wE.AsSpan(c * n, n), sE);
                DenseLu.Axpy(-theta[c], _wB.AsSpan(c * n, n), sB);
            }
            for (var i = 0; i < n; i++)
            {
                b[i] = _w[i] * (theta[i] + psi * sB[i]);
                b[n + i] = _eh[i] * sE[i];
                b[2 * n + i] = _l[i] * sB[i];
            }
        }
    }
}
