// Coefficient uncertainty in structural gravity GE (gegravity's MonteCarloGE; docs/models/structural-gravity.md (G-16)–(G-17)):
// draw cost coefficients from N(β, V), rebuild the baseline and re-run the counterfactual for each draw, and summarise
// every statistic across successful trials. Draws use a Cholesky factor of V (eigen-decomposition fallback for
// positive semi-definite V). Random streams differ from NumPy's, so tests replay recorded draws as fixed coefficients.
using Parley.Models.Gravity;
using Parley.Models.Numerics;

namespace Parley.Gravity;

/// <summary>Summary of one statistic of one country across trials.</summary>
/// <param name="Country">Country.</param>
/// <param name="Statistic">Statistic name.</param>
/// <param name="Mean">Mean.</param>
/// <param name="StdDev">Sample standard deviation (n − 1).</param>
/// <param name="Lower">2.5% quantile.</param>
/// <param name="Upper">97.5% quantile.</param>
public sealed record MonteCarloSummary(string Country, string Statistic, double Mean, double StdDev, double Lower, double Upper);

/// <summary>A Monte Carlo run.</summary>
/// <param name="Draws">Coefficient draws (trials × K).</param>
/// <param name="Succeeded">Successful trials.</param>
/// <param name="Failed">Failed trials (solver did not converge), counted and reported.</param>
/// <param name="Summaries">Statistics by country.</param>
/// <param name="ElapsedMilliseconds">Wall-clock time.</param>
public sealed record MonteCarloResult(double[][] Draws, int Succeeded, int Failed, IReadOnlyList<MonteCarloSummary> Summaries, double ElapsedMilliseconds);

/// <summary>Runs Monte Carlo over a <see cref="GravityExperiment"/>.</summary>
public static class MonteCarlo
{
    /// <summary>Statistic names and accessors.</summary>
    public static readonly IReadOnlyList<(string Name, Func<GravityCountryResult, double> Get)> Statistics =
    [
        ("real_gdp_change", r => r.RealGdpChange), ("factory_gate_price_change", r => r.FactoryGatePriceChange),
        ("foreign_exports_change", r => r.ForeignExportsChange), ("foreign_imports_change", r => r.ForeignImportsChange),
        ("omr_change", r => r.OmrChange), ("imr_change", r => r.ImrChange), ("welfare_statistic", r => r.WelfareStatistic),
    ];

    /// <summary>Draws <paramref name="trials"/> vectors from N(mean, covariance) with a seeded stream.</summary>
    public static double[][] Draw(IReadOnlyList<double> mean, double[,] covariance, int trials, int seed)
    {
        var k = mean.Count;
        var l = Factor(covariance);
        var rng = new Random(seed);
        var draws = new double[trials][];
        for (var t = 0; t < trials; t++)
        {
            var z = new double[k];
            for (var i = 0; i < k; i++)
            {
                double u1 = 1 - rng.NextDouble(), u2 = rng.NextDouble();
                z[i] = Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
            }
            var d = new double[k];
            for (var i = 0; i < k; i++)
            {
                d[i] = mean[i];
                for (var j = 0; j < k; j++) d[i] += l[i, j] * z[j];
            }
            draws[t] = d;
        }
        return draws;
    }

    private static double[,] Factor(double[,] v)
    {
        var k = v.GetLength(0);
        var l = new double[k, k];
        for (var i = 0; i < k; i++)
            for (var j = 0; j <= i; j++)
            {
                var s = v[i, j];
                for (var m = 0; m < j; m++) s -= l[i, m] * l[j, m];
                if (i == j)
                {
                    if (s < -1e-12 * Math.Max(1, v[i, i])) throw new ParleyInputException("(covariance)", null, "covariance", s.ToString(System.Globalization.CultureInfo.InvariantCulture), "a positive semi-definite covariance matrix");
                    l[i, i] = Math.Sqrt(Math.Max(0, s));
                }
                else l[i, j] = l[j, j] > 0 ? s / l[j, j] : 0;
            }
        return l;
    }

    /// <summary>Default for the most trials a run may ask for (CLI <c>--max-trials</c>): 10,000.</summary>
    public const int DefaultMaxTrials = 10_000;

    /// <summary>Runs the trials in parallel; <paramref name="progress"/> receives (done, total) as trials finish.</summary>
    public static MonteCarloResult Run(GravityExperiment experiment, int? trials = null, int? seed = null, Action<int, int>? progress = null)
    {
        var sw = System.Diagnostics.Stopwatch.StartNew();
        var cov = experiment.Covariance ?? throw new ParleyInputException(experiment.SourceFile, null, "standard_errors", null, "a covariance of the coefficients for Monte Carlo");
        var draws = Draw(experiment.Coefficients.Select(c => c.Beta).ToArray(), cov, trials ?? experiment.Trials, seed ?? experiment.Seed);
        return Replay(experiment, draws, sw, progress);
    }

    /// <summary>Runs the experiment for given coefficient vectors (e.g. recorded draws).</summary>
    public static MonteCarloResult Replay(GravityExperiment experiment, double[][] draws, System.Diagnostics.Stopwatch? sw = null, Action<int, int>? progress = null)
    {
        sw ??= System.Diagnostics.Stopwatch.StartNew();
        var results = new GravityResult?[draws.Length];
        var done = 0;
        Parallel.For(0, draws.Length, t =>
        {
            try { results[t] = experiment.Run(draws[t]); }
            catch (EquilibriumNotConvergedException) { results[t] = null; }
            var k = Interlocked.Increment(ref done);
            if (progress is not null && (k % 16 == 0 || k == draws.Length)) lock (results) progress(k, draws.Length);
        });
        var ok = results.Where(r => r is not null).Select(r => r!).ToArray();
        var summaries = new List<MonteCarloSummary>();
        foreach (var country in experiment.Data.Countries)
            foreach (var (name, get) in Statistics)
            {
                var values = ok.Select(r => get(r[country])).Order().ToArray();
                if (values.Length == 0) continue;
                var mean = values.Average();
                var sd = values.Length > 1 ? Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Length - 1)) : 0;
                summaries.Add(new MonteCarloSummary(country, name, mean, sd, Quantile(values, 0.025), Quantile(values, 0.975)));
            }
        return new MonteCarloResult(draws, ok.Length, draws.Length - ok.Length, summaries, sw.Elapsed.TotalMilliseconds);
    }

    private static double Quantile(double[] sorted, double q)
    {
        var pos = q * (sorted.Length - 1);
        var lo = (int)Math.Floor(pos);
        var hi = Math.Min(lo + 1, sorted.Length - 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }
}
