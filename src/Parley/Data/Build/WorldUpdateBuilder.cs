// Builds data/world-2022: the WIOD 2011 world input–output structure (41 regions × 35 sectors) brought to 2022 with
// GRAS (Gras.cs) against the ADB MRIO country × sector aggregates of 2022 and the destination shares of the 2023 BACI
// goods trade bundled in data/world-2023 (docs/world-2022.md (W-3)–(W-7); decision 0034). Why an update and not a new
// table: no public 2022 MRIO with WIOD's 41 regions and input-by-input detail could be bundled; the ADB summary has
// output, inputs, value added and the domestic/export split by country and sector, and BACI has who buys whose goods.
// Steps, one GRAS problem each:
//  (W-3) domestic sales X[s][i][i] = ADB domestic sales (measured; RoW's include sales among its members, imputed);
//  (W-4) exporter i's goods exports by sector (ADB x − e) × destination (BACI share × i's goods exports) — GRAS on the
//        WIOD 2011 sector × destination block; services exports keep WIOD's destination pattern (rows only);
//  (W-5) importer r's use block [inputs 35×35 | five final-demand categories] to the new absorption by composite
//        (row sums) and ADB's intermediate inputs by using sector (column sums); final demand is free (the residual);
//  (W-6) the model inputs follow as in the WIOD build (negative flows to 0, placeholders, γ, α, deficits);
//  (W-7) every target is compared with what was built in update_residuals.csv.
using System.Globalization;
using Parley.Data.Build.Internals;
using Parley.Internals;

namespace Parley.Data.Build;

/// <summary>Where the world-2022 build reads from.</summary>
/// <param name="SourcesDir">data/sources/world-2022: wiod/ (WIOD 2011 long files), adb/ (ADB MRIO summary 2022), wto/ (MFN averages).</param>
/// <param name="Wiod2011Dir">data/wiod-2011 (region codes, sectors and trade elasticities are taken from it unchanged).</param>
/// <param name="World2023Dir">data/world-2023 (BACI 2023 bilateral goods trade).</param>
public sealed record WorldUpdateSources(string SourcesDir, string Wiod2011Dir, string World2023Dir)
{
    /// <summary>The bundled inputs under <paramref name="dataRoot"/> (the repository's data/ folder).</summary>
    public static WorldUpdateSources Bundled(string dataRoot) => new(Path.Combine(dataRoot, "sources", "world-2022"),
        Path.Combine(dataRoot, "wiod-2011"), Path.Combine(dataRoot, "world-2023"));
}

/// <summary>Builds <c>data/world-2022</c> (see the file header).</summary>
public static class WorldUpdateBuilder
{
    /// <summary>Line written into dataset.yaml naming the builder.</summary>
    public const string Marker = "built_by: parley data build-world-2022";

    /// <summary>The target year (the last year of the ADB summary).</summary>
    public const int Year = 2022;

    /// <summary>File beside the dataset with every target and what the build reached.</summary>
    public const string ResidualsFile = "update_residuals.csv";

    /// <summary>File beside the dataset with the MFN 2022 averages of the negotiated lines (rice, beef, autos, machinery) by WTO reporter.</summary>
    public const string NegotiationLinesFile = "negotiation_lines.csv";

    /// <summary>File beside the dataset with each WTO reporter's rate per WIOD sector and the MTN sub-groups averaged.</summary>
    public const string TariffSourcesFile = "tariff_sources.csv";

    /// <summary>What the build did (counts for the provenance file and the CLI).</summary>
    public sealed record BuildSummary(int Regions, int Sectors, int GrasBlocks, int GrasNotConverged, int InfeasibleLines,
        int NegativeFlowsZeroed, int Placeholders, int InputScaled, int FinalDemandClipped, double RowOutsideShare, int TariffCells);

