namespace Parley.Models.OneSector;

/// <summary>
/// The statistics the paper reports for one country (docs/models/one-sector.md (OS-28)–(OS-32)), all in percent change from the factual equilibrium
/// unless stated. A ratio whose factual denominator is zero is <c>null</c> (never NaN).
/// </summary>
/// <param name="Iso3">Country code.</param>
/// <param name="Name">Country name.</param>
/// <param name="Welfare">Δ welfare (%): consumption-equivalent change with the labour-supply (disutility) adjustment.</param>
/// <param name="Deficit">Δ trade deficit (% of |factual deficit|), imports − exports at producer prices.</param>
/// <param name="ExportsToGdp">Δ exports / income (%).</param>
/// <param name="ImportsToGdp">Δ imports / income (%), imports at pre-tariff prices.</param>
/// <param name="Employment">Δ employment (%).</param>
/// <param name="Prices">Δ consumer price index (%).</param>
/// <param name="TariffRevenueShare">Tariff revenue / factual absorption (fraction).</param>
/// <param name="TariffRevenue">Tariff revenue, thousands of USD.</param>
/// <param name="RealWage">Δ real wage ŵ/P̂ (%).</param>
public sealed record CountryOutcome(
    string Iso3,
    string Name,
    double Welfare,
    double? Deficit,
    double? ExportsToGdp,
    double? ImportsToGdp,
    double Employment,
    double Prices,
    double TariffRevenueShare,
    double TariffRevenue,
    double RealWage);

/// <summary>World aggregates (docs/models/one-sector.md (OS-33)–(OS-35), Table 11).</summary>
/// <param name="TradeToGdp">Δ world trade / world income (%), counterfactual trade valued tariff-inclusive.</param>
/// <param name="Employment">Income-weighted Δ employment (%).</param>
/// <param name="Welfare">Absorption-weighted Δ welfare (%).</param>
public sealed record WorldOutcome(double TradeToGdp, double Employment, double Welfare);
