using System.Globalization;
using Parley.Replication;
using Spectre.Console;

namespace Parley.Cli.Commands;

/// <summary>Prints replication cells the way the paper lays them out: one grid per case, notes as footnotes.</summary>
internal static class ReplicateTableView
{
    public static void Write(IAnsiConsole console, ReplicationReport report)
    {
        foreach (var table in report.Cells.GroupBy(c => c.Table))
        {
            console.Write(new Rule($"[bold]Table {table.Key}[/]").LeftJustified());
            var notes = new List<string>();
            foreach (var @case in table.GroupBy(c => c.Case))
            {
                var cells = @case.ToList();
                if (cells.All(c => c.Value is null))
                {
                    console.MarkupLine($"[grey]{Markup.Escape(@case.Key)}: skipped — {Markup.Escape(cells[0].Note ?? "")}[/]");
                    continue;
                }
                var grid = new Table().Title(Markup.Escape(@case.Key)).Border(TableBorder.Simple);
                var columns = cells.Select(c => c.ColumnLabel).Distinct().ToArray();
                grid.AddColumn("");
                foreach (var col in columns) grid.AddColumn(new TableColumn(Markup.Escape(col)).RightAligned());
                foreach (var row in cells.GroupBy(c => c.RowLabel))
                {
                    var values = columns.Select(col =>
                    {
                        var cell = row.FirstOrDefault(c => c.ColumnLabel == col);
                        if (cell?.Note is { } note && !notes.Contains(note)) notes.Add(note);
                        var mark = cell?.Note is { } n ? $"[grey][[{notes.IndexOf(n) + 1}]][/]" : "";
                        return cell?.Value is { } v ? v.ToString("F" + cell.Decimals, CultureInfo.InvariantCulture) + mark : "skipped" + mark;
                    });
                    grid.AddRow(new[] { Markup.Escape(row.Key) }.Concat(values).ToArray());
                }
                console.Write(grid);
            }
            for (var k = 0; k < notes.Count; k++) console.MarkupLine($"[grey][[{k + 1}]] {Markup.Escape(notes[k])}[/]");
            console.WriteLine();
        }
        console.MarkupLine($"[grey]{report.Cells.Count(c => c.Value is not null)} cells computed, {report.Cells.Count(c => c.Value is null)} skipped; " +
                           $"{report.Solves.Count} equilibria solved in {report.ElapsedMilliseconds:F0} ms (all converged: {report.Solves.All(s => s.Diagnostics.Converged)}, " +
                           $"max scaled residual {report.Solves.Max(s => s.Diagnostics.ResidualNorm):E1}).[/]");
        console.MarkupLine("[grey]Values in percent (change unless the unit says otherwise); printed with the paper's decimals. 'replicate jie2025 --format csv' gives full precision.[/]");
    }
}
