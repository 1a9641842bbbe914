// OLS and PPML with high-dimensional fixed effects (Correia, Guimarães & Zylkin 2020, "Fast Poisson estimation with
// high-dimensional fixed effects", Stata Journal 20(1); docs/models/ppml-hdfe.md (P-1)–(P-18)). Pre-processing drops
// fixed-effect levels whose outcomes are all zero, then rows separated by the regressors (iterated rectifier, Correia,
// Guimarães & Zylkin 2019), and handles singletons; fixed effects are partialled out by weighted alternating
// projections; PPML runs IRLS with the warm-start trick and an adaptive inner tolerance; variances are one- or
// multi-way cluster-robust sandwiches with the stated small-sample factor.
using System.Diagnostics;
using Parley.Models.Estimation.Internals;
using Parley.Models.Numerics.Internals;

namespace Parley.Models.Estimation;

/// <summary>Options of the PPML iterations.</summary>
public sealed record PpmlOptions
{
    /// <summary>Convergence threshold on the relative deviance change |ΔD|/max(min(D, D′), 0.1). Default 1e-10.</summary>
    public double Tolerance { get; init => field = OptionRange.Tolerance(value, "tolerance"); } = 1e-10;

    /// <summary>Floor of the demeaning tolerance (relative update). Default 1e-12.</summary>
    public double InnerToleranceFloor { get; init => field = OptionRange.Tolerance(value, "inner-tolerance-floor"); } = 1e-12;

    /// <summary>Maximum IRLS iterations (count, ≥ 1). Default 1,000.</summary>
    public int MaxIterations { get; init => field = OptionRange.AtLeast(value, 1, "max-iterations"); } = 1000;

    /// <summary>Maximum sweeps of the fixed-effect demeaning per call, OLS and PPML (count, ≥ 1); reaching it without
    /// convergence is a non-convergence error with diagnostics. Default 100,000.</summary>
    public int MaxDemeanSweeps { get; init => field = OptionRange.AtLeast(value, 1, "max-demean-sweeps"); } = 100_000;

    /// <summary>Extrapolate every second demeaning sweep by Irons–Tuck (docs/models/ppml-hdfe.md (P-6a)–(P-6b)); false gives the
    /// plain alternating projections (P-6). Same fixed point and stopping rule either way. Default true.</summary>
    public bool AccelerateDemeaning { get; init; } = true;
}

