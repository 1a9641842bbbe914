using System.Globalization;
using Parley.Replication;
using Spectre.Console;

namespace Parley.Cli.Commands;

/// <summary>
/// Prints replication cells the way the paper lays them out: one grid per case, Parley's value in every cell, the
/// paper's printed value beside it in brackets wherever the two differ (or Parley skips the cell), reasons as footnotes.
/// </summary>
internal static class ReplicateTableView
{
    public static void Write(IAnsiConsole console, ReplicationReport report)
    {
        foreach (var table in report.Cells.GroupBy(c => c.Table))
        {
            console.Write(new Rule($"[bold]Table {table.Key}[/]").LeftJustified());
            var notes = new List<string>();
            foreach (var @case in table.GroupBy(c => c.Case))
                console.Write(Grid(@case.Key, @case.ToList(), notes));
            for (var k = 0; k < notes.Count; k++) console.MarkupLine($"[grey][[{k + 1}]] {Markup.Escape(notes[k])}[/]");
            console.WriteLine();
        }
        var computed = report.Cells.Count(c => c.Value is not null);
        var search = report.TariffSearch is { } io
            ? FormattableString.Invariant($" (the IO optimum, a uniform US tariff of {io.Rate:F4}, took {io.Solves} of them)")
            : "";
        var solves = report.Solves.Count + (report.TariffSearch?.Solves - 1 ?? 0);
        console.MarkupLine($"[grey]{computed} cells computed, {report.Cells.Count - computed} skipped; " +
                           $"{solves} equilibria solved{search} in {report.ElapsedMilliseconds:F0} ms (all converged: {report.Solves.All(s => s.Diagnostics.Converged)}, " +
                           $"max scaled residual {report.Solves.Max(s => s.Diagnostics.ResidualNorm):E1}).[/]");
        console.MarkupLine($"[grey]Against the paper: {Count(report, Agreement.Agrees)} cells agree to its printed digits (within half a unit of the last one), " +
                           $"{Count(report, Agreement.Differs)} differ, " +
                           $"{Count(report, Agreement.NotComputed)} printed cells are not computed, {Count(report, Agreement.NotPublished)} cells have no bundled paper value.[/]");
        console.MarkupLine("[grey]A value in brackets is the paper's, printed where it differs from Parley's or Parley skips the cell; the numbered notes give the reason.[/]");
        console.MarkupLine("[grey]Values in percent (change unless the unit says otherwise); printed with the paper's decimals. 'replicate jie2025 --format csv' gives full precision with the paper's values and notes.[/]");
    }

    private static int Count(ReplicationReport report, Agreement a) => report.Cells.Count(c => c.Agreement == a);

    private static Table Grid(string title, IReadOnlyList<ReplicationCell> cells, List<string> notes)
    {
        var grid = new Table().Title(Markup.Escape(title)).Border(TableBorder.Simple);
        var columns = cells.Select(c => c.ColumnLabel).Distinct().ToArray();
        grid.AddColumn("");
        foreach (var col in columns) grid.AddColumn(new TableColumn(Markup.Escape(col)).RightAligned());
        foreach (var row in cells.GroupBy(c => c.RowLabel))
        {
            var values = columns.Select(col => row.FirstOrDefault(c => c.ColumnLabel == col) is { } cell ? Cell(cell, notes) : "");
            grid.AddRow(new[] { Markup.Escape(row.Key) }.Concat(values).ToArray());
        }
        return grid;
    }

    /// <summary>Markup of one cell: Parley's value (or "skipped"), the paper's in brackets when they differ, a note mark.</summary>
    internal static string Cell(ReplicationCell cell, List<string> notes)
    {
        var text = cell.Value is { } v ? v.ToString("F" + cell.Decimals, CultureInfo.InvariantCulture) : "skipped";
        if (cell.Agreement is Agreement.Differs or Agreement.NotComputed)
            text += $" [yellow][[{Markup.Escape(cell.Published!.Text)}]][/]";
        if (cell.FullNote is { } note)
        {
            if (!notes.Contains(note)) notes.Add(note);
            text += $"[grey][[{notes.IndexOf(note) + 1}]][/]";
        }
        return text;
    }
}
