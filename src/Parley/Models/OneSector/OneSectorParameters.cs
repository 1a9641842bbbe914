namespace Parley.Models.OneSector;

/// <summary>How a country spends the tariff revenue it collects (Ignatenko et al. 2025, section 3 step 7).</summary>
public enum RevenueRecycling
{
    /// <summary>Revenue replaces a labour-income tax, raising the after-tax wage by ρ = 1/(1 − R/Y′). The paper's default.</summary>
    IncomeTaxRelief,

    /// <summary>Revenue is handed back lump-sum; labour supply sees no tax cut (ρ = 1).</summary>
    LumpSumRebate,
}

/// <summary>Structural parameters of the one-sector model. Defaults are the paper's baseline.</summary>
public sealed record OneSectorParameters
{
    /// <summary>Trade elasticity ε (dimensionless). Default 4; Table 9 alternative 3 uses 8.</summary>
    public double TradeElasticity { get; init; } = 4.0;

    /// <summary>Labour-supply (Frisch) elasticity κ. Default 0.5.</summary>
    public double LaborSupplyElasticity { get; init; } = 0.5;

    /// <summary>Scale-economy elasticity ψ (unit cost falls with L̂^ψ). Default 0.67/4 = 0.1675.</summary>
    public double ScaleElasticity { get; init; } = 0.67 / 4.0;

    /// <summary>θ used only to build the pass-through term φ̃ = ((1+θ)/θ)·ν/(1−ν). Default 4/0.67.</summary>
    public double Theta { get; init; } = 4.0 / 0.67;

    /// <summary>Constant c in the importer's tariff pass-through exponent φ = c + φ̃. Default 1 (Table 9 alt. 2: 0.25).</summary>
    public double PassThroughConstant { get; init; } = 1.0;

    /// <summary>Revenue recycling. Default <see cref="RevenueRecycling.IncomeTaxRelief"/>.</summary>
    public RevenueRecycling Recycling { get; init; } = RevenueRecycling.IncomeTaxRelief;

    /// <summary>Validates ranges; throws <see cref="ArgumentOutOfRangeException"/> with the parameter name.</summary>
    public OneSectorParameters Validated()
    {
        Check(TradeElasticity, nameof(TradeElasticity), 0.1, 50);
        Check(LaborSupplyElasticity, nameof(LaborSupplyElasticity), 0, 10);
        Check(ScaleElasticity, nameof(ScaleElasticity), 0, 1);
        Check(Theta, nameof(Theta), 0.1, 100);
        Check(PassThroughConstant, nameof(PassThroughConstant), 0, 5);
        return this;
    }

    private static void Check(double v, string name, double lo, double hi)
    {
        if (!double.IsFinite(v) || v < lo || v > hi)
            throw new ArgumentOutOfRangeException(name, v, $"{name} must lie in [{lo}, {hi}].");
    }
}
