// Per-scenario tariff factors of the one-sector model, computed once per solve: (1 + t_ij)^(−ε φ_j) of
// docs/models/one-sector.md (OS-8), 1/(1 + t_ij) for producer-price flows and t/(1 + t) for revenue (OS-10).
// Why precomputed: they enter every residual evaluation, and Math.Pow dominates the cost otherwise.
namespace Parley.Models.OneSector.Internals;

/// <summary>Tariff terms that do not change during a solve: (1+t)^(−εφ_j), 1/(1+t), t/(1+t).</summary>
internal sealed class ScenarioTariffs
{
    public ScenarioTariffs(Economy economy, ReadOnlySpan<double> tariffs, double epsilon)
    {
        var n = economy.N;
        Shifter = new double[n * n];
        Inverse = new double[n * n];
        RevenueShare = new double[n * n];
        for (var i = 0; i < n; i++)
            for (var j = 0; j < n; j++)
            {
                var t = tariffs[i * n + j];
                var k = i * n + j;
                Shifter[k] = t == 0 ? 1.0 : Math.Pow(1 + t, -epsilon * economy.PassThrough[j]);
                Inverse[k] = 1.0 / (1 + t);
                RevenueShare[k] = t / (1 + t);
            }
    }

    /// <summary>(1 + t_ij)^(−ε φ_j).</summary>
    public double[] Shifter { get; }

    /// <summary>1 / (1 + t_ij).</summary>
    public double[] Inverse { get; }

    /// <summary>t_ij / (1 + t_ij).</summary>
    public double[] RevenueShare { get; }
}
