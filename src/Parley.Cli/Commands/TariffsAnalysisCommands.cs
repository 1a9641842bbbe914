using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using Parley.Data;
using Parley.Internals;
using Parley.Reports;
using Parley.Tariffs;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Parley.Cli.Commands;

/// <summary><c>parley tariffs diff</c>: lines whose rate differs between two dates, or between the schedule and an overlay.</summary>
internal sealed class TariffsDiffCommand : Command<TariffsDiffCommand.Settings>
{
    public sealed class Settings : TariffsSettings
    {
        [CommandOption("--from <DATE>")] [Description("First date (compare two dates of one schedule).")] public string? From { get; init; }
        [CommandOption("--to <DATE>")] [Description("Second date.")] public string? To { get; init; }
        [CommandOption("--date <DATE>")] [Description("With --overlay: compare the schedule and the overlay on this date.")] public string? Date { get; init; }
        [CommandOption("--country <PARTNER>")] [Description("Partner (default: the overlay's partners, else required).")] public string? Country { get; init; }
        [CommandOption("--limit <N>")] [Description("Rows shown in the table (default 25, by 2024 import value).")] [DefaultValue(25)] public int Limit { get; init; } = 25;
    }

    public override int Execute(CommandContext context, Settings s, CancellationToken cancellationToken)
    {
        var baseEngine = new TariffEngine(TariffScheduleReader.Bundled);
        TariffEngine before, after;
        DateOnly d1, d2;
        IReadOnlyList<Partner> partners;
        if (s.Overlay is not null && s.Date is not null)
        {
            var overlay = TariffOverlay.Read(s.Overlay, baseEngine.Schedule);
            before = baseEngine;
            after = new TariffEngine(overlay.ApplyTo(baseEngine.Schedule));
            d1 = d2 = TariffsSettings.ParseDate(s.Date, "--date");
            partners = s.Country is not null ? [baseEngine.ResolvePartner(s.Country, "--country")] : overlay.Partners(baseEngine.Schedule);
        }
        else
        {
            before = after = s.Engine();
            d1 = TariffsSettings.ParseDate(s.From, "--from");
            d2 = TariffsSettings.ParseDate(s.To, "--to");
            partners = [before.ResolvePartner(s.Country ?? throw TariffsRateCommand.Missing("--country"), "--country")];
        }
        var changes = before.Diff(d1, after, d2, partners);
        var weights = ImportWeights.Bundled2024;
        var value = new Dictionary<(string, string), double>();
        var codes = partners.Select(p => p.CensusCode).ToHashSet();
        for (var k = 0; k < weights.Values.Length; k++)
            if (codes.Contains(weights.Countries[k]))
                value[(weights.Countries[k], weights.Codes[k][..8])] = value.GetValueOrDefault((weights.Countries[k], weights.Codes[k][..8])) + weights.Values[k];
        double Value(LineChange c) => value.GetValueOrDefault((c.Partner.CensusCode, c.Hts.Hs8));
        var affected = changes.Sum(Value);
        var dutyChange = changes.Sum(c => Value(c) * c.Change);
        var console = AnsiConsoleAccessor.Console;
        if (s.Json)
        {
            console.Profile.Out.Writer.WriteLine(JsonSerializer.Serialize(new
            {
                before = d1.ToString("yyyy-MM-dd"), after = d2.ToString("yyyy-MM-dd"), overlay = after.Schedule.Overlays,
                lines_changed = changes.Count, imports_affected_usd_2024 = affected, duty_change_usd_2024_weights = dutyChange,
                changes = changes.Select(c => new
                {
                    partner = c.Partner.Iso3, partner_name = c.Partner.Name, hts = c.Hts.ToString(), description = TariffsSettings.Describe(c.Hts.Digits),
                    before = c.Before.Total, after = c.After.Total, imports_usd_2024 = Value(c),
                }),
                manifest = TariffsSettings.Manifest(after, "tariffs diff"),
            }, ScenarioReport.Json));
            return Program.Ok;
        }
        if (s.Csv)
        {
            string[] header = ["partner_iso3", "partner_name", "hts", "description", "before_rate", "after_rate", "imports_usd_2024", "measures_after"];
            console.Profile.Out.Writer.Write(CsvOutput.Text(header, changes.OrderByDescending(Value).Select(c => (IReadOnlyList<string>)
            [
                c.Partner.Iso3, c.Partner.Name, c.Hts.ToString(), TariffsSettings.Describe(c.Hts.Digits), CsvOutput.Number(c.Before.Total), CsvOutput.Number(c.After.Total),
                CsvOutput.Number(Value(c)), string.Join(" + ", c.After.Components.Select(x => x.MeasureId)),
            ])));
            return Program.Ok;
        }
        var names = string.Join(", ", partners.Select(TariffsSettings.PartnerName));
        var t = new FittedTable($"{changes.Count} lines change for {names}: {d1:yyyy-MM-dd} → {d2:yyyy-MM-dd}" +
                                (after.Schedule.Overlays.Count > 0 ? " with " + string.Join(", ", after.Schedule.Overlays) : ""),
            $"2024 imports on changed lines: {Money.Usd(affected)}; duty at 2024 volumes changes by {Money.Usd(dutyChange)}. Largest 2024 imports first; --limit sets the rows.");
        t.Column("Partner", ColumnKind.Label, optional: partners.Count == 1).Column("HTS-8").Column("Product (HS)", ColumnKind.Text).Column("Before").Column("After").Column("2024 imports")
            .Column("Measures after", ColumnKind.Text, optional: true);
        foreach (var c in changes.OrderByDescending(Value).Take(s.Limit))
            t.Row(TariffsSettings.PartnerName(c.Partner), c.Hts.ToString(), TariffsSettings.Short(TariffsSettings.Describe(c.Hts.Digits), 48), P(c.Before.Total), P(c.After.Total), Money.Usd(Value(c)),
                string.Join(" + ", c.After.Components.Select(x => x.MeasureId)));
        t.Write(console, s.Wide);
        return Program.Ok;
    }