/// <summary>Runs <see cref="RegressionInput"/>s.</summary>
public static class GravityEstimator
{
    /// <summary>Estimates one regression (OLS or PPML).</summary>
    public static RegressionResult Estimate(RegressionInput input, PpmlOptions? options = null)
    {
        var sw = Stopwatch.StartNew();
        options ??= new PpmlOptions();
        var sweepCap = options.MaxDemeanSweeps;
        var accelerate = options.AccelerateDemeaning;
        var keep = Prepare(input, out var singletons, out var separated);
        var reluNote = (string?)null;
        if (input.Method == EstimationMethod.Ppml && input.Regressors.Count > 0)
        {
            // Separation by regressors together with the fixed effects (iterated rectifier, Correia, Guimarães & Zylkin 2019):
            // drop only when the check is conclusive; otherwise say so.
            var (dropRows, conclusive) = SeparatedByRegressors(input, keep, sweepCap, accelerate);
            if (dropRows.Count > 0)
            {
                var dropSet = dropRows.ToHashSet();
                keep = keep.Where(k => !dropSet.Contains(k)).ToArray();
                separated += dropRows.Count;
            }
            if (!conclusive) reluNote = "the regressor separation check did not settle within its iteration limit; no rows were dropped by it";
        }
        var n = keep.Length;
        var y = keep.Select(k => input.Y[k]).ToArray();
        var regressors = input.Regressors.ToList();
        var omitted = new List<string>();
        if (separated > 0 && input.Method == EstimationMethod.Ppml) regressors = OmitCollinear(input, keep, regressors, omitted, sweepCap, accelerate);
        var names = regressors.Select(r => r.Name).ToList();
        var x = regressors.Select(r => keep.Select(k => r.Values[k]).ToArray()).ToList();
        var (effects, fe, levels) = EffectsOn(input, keep, sweepCap, accelerate);
        var intercept = input.Intercept && fe.Length == 0;
        if (intercept) { names.Insert(0, "intercept"); x.Insert(0, Enumerable.Repeat(1.0, n).ToArray()); }
        var dims = input.Clusters.Select(c => Recode1(keep.Select(k => c[k]).ToArray())).ToArray();
        var (cluster, clusters) = dims.Length == 0 ? ((int[]?)null, 0) : (dims[0].Ids, dims[0].Levels);
        var p = x.Count;
        var dof = intercept || levels.Length == 0 ? 0 : 1; // absorbed fixed effects count as one constant (the book's Stata convention)
        double[] beta, u;
        double[][] xt;
        double[]? weights;
        int iterations, sweeps;
        double deviance, r2;
        bool converged;
        var warnings = new List<string>();
        if (reluNote is not null) warnings.Add(reluNote);
        if (omitted.Count > 0) warnings.Add($"omitted after dropping {separated} separated observations (collinear on the remaining sample): {string.Join(", ", omitted)}");
        if (input.Method == EstimationMethod.Ols)
        {
            (beta, u, xt, sweeps) = Ols(input, effects, y, x.ToArray());
            weights = null;
            iterations = 1;
            deviance = u.Sum(e => e * e);
            var mean = y.Average();
            r2 = 1 - deviance / y.Sum(v => (v - mean) * (v - mean));
            converged = true;
        }
        else
        {
            double[] mu;
            (beta, mu, xt, weights, iterations, sweeps, deviance, converged) = Ppml(input, effects, y, x.ToArray(), options);
            u = y.Select((v, k) => v - mu[k]).ToArray();
            var ybar = y.Average();
            // Separation the checks above could not settle shows up as vanishing fitted means: say so instead of staying silent.
            var vanishing = Enumerable.Range(0, n).Count(k => y[k] == 0 && mu[k] < 1e-12 * ybar);
            if (vanishing > 0)
                warnings.Add($"{vanishing} observations with a zero outcome have fitted means below 1e-12 of the mean: possible separation " +
                             "that the fixed-effect and regressor checks did not settle; inspect those observations or drop them.");
            var nullDev = 2 * y.Sum(v => v > 0 ? v * Math.Log(v / ybar) - (v - ybar) : ybar);
            r2 = 1 - deviance / nullDev;
        }
        var (xtwx, _) = SmallMatrix.Normal(xt, new double[n], weights);
        var bread = SmallMatrix.Inverse(xtwx) ?? throw Collinear(input, names);
        var k = input.Vce == VceConvention.Fixest ? p + levels.Sum() - Math.Max(0, levels.Length - 1) : p + dof;
        double q;
        string vce;
        if (input.Vce == VceConvention.Stata && (input.Method == EstimationMethod.Ppml || levels.Length > 0))
        {
            q = cluster is null ? n / (n - 1.0) : clusters / (clusters - 1.0);
            var tool = input.Method == EstimationMethod.Ppml ? "ppmlhdfe" : "absorbed fixed effects, as the book's Table 1 column 3";
            vce = cluster is null ? $"robust, q = N/(N−1) ({tool})" : $"clustered ({clusters} clusters), q = G/(G−1) ({tool})";
        }
        else if (input.Vce == VceConvention.Stata && cluster is null)
        {
            q = n / (double)(n - k); // regress, vce(robust): (P-17); Caliendo & Parro's standard errors (docs/models/uncertainty.md (U-17))
            vce = $"robust, q = N/(N−K), K = {k} (regress)";
        }
        else
        {
            q = (n - 1.0) / (n - k) * (cluster is null ? 1 : clusters / (clusters - 1.0));
            vce = (cluster is null ? "robust" : $"clustered ({clusters} clusters)") + $", q = (N−1)/(N−K)" + (cluster is null ? "" : "·G/(G−1)") + $", K = {k}";
        }
        double[,] v;
        if (dims.Length > 1)
        {
            var stata = input.Vce == VceConvention.Stata && (input.Method == EstimationMethod.Ppml || levels.Length > 0);
            (v, clusters, var eigenFixed) = MultiwayClusters.Sandwich(bread, xt, u, dims.Select(d => d.Ids).ToArray(),
                g => (stata ? 1.0 : (n - 1.0) / (n - k)) * g / (g - 1.0));
            vce = $"{dims.Length}-way clustered ({string.Join(" × ", dims.Select(d => d.Levels))} clusters; Cameron–Gelbach–Miller), q = " +
                  (stata ? "" : "(N−1)/(N−K)·") + $"G_min/(G_min−1), G_min = {clusters}";
            if (eigenFixed) warnings.Add("the multi-way variance was not positive semi-definite; negative eigenvalues were set to zero (Cameron, Gelbach & Miller 2011, §2.3)");
        }
        else v = SmallMatrix.Sandwich(bread, xt, u, cluster, clusters, q);
        var coefficients = names.Select((name, i) => new Coefficient(name, beta[i], Math.Sqrt(v[i, i]))).ToArray();
        if (coefficients.FirstOrDefault(c => !double.IsFinite(c.Estimate) || !double.IsFinite(c.StdError)) is { } bad)
            throw new ParleyInputException(input.SourceFile, null, "cluster", $"{bad.Variable}: standard error {bad.StdError.ToString(System.Globalization.CultureInfo.InvariantCulture)} ({clusters} clusters, {n} observations, {k} parameters)",
                $"a sample that identifies the standard errors of column '{input.Name}': at least two clusters in every clustering dimension and more observations than parameters");
        return new RegressionResult(input.Name, input.Method, coefficients, v, n, singletons, separated, levels, clusters, iterations, sweeps,
            deviance, r2, converged, vce, sw.Elapsed.TotalMilliseconds, warnings);
    }

