using System.ComponentModel;
using System.Globalization;
using Parley.Data;
using Parley.Internals;
using Parley.Replication;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Parley.Cli.Commands;

/// <summary><c>parley replicate jie2025 [--format table|csv]</c>.</summary>
internal sealed class ReplicateCommand : Command<ReplicateCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<PAPER>")]
        [Description("Paper to replicate: jie2025 (Ignatenko et al. 2025, Liberation Day tariffs) or cp2015 (Caliendo & Parro 2015, NAFTA).")]
        public string Paper { get; init; } = "";

        [CommandOption("-f|--format <FORMAT>")]
        [Description("table (default) or csv at full precision: jie2025 columns table,case,row_label,column_label,value,unit,published,note; cp2015 columns region,statistic,value,unit,published,note (published = the paper's printed value where one is bundled).")]
        [DefaultValue("table")]
        public string Format { get; init; } = "table";

        [CommandOption("--wide")]
        [Description("Print every table column even when the table is wider than the terminal.")]
        public bool Wide { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var paper = settings.Paper.ToLowerInvariant();
        if (paper is not ("jie2025" or "cp2015"))
            throw new ParleyInputException("(command line)", null, "PAPER", settings.Paper, "jie2025 or cp2015");
        var format = settings.Format.ToLowerInvariant();
        if (format is not ("table" or "csv"))
            throw new ParleyInputException("(command line)", null, "--format", settings.Format, "table or csv");
        if (paper == "cp2015")
        {
            var cp = Cp2015Replication.Run(Cp2015Replication.LoadData(), PublishedValues.ReadCp2015());
            if (format == "csv") AnsiConsoleAccessor.Console.Profile.Out.Writer.Write(Cp2015Csv(cp));
            else Cp2015TableView.Write(AnsiConsoleAccessor.Console, cp, settings.Wide);
            return Program.Ok;
        }
        var report = Jie2025Replication.Run(BundledData.World2023, PublishedValues.ReadJie2025());
        var console = AnsiConsoleAccessor.Console;
        if (format == "csv")
        {
            console.Profile.Out.Writer.Write(ToCsv(report));
            return Program.Ok;
        }
        ReplicateTableView.Write(console, report);
        return Program.Ok;
    }

    /// <summary>
    /// CSV text with columns exactly <c>region,statistic,value,unit,published,note</c>: <c>published</c> is the paper's
    /// printed value (empty where none is bundled), <c>note</c> the reason where Parley and the paper differ.
    /// </summary>
    public static string Cp2015Csv(Cp2015Report report)
    {
        using var writer = CsvOutput.ToText("region", "statistic", "value", "unit", "published", "note");
        foreach (var r in report.Rows)
        {
            using var row = writer.NewRow();
            row["region"].Set(r.Region);
            row["statistic"].Set(r.Statistic);
            row["value"].Set(CsvOutput.Number(r.Value));
            row["unit"].Set(r.Unit);
            row["published"].Set(r.Published?.Text ?? "");
            row["note"].Set(r.FullNote ?? "");
        }
        return writer.ToString();
    }

    /// <summary>
    /// CSV text with columns exactly <c>table,case,row_label,column_label,value,unit,published,note</c>: <c>published</c>
    /// is the paper's printed value (empty where none is bundled), <c>note</c> how Parley computes the cell or why it is
    /// skipped, then — where Parley and the paper differ — the paper's value and the reason.
    /// </summary>
    public static string ToCsv(ReplicationReport report)
    {
        using var writer = CsvOutput.ToText("table", "case", "row_label", "column_label", "value", "unit", "published", "note");
        foreach (var c in report.Cells)
        {
            using var row = writer.NewRow();
            row["table"].Set(c.Table);
            row["case"].Set(c.Case);
            row["row_label"].Set(c.RowLabel);
            row["column_label"].Set(c.ColumnLabel);
            row["value"].Set(CsvOutput.Number(c.Value));
            row["unit"].Set(c.Unit);
            row["published"].Set(c.Published?.Text ?? "");
            row["note"].Set(c.FullNote ?? "");
        }
        return writer.ToString();
    }
}