    internal static string P(double v) => (100 * v).ToString("0.##", CultureInfo.InvariantCulture) + "%";
}

/// <summary><c>parley tariffs etr --date D [--weights FILE] [--by partner|chapter|sector|group|authority]</c>.</summary>
internal sealed class TariffsEtrCommand : Command<TariffsEtrCommand.Settings>
{
    public sealed class Settings : TariffsSettings
    {
        [CommandOption("--date <DATE>")] [Description("Date, YYYY-MM-DD.")] public string? Date { get; init; }
        [CommandOption("--weights <FILE>")] [Description("CSV of code, partner, value (USD), or Census import detail (IMP_DETL.TXT, IMDByymm.ZIP, or a folder of monthly files); default: 2024 Census imports by HTS-10 × country.")] public string? Weights { get; init; }
        [CommandOption("--basis <BASIS>")] [Description("For Census import detail: consumption (con_val_mo, default) or general (gen_val_mo).")] [DefaultValue("consumption")] public string Basis { get; init; } = "consumption";
        [CommandOption("--by <GROUPING>")] [Description("partner (default), chapter, sector (GTAP), group (8 partner groups) or authority.")] [DefaultValue("partner")] public string By { get; init; } = "partner";
        [CommandOption("--limit <N>")] [Description("Groups shown in the table (default 20).")] [DefaultValue(20)] public int Limit { get; init; } = 20;
        [CommandOption("--from <DATE>")] [Description("First date of a range (YYYY-MM-DD): the ETR by authority at each date of --from..--to instead of one --date.")] public string? From { get; init; }
        [CommandOption("--to <DATE>")] [Description("Last date of the range (default: the schedule's last revision).")] public string? To { get; init; }
        [CommandOption("--step <STEP>")] [Description("revision (default: every date a measure starts or ends) or month (month starts).")] [DefaultValue("revision")] public string Step { get; init; } = "revision";
        [CommandOption("-o|--out <DIR>")] [Description("With --from: write etr.csv, etr.json, report.html (stacked chart), workbook.xlsx and manifest.json into DIR.")] public string? Out { get; init; }
    }

