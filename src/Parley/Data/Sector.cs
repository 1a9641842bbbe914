namespace Parley.Data;

/// <summary>A sector of a multi-sector dataset.</summary>
/// <param name="Index">0-based position in every sector dimension.</param>
/// <param name="Code">Short code (e.g. <c>c15</c> in WIOD); the 1-based index as text when the data has none.</param>
/// <param name="Name">Name as in the data (e.g. <c>Transport Equipment</c>, <c>Auto</c>).</param>
/// <param name="Tradable">False when the data carry only domestic flows for it.</param>
/// <param name="TradeElasticity">θ: the sector's trade elasticity (Fréchet shape), positive.</param>
/// <param name="Goods">True for a goods sector (agriculture, mining, manufacturing): the sectors a tariff change without
/// <c>sector:</c> applies to. From the <c>goods</c> column of sectors.csv; without that column, equal to <paramref name="Tradable"/>.</param>
public sealed record Sector(int Index, string Code, string Name, bool Tradable, double TradeElasticity, bool Goods);
