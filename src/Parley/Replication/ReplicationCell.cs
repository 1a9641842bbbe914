namespace Parley.Replication;

/// <summary>Address of one printed cell: table, case, row and column labels as Parley names them.</summary>
/// <param name="Table">Table number as printed (e.g. <c>1</c>, <c>11</c>).</param>
/// <param name="Case">Case or block label.</param>
/// <param name="RowLabel">Row label.</param>
/// <param name="ColumnLabel">Column label.</param>
public readonly record struct CellKey(string Table, string Case, string RowLabel, string ColumnLabel);

/// <summary>One printed cell of a published table, as Parley recomputes it, with the paper's value when bundled.</summary>
/// <param name="Table">Table number as printed (e.g. <c>1</c>, <c>2</c>, <c>11</c>).</param>
/// <param name="Case">Case or block label.</param>
/// <param name="RowLabel">Row label (country or group, or statistic for Tables 3 and 11).</param>
/// <param name="ColumnLabel">Column label (statistic, or model variant for Table 11).</param>
/// <param name="Value">Full-precision value computed by Parley; <c>null</c> when the cell is skipped.</param>
/// <param name="Unit">Unit of <paramref name="Value"/> (e.g. <c>percent_change</c>), or <c>skipped</c>.</param>
/// <param name="Decimals">Decimals the paper prints.</param>
/// <param name="Note">How Parley computes the cell, or why it is skipped.</param>
/// <param name="Published">The paper's printed value, when one is bundled (<c>data/published/</c>).</param>
public sealed record ReplicationCell(
    string Table,
    string Case,
    string RowLabel,
    string ColumnLabel,
    double? Value,
    string Unit,
    int Decimals,
    string? Note = null,
    PublishedValue? Published = null)
{
    /// <summary>The cell's address.</summary>
    public CellKey Key => new(Table, Case, RowLabel, ColumnLabel);

    /// <summary>How Parley's value compares with the paper's.</summary>
    public Agreement Agreement => Published.Compare(Value);

    /// <summary>Parley's note, then — where Parley and the paper differ — the reason; null when there is neither.</summary>
    public string? FullNote => PublishedValue.JoinNotes(Note, Published, Value);
}

/// <summary>One equilibrium solved during a replication, with its diagnostics.</summary>
/// <param name="Scenario">Scenario name.</param>
/// <param name="Diagnostics">Solver diagnostics.</param>
public sealed record ReplicationSolve(string Scenario, Parley.Models.Numerics.SolverDiagnostics Diagnostics);

/// <summary>The cells of a replication and the solves behind them.</summary>
/// <param name="Paper">Citation of the paper replicated.</param>
/// <param name="Cells">Cells in table order (skipped cells included, with a note).</param>
/// <param name="Solves">Every equilibrium solved.</param>
/// <param name="ElapsedMilliseconds">Wall-clock time of the whole replication.</param>
/// <param name="TariffSearch">The searched optimum behind Table 4's "optimal tariff + one sector" row, or null.</param>
public sealed record ReplicationReport(
    string Paper,
    IReadOnlyList<ReplicationCell> Cells,
    IReadOnlyList<ReplicationSolve> Solves,
    double ElapsedMilliseconds,
    UniformTariffOptimum? TariffSearch = null);
