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
    [Description("table (default), csv (rates as fractions, money in USD) or json.")]
    [DefaultValue("table")]
    public string Format { get; init; } = "table";

    [CommandOption("--wide")]
    [Description("Print every table column even when the table is wider than the terminal.")]
    public bool Wide { get; init; }

    /// <summary>The output format: table, csv or json (anything else is an input error).</summary>
    public string Output => Format.Trim().ToLowerInvariant() is var f && f is "table" or "csv" or "json"
        ? f
        : throw new ParleyInputException("(command line)", null, "--format", Format, "table, csv or json");

    /// <summary>True for <c>--format json</c>.</summary>
    public bool Json => Output == "json";

    /// <summary>True for <c>--format csv</c>.</summary>
    public bool Csv => Output == "csv";

    /// <summary>The HS description of a code (6, else 4, else 2 digits), or empty.</summary>
    public static string Describe(string code) => Parley.Application.TariffQueries.Describe(code);

    /// <summary>A description shortened for a terminal table (CSV and JSON carry it whole).</summary>
    public static string Short(string text, int max = 60)
    {
        if (text.Length <= max) return text;
        var cut = text.LastIndexOf(' ', max - 1);
        return text[..(cut > max / 2 ? cut : max - 1)].TrimEnd(' ', ',', ';') + "…";
    }

    /// <summary>A partner as a table shows it: its short name and ISO3 code, e.g. "South Korea (KOR)" (never the Census code).</summary>
    public static string PartnerName(Partner p)
    {
        var open = p.Name.IndexOf(" (", StringComparison.Ordinal);
        var name = open > 0 ? p.Name[..open] : p.Name;
        var code = p.Iso3.Length > 0 ? p.Iso3 : p.Iso2;
        return code.Length > 0 ? $"{name} ({code})" : name;
    }

    /// <summary>A share or rate (a fraction) as a percent with no space before the sign, e.g. "74.6%".</summary>
    public static string Percent(double fraction, int decimals = 1) => (100 * fraction).ToString("F" + decimals, CultureInfo.InvariantCulture) + "%";

    public TariffEngine Engine()
    {
        var schedule = TariffScheduleReader.Bundled;
        if (Overlay is not null) schedule = TariffOverlay.Read(Overlay, schedule).ApplyTo(schedule);
        return new TariffEngine(schedule);
    }

    public static DateOnly ParseDate(string? text, string field) => Parley.Application.TariffQueries.ParseDate(text, field);

    /// <summary>Run manifest carried by every output of the tariff commands (see <see cref="Parley.Application.TariffQueries.Manifest"/>).</summary>
    public static Dictionary<string, object> Manifest(TariffEngine engine, string command) => Parley.Application.TariffQueries.Manifest(engine, command);

    /// <summary>The schedule's source for manifests.</summary>
    public static string ScheduleName(TariffEngine engine) => Parley.Application.TariffQueries.ScheduleName(engine);
}
