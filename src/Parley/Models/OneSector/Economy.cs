using Parley.Data;

namespace Parley.Models.OneSector;

/// <summary>Which equation pins down the price level (it replaces market clearing of <see cref="Economy.NumeraireIndex"/>).</summary>
public enum Numeraire
{
    /// <summary>Absorption-weighted world price index unchanged: (1/N) Σ_j (P̂_j − 1) E_j = 0 (baseline model).</summary>
    WorldPriceIndex,

    /// <summary>Income-weighted world wage unchanged: (1/N) Σ_i (ŵ_i − 1) Y_i = 0 (roundabout/IO model, docs/models/one-sector.md (OS-25)).</summary>
    WorldWage,
}

/// <summary>
/// A calibrated one-sector economy: the factual equilibrium every counterfactual is measured against.
/// All flows in thousands of USD; matrices N×N row-major with row = exporter i, column = importer j.
/// Build one with <see cref="Calibration"/>.
/// </summary>
/// <param name="Variant">Short name of the calibration variant (baseline, eaton-kortum, roundabout, ...).</param>
/// <param name="Countries">Countries in matrix order.</param>
/// <param name="N">Number of countries.</param>
/// <param name="Flows">Factual flows X_ij including domestic sales on the diagonal.</param>
/// <param name="Absorption">E_j = Σ_i X_ij (column sums).</param>
/// <param name="Income">Factor income Y_i (not GDP; see docs/models/one-sector.md (OS-5)).</param>
/// <param name="Transfers">T_i received from abroad (the model's deficit); fixed as a share of world income.</param>
/// <param name="Shares">Expenditure shares λ_ij = X_ij / E_j (columns sum to 1).</param>
/// <param name="DestinationShare">ν_i: share of a sale's value accruing to the buying country's factors.</param>
/// <param name="PassThrough">φ_j = c + φ̃_j: tariff pass-through exponent of importer j.</param>
/// <param name="ValueAddedShare">β: value-added share in gross output; 1 = no roundabout production.</param>
/// <param name="NumeraireIndex">Country whose market-clearing equation is replaced by the numéraire (default: last).</param>
/// <param name="Numeraire">Which normalisation replaces it.</param>
public sealed record Economy(
    string Variant,
    CountrySet Countries,
    int N,
    double[] Flows,
    double[] Absorption,
    double[] Income,
    double[] Transfers,
    double[] Shares,
    double[] DestinationShare,
    double[] PassThrough,
    double ValueAddedShare,
    int NumeraireIndex,
    Numeraire Numeraire)
{
    /// <summary>True when production uses the composite good as input (β &lt; 1, docs/models/one-sector.md (OS-22)).</summary>
    public bool HasRoundabout => ValueAddedShare < 1.0;

    /// <summary>
    /// What calibration had to change in the data, one sentence each (e.g. a country whose rebuilt domestic sales came out
    /// negative and were set to 0, docs/models/one-sector.md (OS-5)). Empty when the data needed no adjustment. Every run
    /// repeats these in its manifest, so no adjustment is silent.
    /// </summary>
    public IReadOnlyList<string> Adjustments { get; init; } = [];

    /// <summary>Final-demand budget C_i = Y_i + T_i (equals E_i when β = 1).</summary>
    public double FinalDemand(int i) => Income[i] + Transfers[i];
}
