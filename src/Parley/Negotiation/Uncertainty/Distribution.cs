// The distributions an uncertain input can follow (docs/models/uncertainty.md (U-1)–(U-3)). Every draw of an input is
// one quantile Q(u) of one uniform number u, so a draw depends only on its own stream; normal and lognormal are
// truncated to [Lower, Upper] by drawing u within [F(Lower), F(Upper)] (exact, no rejection loop).
using Parley.Negotiation.Uncertainty.Internals;

namespace Parley.Negotiation.Uncertainty;

/// <summary>Kinds of distribution.</summary>
public enum DistributionKind
{
    /// <summary>Normal (mean, sd), truncated to [Lower, Upper].</summary>
    Normal,

    /// <summary>Lognormal with the given mean and sd of the variable itself (not of its log), truncated to [Lower, Upper].</summary>
    LogNormal,

    /// <summary>Uniform on [Lower, Upper].</summary>
    Uniform,

    /// <summary>Triangular on [Lower, Upper] with its peak at Mode.</summary>
    Triangular,
}

/// <summary>A validated, bounded distribution of one uncertain input.</summary>
/// <param name="Kind">The kind.</param>
/// <param name="Mean">Normal, lognormal: the (untruncated) mean. Uniform, triangular: their mean.</param>
/// <param name="StandardDeviation">Normal, lognormal: the (untruncated) sd. Uniform, triangular: their sd.</param>
/// <param name="Lower">Lowest value a draw can take.</param>
/// <param name="Upper">Highest value a draw can take.</param>
/// <param name="Mode">Triangular: the peak; NaN otherwise.</param>
public sealed record Distribution(DistributionKind Kind, double Mean, double StandardDeviation, double Lower, double Upper, double Mode = double.NaN)
{
    /// <summary>Normal(mean, sd) truncated to [lower, upper].</summary>
    public static Distribution Normal(double mean, double sd, double lower, double upper) => new(DistributionKind.Normal, mean, sd, lower, upper);

    /// <summary>Lognormal with mean and sd of the variable, truncated to [lower, upper] (lower ≥ 0).</summary>
    public static Distribution LogNormal(double mean, double sd, double lower, double upper) => new(DistributionKind.LogNormal, mean, sd, lower, upper);

    /// <summary>Uniform on [lower, upper].</summary>
    public static Distribution Uniform(double lower, double upper) => new(DistributionKind.Uniform, (lower + upper) / 2, (upper - lower) / Math.Sqrt(12), lower, upper);

    /// <summary>Triangular on [lower, upper] peaking at mode.</summary>
    public static Distribution Triangular(double lower, double mode, double upper) => new(DistributionKind.Triangular, (lower + mode + upper) / 3,
        Math.Sqrt((lower * lower + mode * mode + upper * upper - lower * mode - lower * upper - mode * upper) / 18), lower, upper, mode);

    /// <summary>The value the central solution uses: <see cref="Mean"/> (inside the bounds; checked when the file is read).</summary>
    public double Center => Mean;

    private double LogSigma => Math.Sqrt(Math.Log(1 + StandardDeviation * StandardDeviation / (Mean * Mean)));

    private double LogMu => Math.Log(Mean) - 0.5 * LogSigma * LogSigma;

    /// <summary>Standard-normal coordinate of x (normal: (x − μ)/σ; lognormal: (ln x − μ_ln)/σ_ln).</summary>
    private double Z(double x) => Kind == DistributionKind.Normal ? (x - Mean) / StandardDeviation
        : x <= 0 ? double.NegativeInfinity : (Math.Log(x) - LogMu) / LogSigma;

    /// <summary>Probability the untruncated distribution gives to [Lower, Upper] (1 for uniform and triangular).</summary>
    public double MassInBounds => Kind is DistributionKind.Normal or DistributionKind.LogNormal
        ? StandardNormal.Cdf(Z(Upper)) - (double.IsNegativeInfinity(Z(Lower)) ? 0 : StandardNormal.Cdf(Z(Lower)))
        : 1;

    /// <summary>The quantile Q(u) of the (truncated) distribution, u in [0, 1) (docs/models/uncertainty.md (U-2)).</summary>
    public double Quantile(double u)
    {
        switch (Kind)
        {
            case DistributionKind.Uniform:
                return Lower + u * (Upper - Lower);
            case DistributionKind.Triangular:
            {
                double a = Lower, b = Upper, c = Mode, f = (c - a) / (b - a);
                return u < f ? a + Math.Sqrt(u * (b - a) * (c - a)) : b - Math.Sqrt((1 - u) * (b - a) * (b - c));
            }
            default:
            {
                var zl = Z(Lower);
                double pl = double.IsNegativeInfinity(zl) ? 0 : StandardNormal.Cdf(zl), pu = StandardNormal.Cdf(Z(Upper));
                var z = StandardNormal.Quantile(pl + u * (pu - pl));
                var x = Kind == DistributionKind.Normal ? Mean + StandardDeviation * z : Math.Exp(LogMu + LogSigma * z);
                return Math.Clamp(x, Lower, Upper);
            }
        }
    }

    /// <summary>"normal(9.11, 2.01) on [5.09, 13.13]".</summary>
    public string Describe()
    {
        static string F(double v) => v.ToString("G4", System.Globalization.CultureInfo.InvariantCulture);
        return Kind switch
        {
            DistributionKind.Normal => $"normal({F(Mean)}, {F(StandardDeviation)}) on [{F(Lower)}, {F(Upper)}]",
            DistributionKind.LogNormal => $"lognormal(mean {F(Mean)}, sd {F(StandardDeviation)}) on [{F(Lower)}, {F(Upper)}]",
            DistributionKind.Uniform => $"uniform[{F(Lower)}, {F(Upper)}]",
            _ => $"triangular({F(Lower)}, {F(Mode)}, {F(Upper)})",
        };
    }
}