    private static ParleyInputException Collinear(RegressionInput input, IReadOnlyList<string> names) =>
        new(input.SourceFile, null, "regressors", string.Join(", ", names), $"regressors that are not perfectly collinear with each other or with the fixed effects (column '{input.Name}')");

    private static (double[] Beta, double[] Resid, double[][] Xt, int Sweeps) Ols(RegressionInput input, FixedEffects fe, double[] y, double[][] x)
    {
        var cols = x.Select(c => (double[])c.Clone()).Append((double[])y.Clone()).ToArray();
        var w = Enumerable.Repeat(1.0, y.Length).ToArray();
        var sweeps = fe.Demean(cols, w, 1e-12);
        var xt = cols[..^1];
        CheckVariation(input, x, xt);
        var (a, b) = SmallMatrix.Normal(xt, cols[^1], null);
        var inv = SmallMatrix.Inverse(a) ?? throw Collinear(input, input.Regressors.Select(r => r.Name).ToArray());
        var beta = SmallMatrix.Multiply(inv, b);
        var resid = new double[y.Length];
        for (var k = 0; k < y.Length; k++)
        {
            double fit = 0;
            for (var i = 0; i < beta.Length; i++) fit += xt[i][k] * beta[i];
            resid[k] = cols[^1][k] - fit;
        }
        return (beta, resid, xt, sweeps);
    }

    private static void CheckVariation(RegressionInput input, double[][] raw, double[][] demeaned)
    {
        for (var i = 0; i < demeaned.Length; i++)
        {
            var rawNorm = Math.Sqrt(raw[i].Sum(v => v * v));
            var norm = Math.Sqrt(demeaned[i].Sum(v => v * v));
            if (rawNorm > 0 && norm <= 1e-9 * rawNorm && input.FixedEffects.Count > 0)
                throw new ParleyInputException(input.SourceFile, null, i < input.Regressors.Count ? input.Regressors[i].Name : "regressor", null,
                    $"a regressor that varies within the fixed effects of column '{input.Name}' (it is collinear with them)");
        }
    }

