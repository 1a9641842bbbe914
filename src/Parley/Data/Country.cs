namespace Parley.Data;

/// <summary>A country of a dataset.</summary>
/// <param name="Index">0-based position in every vector and matrix of the dataset.</param>
/// <param name="Iso3">ISO 3166-1 alpha-3 code, upper case.</param>
/// <param name="Name">English short name.</param>
public sealed record Country(int Index, string Iso3, string Name)
{
    /// <summary>1-based position, as printed in data files and in the paper's code.</summary>
    public int Position => Index + 1;
}
