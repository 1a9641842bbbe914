namespace Parley.Models.MultiSector;

/// <summary>
/// Effects of a counterfactual on one region, counterfactual relative to baseline (both solved equilibria), in percent.
/// </summary>
/// <param name="Iso3">Region code.</param>
/// <param name="Name">Region name.</param>
/// <param name="Welfare">CP (2015) welfare: terms-of-trade + volume-of-trade effects, % of baseline income (the paper's measure, first order).</param>
/// <param name="TermsOfTrade">Terms-of-trade effect (%).</param>
/// <param name="VolumeOfTrade">Volume-of-trade effect (%).</param>
/// <param name="RealIncome">Exact change of real income Î/P̂ (%), the representative household's exact welfare change.</param>
/// <param name="RealWage">ŵ/P̂ (%).</param>
/// <param name="Wage">Nominal wage (%), relative to the world-value-added numéraire.</param>
/// <param name="Prices">Consumer price index Π_j (P̂^j)^α (%).</param>
/// <param name="Exports">Exports net of tariffs, all sectors (%).</param>
/// <param name="Imports">Imports net of tariffs, all sectors (%).</param>
/// <param name="TariffRevenueBaseline">Tariff revenue in the baseline (dataset money unit).</param>
/// <param name="TariffRevenueCounterfactual">Tariff revenue in the counterfactual (dataset money unit).</param>
public sealed record RegionOutcome(
    string Iso3,
    string Name,
    double Welfare,
    double TermsOfTrade,
    double VolumeOfTrade,
    double RealIncome,
    double RealWage,
    double Wage,
    double Prices,
    double Exports,
    double Imports,
    double TariffRevenueBaseline,
    double TariffRevenueCounterfactual);

/// <summary>Welfare decomposition of one region: contributions (percentage points of baseline income) by partner and by sector.</summary>
/// <param name="TermsOfTradeByPartner">ToT contribution of each partner i (length N).</param>
/// <param name="VolumeOfTradeByPartner">VoT contribution of each partner i (length N).</param>
/// <param name="TermsOfTradeBySector">ToT contribution of each sector j (length J).</param>
/// <param name="VolumeOfTradeBySector">VoT contribution of each sector j (length J).</param>
public sealed record WelfareDecomposition(
    double[] TermsOfTradeByPartner,
    double[] VolumeOfTradeByPartner,
    double[] TermsOfTradeBySector,
    double[] VolumeOfTradeBySector);

/// <summary>A baseline and a counterfactual equilibrium of one dataset and everything read off them.</summary>
/// <param name="Scenario">Scenario name.</param>
/// <param name="Dataset">Dataset name.</param>
/// <param name="Baseline">Baseline equilibrium (relative to the data).</param>
/// <param name="Counterfactual">Counterfactual equilibrium (relative to the data).</param>
/// <param name="Regions">Outcomes by region.</param>
/// <param name="Decompositions">Welfare decomposition by region.</param>
/// <param name="SectorOutput">Gross output change by region × sector (%), [n][j].</param>
/// <param name="SectorPrice">Sectoral price change by region × sector (%), [n][j].</param>
/// <param name="SectorExports">Exports change by region × sector (%), [n][j]; 0 where baseline exports are 0.</param>
/// <param name="BilateralImports">Imports of importer n from exporter i, all sectors (%), [i][n]; 0 where baseline trade is 0.</param>
public sealed record MultiSectorResult(
    string Scenario,
    string Dataset,
    MultiSectorEquilibrium Baseline,
    MultiSectorEquilibrium Counterfactual,
    IReadOnlyList<RegionOutcome> Regions,
    IReadOnlyList<WelfareDecomposition> Decompositions,
    double[] SectorOutput,
    double[] SectorPrice,
    double[] SectorExports,
    double[] BilateralImports);