    private static (double[] Beta, double[] Mu, double[][] Xt, double[] W, int Iterations, int Sweeps, double Deviance, bool Converged) Ppml(
        RegressionInput input, FixedEffects fe, double[] y, double[][] x, PpmlOptions options)
    {
        var n = y.Length;
        var p = x.Length;
        var ybar = y.Average();
        var mu = y.Select(v => (v + ybar) / 2).ToArray();
        var eta = mu.Select(v => Math.Log(v)).ToArray();
        var z = new double[n];
        var zPrev = new double[n];
        var zt = new double[n];
        var xt = x.Select(c => (double[])c.Clone()).ToArray();
        var beta = new double[p];
        double deviance = double.PositiveInfinity;
        var inner = 1e-4;
        var sweeps = 0;
        var converged = false;
        var iterations = 0;
        for (var iter = 1; iter <= options.MaxIterations; iter++)
        {
            iterations = iter;
            for (var k = 0; k < n; k++) z[k] = eta[k] - 1 + y[k] / mu[k];
            if (iter == 1) Array.Copy(z, zt, n);
            else for (var k = 0; k < n; k++) zt[k] += z[k] - zPrev[k];
            Array.Copy(z, zPrev, n);
            sweeps += fe.Demean(xt.Append(zt).ToArray(), mu, inner);
            if (iter == 1) CheckVariation(input, x, xt);
            var (a, b) = SmallMatrix.Normal(xt, zt, mu);
            var inv = SmallMatrix.Inverse(a) ?? throw Collinear(input, input.Regressors.Select(r => r.Name).ToArray());
            beta = SmallMatrix.Multiply(inv, b);
            double dev = 0;
            for (var k = 0; k < n; k++)
            {
                double fit = 0;
                for (var i = 0; i < p; i++) fit += xt[i][k] * beta[i];
                eta[k] = z[k] - (zt[k] - fit);
                mu[k] = Math.Max(Math.Exp(eta[k]), 1e-300);
                dev += 2 * ((y[k] > 0 ? y[k] * Math.Log(y[k] / mu[k]) : 0) - (y[k] - mu[k]));
            }
            var eps = Math.Abs(dev - deviance) / Math.Max(Math.Min(dev, deviance), 0.1);
            deviance = dev;
            if (eps < inner) inner = Math.Max(options.InnerToleranceFloor, Math.Min(inner * 0.1, eps * 0.1));
            if (eps < options.Tolerance && inner <= options.InnerToleranceFloor * 1.1) { converged = true; break; }
        }
        if (!converged)
            throw new Numerics.EquilibriumNotConvergedException($"PPML column '{input.Name}'",
                new Numerics.SolverDiagnostics("PPML IRLS with alternating projections", false, iterations, 0, double.NaN, options.Tolerance, "deviance", 0));
        // Final demeaning of X with the converged weights for the variance.
        fe.Demean(xt, mu, options.InnerToleranceFloor);
        return (beta, mu, xt, mu, iterations, sweeps, deviance, converged);
    }