    /// <summary>Builds the dataset into <paramref name="outDir"/> (the caller guards it, e.g. with OutputDirectory).</summary>
    public static BuildSummary Build(WorldUpdateSources src, string outDir, GrasOptions? gras = null)
    {
        var prior = WiodPrior.Read(Path.Combine(src.SourcesDir, "wiod"), src.Wiod2011Dir);
        var sectors = CsvTable.Read(Path.Combine(src.Wiod2011Dir, "sectors.csv"));
        int sc = sectors.Column("code"), sg = sectors.Column("goods");
        var goods = new bool[prior.J];
        foreach (var row in sectors.Rows)
        {
            var j = Array.IndexOf(prior.Sectors, sectors.Field(row, sc));
            if (j < 0) throw new ParleyInputException(sectors.File, row.LineNumber, "code", sectors.Field(row, sc), "a sector of wiot2011_labels.csv");
            goods[j] = sectors.Field(row, sg).Equals("TRUE", StringComparison.OrdinalIgnoreCase);
        }
        var targets = WorldTargets.Read(Path.Combine(src.SourcesDir, "adb"), src.World2023Dir, Year, prior.Iso3, prior.Sectors);
        var update = new WorldUpdate(prior, targets, goods, gras ?? new GrasOptions());
        update.Run();
        var (tariffs, rates) = PartnerTariffs.Read(Path.Combine(src.SourcesDir, "wto"), prior.Iso3, prior.Sectors);
        var model = ModelInputs.From(prior, update.Flows, update.Use);
        Directory.CreateDirectory(outDir);
        WriteDataset(outDir, src, prior, model, tariffs);
        CsvOutput.File(Path.Combine(outDir, TariffSourcesFile), ["reporter", "sector", "mfn_2022", "mtn_subgroups"],
            rates.Select(r => new[] { r.Reporter, r.Sector, CsvOutput.Number(r.Rate), r.Groups }));
        CsvOutput.File(Path.Combine(outDir, NegotiationLinesFile), ["reporter", "line", "mtn_subgroup", "mtn_name", "mfn_simple_average_pct", "mfn_trade_weighted_pct", "duty_free_share"],
            PartnerTariffs.Lines(Path.Combine(src.SourcesDir, "wto")).Select(l => new[] { l.Reporter, l.Line, l.Group, l.GroupName,
                CsvOutput.Number(l.SimpleAveragePct), CsvOutput.Number(l.TradeWeightedPct), CsvOutput.Number(l.DutyFreeShare) }));
        WriteResiduals(Path.Combine(outDir, ResidualsFile), prior, targets, update, model);
        return new BuildSummary(prior.N, prior.J, update.Blocks, update.NotConverged, update.Infeasible, model.NegativeFlows, model.Placeholders,
            model.InputScaled, model.FinalClipped, targets.RowOutsideShare, tariffs.Count);
    }

    private static void WriteDataset(string outDir, WorldUpdateSources src, WiodPrior prior, ModelInputs m, IReadOnlyList<PartnerTariffs.Cell> tariffs)
    {
        int n = prior.N, jn = prior.J;
        string F(double v) => CsvOutput.Number(v);
        foreach (var copied in new[] { "regions.csv", "sectors.csv", "trade_elasticity.csv", "country_groups.csv" })
        {
            var t = CsvTable.Read(Path.Combine(src.Wiod2011Dir, copied)); // same regions, sectors and θ as wiod-2011
            CsvOutput.File(Path.Combine(outDir, copied), t.Header, t.Rows.Select(r => r.Fields));
        }
        string Iso(int r) => prior.Iso3[r];
        CsvOutput.File(Path.Combine(outDir, "trade_flows.csv"), ["importer", "exporter", "sector", "value"],
            Cells(n, jn).Where(c => m.Flows[(c.j * n + c.i) * n + c.r] != 0)
                .Select(c => new[] { Iso(c.r), Iso(c.i), prior.Sectors[c.j], F(m.Flows[(c.j * n + c.i) * n + c.r]) }));
        CsvOutput.File(Path.Combine(outDir, "tariffs.csv"), ["importer", "exporter", "sector", PartnerTariffs.Column],
            tariffs.Select(t => new[] { t.Importer, t.Exporter, t.Sector, F(t.Rate) }));
        CsvOutput.File(Path.Combine(outDir, "value_added.csv"), ["region", "sector", "value_added", "gross_output", "va_share"],
            Enumerable.Range(0, n * jn).Select(k => new[] { Iso(k / jn), prior.Sectors[k % jn], F(m.VaShare[k] * m.Output[k]), F(m.Output[k]), F(m.VaShare[k]) }));
        CsvOutput.File(Path.Combine(outDir, "intermediate_inputs.csv"), ["region", "input_sector", "output_sector", "io_coefficient"],
            Enumerable.Range(0, n * jn * jn).Where(k => m.Io[k] != 0)
                .Select(k => new[] { Iso(k / (jn * jn)), prior.Sectors[k / jn % jn], prior.Sectors[k % jn], F(m.Io[k]) }));
        CsvOutput.File(Path.Combine(outDir, "final_demand.csv"), ["region", "sector", "final_demand", "alpha"],
            Enumerable.Range(0, n * jn).Select(k => new[] { Iso(k / jn), prior.Sectors[k % jn], F(m.Final[k]), F(m.Alpha[k]) }));
        CsvOutput.File(Path.Combine(outDir, "region_totals.csv"), ["region", "value_added", "deficit"],
            Enumerable.Range(0, n).Select(r => new[] { Iso(r), F(Enumerable.Range(0, jn).Sum(j => m.VaShare[r * jn + j] * m.Output[r * jn + j])), F(m.Deficits[r]) }));
        File.WriteAllText(Path.Combine(outDir, "dataset.yaml"), $"""
            # Parley multi-sector dataset manifest — generated; rebuild with `parley data build-world-2022` (do not edit by hand).
            {Marker}
            name: world-2022
            title: World input–output table 2022 (WIOD 2011 structure updated by GRAS) — 41 regions × 35 sectors
            vintage: "2022; WIOD 2013 release (2011) updated to ADB MRIO 2022 country × sector totals and BACI 2023 goods destinations; MFN 2022 from WTO"
            money_unit: USD millions
            files:
              regions: regions.csv
              sectors: sectors.csv
              trade_elasticity: trade_elasticity.csv
              trade_flows: trade_flows.csv
              tariffs: tariffs.csv
              value_added: value_added.csv
              intermediate_inputs: intermediate_inputs.csv
              final_demand: final_demand.csv
              region_totals: region_totals.csv
              country_groups: country_groups.csv
            base_tariffs: {PartnerTariffs.Column}
            notes: >-
              Same 41 regions and 35 WIOD sectors as wiod-2011 (cars in c15, semiconductors in c14, steel and aluminium in c12).
              Output, inputs, value added and exports by country and sector are ADB MRIO 2022; bilateral goods destinations
              are BACI 2023 shares; input mixes and services destinations are WIOD 2011's, scaled. Base tariffs: the 2022 MFN
              applied averages of Japan, the EU, China and India by sector (WTO), on every partner outside their customs
              union; other importers' tariffs and all preferences are not in the data; US tariffs come from the schedule.

            """.Replace("\r", ""));
    }

