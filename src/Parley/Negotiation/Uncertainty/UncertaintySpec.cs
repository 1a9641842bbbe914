namespace Parley.Negotiation.Uncertainty;

/// <summary>What an uncertain input changes.</summary>
public enum UncertainInputKind
{
    /// <summary>Trade elasticity: multi-sector θ of the sectors in <see cref="UncertainInput.Targets"/>, or the one-sector ε (no targets).</summary>
    TradeElasticity,

    /// <summary>One-sector labour-supply elasticity κ.</summary>
    LaborSupplyElasticity,

    /// <summary>A party's objective weight: targets = [party code, term key such as <c>trade_balance:JPN</c>].</summary>
    Weight,

    /// <summary>A shift of a party's reservation value (its BATNA utility), utility units: targets = [party code].</summary>
    Reservation,
}

/// <summary>One uncertain input of a negotiation.</summary>
/// <param name="Kind">What it changes.</param>
/// <param name="Name">Readable name used in tables and CSV, e.g. <c>theta:c4+c5</c>, <c>weight:USA/trade_balance:JPN</c>.</param>
/// <param name="Targets">Sector codes, or party and term (see <see cref="UncertainInputKind"/>).</param>
/// <param name="Distribution">Its distribution.</param>
/// <param name="Source">Where the distribution comes from (file line, or the published table).</param>
public sealed record UncertainInput(UncertainInputKind Kind, string Name, IReadOnlyList<string> Targets, Distribution Distribution, string Source)
{
    /// <summary>True for inputs that change the model's equilibrium (need solves); weights and reservations only re-rank.</summary>
    public bool IsModelInput => Kind is UncertainInputKind.TradeElasticity or UncertainInputKind.LaborSupplyElasticity;
}

/// <summary>A sector-level trade elasticity the file states explicitly (resolved against the dataset when it is loaded).</summary>
/// <param name="Sector">Sector code or name as written.</param>
/// <param name="Distribution">Its distribution.</param>
/// <param name="Line">Line in the file.</param>
public sealed record SectorElasticityInput(string Sector, Distribution Distribution, int Line);

/// <summary>The <c>uncertainty:</c> block of a negotiation file (format: docs/uncertainty.md).</summary>
/// <param name="Seed">Seed of the draws (the command line's <c>--seed</c> overrides it).</param>
/// <param name="Draws">Number of draws, or null (then only <c>--draws</c> starts the analysis).</param>
/// <param name="Published">Published standard errors to draw trade elasticities from (<c>cp2015</c>), or null.</param>
/// <param name="Sectors">Sector elasticities stated explicitly (they replace a published one for the same sector).</param>
/// <param name="Inputs">Every other input: the one-sector ε and κ, weights, reservation values.</param>
public sealed record UncertaintySpec(ulong Seed, int? Draws, string? Published, IReadOnlyList<SectorElasticityInput> Sectors, IReadOnlyList<UncertainInput> Inputs)
{
    /// <summary>Seed used when neither the file nor the command line gives one.</summary>
    public const ulong DefaultSeed = 2025;

    /// <summary>Most draws a run accepts (input bound, decision 0012).</summary>
    public const int MaxDraws = 1_000_000;
}
