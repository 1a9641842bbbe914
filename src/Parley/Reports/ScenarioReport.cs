using System.Globalization;
using System.Text.Json.Serialization;
using System.Text.Json;
using Parley.Internals;
using Parley.Scenarios;
using nietras.SeparatedValues;

namespace Parley.Reports;

/// <summary>Writes a solved scenario as CSV, JSON, a run manifest and a self-contained HTML report.</summary>
public static class ScenarioReport
{
    /// <summary>Files written for every scenario.</summary>
    public static readonly IReadOnlyList<string> CommonFiles = ["summary.csv", "result.json", "report.html", RunWorkbook.FileName, OutputDirectory.ManifestFile];

    /// <summary>File of the change from the status quo (written when the result has a status-quo view).</summary>
    public const string StatusQuoFile = "status_quo.csv";

    /// <summary>File of the importers' imports by partner in the status quo and the scenario (written with <see cref="StatusQuoFile"/>).</summary>
    public const string PartnersFile = "status_quo_partners.csv";

    /// <summary>Header of status_quo_partners.csv.</summary>
    public static readonly IReadOnlyList<string> PartnerColumns =
        ["importer", "exporter", "exporter_name", "imports_status_quo_usd_billions", "imports_usd_billions", "change_usd_billions", "change_pct"];

    /// <summary>Every file name <see cref="Write(ScenarioResult, string)"/> may produce (one-sector: countries.csv; multi-sector: the other four).</summary>
    public static readonly IReadOnlyList<string> AllFiles = [.. CommonFiles, StatusQuoFile, PartnersFile, "countries.csv", "regions.csv", "sectors.csv", "bilateral.csv", "decomposition.csv"];

    /// <summary>Files written for a given result.</summary>
    public static IReadOnlyList<string> FilesFor(ScenarioResult r) =>
    [
        .. r.MultiSector is null ? ["countries.csv"] : new[] { "regions.csv", "sectors.csv", "bilateral.csv", "decomposition.csv" },
        .. r.StatusQuo is null ? [] : new[] { StatusQuoFile, PartnersFile },
        .. CommonFiles,
    ];

    /// <summary>Header of status_quo.csv: the change from the status quo per report label (docs/models/status-quo.md).</summary>
    public static readonly IReadOnlyList<string> StatusQuoColumns =
    [
        "label", "name", "members", "welfare_pct", "welfare_usd_billions", "real_wage_pct", "employment_pct", "exports_pct", "imports_pct",
        "tariff_revenue_usd_billions", "deficit_usd_billions", "consumer_prices_pct",
    ];

    /// <summary>JSON options shared by every Parley JSON output (snake_case, indented, nulls kept).</summary>
    public static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    /// <summary>Writes all outputs into <paramref name="directory"/> (see <see cref="OutputDirectory"/>); returns the full path.</summary>
    public static string Write(ScenarioResult result, string directory)
    {
        using var output = OutputDirectory.Open(directory);
        return Write(result, output);
    }

    /// <summary>Writes all outputs into an opened run and commits it; returns the target's full path.</summary>
    public static string Write(ScenarioResult result, OutputDirectory output)
    {
        WriteSummary(result, output.PathOf("summary.csv"));
        if (result.StatusQuo is { } view)
        {
            WriteStatusQuo(view, output.PathOf(StatusQuoFile));
            WritePartners(Internals.TradeDiversion.Rows(result), output.PathOf(PartnersFile));
        }
        if (result.MultiSector is { } ms && result.MultiSectorData is { } data) MultiSectorTables.Write(ms, data, output.Staging);
        else WriteCountries(result, output.PathOf("countries.csv"));
        output.WriteText("result.json", ResultJson(result));
        output.WriteText("report.html", HtmlReport.Render(result));
        return output.Commit(result.Manifest);
    }

    /// <summary>The text of result.json: the one JSON rendering of a solved scenario (the CLI's <c>--out</c> and the web API's answer).</summary>
    public static string ResultJson(ScenarioResult result)
    {
        object details = result.MultiSector is { } ms && result.MultiSectorData is { } data
            ? new { regions = ms.Regions, money_unit = data.MoneyUnit, data_note = data.Notes }
            : new { countries = result.Result.Countries, world = result.Result.World };
        return JsonSerializer.Serialize(new
        {
            scenario = result.Scenario.Name,
            description = result.Scenario.Description,
            model = result.Manifest.Model,
            units = Units,
            summary = result.Rows,
            status_quo = result.StatusQuo, // rows: change from the status quo; versus_calibration: from the tariff-free calibration
            tariff_changes = result.TariffChanges, // multi-sector: the sectors each change touched (no 'sector:' = goods only)
            details,
            diagnostics = result.Diagnostics,
        }, Json);
    }

    /// <summary>Unit notes carried into JSON outputs.</summary>
    public static readonly IReadOnlyDictionary<string, string> Units = new Dictionary<string, string>
    {
        ["welfare, employment, prices, real_wage, exports_to_gdp, imports_to_gdp"] = "percent change from the factual equilibrium",
        ["deficit"] = "percent change of the trade deficit (imports − exports), relative to |factual deficit|",
        ["tariff_revenue"] = "thousands of USD (countries); millions of USD (summary rows)",
        ["tariff_revenue_share"] = "fraction of factual absorption",
    };