    public override int Execute(CommandContext context, Settings s, CancellationToken cancellationToken)
    {
        if (s.From is not null || s.To is not null || s.Out is not null) return TariffsEtrRange.Execute(s);
        var engine = s.Engine();
        var grouping = s.By.ToLowerInvariant() switch
        {
            "partner" => EtrGrouping.Partner, "chapter" => EtrGrouping.Chapter, "sector" => EtrGrouping.Sector, "group" => EtrGrouping.PartnerGroup,
            "authority" => EtrGrouping.None,
            _ => throw new ParleyInputException("(command line)", null, "--by", s.By, "partner, chapter, sector, group or authority"),
        };
        var basis = s.Basis.ToLowerInvariant() switch
        {
            "consumption" => ImportBasis.Consumption, "general" => ImportBasis.General,
            _ => throw new ParleyInputException("(command line)", null, "--basis", s.Basis, "consumption or general"),
        };
        var weights = s.Weights is null ? ImportWeights.Bundled2024 : ImportWeights.Read(s.Weights, engine.Schedule, basis);
        var r = EffectiveRates.Compute(engine, weights, TariffsSettings.ParseDate(s.Date, "--date"), grouping);
        var console = AnsiConsoleAccessor.Console;
        var c = r.Coverage;
        var coverage = new
        {
            rows = c.Rows, unknown_line_rows = c.UnknownLineRows, unknown_line_usd = c.UnknownLineUsd,
            unknown_partner_rows = c.UnknownPartnerRows, unknown_partner_usd = c.UnknownPartnerUsd, unknown_partners = c.UnknownPartners,
        };
        if (s.Json)
        {
            var manifest = TariffsSettings.Manifest(engine, "tariffs etr");
            manifest["weights"] = r.WeightsSource;
            manifest["weights_coverage"] = coverage;
            console.Profile.Out.Writer.WriteLine(JsonSerializer.Serialize(new
            {
                date = r.Date.ToString("yyyy-MM-dd"), etr = r.Etr, total_imports_usd = r.TotalImportsUsd, matched_usd = r.MatchedUsd, bridged_usd = r.BridgedUsd,
                unmatched_usd = r.UnmatchedUsd, coverage, by_authority = r.ByAuthority,
                groups = r.Groups.Select(g => new { key = g.Key, name = GroupName(engine, grouping, g), description = GroupDescription(grouping, g), imports_usd = g.ImportsUsd, etr = g.Etr }),
                weights = r.WeightsSource, overlays = r.Overlays,
                manifest,
            }, ScenarioReport.Json));
            return Program.Ok;
        }
        if (s.Csv)
        {
            console.Profile.Out.Writer.Write(Csv(engine, r, grouping));
            return Program.Ok;
        }
        if (c.UnknownLineRows + c.UnknownPartnerRows > 0)
            console.MarkupLine(Markup.Escape($"Not rated (counted at 0): {c.UnknownLineRows:N0} rows with HTS codes the schedule does not know ({Money.Usd(c.UnknownLineUsd)}); " +
                $"{c.UnknownPartnerRows:N0} rows from {c.UnknownPartners.Count} Census codes that are not partners ({Money.Usd(c.UnknownPartnerUsd)})" +
                (c.UnknownPartners.Count > 0 ? ": " + string.Join(", ", c.UnknownPartners.Take(10)) : "") + "."));
        console.MarkupLine($"[bold]Effective US tariff rate on {r.Date:yyyy-MM-dd}: {TariffsDiffCommand.P(r.Etr)}[/] of {Money.Usd(r.TotalImportsUsd)} imports " +
                           $"({Markup.Escape(r.WeightsSource)}); matched {TariffsSettings.Percent(r.MatchedUsd / r.TotalImportsUsd, 2)}, bridged {Money.Usd(r.BridgedUsd)}, unmatched {Money.Usd(r.UnmatchedUsd)} (counted at 0).");
        var a = new FittedTable("By authority (contribution to the ETR)");
        a.Column("Authority", ColumnKind.Label).Column("Contribution");
        foreach (var (k, v) in r.ByAuthority.OrderByDescending(x => x.Value)) a.Row(k, TariffsDiffCommand.P(v));
        a.Write(console, s.Wide);
        if (grouping != EtrGrouping.None)
        {
            var t = new FittedTable($"By {s.By} (largest imports first)", grouping == EtrGrouping.Chapter ? "Chapter titles: HS 2022 (data/hs-descriptions)." : null);
            t.Column(grouping switch { EtrGrouping.Chapter => "Chapter", EtrGrouping.Partner => "Partner", EtrGrouping.Sector => "GTAP sector", _ => "Group" }, ColumnKind.Label);
            if (grouping == EtrGrouping.Chapter) t.Column("Description", ColumnKind.Text);
            t.Column("2024 imports").Column("ETR");
            foreach (var g in r.Groups.Take(s.Limit))
            {
                var cells = new List<string> { grouping == EtrGrouping.Chapter ? g.Key : GroupName(engine, grouping, g) };
                if (grouping == EtrGrouping.Chapter) cells.Add(TariffsSettings.Short(GroupDescription(grouping, g), 56));
                cells.Add(Money.Usd(g.ImportsUsd));
                cells.Add(TariffsDiffCommand.P(g.Etr));
                t.Row(cells.ToArray());
            }
            t.Write(console, s.Wide);
        }
        return Program.Ok;
    }

