// One-sector structural gravity in general equilibrium (Anderson & van Wincoop 2003; Yotov, Piermartini, Monteiro &
// Larch 2016, ch. 2; Larch & Yotov 2016), as gegravity's OneSectorGE solves it (docs/models/structural-gravity.md (G-2)–(G-15)):
//   multilateral resistances a_j = 1/P_j^(1−σ), b_i = 1/Π_i^(1−σ) solve
//     a_j Σ_i T_ij y_i b_i = 1 (j ≠ R, a_R = 1),   b_i Σ_j T_ij e_j a_j = 1,
// solved here in logs by Newton's method (the equations are log-linear in the unknowns up to the sums; logs remove the
// 1e-7 scale of b that gegravity's omr_rescale exists for). Full GE: gegravity's variant keeps baseline shares (p′ = Π/Π′
// in closed form); the textbook variant iterates p′ → Y′, E′ → shares → MRs → market clearing until p converges.
using Parley.Models.Numerics;

using Parley.Data;

namespace Parley.Models.Gravity;

/// <summary>Which full-GE procedure to run.</summary>
public enum GravityVariant
{
    /// <summary>gegravity's OneSectorGE: baseline output/expenditure shares in the MR system; p′ = Π/Π′ (default, matches its results).</summary>
    Gegravity,

    /// <summary>Advanced Guide / Larch–Yotov: counterfactual shares fed back until factory-gate prices converge.</summary>
    Textbook,
}

/// <summary>Multilateral resistances (levels) and their transformed unknowns.</summary>
/// <param name="A">a_j = 1/P_j^(1−σ).</param>
/// <param name="B">b_i = 1/Π_i^(1−σ).</param>
/// <param name="Inward">P_j.</param>
/// <param name="Outward">Π_i.</param>
/// <param name="Iterations">Newton iterations.</param>
/// <param name="Residual">Max |log residual|.</param>
public sealed record Resistances(double[] A, double[] B, double[] Inward, double[] Outward, int Iterations, double Residual);

/// <summary>Per-country results of a counterfactual (percent changes unless stated).</summary>
public sealed record GravityCountryResult(string Country, double FactoryGatePriceChange, double RealGdpChange, double WelfareStatistic,
    double ForeignExportsChange, double ForeignImportsChange, double OmrChange, double ImrChange, double OutputChange, double IntranationalTradeChange);

/// <summary>A solved experiment.</summary>
public sealed record GravityResult(GravityVariant Variant, Resistances Baseline, Resistances Counterfactual, double[] Prices,
    IReadOnlyList<GravityCountryResult> Countries, double[] BaselineTrade, double[] CounterfactualTrade, int PriceIterations)
{
    /// <summary>Result of one country.</summary>
    public GravityCountryResult this[string code] => Countries.First(c => c.Country.Equals(code, StringComparison.OrdinalIgnoreCase));
}

