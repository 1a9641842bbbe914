using System.Globalization;
using System.Text;
using System.Text.Json;
using Parley.Scenarios;

namespace Parley.Reports;

/// <summary>Renders a <see cref="ScenarioComparisonResult"/> as CSV (<c>scenario,country,statistic,value,unit</c>) or JSON.</summary>
public static class ComparisonReport
{
    /// <summary>The CSV header, exactly.</summary>
    public const string CsvHeader = "scenario,country,statistic,value,unit";

    /// <summary>CSV text: the header, then one row per scenario, country or group, and statistic (values round-trip).</summary>
    public static string Csv(ScenarioComparisonResult c)
    {
        var sb = new StringBuilder(CsvHeader).Append('\n');
        foreach (var r in c.Rows)
            sb.Append(Field(r.Scenario)).Append(',').Append(Field(r.Country)).Append(',').Append(r.Statistic).Append(',')
                .Append(r.Value.ToString("R", CultureInfo.InvariantCulture)).Append(',').Append(Field(r.Unit)).Append('\n');
        return sb.ToString();
    }

    /// <summary>JSON text: one object with <c>status_quo</c>, <c>scenarios</c> and <c>rows</c>.</summary>
    public static string Json(ScenarioComparisonResult c) => JsonSerializer.Serialize(new
    {
        status_quo = c.StatusQuo,
        status_quo_description = c.StatusQuoDescription,
        base_year = c.BaseYear,
        scenarios = c.Scenarios,
        statistics = ComparisonStatistics.Names,
        rows = c.Rows,
    }, ScenarioReport.Json);

    /// <summary>Files written by <see cref="Write"/>.</summary>
    public static readonly IReadOnlyList<string> Files = ["comparison.csv", "comparison.json", RunWorkbook.FileName, OutputDirectory.ManifestFile];

    /// <summary>Writes comparison.csv, comparison.json (and, by <see cref="OutputDirectory.Commit"/>, the workbook and manifest) and commits the run.</summary>
    public static string Write(ScenarioComparisonResult c, RunManifest manifest, OutputDirectory output)
    {
        output.WriteText("comparison.csv", Csv(c));
        output.WriteText("comparison.json", Json(c));
        return output.Commit(manifest);
    }

    private static string Field(string s) => s.IndexOfAny([',', '"', '\n']) >= 0 ? "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : s;
}
