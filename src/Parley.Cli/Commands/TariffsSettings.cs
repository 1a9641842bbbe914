using System.ComponentModel;
using System.Globalization;
using Parley.Tariffs;
using Spectre.Console.Cli;

namespace Parley.Cli.Commands;

/// <summary>Options shared by the <c>parley tariffs</c> verbs.</summary>
internal class TariffsSettings : CommandSettings
{
    [CommandOption("--overlay <FILE>")]
    [Description("Offer overlay (YAML) applied to the statutory schedule (see examples/offers/).")]
    public string? Overlay { get; init; }

    [CommandOption("-f|--format <FORMAT>")]
    [Description("table (default) or json.")]
    [DefaultValue("table")]
    public string Format { get; init; } = "table";

    public bool Json => Format.Equals("json", StringComparison.OrdinalIgnoreCase)
        ? true
        : Format.Equals("table", StringComparison.OrdinalIgnoreCase) ? false
        : throw new ParleyInputException("(command line)", null, "--format", Format, "table or json");

    public TariffEngine Engine()
    {
        var schedule = TariffScheduleReader.Bundled;
        if (Overlay is not null) schedule = TariffOverlay.Read(Overlay, schedule).ApplyTo(schedule);
        return new TariffEngine(schedule);
    }

    public static DateOnly ParseDate(string? text, string field) =>
        text is not null && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? TariffEngine.CheckDate(d, field)
            : throw new ParleyInputException("(command line)", null, field, text, "a date as YYYY-MM-DD, e.g. 2025-05-01");

    /// <summary>Run manifest carried by every output of the tariff commands (JSON, the DuckDB <c>manifest</c> table).</summary>
    public static Dictionary<string, object> Manifest(TariffEngine engine, string command) => new()
    {
        ["parley"] = RunManifest.ParleyVersion,
        ["command"] = command,
        ["schedule"] = ScheduleName(engine),
        ["last_revision"] = engine.Schedule.LastRevision.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["overlays"] = engine.Schedule.Overlays,
        ["created_utc"] = RunManifest.Now,
    };

    /// <summary>The schedule's source for manifests: "bundled data/us-tariffs …" or the user's path.</summary>
    public static string ScheduleName(TariffEngine engine) =>
        engine.Schedule.Source.StartsWith(Parley.Data.BundledData.Root, StringComparison.Ordinal)
            ? "bundled data/" + Path.GetRelativePath(Parley.Data.BundledData.Root, engine.Schedule.Source) + " (see its PROVENANCE.md)"
            : engine.Schedule.Source;
}
