// A scenario as a web form holds it (model, dataset, status-quo date, a list of tariff changes), written out as the
// scenario YAML that `parley simulate` reads. The form is never solved directly: its YAML is parsed back through
// ScenarioFile like any file, so the form and the CLI share one validator and every error names the YAML field.
using System.Globalization;
using System.Text;

namespace Parley.Application;

/// <summary>One row of the tariff-change form: importer(s), exporter(s) or group, optional sector(s), and the new tariff level.</summary>
/// <param name="Importer">Importer code(s) or group, comma-separated (e.g. <c>USA</c>).</param>
/// <param name="Exporter">Exporter code(s) or group, comma-separated (e.g. <c>JPN</c> or <c>EU27</c>).</param>
/// <param name="Sectors">Multi-sector only: sector code(s), comma-separated; empty = all goods sectors.</param>
/// <param name="Rate">The tariff level as a fraction (<c>0.15</c>) or a percent string (<c>15%</c>).</param>
public sealed record TariffChangeDraft(string Importer, string Exporter, string? Sectors, string Rate);

/// <summary>A scenario assembled from form fields.</summary>
/// <param name="Name">Scenario name.</param>
/// <param name="Model"><c>one-sector</c> or <c>multi-sector</c>.</param>
/// <param name="Dataset">Bundled dataset name (<c>world-2023</c>, <c>wiod-2011</c>, …).</param>
/// <param name="StatusQuoDate">Date of the US schedule in force that is both the tariffs the changes apply to and the status quo (YYYY-MM-DD); empty = the model's data tariffs.</param>
/// <param name="Changes">Tariff changes, applied in order.</param>
/// <param name="Report">Report labels (parties and observers), comma-separated; empty = <see cref="Parley.Scenarios.Scenario.DefaultReport"/>.</param>
public sealed record ScenarioDraft(string Name, string Model, string Dataset, string? StatusQuoDate, IReadOnlyList<TariffChangeDraft> Changes, string? Report = null)
{
    /// <summary>Largest number of change rows a form may carry.</summary>
    public const int MaxChanges = 50;

    /// <summary>The scenario YAML (every user value double-quoted and escaped, one change per line).</summary>
    public string ToYaml() => Write().Yaml;

    /// <summary>The 1-based YAML line of each change row (an input error on that line belongs to that row).</summary>
    public IReadOnlyList<int> ChangeLines() => Write().Lines;

    /// <summary>Parses the draft's YAML as scenario file <paramref name="name"/>; errors name that file, the line and the field.</summary>
    public Parley.Scenarios.Scenario ToScenario(string name = "scenario.yaml")
    {
        if (Changes.Count > MaxChanges)
            throw new ParleyInputException(name, null, "tariffs.changes", Changes.Count.ToString(CultureInfo.InvariantCulture), $"at most {MaxChanges} tariff changes");
        return ScenarioRunner.LoadText(ToYaml(), name);
    }

    private (string Yaml, int[] Lines) Write()
    {
        var lines = new List<string> { "name: " + Q(Name.Trim().Length == 0 ? "Web scenario" : Name.Trim()) };
        var multi = Model.Trim() == "multi-sector";
        lines.Add("model: { type: " + Q(Model.Trim()) + " }");
        lines.Add("dataset: " + Q(Dataset.Trim()));
        var date = StatusQuoDate?.Trim();
        if (date is { Length: > 0 }) lines.Add("date: " + Q(date));
        lines.Add("tariffs:");
        lines.Add("  base: " + (multi ? "data" : "zero"));
        if (date is { Length: > 0 }) lines.Add("  from-schedule: { date: " + Q(date) + " }");
        var at = new int[Changes.Count];
        if (Changes.Count == 0) lines.Add("  changes: []");
        else lines.Add("  changes:");
        for (var k = 0; k < Changes.Count; k++)
        {
            var c = Changes[k];
            var sector = c.Sectors is { } s && s.Trim().Length > 0 ? ", sector: " + List(s) : "";
            lines.Add($"    - {{ importer: {List(c.Importer)}, exporter: {List(c.Exporter)}{sector}, rate: {Q(c.Rate.Trim())} }}");
            at[k] = lines.Count;
        }
        var report = Report is { } r && r.Trim().Length > 0 ? List(r) : "[" + string.Join(", ", Parley.Scenarios.Scenario.DefaultReport.Select(Q)) + "]";
        lines.Add("report: " + (report.StartsWith('[') ? report : "[" + report + "]"));
        return (string.Join('\n', lines) + "\n", at);
    }

    /// <summary>A comma-separated form value as a YAML flow list of quoted scalars (one value stays a scalar).</summary>
    private static string List(string text)
    {
        var items = text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        return items.Length == 1 ? Q(items[0]) : "[" + string.Join(", ", items.Select(Q)) + "]";
    }

    /// <summary>A YAML double-quoted scalar: backslash, quote and control characters escaped, so form text cannot change the document's structure.</summary>
    internal static string Q(string value)
    {
        var sb = new StringBuilder("\"");
        foreach (var ch in value)
            sb.Append(ch switch
            {
                '\\' => "\\\\",
                '"' => "\\\"",
                _ when char.IsControl(ch) => $"\\u{(int)ch:x4}",
                _ => ch.ToString(),
            });
        return sb.Append('"').ToString();
    }
}
