using System.ComponentModel;
using Parley.Application;
using Parley.Reports;
using Parley.Rounds;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Parley.Cli.Commands;

/// <summary><c>parley rounds extract FILE… --published YYYY-MM-DD [--negotiation FILE] [--format yaml|json] [--out DIR]</c> (docs/rounds.md).</summary>
internal sealed class RoundsExtractCommand : Command<RoundsExtractCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<FILE>")] [Description("News articles (plain text or HTML), e.g. examples/news/us-japan-4th-round-2025-05-30.txt.")] public string[] Files { get; init; } = [];
        [CommandOption("--published <DATE>")] [Description("Publication date (YYYY-MM-DD) that relative dates ('on the 30th', 'last Friday', 'next month') resolve from.")] public string? Published { get; init; }
        [CommandOption("--negotiation <FILE>")] [Description("Negotiation file: print a proposed rounds: entry in its issues and options (the file is never edited).")] public string? Negotiation { get; init; }
        [CommandOption("-f|--format <FORMAT>")] [Description("yaml (default) or json: exactly date, place, participants, duration_minutes, topics, agreement, positions, outcome_rates, next_meeting, evidence.")] [DefaultValue("yaml")] public string Format { get; init; } = "yaml";
        [CommandOption("-o|--out <DIR>")] [Description("Also write rounds.json, rounds.yaml (and with --negotiation proposed-rounds.yaml and the file's copy with them added) and manifest.json into DIR.")] public string? Out { get; init; }
    }

    public override int Execute(CommandContext context, Settings s, CancellationToken cancellationToken)
    {
        var format = s.Format.ToLowerInvariant();
        if (format is not ("yaml" or "json")) throw new ParleyInputException("(command line)", null, "--format", s.Format, "yaml or json");
        var published = RoundExtraction.ParsePublished(s.Published, "(command line)", "--published");
        if (s.Files.Length == 0) throw new ParleyInputException("(command line)", null, "FILE", null, "at least one article file");
        var negotiation = s.Negotiation is { } n ? RoundExtraction.LoadNegotiation(n) : null;
        using var output = s.Out is { } dir ? OutputDirectory.Open(dir) : null;
        var results = s.Files.Select(f => RoundExtraction.ExtractFile(f, published, negotiation)).ToArray();
        var records = results.Select(r => r.Record).ToArray();
        var console = AnsiConsoleAccessor.Console;
        var writer = console.Profile.Out.Writer;
        var proposals = results.Where(r => r.Proposal is not null).Select(r => r.Proposal!).ToArray();
        var proposalYaml = RoundExtraction.ProposedRoundsYaml(proposals);
        if (negotiation is not null)
        {
            foreach (var r in results.Where(r => r.Proposal is null))
                Console.Error.WriteLine($"note: {r.Record.Source}: no meeting date found, so no rounds: entry is proposed for it");
            writer.Write(proposals.Length > 0 ? proposalYaml : "");
        }
        else writer.Write(format == "json" ? RoundDocument.Json(records) + "\n" : RoundDocument.Yaml(records));
        if (output is null) return Program.Ok;

        var files = new List<string> { "rounds.json", "rounds.yaml" };
        output.WriteText("rounds.json", RoundDocument.Json(records) + "\n");
        output.WriteText("rounds.yaml", RoundDocument.Yaml(records));
        if (negotiation is not null && proposals.Length > 0)
        {
            var copy = Path.GetFileNameWithoutExtension(s.Negotiation!) + ".with-rounds.yaml";
            var text = File.ReadAllText(s.Negotiation!);
            foreach (var p in proposals) text = p.InsertInto(text);
            output.WriteText("proposed-rounds.yaml", proposalYaml);
            output.WriteText(copy, text);
            files.AddRange(["proposed-rounds.yaml", copy]);
        }
        output.Commit(RoundExtraction.Manifest("parley rounds extract " + string.Join(' ', s.Files), s.Files, published, s.Negotiation), workbook: false);
        files.Add(OutputDirectory.ManifestFile);
        Console.Error.WriteLine(output.Summary(files));
        return Program.Ok;
    }
}
