using Parley.Models.Numerics;

namespace Parley.Models.OneSector;

/// <summary>
/// A solved counterfactual equilibrium, in changes relative to the factual economy (x̂ = x′/x).
/// Vectors are indexed by country (0-based, dataset order); matrices are N×N row-major, row = exporter.
/// </summary>
/// <param name="Wage">ŵ: nominal wage change.</param>
/// <param name="Spending">Ê: nominal absorption change.</param>
/// <param name="Employment">L̂: employment change.</param>
/// <param name="PriceIndex">P̂: consumer price index change.</param>
/// <param name="Flows">X′: counterfactual flows at producer prices, thousands of USD.</param>
/// <param name="TariffRevenue">R: counterfactual tariff revenue, thousands of USD.</param>
/// <param name="IncomeTaxRate">τ = R/Y′ under income-tax relief, else 0.</param>
/// <param name="WorldIncomeGrowth">g = Σ Y′ / Σ Y.</param>
/// <param name="Diagnostics">Solver diagnostics.</param>
public sealed record Equilibrium(
    double[] Wage,
    double[] Spending,
    double[] Employment,
    double[] PriceIndex,
    double[] Flows,
    double[] TariffRevenue,
    double[] IncomeTaxRate,
    double WorldIncomeGrowth,
    SolverDiagnostics Diagnostics);
