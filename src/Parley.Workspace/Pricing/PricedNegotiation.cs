// A negotiation priced once by the model (Application.NegotiationRunner, the code path `parley negotiate` uses): every
// package's public outcomes (welfare, trade, tariff revenue, sector output of parties and observers; tariffs from the
// options). The workspace stores this snapshot; utilities come later from each delegation's private weights, so the
// file's own objective weights are never stored or shown (decision 0026).
using System.Globalization;
using Parley.Application;

namespace Parley.Workspace.Pricing;

/// <summary>A tariff change an option makes: importer levies the rate on the exporter (sectors, if any).</summary>
public sealed record PublicTariff(string Importers, string Exporters, string? Sectors, double RatePercent);

/// <summary>An option of an issue as everyone sees it.</summary>
public sealed record PublicOption(string Id, string Label, IReadOnlyList<PublicTariff> Tariffs, IReadOnlyList<string> Transfers);

/// <summary>An issue as everyone sees it (first option = status quo).</summary>
public sealed record PublicIssue(string Id, string Label, IReadOnlyList<PublicOption> Options);

/// <summary>One priced package: option index per issue and the model's outcomes (key → percent or points of income).</summary>
public sealed record PricedPackage(int Index, IReadOnlyList<int> Choices, IReadOnlyDictionary<string, double> Values);

/// <summary>The priced negotiation a workspace is created from.</summary>
/// <param name="Name">Negotiation name.</param>
/// <param name="Parties">The two party codes.</param>
/// <param name="Issues">Issues and options.</param>
/// <param name="Packages">Every priced package.</param>
/// <param name="Batna">Outcomes of the no-deal outcome.</param>
/// <param name="PricedBy">One line: Parley version, dataset and model of the pricing run.</param>
public sealed record PricedNegotiation(string Name, IReadOnlyList<string> Parties, IReadOnlyList<PublicIssue> Issues, IReadOnlyList<PricedPackage> Packages,
    IReadOnlyDictionary<string, double> Batna, string PricedBy)
{
    /// <summary>Loads and prices a negotiation file (no sensitivity runs: the workspace needs the outcomes only).</summary>
    public static PricedNegotiation Price(string file)
    {
        var spec = NegotiationRunner.Load(file);
        var result = NegotiationRunner.Run(spec, new NegotiationRunOptions { Sensitivity = false });
        var manifest = NegotiationRunner.Manifest(result, "workspace create");
        var issues = spec.Issues.Select(i => new PublicIssue(i.Id, i.Label, i.Options.Select(o => new PublicOption(o.Id, o.Label,
            o.Tariffs.Select(t => new PublicTariff(string.Join(",", t.Importers), string.Join(",", t.Exporters),
                t.Sectors is null ? null : string.Join(",", t.Sectors), 100 * t.Rate)).ToArray(),
            o.Transfers.Select(t => string.Create(CultureInfo.InvariantCulture, $"{t.From} → {t.To}: ${t.UsdBillions} bn/yr")).ToArray())).ToArray())).ToArray();
        var packages = result.Packages.Select((p, k) => new PricedPackage(k, p.Choices, Copy(result.Outcomes[k].Values))).ToArray();
        return new PricedNegotiation(spec.Name, spec.Parties.Select(p => p.Code).ToArray(), issues, packages, Copy(result.Batna.Values),
            $"parley {manifest.Parley}; dataset {result.Dataset}; model {spec.Baseline.Model}");
    }

    private static Dictionary<string, double> Copy(IReadOnlyDictionary<string, double> values) => values.ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
}