    private static void WriteResiduals(string path, WiodPrior prior, WorldTargets t, WorldUpdate u, ModelInputs m)
    {
        int n = prior.N, jn = prior.J;
        var rows = new List<string[]>();
        void Add(int r, string sector, string partner, string measure, double target, double built) =>
            rows.Add([prior.Iso3[r], sector, partner, measure, CsvOutput.Number(target), CsvOutput.Number(built), CsvOutput.Number(built - target),
                CsvOutput.Number(target != 0 ? (built - target) / Math.Abs(target) : built == 0 ? 0 : 1)]);
        for (var r = 0; r < n; r++)
            for (var j = 0; j < jn; j++)
            {
                var c = r * jn + j;
                double exports = 0, inputs = 0;
                for (var d = 0; d < n; d++) if (d != r) exports += m.Flows[(j * n + r) * n + d];
                for (var k = 0; k < jn; k++) inputs += m.Io[(r * jn + k) * jn + j] * m.Output[c];
                var s = prior.Sectors[j];
                Add(r, s, "", "gross_output", t.Output[c], m.Output[c]);
                Add(r, s, "", "domestic_sales", t.Domestic[c], m.Flows[(j * n + r) * n + r]);
                Add(r, s, "", "exports", t.Output[c] - t.Domestic[c], exports);
                Add(r, s, "", "intermediate_inputs", t.InputsPurchased[c], inputs);
                Add(r, s, "", "value_added", t.ValueAdded[c], m.VaShare[c] * m.Output[c]);
            }
        for (var i = 0; i < n; i++)
            for (var r = 0; r < n; r++)
            {
                if (i == r || u.GoodsPairTarget[i * n + r] == 0) continue;
                double built = 0;
                for (var j = 0; j < jn; j++) if (u.Goods[j]) built += m.Flows[(j * n + i) * n + r];
                Add(i, "goods", prior.Iso3[r], "goods_exports_to", u.GoodsPairTarget[i * n + r], built);
            }
        CsvOutput.File(path, ["region", "sector", "partner", "measure", "target_usd_millions", "built_usd_millions", "residual_usd_millions", "residual_relative"], rows);
    }

    private static IEnumerable<(int j, int i, int r)> Cells(int n, int jn)
    {
        for (var j = 0; j < jn; j++)
            for (var i = 0; i < n; i++)
                for (var r = 0; r < n; r++) yield return (j, i, r);
    }
}
