using System.Globalization;
using Parley.Internals;
using Parley.Scenarios;

namespace Parley.Negotiation;

/// <summary>One term of a party's objective: weight × outcome (outcomes in percent, or percentage points of baseline income).</summary>
/// <param name="Outcome">welfare, real_wage, exports, tariff_revenue, trade_balance, sector_output or employment.</param>
/// <param name="Weight">Weight (utility units per percent).</param>
/// <param name="Sector">Sector code or name (sector_output).</param>
/// <param name="Partner">Partner country or group (trade_balance, required; exports, optional: the exports to that partner).</param>
public sealed record ObjectiveTerm(string Outcome, double Weight, string? Sector, string? Partner)
{
    /// <summary>Key of the outcome (e.g. <c>sector_output:c15</c>, <c>trade_balance:JPN</c>).</summary>
    public string Key => Outcome + (Sector is not null ? ":" + Sector : Partner is not null ? ":" + Partner : "");
}

/// <summary>A negotiating party and its objective.</summary>
/// <param name="Code">ISO3 code or a group of the dataset (e.g. <c>EU27</c>); a group's outcomes aggregate its members (<see cref="Scenarios.CountryAggregate"/>).</param>
/// <param name="Objective">Weighted utility terms.</param>
/// <param name="RiskAversion">Constant absolute risk aversion per utility unit (default 0: risk neutral); it shifts the Nash and
/// Kalai–Smorodinsky packages away from this party (see <see cref="RiskAttitude"/>).</param>
public sealed record Party(string Code, IReadOnlyList<ObjectiveTerm> Objective, double RiskAversion = 0);

/// <summary>A transfer modelled as a change in deficits (e.g. an investment pledge): <paramref name="From"/> finances
/// <paramref name="To"/>, so To's deficit rises and From's falls by the amount each year.</summary>
/// <param name="From">Payer: ISO3 code or group (a group pays in proportion to its members' baseline income or absorption).</param>
/// <param name="To">Recipient: ISO3 code or group (split across members the same way).</param>
/// <param name="UsdBillions">Annual amount, billions of USD (applied in the dataset's money without rescaling).</param>
public sealed record TransferChange(string From, string To, double UsdBillions);

/// <summary>One option of an issue: what it changes in the model.</summary>
/// <param name="Id">Option id.</param>
/// <param name="Label">Readable label.</param>
/// <param name="Tariffs">Tariff changes (levels) applied on top of the baseline.</param>
/// <param name="Transfers">Deficit changes.</param>
/// <param name="Assumption">The modelling assumption behind the option, stated in the file.</param>
/// <param name="Overlay">Tariff-schedule overlay (absolute path) applied to the baseline's statutory schedule, or null.</param>
public sealed record IssueOption(string Id, string Label, IReadOnlyList<TariffChange> Tariffs, IReadOnlyList<TransferChange> Transfers, string? Assumption,
    string? Overlay = null);

/// <summary>A negotiated issue; its first option is the status quo.</summary>
/// <param name="Id">Issue id.</param>
/// <param name="Label">Readable label.</param>
/// <param name="Options">Options (first = status quo).</param>
public sealed record Issue(string Id, string Label, IReadOnlyList<IssueOption> Options);

/// <summary>A party's stated position in a round: options for some or all issues.</summary>
/// <param name="Party">ISO3 of the party.</param>
/// <param name="Choices">Issue id → option id.</param>
public sealed record Position(string Party, IReadOnlyDictionary<string, string> Choices);

/// <summary>A negotiating round.</summary>
/// <param name="Label">Label (e.g. "4th ministerial").</param>
/// <param name="Date">Date.</param>
/// <param name="Place">Place.</param>
/// <param name="Participants">Participants.</param>
/// <param name="DurationMinutes">Duration, if known.</param>
/// <param name="Topics">Topics discussed.</param>
/// <param name="Positions">Stated positions.</param>
/// <param name="Source">Where the facts come from.</param>
public sealed record Round(string Label, DateOnly Date, string? Place, IReadOnlyList<string> Participants, int? DurationMinutes,
    IReadOnlyList<string> Topics, IReadOnlyList<Position> Positions, string? Source);

/// <summary>The no-deal outcome: changes applied to the baseline when talks fail.</summary>
/// <param name="Label">Readable label.</param>
/// <param name="Tariffs">Tariff changes.</param>
/// <param name="Transfers">Deficit changes.</param>
/// <param name="Overlay">Tariff-schedule overlay (absolute path) applied to the baseline's statutory schedule, or null.</param>
public sealed record Batna(string Label, IReadOnlyList<TariffChange> Tariffs, IReadOnlyList<TransferChange> Transfers, string? Overlay = null);

