// Why: an input–output table comes as one long list of cells — who sold what to whom, and for which use (a using
// sector, or final demand). Caliendo–Parro's model needs ratios of it (docs/models/multi-sector.md): value-added and
// input shares by region and sector, final-demand shares, deficits. Deriving them here, once, from the accounting
// identities means the user never types a share that does not add up:
//   gross output Y_i^j      = Σ_n Σ_use flow(i→n, j, use)                      (sales, net of tariffs)
//   input cost  M_n^{k,j}   = Σ_i flow(i→n, k, use j) · (1 + τ_ni^k)           (tariffs paid by the buyer)
//   value added VA_n^j      = Y_n^j − Σ_k M_n^{k,j};  γ_n^j = VA/Y, γ_n^{k,j} = M/Y
//   final shares α_n^j      = Σ_i flow(i→n, j, final)(1 + τ) / Σ_j (same)
//   deficit D_n             = imports − exports (net of tariffs; they sum to zero by construction)
// so that income VA + tariff revenue + D equals final spending exactly. Value added or deficits the user gives are
// checked against these (an unbalanced table is an error naming the cell). Format: docs/data-import.md.
using System.Globalization;
using Parley.Data.Import.Internals;
using Parley.Internals;

namespace Parley.Data.Import;

/// <summary>The source files of a multi-sector import.</summary>
/// <param name="Table"><c>exporter,importer,sector,use,value</c>: use is a sector code (intermediate use by that sector
/// of the importer) or <c>final</c>; optional <c>unit</c> column.</param>
/// <param name="Sectors"><c>code,name,theta</c> (optional <c>tradable</c> TRUE/FALSE).</param>
/// <param name="Regions">Optional <c>iso3,name</c>; without it the regions are the codes of the table in order of appearance.</param>
/// <param name="Tariffs">Optional <c>importer,exporter,sector,tariff</c> in force in the data year (fraction or "15%").</param>
/// <param name="Groups">Optional <c>group,iso3</c>.</param>
/// <param name="ValueAdded">Optional <c>region,sector,value_added</c> (optional <c>unit</c>), checked against the table.</param>
/// <param name="Deficits">Optional <c>region,deficit</c> (imports − exports; optional <c>unit</c>), checked against the table.</param>
/// <param name="Unit">Money unit of every file without a <c>unit</c> column (checked against those that have one).</param>
public sealed record MultiSectorImportFiles(string Table, string Sectors, string? Regions = null, string? Tariffs = null,
    string? Groups = null, string? ValueAdded = null, string? Deficits = null, MoneyUnit? Unit = null);

/// <summary>Turns a long input–output table into a folder that <see cref="MultiSectorDatasetReader.Read"/> reads.</summary>
public static class MultiSectorImport
{
    /// <summary>The <c>use</c> value of final demand.</summary>
    public const string FinalUse = "final";

    /// <summary>Name of the tariff column written (the dataset's base tariff set).</summary>
    public const string TariffSet = "applied";

    /// <summary>Money unit of the written dataset.</summary>
    public static readonly MoneyUnit OutputUnit = MoneyUnit.Millions;

    /// <summary>Reads and validates <paramref name="files"/> and writes the dataset into <paramref name="outDir"/>
    /// (an existing folder the caller guards, e.g. an OutputDirectory staging folder).</summary>
    public static ImportSummary Write(MultiSectorImportFiles files, string outDir, ImportOptions? options = null)
    {
        options ??= new ImportOptions();
        var sectors = IoTable.ReadSectors(files.Sectors);
        var (codes, names) = files.Regions is null ? IoTable.RegionsOfTable(files.Table) : IoTable.ReadRegions(files.Regions);
        var table = new IoTable(codes, sectors);
        if (files.Tariffs is not null) table.ReadTariffs(files.Tariffs);
        table.ReadCells(files.Table, files.Unit);
        var derived = table.Derive(files.Table);
        if (files.ValueAdded is not null) table.CheckValueAdded(files.ValueAdded, files.Unit, derived, options.BalanceTolerance);
        if (files.Deficits is not null) table.CheckDeficits(files.Deficits, files.Unit, derived, options.BalanceTolerance);
        var groups = files.Groups is null ? null : ImportFields.Groups(files.Groups, codes);

        var name = options.Name ?? Path.GetFileName(Path.GetFullPath(outDir).TrimEnd(Path.DirectorySeparatorChar));
        WriteManifest(outDir, name, files, groups is not null);
        table.WriteFiles(outDir, names, derived);
        if (groups is not null) ImportFields.WriteGroups(Path.Combine(outDir, "country_groups.csv"), groups);

        var sources = new List<ImportSource> { OneSectorImport.Source("table", files.Table), OneSectorImport.Source("sectors", files.Sectors) };
        foreach (var (role, path) in new[] { ("regions", files.Regions), ("tariffs", files.Tariffs), ("groups", files.Groups),
                     ("value_added", files.ValueAdded), ("deficits", files.Deficits) })
            if (path is not null) sources.Add(OneSectorImport.Source(role, path));
        return new ImportSummary("multi-sector", codes, sectors.Count, sources, new Dictionary<string, string>
        {
            ["regions"] = CsvOutput.Number(codes.Count),
            ["sectors"] = CsvOutput.Number(sectors.Count),
            ["cells"] = CsvOutput.Number(table.CellCount),
            ["world_gross_output_usd_billions"] = OneSectorImport.Billions(derived.GrossOutput.Sum() * OutputUnit.Usd),
            ["world_value_added_usd_billions"] = OneSectorImport.Billions(derived.ValueAdded.Sum() * OutputUnit.Usd),
            ["value_added"] = files.ValueAdded is null ? "derived" : "given and checked",
            ["deficits"] = files.Deficits is null ? "derived" : "given and checked",
        });
    }

    private static void WriteManifest(string outDir, string name, MultiSectorImportFiles files, bool groups)
    {
        static string Quote(string s) => "\"" + s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
        var lines = new List<string>
        {
            "# Parley multi-sector dataset manifest, written by `parley data import --kind multi-sector` (docs/data-import.md).",
            "# Sources and their SHA-256 are in manifest.json; edit the inputs and import again rather than these files.",
            "name: " + Quote(name),
            "title: " + Quote($"{name}: imported from {Path.GetFileName(files.Table)}"),
            "vintage: " + Quote($"user table {Path.GetFileName(files.Table)} (parley data import)"),
            "money_unit: " + OutputUnit.Name,
            "files:",
            "  regions: regions.csv", "  sectors: sectors.csv", "  trade_elasticity: trade_elasticity.csv",
            "  trade_flows: trade_flows.csv", "  tariffs: tariffs.csv", "  value_added: value_added.csv",
            "  intermediate_inputs: intermediate_inputs.csv", "  final_demand: final_demand.csv", "  region_totals: region_totals.csv",
        };
        if (groups) lines.Add("  country_groups: country_groups.csv");
        lines.Add("base_tariffs: " + TariffSet);
        lines.Add("notes: " + Quote("Value added, input shares, final-demand shares and deficits derived from the table's accounting identities"
                                   + (files.Tariffs is null ? "; no tariffs in the data year." : "; tariffs as given.")));
        File.WriteAllLines(Path.Combine(outDir, "dataset.yaml"), lines);
    }

    internal static string Format(double v) => v.ToString("G6", CultureInfo.InvariantCulture);
}