    /// <summary>CSV: a first row for all imports (key <c>all</c>), then one row per group; or, by authority, one row per authority.</summary>
    private static string Csv(TariffEngine engine, EffectiveRateReport r, EtrGrouping grouping)
    {
        if (grouping == EtrGrouping.None)
            return CsvOutput.Text(["date", "authority", "etr_contribution"],
                r.ByAuthority.OrderByDescending(x => x.Value).Select(x => (IReadOnlyList<string>)[r.Date.ToString("yyyy-MM-dd"), x.Key, CsvOutput.Number(x.Value)]));
        string[] header = ["date", "key", "name", "description", "imports_usd", "etr"];
        var rows = new List<IReadOnlyList<string>> { new[] { r.Date.ToString("yyyy-MM-dd"), "all", "all imports", "", CsvOutput.Number(r.TotalImportsUsd), CsvOutput.Number(r.Etr) } };
        rows.AddRange(r.Groups.Select(g => (IReadOnlyList<string>)
            [r.Date.ToString("yyyy-MM-dd"), g.Key, GroupName(engine, grouping, g), GroupDescription(grouping, g), CsvOutput.Number(g.ImportsUsd), CsvOutput.Number(g.Etr)]));
        return CsvOutput.Text(header, rows);
    }

    /// <summary>A group as people name it: a partner's name with its ISO3 code (not the Census code), else the group's name.</summary>
    private static string GroupName(TariffEngine engine, EtrGrouping grouping, EtrGroup g) =>
        grouping == EtrGrouping.Partner && engine.Schedule.Partners.TryGetValue(g.Key, out var p) ? TariffsSettings.PartnerName(p) : g.Name;

    /// <summary>The HS 2022 title of a chapter group (else the schedule's own label, e.g. for US chapters 98 and 99); empty for other groupings.</summary>
    private static string GroupDescription(EtrGrouping grouping, EtrGroup g) =>
        grouping != EtrGrouping.Chapter ? "" : HsDescriptions.Bundled.Find(g.Key)?.Text ?? g.Name;
}

/// <summary><c>parley tariffs security --date D [--group NAME] [--prefixes 2805,2846]</c>.</summary>
internal sealed class TariffsSecurityCommand : Command<TariffsSecurityCommand.Settings>
{
    public sealed class Settings : TariffsSettings
    {
        [CommandOption("--date <DATE>")] [Description("Date of the tariffs, YYYY-MM-DD.")] public string? Date { get; init; }
        [CommandOption("--group <NAME>")] [Description("rare-earths or semiconductors (default: both), or the name of --prefixes.")] public string? Group { get; init; }
        [CommandOption("--prefixes <LIST>")] [Description("User-defined group: comma-separated HTS prefixes, e.g. 8507,850760.")] public string? Prefixes { get; init; }
    }