/// <summary>A negotiation to analyse (read from YAML by <see cref="NegotiationFile.Read"/>).</summary>
/// <param name="Name">Name.</param>
/// <param name="Description">Description.</param>
/// <param name="Baseline">The status quo as a scenario (model, dataset, tariffs in force).</param>
/// <param name="Parties">The two parties.</param>
/// <param name="Observers">Third countries or groups to report.</param>
/// <param name="Issues">Issues and options.</param>
/// <param name="Batna">No-deal outcome.</param>
/// <param name="Rounds">Recorded rounds.</param>
/// <param name="Deadline">Rounds available in the alternating-offers simulation.</param>
/// <param name="Assumptions">Assumptions stated in the file.</param>
/// <param name="SourceFile">File read.</param>
/// <param name="Uncertainty">The file's <c>uncertainty:</c> block (distributions, seed, draws), or null.</param>
public sealed record NegotiationSpec(string Name, string? Description, Scenario Baseline, IReadOnlyList<Party> Parties, IReadOnlyList<string> Observers,
    IReadOnlyList<Issue> Issues, Batna Batna, IReadOnlyList<Round> Rounds, int Deadline, IReadOnlyList<string> Assumptions, string SourceFile,
    Uncertainty.UncertaintySpec? Uncertainty = null)
{
    /// <summary>Number of packages (product of option counts; saturates at <see cref="long.MaxValue"/>).</summary>
    public long PackageCount => Issues.Aggregate(1L, (acc, i) => acc > long.MaxValue / Math.Max(1, i.Options.Count) ? long.MaxValue : acc * i.Options.Count);
}

/// <summary>Reads negotiation files (format: <c>docs/negotiation-file.md</c>; example <c>examples/us-japan-2025.yaml</c>).</summary>
public static class NegotiationFile
{
    private static readonly string[] Outcomes = ["welfare", "real_wage", "exports", "tariff_revenue", "trade_balance", "sector_output", "employment"];

    /// <summary>Reads and validates a negotiation file; errors name file, line and key.</summary>
    public static NegotiationSpec Read(string path) => Parse(YamlMap.Load(path), path);

    /// <summary>Reads negotiation YAML given as text (an upload); <paramref name="name"/> stands for the file in errors.</summary>
    public static NegotiationSpec ReadText(string yaml, string name) => Parse(YamlMap.Parse(yaml, name), name);

