namespace Parley.Replication;

/// <summary>One printed cell of a published table, as Parley recomputes it.</summary>
/// <param name="Table">Table number as printed (e.g. <c>1</c>, <c>2</c>, <c>11</c>).</param>
/// <param name="Case">Case or block label.</param>
/// <param name="RowLabel">Row label (country or group, or statistic for Tables 3 and 11).</param>
/// <param name="ColumnLabel">Column label (statistic, or model variant for Table 11).</param>
/// <param name="Value">Full-precision value; <c>null</c> when the cell is skipped.</param>
/// <param name="Unit">Unit of <paramref name="Value"/> (e.g. <c>percent_change</c>), or <c>skipped</c>.</param>
/// <param name="Decimals">Decimals the paper prints.</param>
/// <param name="Note">Why a cell is skipped or differs from a plain reading of the model (e.g. a reproduced printing bug).</param>
public sealed record ReplicationCell(
    string Table,
    string Case,
    string RowLabel,
    string ColumnLabel,
    double? Value,
    string Unit,
    int Decimals,
    string? Note = null);

/// <summary>One equilibrium solved during a replication, with its diagnostics.</summary>
/// <param name="Scenario">Scenario name.</param>
/// <param name="Diagnostics">Solver diagnostics.</param>
public sealed record ReplicationSolve(string Scenario, Parley.Models.Numerics.SolverDiagnostics Diagnostics);

/// <summary>The cells of a replication and the solves behind them.</summary>
/// <param name="Paper">Citation of the paper replicated.</param>
/// <param name="Cells">Cells in table order (skipped cells included, with a note).</param>
/// <param name="Solves">Every equilibrium solved.</param>
/// <param name="ElapsedMilliseconds">Wall-clock time of the whole replication.</param>
public sealed record ReplicationReport(
    string Paper,
    IReadOnlyList<ReplicationCell> Cells,
    IReadOnlyList<ReplicationSolve> Solves,
    double ElapsedMilliseconds);