/// <summary>Solves baselines and counterfactuals.</summary>
public static class StructuralGravity
{
    /// <summary>Solves the MR system for cost index T with shares y (output) and e (expenditure); reference importer R has P_R = 1.</summary>
    public static Resistances Solve(double[] t, double[] y, double[] e, int reference, double sigma, Resistances? start = null, double tolerance = 1e-12)
    {
        var n = y.Length;
        var m = 2 * n - 1;
        var u = new double[m]; // [ln a_j for j≠R (n−1), ln b_i (n)]
        if (start is not null)
        {
            var q = 0;
            for (var j = 0; j < n; j++) if (j != reference) u[q++] = Math.Log(start.A[j]);
            for (var i = 0; i < n; i++) u[n - 1 + i] = Math.Log(start.B[i]);
        }
        else
        {
            for (var i = 0; i < n; i++) u[n - 1 + i] = -Math.Log(Enumerable.Range(0, n).Sum(j => t[i * n + j] * e[j]));
        }
        var a = new double[n]; var b = new double[n];
        var f = new double[m];
        var lu = new DenseLu(m);
        void Unpack(double[] v)
        {
            var q = 0;
            for (var j = 0; j < n; j++) a[j] = j == reference ? 1 : Math.Exp(v[q++]);
            for (var i = 0; i < n; i++) b[i] = Math.Exp(v[n - 1 + i]);
        }
        double Residual(double[] v, double[] res)
        {
            Unpack(v);
            var q = 0;
            double worst = 0;
            for (var j = 0; j < n; j++)
            {
                if (j == reference) continue;
                double s = 0;
                for (var i = 0; i < n; i++) s += t[i * n + j] * y[i] * b[i];
                res[q] = Math.Log(a[j]) + Math.Log(s);
                worst = Math.Max(worst, Math.Abs(res[q++]));
            }
            for (var i = 0; i < n; i++)
            {
                double s = 0;
                for (var j = 0; j < n; j++) s += t[i * n + j] * e[j] * a[j];
                res[n - 1 + i] = Math.Log(b[i]) + Math.Log(s);
                worst = Math.Max(worst, Math.Abs(res[n - 1 + i]));
            }
            return double.IsFinite(worst) ? worst : double.PositiveInfinity;
        }
        var norm = Residual(u, f);
        var iterations = 0;
        var trial = new double[m];
        var fTrial = new double[m];
        while (norm > tolerance && iterations < 100)
        {
            iterations++;
            Unpack(u);
            var jac = lu.Matrix;
            jac.Clear();
            var q = 0;
            for (var j = 0; j < n; j++)
            {
                if (j == reference) continue;
                double s = 0;
                for (var i = 0; i < n; i++) s += t[i * n + j] * y[i] * b[i];
                jac[q * m + q] = 1;
                for (var i = 0; i < n; i++) jac[q * m + n - 1 + i] = t[i * n + j] * y[i] * b[i] / s;
                q++;
            }
            for (var i = 0; i < n; i++)
            {
                double s = 0;
                for (var j = 0; j < n; j++) s += t[i * n + j] * e[j] * a[j];
                var row = (n - 1 + i) * m;
                jac[row + n - 1 + i] = 1;
                var c = 0;
                for (var j = 0; j < n; j++)
                {
                    if (j == reference) continue;
                    jac[row + c++] = t[i * n + j] * e[j] * a[j] / s;
                }
            }
            if (!lu.Factor()) break;
            var step = f.Select(v => -v).ToArray();
            lu.Solve(step);
            var lambda = 1.0;
            var accepted = false;
            for (var h = 0; h < 30; h++, lambda *= 0.5)
            {
                for (var k = 0; k < m; k++) trial[k] = u[k] + lambda * step[k];
                var tn = Residual(trial, fTrial);
                if (tn < norm) { (u, trial) = (trial, u); Array.Copy(fTrial, f, m); norm = tn; accepted = true; break; }
            }
            if (!accepted) break;
        }
        if (norm > tolerance)
            throw new EquilibriumNotConvergedException("structural gravity multilateral resistances",
                new SolverDiagnostics("Newton on log multilateral resistances", false, iterations, iterations, norm, tolerance, "MR system", 0));
        Unpack(u);
        // P = a^(1/(σ−1)), Π = b^(1/(σ−1)); evaluated as exp(ln a/(σ−1)) so that they are exact or overflow, never NaN.
        var inward = a.Select(v => Math.Exp(Math.Log(v) / (sigma - 1))).ToArray();
        var outward = b.Select(v => Math.Exp(Math.Log(v) / (sigma - 1))).ToArray();
        return new Resistances((double[])a.Clone(), (double[])b.Clone(), inward, outward, iterations, norm);
    }