    public override int Execute(CommandContext context, Settings s, CancellationToken cancellationToken)
    {
        var engine = s.Engine();
        var date = TariffsSettings.ParseDate(s.Date, "--date");
        IReadOnlyList<ProductGroup> groups;
        if (s.Prefixes is not null)
        {
            var prefixes = s.Prefixes.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(p => p.Replace(".", "")).ToArray();
            if (prefixes.Length == 0 || prefixes.Any(p => p.Length is < 2 or > 10 || !p.All(char.IsAsciiDigit)))
                throw new ParleyInputException("(command line)", null, "--prefixes", s.Prefixes, "comma-separated HTS prefixes of 2–10 digits");
            groups = [new ProductGroup(s.Group ?? "custom", prefixes)];
        }
        else if (s.Group is not null)
            groups = [ProductGroup.Critical.FirstOrDefault(g => g.Name.Equals(s.Group, StringComparison.OrdinalIgnoreCase))
                      ?? throw new ParleyInputException("(command line)", null, "--group", s.Group, "rare-earths or semiconductors, or --prefixes for your own group")];
        else groups = ProductGroup.Critical;
        var reports = groups.Select(g => SupplierConcentration.Compute(engine, ImportWeights.Bundled2024, date, g)).ToArray();
        var console = AnsiConsoleAccessor.Console;
        if (s.Json)
        {
            console.Profile.Out.Writer.WriteLine(JsonSerializer.Serialize(reports.Select(r => new
            {
                group = r.Group.Name, prefixes = r.Group.Prefixes,
                descriptions = r.Group.Prefixes.Select(p => new { prefix = p, description = TariffsSettings.Describe(p) }), date = r.Date.ToString("yyyy-MM-dd"), imports_usd_2024 = r.ImportsUsd, suppliers = r.SupplierCount,
                hhi = r.Hhi, top1_share = r.Top1Share, top3_share = r.Top3Share, china_share = r.ChinaShare, etr = r.Etr,
                top_suppliers = r.Suppliers.Take(10).Select(x => new { iso3 = x.Partner.Iso3, name = x.Partner.Name, share = x.Share, tariff = x.Tariff }),
            }), ScenarioReport.Json));
            return Program.Ok;
        }
        if (s.Csv)
        {
            string[] header = ["group", "prefixes", "description", "date", "group_imports_usd_2024", "hhi", "supplier_iso3", "supplier_name", "share", "tariff"];
            console.Profile.Out.Writer.Write(CsvOutput.Text(header, reports.SelectMany(r => r.Suppliers.Select(x => (IReadOnlyList<string>)
            [
                r.Group.Name, string.Join(" ", r.Group.Prefixes), string.Join("; ", r.Group.Prefixes.Select(p => $"{p}: {TariffsSettings.Describe(p)}")),
                r.Date.ToString("yyyy-MM-dd"), CsvOutput.Number(r.ImportsUsd), CsvOutput.Number(r.Hhi), x.Partner.Iso3, x.Partner.Name, CsvOutput.Number(x.Share), CsvOutput.Number(x.Tariff),
            ]))));
            return Program.Ok;
        }
        foreach (var r in reports)
        {
            var products = string.Join("; ", r.Group.Prefixes.Select(p => $"{p} {TariffsSettings.Short(TariffsSettings.Describe(p), 50)}"));
            var t = new FittedTable($"{r.Group.Name}: {Money.Usd(r.ImportsUsd)} of US imports in 2024 from {r.SupplierCount} suppliers; tariff {TariffsDiffCommand.P(r.Etr)} on {r.Date:yyyy-MM-dd}",
                $"Products: {products}. HHI {r.Hhi:F0}; top-1 {TariffsSettings.Percent(r.Top1Share)}, top-3 {TariffsSettings.Percent(r.Top3Share)}, China {TariffsSettings.Percent(r.ChinaShare)}. Ten largest suppliers.");
            t.Column("Supplier", ColumnKind.Label).Column("Share").Column("Tariff faced");
            foreach (var x in r.Suppliers.Take(10)) t.Row(TariffsSettings.PartnerName(x.Partner), TariffsSettings.Percent(x.Share), TariffsDiffCommand.P(x.Tariff));
            t.Write(console, s.Wide);
        }
        return Program.Ok;
    }
}