    /// <summary>
    /// Iterated rectifier: regress u (1 on zero-outcome rows, 0 on positive rows, positive rows weighted 1e8) on the
    /// regressors and fixed effects, replace u on zero rows by max(fitted, 0), repeat. When the fitted values are ≈ 0 on
    /// positive rows and ≥ 0 on zero rows, the zero rows with strictly positive fit are separated.
    /// </summary>
    private static (List<int> Rows, bool Conclusive) SeparatedByRegressors(RegressionInput input, int[] keep, int sweepCap, bool accelerate)
    {
        var zeroRows = keep.Where(k => input.Y[k] == 0).ToArray();
        if (zeroRows.Length == 0) return ([], true);
        var n = keep.Length;
        var (effects, fe, _) = EffectsOn(input, keep, sweepCap, accelerate);
        var x = input.Regressors.Select(r => keep.Select(k => r.Values[k]).ToArray()).ToList();
        if (fe.Length == 0) x.Insert(0, Enumerable.Repeat(1.0, n).ToArray());
        var zero = keep.Select(k => input.Y[k] == 0).ToArray();
        var w = zero.Select(z => z ? 1.0 : 1e8).ToArray();
        var u = zero.Select(z => z ? 1.0 : 0.0).ToArray();
        var fitted = new double[n];
        const double tol = 1e-7;
        for (var iter = 0; iter < 50; iter++)
        {
            var cols = x.Select(c => (double[])c.Clone()).Append((double[])u.Clone()).ToArray();
            effects.Demean(cols, w, 1e-10);
            var xt = cols[..^1];
            var (a, b) = SmallMatrix.Normal(xt, cols[^1], w);
            var inv = SmallMatrix.Inverse(a);
            if (inv is null) return ([], false);
            var beta = SmallMatrix.Multiply(inv, b);
            double maxPos = 0, minZero = double.PositiveInfinity;
            for (var k = 0; k < n; k++)
            {
                double fit = 0;
                for (var i = 0; i < beta.Length; i++) fit += xt[i][k] * beta[i];
                fitted[k] = u[k] - (cols[^1][k] - fit);
                if (zero[k]) minZero = Math.Min(minZero, fitted[k]);
                else maxPos = Math.Max(maxPos, Math.Abs(fitted[k]));
            }
            if (maxPos < tol && minZero > -tol)
            {
                var rows = new List<int>();
                for (var k = 0; k < n; k++) if (zero[k] && fitted[k] > tol) rows.Add(keep[k]);
                return (rows, true);
            }
            for (var k = 0; k < n; k++) u[k] = zero[k] ? Math.Max(fitted[k], 0) : 0;
        }
        return ([], false);
    }

    /// <summary>After separated rows are dropped, regressors can become collinear (that is what separation means); omit them
    /// greedily in the order given and report them, as ppmlhdfe does.</summary>
    private static List<(string Name, double[] Values)> OmitCollinear(RegressionInput input, int[] keep, List<(string Name, double[] Values)> regressors, List<string> omitted, int sweepCap, bool accelerate)
    {
        var (effects, _, _) = EffectsOn(input, keep, sweepCap, accelerate);
        var cols = regressors.Select(r => keep.Select(k => r.Values[k]).ToArray()).ToArray();
        var raw = cols.Select(c => Math.Sqrt(c.Sum(v => v * v))).ToArray();
        effects.Demean(cols, Enumerable.Repeat(1.0, keep.Length).ToArray(), 1e-12);
        var kept = new List<int>();
        for (var i = 0; i < cols.Length; i++)
        {
            var trial = kept.Append(i).Select(k => cols[k]).ToArray();
            var norm = Math.Sqrt(cols[i].Sum(v => v * v));
            var (a, _) = SmallMatrix.Normal(trial, new double[keep.Length], null);
            if (norm <= 1e-9 * Math.Max(raw[i], 1e-300) || SmallMatrix.Inverse(a) is null) omitted.Add(regressors[i].Name);
            else kept.Add(i);
        }
        return kept.Select(i => regressors[i]).ToList();
    }

