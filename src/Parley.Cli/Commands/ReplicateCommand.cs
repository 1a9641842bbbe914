using System.ComponentModel;
using System.Globalization;
using nietras.SeparatedValues;
using Parley.Data;
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
        [Description("Paper to replicate: jie2025 (Ignatenko et al. 2025, Liberation Day tariffs).")]
        public string Paper { get; init; } = "";

        [CommandOption("-f|--format <FORMAT>")]
        [Description("table (default) or csv: columns table,case,row_label,column_label,value,unit; values at full precision.")]
        [DefaultValue("table")]
        public string Format { get; init; } = "table";
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        if (!settings.Paper.Equals("jie2025", StringComparison.OrdinalIgnoreCase))
            throw new ParleyInputException("(command line)", null, "PAPER", settings.Paper, "jie2025");
        var format = settings.Format.ToLowerInvariant();
        if (format is not ("table" or "csv"))
            throw new ParleyInputException("(command line)", null, "--format", settings.Format, "table or csv");
        var report = Jie2025Replication.Run(BundledData.World2023);
        var console = AnsiConsoleAccessor.Console;
        if (format == "csv")
        {
            console.Profile.Out.Writer.Write(ToCsv(report));
            return Program.Ok;
        }
        ReplicateTableView.Write(console, report);
        return Program.Ok;
    }

    /// <summary>CSV text with columns exactly <c>table,case,row_label,column_label,value,unit</c>.</summary>
    public static string ToCsv(ReplicationReport report)
    {
        using var writer = Sep.New(',').Writer(o => o with { Escape = true }).ToText();
        foreach (var c in report.Cells)
        {
            using var row = writer.NewRow();
            row["table"].Set(c.Table);
            row["case"].Set(c.Case);
            row["row_label"].Set(c.RowLabel);
            row["column_label"].Set(c.ColumnLabel);
            row["value"].Set(c.Value is { } v ? v.ToString("R", CultureInfo.InvariantCulture) : "");
            row["unit"].Set(c.Unit);
        }
        return writer.ToString();
    }
}