    private static NegotiationSpec Parse(YamlMap root, string path)
    {
        var name = root.RequiredString("name", "a negotiation name");
        var description = root.String("description");
        var baselineMap = root.Map("baseline") ?? throw root.Error("baseline", null, null, "a 'baseline:' mapping (model, dataset, tariffs in force) as in a scenario file");
        var baseline = ScenarioFile.Parse(baselineMap, path, name + " — baseline");
        var kind = baseline.Model;

        var parties = root.MapList("parties").Select(p =>
        {
            var code = p.RequiredString("code", "the party's ISO3 code or a group of the dataset (e.g. EU27)");
            var terms = p.MapList("objective").Select(t =>
            {
                var outcome = t.RequiredString("outcome", "an outcome: " + string.Join(", ", Outcomes));
                if (!Outcomes.Contains(outcome)) throw t.Error("outcome", null, outcome, "one of " + string.Join(", ", Outcomes));
                var weight = t.Number("weight", -1000, 1000) ?? throw t.Error("weight", null, null, "a number (utility units per percent)");
                var sector = t.String("sector");
                var partner = t.String("partner");
                if (outcome == "sector_output" && sector is null) throw t.Error("sector", null, null, "a sector code for sector_output");
                if (outcome == "sector_output" && kind == ModelKind.OneSector) throw t.Error("outcome", null, outcome, "an outcome of the one-sector model (it has no sectors)");
                if (outcome == "employment" && kind == ModelKind.MultiSector) throw t.Error("outcome", null, outcome, "an outcome of the multi-sector model (labour supply is fixed there)");
                if (outcome == "trade_balance" && partner is null) throw t.Error("partner", null, null, "a partner country or group for trade_balance");
                if (partner is not null && outcome is not ("trade_balance" or "exports"))
                    throw t.Error("partner", null, partner, "no partner: only trade_balance and exports take one (outcome is " + outcome + ")");
                if (sector is not null && outcome != "sector_output")
                    throw t.Error("sector", null, sector, "no sector: only sector_output takes one (outcome is " + outcome + ")");
                t.RejectUnknownKeys();
                return new ObjectiveTerm(outcome, weight, sector, partner);
            }).ToArray();
            if (terms.Length == 0) throw p.Error("objective", null, null, "at least one objective term");
            var risk = p.Number("risk_aversion", 0, 1000) ?? 0;
            p.RejectUnknownKeys();
            return new Party(code.ToUpperInvariant(), terms, risk);
        }).ToArray();
        if (parties.Length != 2) throw root.Error("parties", null, parties.Length.ToString(CultureInfo.InvariantCulture), "exactly two parties");

        var issues = root.MapList("issues").Select(i =>
        {
            var id = i.RequiredString("id", "an issue id");
            var options = i.MapList("options").Select(o =>
            {
                var oid = o.RequiredString("id", "an option id");
                var tariffs = ScenarioFile.ParseChanges(o, "tariffs", kind);
                var transfers = ParseTransfers(o);
                var assumption = o.String("assumption");
                var label = o.String("label") ?? oid;
                var overlay = ParseOverlay(o, baseline, path);
                o.RejectUnknownKeys();
                return new IssueOption(oid, label, tariffs, transfers, assumption, overlay);
            }).ToArray();
            if (options.Length < 2) throw i.Error("options", null, options.Length.ToString(CultureInfo.InvariantCulture), "at least two options (the first is the status quo)");
            if (options.Skip(1).Any(o => o.Tariffs.Count == 0 && o.Transfers.Count == 0 && o.Overlay is null))
                throw i.Error("options", null, options.Skip(1).First(o => o.Tariffs.Count == 0 && o.Transfers.Count == 0 && o.Overlay is null).Id,
                    "options after the first that map to model inputs (tariffs:, transfers: or overlay:)");
            var dup = options.GroupBy(o => o.Id).FirstOrDefault(g => g.Count() > 1);
            if (dup is not null) throw i.Error("options", null, dup.Key, "unique option ids");
            var label = i.String("label") ?? id;
            i.RejectUnknownKeys();
            return new Issue(id, label, options);
        }).ToArray();
        if (issues.Length == 0) throw root.Error("issues", null, null, "at least one issue");

        var b = root.Map("batna") ?? throw root.Error("batna", null, null, "a 'batna:' mapping: the no-deal outcome as tariff changes on the baseline");
        var batna = new Batna(b.String("label") ?? "no deal", ScenarioFile.ParseChanges(b, "tariffs", kind), ParseTransfers(b), ParseOverlay(b, baseline, path));
        b.RejectUnknownKeys();

        var rounds = root.MapList("rounds").Select(r =>
        {
            var label = r.RequiredString("label", "a round label");
            var dateText = r.RequiredString("date", "a date as YYYY-MM-DD");
            if (!DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                throw r.Error("date", null, dateText, "a date as YYYY-MM-DD");
            var duration = r.Number("duration_minutes", 0, 100000);
            var positions = new List<Position>();
            if (r.Map("positions") is { } pm)
                foreach (var party in parties.Select(x => x.Code))
                {
                    if (pm.Map(party) is not { } choices) continue;
                    var dict = new Dictionary<string, string>();
                    foreach (var issue in issues)
                    {
                        var choice = choices.String(issue.Id);
                        if (choice is null) continue;
                        if (issue.Options.All(o => o.Id != choice))
                            throw choices.Error(issue.Id, null, choice, "one of the options of issue '" + issue.Id + "': " + string.Join(", ", issue.Options.Select(o => o.Id)));
                        dict[issue.Id] = choice;
                    }
                    choices.RejectUnknownKeys();
                    positions.Add(new Position(party, dict));
                }
            r.Map("positions")?.RejectUnknownKeys(parties.Select(x => x.Code).ToArray());
            var round = new Round(label, date, r.String("place"), r.Codes("participants")?.Select(x => x.Value).ToArray() ?? [],
                duration is { } dm ? (int)dm : null, r.Codes("topics")?.Select(x => x.Value).ToArray() ?? [], positions, r.String("source"));
            r.RejectUnknownKeys();
            return round;
        }).ToArray();
        var deadline = (int)(root.Number("deadline_rounds", 1, 1000) ?? 12);
        var observers = root.Codes("observers")?.Select(x => x.Value.ToUpperInvariant()).ToArray() ?? [];
        var assumptions = root.Codes("assumptions")?.Select(x => x.Value).ToArray() ?? [];
        var uncertainty = root.Map("uncertainty") is { } um ? Uncertainty.UncertaintyFile.Parse(um, parties, kind) : null;
        root.RejectUnknownKeys();
        return new NegotiationSpec(name, description, baseline, parties, observers, issues, batna, rounds, deadline, assumptions, path, uncertainty);
    }

    /// <summary>An <c>overlay:</c> path (absolute) validated against the bundled schedule, or null when the key is absent.</summary>
    private static string? ParseOverlay(YamlMap o, Scenario baseline, string path)
    {
        if (o.String("overlay") is not { } overlayText) return null;
        if (baseline.FromSchedule is null)
            throw o.Error("overlay", null, overlayText, "a baseline whose tariffs come from the schedule ('baseline.tariffs.from-schedule') for an overlay");
        var overlay = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, overlayText));
        if (!File.Exists(overlay)) throw o.Error("overlay", null, overlayText, $"an overlay file relative to the negotiation file (looked for {overlay})");
        Tariffs.TariffOverlay.Read(overlay, Tariffs.TariffScheduleReader.Bundled); // validate now, with its own file and line errors
        return overlay;
    }

    private static IReadOnlyList<TransferChange> ParseTransfers(YamlMap map) => map.MapList("transfers").Select(t =>
    {
        var from = t.RequiredString("from", "the payer's ISO3 code or group");
        var to = t.RequiredString("to", "the recipient's ISO3 code or group");
        var amount = t.Number("usd_billions", -100000, 100000) ?? throw t.Error("usd_billions", null, null, "an annual amount in billions of USD");
        t.RejectUnknownKeys();
        return new TransferChange(from.ToUpperInvariant(), to.ToUpperInvariant(), amount);
    }).ToArray();
}