    /// <summary>Drops separated observations (PPML: FE levels with only zero outcomes) and singletons, iteratively.</summary>
    private static int[] Prepare(RegressionInput input, out int singletons, out int separated)
    {
        var n = input.Y.Length;
        for (var k = 0; k < n; k++)
        {
            if (!double.IsFinite(input.Y[k]) || (input.Method == EstimationMethod.Ppml && input.Y[k] < 0))
                throw new ParleyInputException(input.SourceFile, input.Lines[k], "dependent", input.Y[k].ToString(System.Globalization.CultureInfo.InvariantCulture),
                    input.Method == EstimationMethod.Ppml ? "a finite, non-negative outcome (PPML)" : "a finite outcome");
            foreach (var (name, values) in input.Regressors)
                if (!double.IsFinite(values[k])) throw new ParleyInputException(input.SourceFile, input.Lines[k], name, values[k].ToString(System.Globalization.CultureInfo.InvariantCulture), "a finite number");
        }
        var alive = Enumerable.Repeat(true, n).ToArray();
        singletons = 0;
        separated = 0;
        // Counts per level in arrays (ids renumbered densely only when they are not already small non-negative numbers).
        var dense = input.FixedEffects.Select(f => f.Ids.Length > 0 && (f.Ids.Min() < 0 || f.Ids.Max() >= 4L * n + 16) ? Recode1(f.Ids) : (f.Ids, f.Ids.Length == 0 ? 0 : f.Ids.Max() + 1)).ToArray();
        var changed = true;
        while (changed)
        {
            changed = false;
            for (var g = 0; g < dense.Length; g++)
            {
                var (ids, levels) = dense[g];
                var count = new int[levels];
                var positive = new bool[levels];
                for (var k = 0; k < n; k++)
                {
                    if (!alive[k]) continue;
                    count[ids[k]]++;
                    positive[ids[k]] |= input.Y[k] > 0;
                }
                for (var k = 0; k < n; k++)
                {
                    if (!alive[k]) continue;
                    if (count[ids[k]] == 1)
                    {
                        var name = input.FixedEffects[g].Name;
                        if (input.Singletons == SingletonPolicy.Error)
                            throw new ParleyInputException(input.SourceFile, input.Lines[k], name, input.FixedEffects[g].Ids[k].ToString(System.Globalization.CultureInfo.InvariantCulture),
                                $"fixed-effect levels with at least two observations (this level of '{name}' has one; set 'singletons: drop' to drop such observations)");
                        alive[k] = false; singletons++; changed = true;
                    }
                    else if (input.Method == EstimationMethod.Ppml && !positive[ids[k]])
                    {
                        alive[k] = false; separated++; changed = true;
                    }
                }
            }
        }
        return Enumerable.Range(0, n).Where(k => alive[k]).ToArray();
    }

    private static (int[][] Ids, int[] Levels) Recode(int[][] dims)
    {
        var ids = new int[dims.Length][];
        var levels = new int[dims.Length];
        for (var g = 0; g < dims.Length; g++) (ids[g], levels[g]) = Recode1(dims[g]);
        return (ids, levels);
    }

    /// <summary>The fixed effects restricted to the rows in <paramref name="keep"/>, with levels renumbered densely.</summary>
    private static (FixedEffects Effects, int[][] Ids, int[] Levels) EffectsOn(RegressionInput input, int[] keep, int sweepCap, bool accelerate)
    {
        var (fe, levels) = Recode(input.FixedEffects.Select(f => keep.Select(k => f.Ids[k]).ToArray()).ToArray());
        return (new FixedEffects(fe, levels, sweepCap, $"{input.Method.ToString().ToUpperInvariant()} column '{input.Name}'") { Accelerate = accelerate }, fe, levels);
    }

    /// <summary>Dense ids in order of first appearance (an array map for small non-negative ids, a dictionary otherwise).</summary>
    private static (int[] Ids, int Levels) Recode1(int[] raw)
    {
        var ids = new int[raw.Length];
        if (raw.Length > 0 && raw.Min() >= 0 && raw.Max() < 4L * raw.Length + 16)
        {
            var slot = new int[raw.Max() + 1];
            Array.Fill(slot, -1);
            var levels = 0;
            for (var k = 0; k < raw.Length; k++)
            {
                if (slot[raw[k]] < 0) slot[raw[k]] = levels++;
                ids[k] = slot[raw[k]];
            }
            return (ids, levels);
        }
        var map = new Dictionary<int, int>();
        for (var k = 0; k < raw.Length; k++)
        {
            if (!map.TryGetValue(raw[k], out var id)) map[raw[k]] = id = map.Count;
            ids[k] = id;
        }
        return (ids, map.Count);
    }
}