    internal static string F(double? v) => CsvOutput.Number(v);

    private static readonly string[] StatisticColumns =
        ["welfare_pct", "deficit_pct", "exports_to_gdp_pct", "imports_to_gdp_pct", "employment_pct", "prices_pct", "real_wage_pct"];

    /// <summary>Header of countries.csv.</summary>
    public static readonly IReadOnlyList<string> CountryColumns =
        ["iso3", "name", .. StatisticColumns, "tariff_revenue_usd_thousands", "tariff_revenue_share_of_absorption"];

    /// <summary>Header of summary.csv.</summary>
    public static readonly IReadOnlyList<string> SummaryColumns =
    [
        "label", "name", "members", .. StatisticColumns, "tariff_revenue_usd_millions", "exports_pct", "imports_pct",
        "welfare_cp_first_order_pct", "terms_of_trade_pct", "volume_of_trade_pct",
    ];

    private static void WriteCountries(ScenarioResult r, string path)
    {
        using var writer = CsvOutput.ToFile(path, CountryColumns);
        foreach (var c in r.Result.Countries)
        {
            using var row = writer.NewRow();
            row["iso3"].Set(c.Iso3);
            row["name"].Set(c.Name);
            Statistics(row, c.Welfare, c.Deficit, c.ExportsToGdp, c.ImportsToGdp, c.Employment, c.Prices, c.RealWage);
            row["tariff_revenue_usd_thousands"].Set(F(c.TariffRevenue));
            row["tariff_revenue_share_of_absorption"].Set(F(c.TariffRevenueShare));
        }
    }

    private static void Statistics(SepWriter.Row row, double welfare, double? deficit, double? exports, double? imports,
        double? employment, double prices, double realWage)
    {
        row["welfare_pct"].Set(F(welfare));
        row["deficit_pct"].Set(F(deficit));
        row["exports_to_gdp_pct"].Set(F(exports));
        row["imports_to_gdp_pct"].Set(F(imports));
        row["employment_pct"].Set(F(employment));
        row["prices_pct"].Set(F(prices));
        row["real_wage_pct"].Set(F(realWage));
    }

    private static void WriteStatusQuo(StatusQuoView view, string path)
    {
        using var writer = CsvOutput.ToFile(path, StatusQuoColumns);
        foreach (var c in view.Rows)
        {
            using var row = writer.NewRow();
            row["label"].Set(c.Label);
            row["name"].Set(c.Name);
            row["members"].Set(c.Members.ToString(CultureInfo.InvariantCulture));
            row["welfare_pct"].Set(F(c.Welfare));
            row["welfare_usd_billions"].Set(F(c.WelfareUsdBillions));
            row["real_wage_pct"].Set(F(c.RealWage));
            row["employment_pct"].Set(F(c.Employment));
            row["exports_pct"].Set(F(c.Exports));
            row["imports_pct"].Set(F(c.Imports));
            row["tariff_revenue_usd_billions"].Set(F(c.TariffRevenueUsdBillions));
            row["deficit_usd_billions"].Set(F(c.DeficitUsdBillions));
            row["consumer_prices_pct"].Set(F(c.ConsumerPrices));
        }
    }

    private static void WritePartners(IReadOnlyList<Internals.PartnerImports> rows, string path)
    {
        using var writer = CsvOutput.ToFile(path, PartnerColumns);
        foreach (var p in rows)
        {
            using var row = writer.NewRow();
            row["importer"].Set(p.Importer);
            row["exporter"].Set(p.Exporter);
            row["exporter_name"].Set(p.ExporterName);
            row["imports_status_quo_usd_billions"].Set(F(p.StatusQuoUsdBillions));
            row["imports_usd_billions"].Set(F(p.ScenarioUsdBillions));
            row["change_usd_billions"].Set(F(p.ChangeUsdBillions));
            row["change_pct"].Set(F(p.ChangePct));
        }
    }

    private static void WriteSummary(ScenarioResult r, string path)
    {
        using var writer = CsvOutput.ToFile(path, SummaryColumns);
        foreach (var c in r.Rows)
        {
            using var row = writer.NewRow();
            row["label"].Set(c.Label);
            row["name"].Set(c.Name);
            row["members"].Set(c.Members.ToString(CultureInfo.InvariantCulture));
            Statistics(row, c.Welfare, c.Deficit, c.ExportsToGdp, c.ImportsToGdp, c.Employment, c.Prices, c.RealWage);
            row["tariff_revenue_usd_millions"].Set(F(c.TariffRevenueUsdMillions));
            row["exports_pct"].Set(F(c.Exports));
            row["imports_pct"].Set(F(c.Imports));
            row["welfare_cp_first_order_pct"].Set(F(c.WelfareFirstOrder));
            row["terms_of_trade_pct"].Set(F(c.TermsOfTrade));
            row["volume_of_trade_pct"].Set(F(c.VolumeOfTrade));
        }
    }
}
