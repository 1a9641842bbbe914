// Per-scenario share-weighted tariff factors of the one-sector model, computed once per solve from
// docs/models/one-sector.md (OS-8) and (OS-10): λ_ij (1 + t_ij)^(−ε φ_j), that times 1/(1 + t_ij) (producer-price flows)
// and times t_ij/(1 + t_ij) (revenue). Why precomputed and share-weighted: with them every aggregate a residual needs
// — the column sums S_j, imports M′_j, revenue R_j and sales — is a matrix–vector product with the unit costs c_i,
// so a residual evaluation reads three N × N arrays once and writes none (λ′ and X′ are formed only for Jacobians).
using System.Buffers;

namespace Parley.Models.OneSector.Internals;

/// <summary>Tariff terms that do not change during a solve, each multiplied by the factual share λ_ij. The arrays are
/// rented from <see cref="ArrayPool{T}.Shared"/> (they may be longer than N × N) and returned by <see cref="Dispose"/>.</summary>
internal sealed class ScenarioTariffs : IDisposable
{
    private bool _disposed;

    public ScenarioTariffs(Economy economy, ReadOnlySpan<double> tariffs, double epsilon)
    {
        var n = economy.N;
        var lambda = economy.Shares;
        Shares = ArrayPool<double>.Shared.Rent(n * n);
        ProducerShares = ArrayPool<double>.Shared.Rent(n * n);
        RevenueShares = ArrayPool<double>.Shared.Rent(n * n);
        for (var i = 0; i < n; i++)
            for (var j = 0; j < n; j++)
            {
                var k = i * n + j;
                var t = tariffs[k];
                if (t == 0)
                {
                    Shares[k] = ProducerShares[k] = lambda[k];
                    RevenueShares[k] = 0;
                    continue;
                }
                var a = lambda[k] * Math.Pow(1 + t, -epsilon * economy.PassThrough[j]);
                Shares[k] = a;
                ProducerShares[k] = a / (1 + t);
                RevenueShares[k] = a * (t / (1 + t));
            }
    }

    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        foreach (var a in (double[][])[Shares, ProducerShares, RevenueShares]) ArrayPool<double>.Shared.Return(a);
    }

    /// <summary>λ_ij (1 + t_ij)^(−ε φ_j): λ′_ij ∝ c_i times this.</summary>
    public double[] Shares { get; }

    /// <summary>λ_ij (1 + t_ij)^(−ε φ_j) / (1 + t_ij): X′_ij ∝ c_i E′_j times this.</summary>
    public double[] ProducerShares { get; }

    /// <summary>λ_ij (1 + t_ij)^(−ε φ_j) t_ij / (1 + t_ij): tariff revenue on i's goods in j ∝ c_i E′_j times this.</summary>
    public double[] RevenueShares { get; }
}
