namespace Parley.Data;

/// <summary>
/// A square matrix of bilateral flows. Convention throughout Parley: <b>row = exporter (origin),
/// column = importer (destination)</b>; values in thousands of current USD at producer (pre-tariff) prices.
/// Stored row-major; immutable once built.
/// </summary>
public sealed class TradeMatrix
{
    private readonly double[] _values;

    /// <summary>Wraps a row-major N×N array (copied).</summary>
    public TradeMatrix(int size, ReadOnlySpan<double> rowMajor)
    {
        if (rowMajor.Length != size * size)
            throw new ArgumentException($"Expected {size * size} values, got {rowMajor.Length}.", nameof(rowMajor));
        Size = size;
        _values = rowMajor.ToArray();
    }

    /// <summary>Number of countries (rows = columns).</summary>
    public int Size { get; }

    /// <summary>Flow from exporter <paramref name="exporter"/> to importer <paramref name="importer"/> (0-based).</summary>
    public double this[int exporter, int importer] => _values[exporter * Size + importer];

    /// <summary>The row-major values.</summary>
    public ReadOnlySpan<double> Values => _values;

    /// <summary>Total exports of a country (row sum, diagonal included).</summary>
    public double RowSum(int exporter)
    {
        double s = 0;
        foreach (var v in _values.AsSpan(exporter * Size, Size)) s += v;
        return s;
    }

    /// <summary>Total imports of a country (column sum, diagonal included).</summary>
    public double ColumnSum(int importer)
    {
        double s = 0;
        for (var i = 0; i < Size; i++) s += _values[i * Size + importer];
        return s;
    }

    /// <summary>A copy of the values as a new row-major array.</summary>
    public double[] ToArray() => (double[])_values.Clone();
}
