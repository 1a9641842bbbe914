namespace Parley.Models.Estimation;

/// <summary>Estimator.</summary>
public enum EstimationMethod
{
    /// <summary>Ordinary least squares (with fixed effects partialled out).</summary>
    Ols,

    /// <summary>Poisson pseudo-maximum likelihood with high-dimensional fixed effects (IRLS).</summary>
    Ppml,
}

/// <summary>What to do with fixed-effect levels that hold a single observation.</summary>
public enum SingletonPolicy
{
    /// <summary>Refuse the estimation with an input error naming the observation (default).</summary>
    Error,

    /// <summary>Drop them (iteratively) and report the count, as ppmlhdfe does.</summary>
    Drop,
}

/// <summary>Small-sample convention of the clustered/robust variance.</summary>
public enum VceConvention
{
    /// <summary>Stata: OLS without fixed effects q = (N−1)/(N−K)·G/(G−1) clustered and N/(N−K) robust (regress); OLS with absorbed fixed effects and PPML
    /// (ppmlhdfe) q = G/(G−1), robust N/(N−1) — the conventions that reproduce the published Table 1.</summary>
    Stata,

    /// <summary>fixest-style: q = (N−1)/(N−K)·G/(G−1) for both estimators, K = regressors + all fixed-effect levels (none of the
    /// gravity fixed effects here are nested in pair clusters).</summary>
    Fixest,
}

/// <summary>One regression to run (pure arrays; built from a data file by <c>Parley.Gravity.EstimationFile</c>).</summary>
/// <param name="Name">Column name in the output table.</param>
/// <param name="Method">Estimator.</param>
/// <param name="Y">Dependent variable (levels for PPML, e.g. log trade for OLS).</param>
/// <param name="Regressors">Named regressor columns.</param>
/// <param name="FixedEffects">Named fixed-effect dimensions as 0-based level ids per observation.</param>
/// <param name="Clusters">Cluster dimensions, each an id per observation: none = heteroskedasticity-robust, one = one-way,
/// two or three = multi-way (Cameron–Gelbach–Miller inclusion–exclusion).</param>
/// <param name="Intercept">Add an intercept (only without fixed effects).</param>
/// <param name="Singletons">Singleton policy.</param>
/// <param name="Vce">Small-sample convention.</param>
/// <param name="SourceFile">Data file (for errors).</param>
/// <param name="Lines">1-based data line of each observation (for errors).</param>
public sealed record RegressionInput(
    string Name,
    EstimationMethod Method,
    double[] Y,
    IReadOnlyList<(string Name, double[] Values)> Regressors,
    IReadOnlyList<(string Name, int[] Ids)> FixedEffects,
    IReadOnlyList<int[]> Clusters,
    bool Intercept,
    SingletonPolicy Singletons,
    VceConvention Vce,
    string SourceFile,
    int[] Lines);

/// <summary>An estimated coefficient.</summary>
/// <param name="Variable">Regressor name (<c>intercept</c> for the constant).</param>
/// <param name="Estimate">Point estimate.</param>
/// <param name="StdError">Standard error.</param>
public sealed record Coefficient(string Variable, double Estimate, double StdError);

/// <summary>Everything an estimation reports (docs/models/ppml-hdfe.md (P-2), (P-3), (P-13)–(P-18)).</summary>
public sealed record RegressionResult(
    string Name,
    EstimationMethod Method,
    IReadOnlyList<Coefficient> Coefficients,
    double[,] Covariance,
    int Observations,
    int DroppedSingletons,
    int DroppedSeparated,
    IReadOnlyList<int> FixedEffectLevels,
    int Clusters,
    int Iterations,
    int InnerSweeps,
    double Deviance,
    double PseudoR2,
    bool Converged,
    string VceDescription,
    double ElapsedMilliseconds,
    IReadOnlyList<string> Warnings)
{
    /// <summary>Coefficient by name.</summary>
    public Coefficient this[string variable] => Coefficients.First(c => c.Variable == variable);
}
