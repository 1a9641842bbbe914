namespace Parley.Data;

/// <summary>
/// A square gravity cross-section: countries (sorted by code), output Y_i, expenditure E_j, and named pair variables
/// (row = exporter i, column = importer j, every ordered pair including i = j). Money in the data's unit.
/// </summary>
/// <param name="Countries">Country codes, sorted.</param>
/// <param name="Output">Y_i (mean of the exporter's rows).</param>
/// <param name="Expenditure">E_j (mean of the importer's rows).</param>
/// <param name="Trade">Observed trade X_ij (row-major n×n).</param>
/// <param name="Variables">Pair variables by name (row-major n×n); <c>constant</c> is always present.</param>
/// <param name="Source">File read.</param>
public sealed record GravityData(IReadOnlyList<string> Countries, double[] Output, double[] Expenditure, double[] Trade,
    IReadOnlyDictionary<string, double[]> Variables, string Source)
{
    /// <summary>Number of countries.</summary>
    public int N => Countries.Count;

    /// <summary>Index of a country code, or -1.</summary>
    public int IndexOf(string code) => Countries.ToList().FindIndex(c => c.Equals(code, StringComparison.OrdinalIgnoreCase));

    /// <summary>T_ij = exp(Σ_k β_k x_ij,k) for the given coefficients (docs/models/structural-gravity.md (G-1); unknown variables are an input error).</summary>
    public double[] CostIndex(IReadOnlyDictionary<string, double> coefficients, IReadOnlyDictionary<string, double[]>? overrides = null)
    {
        var t = new double[N * N];
        foreach (var (name, beta) in coefficients)
        {
            var x = overrides is not null && overrides.TryGetValue(name, out var o) ? o
                : Variables.TryGetValue(name, out var v) ? v
                : throw new ParleyInputException(Source, null, name, null, "a pair variable of the data: " + string.Join(", ", Variables.Keys));
            for (var k = 0; k < t.Length; k++) t[k] += beta * x[k];
        }
        for (var k = 0; k < t.Length; k++) t[k] = Math.Exp(t[k]);
        return t;
    }
}
