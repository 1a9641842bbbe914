using Parley.Models.Numerics;

namespace Parley.Models.MultiSector;

/// <summary>
/// A solved multi-sector equilibrium, in changes relative to the dataset (x̂ = x′/x) and in levels where stated.
/// Layouts as <see cref="Data.MultiSectorDataset"/>: region × sector arrays [n][j], bilateral arrays [j][exporter i][importer n].
/// Money in the dataset's unit.
/// </summary>
/// <param name="Wage">ŵ_n.</param>
/// <param name="Cost">ĉ_n^j, input-bundle cost change.</param>
/// <param name="Price">P̂_n^j, sectoral price-index change.</param>
/// <param name="Shares">π′: importer n's expenditure share on exporter i in sector j.</param>
/// <param name="Expenditure">X′_n^j, expenditure gross of tariffs (level).</param>
/// <param name="GrossOutput">Y′_n^j, gross output (sales, level).</param>
/// <param name="Income">I′_n = value added + tariff revenue + deficit (level).</param>
/// <param name="TariffRevenue">R′_n (level).</param>
/// <param name="Tariffs">τ′ applied, [j][i][n].</param>
/// <param name="Deficits">D′ applied (level).</param>
/// <param name="Diagnostics">Solver diagnostics.</param>
public sealed record MultiSectorEquilibrium(
    double[] Wage,
    double[] Cost,
    double[] Price,
    double[] Shares,
    double[] Expenditure,
    double[] GrossOutput,
    double[] Income,
    double[] TariffRevenue,
    double[] Tariffs,
    double[] Deficits,
    SolverDiagnostics Diagnostics)
{
    /// <summary>Number of regions.</summary>
    public int N => Wage.Length;

    /// <summary>Number of sectors.</summary>
    public int J => Cost.Length / Wage.Length;

    /// <summary>Imports of <paramref name="importer"/> from <paramref name="exporter"/> in sector j, net of tariffs (level).</summary>
    public double Flow(int j, int exporter, int importer)
    {
        var c = (j * N + exporter) * N + importer;
        return Shares[c] * Expenditure[importer * J + j] / (1 + Tariffs[c]);
    }
}
