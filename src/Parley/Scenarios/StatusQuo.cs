// What a scenario is measured against. An analyst asks "what does this offer change compared with what is in force
// today?", so every result is reported as the change from a status quo (docs/models/status-quo.md): tariff-free, the
// data's own tariffs, the tariffs in force on a date (the US statutory schedule plus the partners' tariffs the data
// holds), or another scenario's counterfactual tariffs.
using System.Globalization;
using Parley.Internals;

namespace Parley.Scenarios;

/// <summary>Kinds of status quo.</summary>
public enum StatusQuoKind
{
    /// <summary>No tariffs anywhere.</summary>
    TariffFree,

    /// <summary>The dataset's own tariffs: none for the one-sector world data, the base tariff set of a multi-sector dataset.</summary>
    Data,

    /// <summary>US import tariffs of the statutory schedule in force on <see cref="StatusQuo.Date"/>, on top of the data's tariffs.</summary>
    Schedule,

    /// <summary>The counterfactual tariffs of another scenario file.</summary>
    Scenario,
}

/// <summary>What a scenario's results are compared with.</summary>
/// <param name="Kind">Kind.</param>
/// <param name="Date">Schedule date (<see cref="StatusQuoKind.Schedule"/>).</param>
/// <param name="ScenarioFile">Absolute path of the other scenario (<see cref="StatusQuoKind.Scenario"/>).</param>
public sealed record StatusQuo(StatusQuoKind Kind, DateOnly? Date = null, string? ScenarioFile = null)
{
    /// <summary>No tariffs anywhere.</summary>
    public static readonly StatusQuo TariffFree = new(StatusQuoKind.TariffFree);

    /// <summary>The data's own tariffs.</summary>
    public static readonly StatusQuo DataTariffs = new(StatusQuoKind.Data);

    /// <summary>Short machine label: <c>tariff-free</c>, <c>data</c>, <c>schedule:YYYY-MM-DD</c>, <c>scenario:FILE</c>.</summary>
    public string Label => Kind switch
    {
        StatusQuoKind.TariffFree => "tariff-free",
        StatusQuoKind.Data => "data",
        StatusQuoKind.Schedule => $"schedule:{Date:yyyy-MM-dd}",
        _ => "scenario:" + Path.GetFileName(ScenarioFile),
    };

    /// <summary>
    /// Parses a command-line or YAML scalar: <c>tariff-free</c>, <c>data</c>, a date <c>YYYY-MM-DD</c> (the schedule then in
    /// force), or a scenario file (relative to <paramref name="baseDirectory"/>).
    /// </summary>
    public static StatusQuo Parse(string text, string file, int? line, string field, string baseDirectory)
    {
        var t = text.Trim();
        if (t.Equals("tariff-free", StringComparison.OrdinalIgnoreCase)) return TariffFree;
        if (t.Equals("data", StringComparison.OrdinalIgnoreCase)) return DataTariffs;
        if (DateOnly.TryParseExact(t, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            return new StatusQuo(StatusQuoKind.Schedule, Tariffs.TariffEngine.CheckDate(date, field));
        if (t.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || t.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
        {
            var path = Path.GetFullPath(Path.Combine(baseDirectory, t));
            if (!File.Exists(path)) throw new ParleyInputException(file, line, field, text, $"an existing scenario file (looked for {path})");
            return new StatusQuo(StatusQuoKind.Scenario, ScenarioFile: path);
        }
        throw new ParleyInputException(file, line, field, text, "tariff-free, data, a date as YYYY-MM-DD (the schedule in force that day) or a scenario .yaml file");
    }
}

/// <summary>Reads the <c>status_quo:</c> and <c>date:</c> keys of a scenario file.</summary>
internal static class StatusQuoFile
{
    /// <summary>
    /// <c>status_quo: tariff-free</c> | <c>data</c> | <c>{ schedule: 2025-05-30 }</c> | <c>{ scenario: other.yaml }</c>;
    /// <c>date: 2025-08-07</c>. Both optional.
    /// </summary>
    internal static (StatusQuo? StatusQuo, DateOnly? Date) Read(YamlMap root, string path)
    {
        var dir = Path.GetDirectoryName(Path.GetFullPath(path))!;
        DateOnly? date = null;
        if (root.String("date") is { } dateText)
            date = DateOnly.TryParseExact(dateText.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
                ? d : throw root.Error("date", null, dateText, "a date as YYYY-MM-DD, e.g. 'date: 2025-08-07'");
        if (!root.Has("status_quo")) return (null, date);
        if (root.HasMap("status_quo"))
        {
            var m = root.Map("status_quo")!;
            StatusQuo? sq = null;
            if (m.String("schedule") is { } s)
                sq = DateOnly.TryParseExact(s.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var sd)
                    ? new StatusQuo(StatusQuoKind.Schedule, Tariffs.TariffEngine.CheckDate(sd, "status_quo.schedule"))
                    : throw m.Error("schedule", null, s, "a date as YYYY-MM-DD, e.g. 'schedule: 2025-05-30'");
            if (m.String("scenario") is { } f)
            {
                if (sq is not null) throw m.Error("scenario", null, f, "either 'schedule:' or 'scenario:', not both");
                sq = StatusQuo.Parse(f.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".yml", StringComparison.OrdinalIgnoreCase) ? f : f + " (not .yaml)",
                    path, m.Line, "status_quo.scenario", dir);
            }
            m.RejectUnknownKeys();
            return (sq ?? throw root.Error("status_quo", null, null, "'{ schedule: YYYY-MM-DD }' or '{ scenario: other.yaml }'"), date);
        }
        var text = root.String("status_quo")!;
        if (!text.Trim().Equals("tariff-free", StringComparison.OrdinalIgnoreCase) && !text.Trim().Equals("data", StringComparison.OrdinalIgnoreCase))
            throw root.Error("status_quo", null, text, "tariff-free, data, '{ schedule: YYYY-MM-DD }' or '{ scenario: other.yaml }'");
        return (StatusQuo.Parse(text, path, root.Line, "status_quo", dir), date);
    }
}