    /// <summary>
    /// Runs baseline and counterfactual for the chosen variant. σ &gt; 1 is required, and close to 1 the resistance levels
    /// P = a^(1/(σ−1)) leave double precision (the cost index T already holds t^(1−σ), so σ → 1 sends price effects to
    /// infinity): σ must satisfy max |ln a|, |ln b| &lt; 700 (σ − 1) on the data, or the call is an input error naming
    /// that bound (never NaN). <paramref name="sigmaSource"/> names the file σ came from.
    /// </summary>
    public static GravityResult Simulate(GravityData data, double[] tBase, double[] tCounter, double sigma, string reference, GravityVariant variant,
        string sigmaSource = "(gravity experiment)")
    {
        if (!double.IsFinite(sigma) || sigma <= 1)
            throw new ParleyInputException(sigmaSource, null, "sigma", sigma.ToString("R", System.Globalization.CultureInfo.InvariantCulture), "the elasticity of substitution σ > 1");
        var n = data.N;
        var r = data.IndexOf(reference);
        if (r < 0) throw new ParleyInputException(data.Source, null, "reference_importer", reference, "a country of the data");
        double sumY = data.Output.Sum(), sumE = data.Expenditure.Sum();
        var y = data.Output.Select(v => v / sumY).ToArray();
        var e = data.Expenditure.Select(v => v / sumE).ToArray(); // gegravity divides by total expenditure (docs/models/structural-gravity.md (G-2))
        var phi = data.Expenditure.Select((v, k) => v / data.Output[k]).ToArray();
        var b0 = Solve(tBase, y, e, r, sigma);
        var cond = Solve(tCounter, y, e, r, sigma, b0);
        var p = new double[n];
        Resistances c = cond;
        var priceIterations = 0;
        if (variant == GravityVariant.Gegravity)
        {
            for (var i = 0; i < n; i++) p[i] = Math.Exp((Math.Log(cond.B[i]) - Math.Log(b0.B[i])) / (1 - sigma));
        }
        else
        {
            var beta = y.Select((v, k) => v * b0.B[k]).ToArray();
            Array.Fill(p, 1.0);
            var lastChange = double.PositiveInfinity;
            for (priceIterations = 1; priceIterations <= 500; priceIterations++)
            {
                var yp = data.Output.Select((v, k) => p[k] * v).ToArray();
                var ep = yp.Select((v, k) => phi[k] * v).ToArray();
                double sy = yp.Sum(), se = ep.Sum();
                c = Solve(tCounter, yp.Select(v => v / sy).ToArray(), ep.Select(v => v / se).ToArray(), r, sigma, c);
                double change = 0;
                for (var i = 0; i < n; i++)
                {
                    var target = Math.Pow(yp[i] / sy * c.B[i] / beta[i], 1 / (1 - sigma));
                    var next = p[i] * Math.Pow(target / p[i], 0.5);
                    change = Math.Max(change, Math.Abs(next - p[i]));
                    p[i] = next;
                }
                lastChange = change;
                if (change < 1e-12 || !double.IsFinite(change)) break; // non-finite: σ too close to 1, reported below
            }
            if (priceIterations > 500)
                throw new EquilibriumNotConvergedException("structural gravity (textbook variant) factory-gate prices",
                    new SolverDiagnostics("damped price iteration", false, 500, 0, lastChange, 1e-12, "prices", 0));
        }
        var yNew = data.Output.Select((v, k) => p[k] * v).ToArray();
        var eNew = yNew.Select((v, k) => phi[k] * v).ToArray();
        var sumYNew = yNew.Sum();
        var x0 = new double[n * n];
        var x1 = new double[n * n];
        for (var i = 0; i < n; i++)
            for (var j = 0; j < n; j++)
            {
                x0[i * n + j] = data.Expenditure[j] * y[i] * b0.A[j] * b0.B[i] * tBase[i * n + j];
                x1[i * n + j] = eNew[j] * (yNew[i] / sumYNew) * c.A[j] * c.B[i] * tCounter[i * n + j];
            }
        var countries = new GravityCountryResult[n];
        for (var i = 0; i < n; i++)
        {
            double fx0 = 0, fx1 = 0, fm0 = 0, fm1 = 0;
            for (var j = 0; j < n; j++)
            {
                if (j == i) continue;
                fx0 += x0[i * n + j]; fx1 += x1[i * n + j];
                fm0 += x0[j * n + i]; fm1 += x1[j * n + i];
            }
            // Ratios of resistances from log differences: P′/P = (a′/a)^(1/(σ−1)).
            var inwardRatio = Math.Exp((Math.Log(c.A[i]) - Math.Log(b0.A[i])) / (sigma - 1));
            var outwardRatio = Math.Exp((Math.Log(c.B[i]) - Math.Log(b0.B[i])) / (sigma - 1));
            var realGdp = p[i] / inwardRatio;
            countries[i] = new GravityCountryResult(data.Countries[i], 100 * (p[i] - 1), 100 * (realGdp - 1), 1 / realGdp,
                100 * (fx1 / fx0 - 1), 100 * (fm1 / fm0 - 1), 100 * (outwardRatio - 1), 100 * (inwardRatio - 1),
                100 * (p[i] - 1), 100 * (x1[i * n + i] / x0[i * n + i] - 1));
        }
        RequireRepresentable(sigma, sigmaSource, [b0, c], countries);
        return new GravityResult(variant, b0, c, p, countries, x0, x1, priceIterations);
    }

    /// <summary>σ too close to 1 for these data: every level and statistic must be a finite, non-zero double.</summary>
    private static void RequireRepresentable(double sigma, string source, Resistances[] solves, IReadOnlyList<GravityCountryResult> countries)
    {
        var levels = solves.SelectMany(r => r.Inward.Concat(r.Outward)).ToArray();
        var statistics = countries.SelectMany(c => new[] { c.FactoryGatePriceChange, c.RealGdpChange, c.WelfareStatistic, c.ForeignExportsChange,
            c.ForeignImportsChange, c.OmrChange, c.ImrChange, c.IntranationalTradeChange });
        if (levels.All(v => double.IsFinite(v) && v > 0) && statistics.All(double.IsFinite)) return;
        var largest = solves.SelectMany(r => r.A.Concat(r.B)).Max(v => Math.Abs(Math.Log(v)));
        var bound = 1 + largest / 700;
        throw new ParleyInputException(source, null, "sigma", sigma.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
            $"σ ≥ {bound.ToString("G4", System.Globalization.CultureInfo.InvariantCulture)} for these data: the resistances P = a^(1/(σ−1)) with max |ln a|, |ln b| = " +
            $"{largest.ToString("G4", System.Globalization.CultureInfo.InvariantCulture)} leave double precision closer to σ = 1 (the effects grow without bound as σ → 1)");
    }
}
