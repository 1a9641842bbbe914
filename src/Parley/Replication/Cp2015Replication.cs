// Re-runs the NAFTA tariff experiment of Caliendo & Parro (2015), "Estimates of the Trade and Welfare Effects of NAFTA",
// RES 82(1): 1–44, section 5.1: baseline with 1993 tariffs and zero deficits, counterfactual with NAFTA's 2005 internal
// tariffs, effects as counterfactual / baseline (docs/models/multi-sector.md (MS-12)). Also the cp2015 package's variant that keeps the
// 1993 deficits. Statistic names follow the paper's values in data/published/cp2015/nafta.csv.
using System.Diagnostics;
using Parley.Data;
using Parley.Models.MultiSector;

namespace Parley.Replication;

/// <summary>One output row of <c>parley replicate cp2015 --format csv</c>.</summary>
/// <param name="Region">Region name as in the data (e.g. <c>Mexico</c>).</param>
/// <param name="Statistic">Statistic name (e.g. <c>welfare_total</c>, <c>imports_change_from:CAN</c>).</param>
/// <param name="Value">Value.</param>
/// <param name="Unit">Unit.</param>
/// <param name="Published">The paper's printed value, when one is bundled (<c>data/published/cp2015/</c>).</param>
public sealed record Cp2015Row(string Region, string Statistic, double Value, string Unit, PublishedValue? Published = null)
{
    /// <summary>How Parley's value compares with the paper's.</summary>
    public Agreement Agreement => Published.Compare(Value);

    /// <summary>Where Parley and the paper differ, the paper's value and the reason; otherwise null.</summary>
    public string? FullNote => PublishedValue.JoinNotes(null, Published, Value);
}

/// <summary>The replication's rows, both experiments and timing.</summary>
/// <param name="Rows">All rows.</param>
/// <param name="Nafta">The paper's experiment (zero deficits).</param>
/// <param name="WithDeficits">The package variant (1993 deficits kept).</param>
/// <param name="ElapsedMilliseconds">Wall-clock time (4 solves).</param>
public sealed record Cp2015Report(IReadOnlyList<Cp2015Row> Rows, MultiSectorResult Nafta, MultiSectorResult WithDeficits, double ElapsedMilliseconds);

/// <summary>The Caliendo–Parro NAFTA replication.</summary>
public static class Cp2015Replication
{
    /// <summary>The paper.</summary>
    public const string Paper = "Caliendo & Parro (2015), Estimates of the Trade and Welfare Effects of NAFTA, Review of Economic Studies 82(1): 1–44";

    /// <summary>NAFTA members in the data.</summary>
    public static readonly string[] Members = ["MEX", "CAN", "USA"];

    /// <summary>The bundled <c>cp2015-nafta</c> dataset (through the binary <see cref="DatasetCache"/>).</summary>
    public static MultiSectorDataset LoadData() => BundledData.MultiSector(BundledData.Cp2015Name)!;

    /// <summary>Runs both experiments and lists the statistics, each with the paper's printed value from <paramref name="published"/> when one is given.</summary>
    /// <param name="d">The bundled <c>cp2015-nafta</c> dataset.</param>
    /// <param name="published">The paper's printed numbers (<see cref="PublishedValues.ReadCp2015"/>), or null to compute only.</param>
    public static Cp2015Report Run(MultiSectorDataset d, IReadOnlyDictionary<(string Region, string Statistic), PublishedValue>? published = null)
    {
        var sw = Stopwatch.StartNew();
        var base1993 = d.TariffSets["tariff_1993"];
        var nafta = d.TariffSets["tariff_nafta_scenario"];
        MultiSectorResult? zero = null, kept = null;
        Parallel.Invoke(
            () => zero = MultiSectorExperiment.Run("NAFTA tariff reductions (CP 2015 §5.1)", d, base1993.AsSpan(), nafta.AsSpan(), MultiSectorDeficits.Zero),
            () => kept = MultiSectorExperiment.Run("NAFTA tariff reductions, 1993 deficits kept", d, base1993.AsSpan(), nafta.AsSpan(), MultiSectorDeficits.DataYear));
        var rows = new List<Cp2015Row>();
        var members = Members.Select(d.Regions.Require).ToArray();
        foreach (var r in members)
        {
            var o = zero!.Regions[r];
            var name = d.Regions[r].Name;
            rows.Add(new(name, "welfare_total", o.Welfare, "percent"));
            rows.Add(new(name, "welfare_terms_of_trade", o.TermsOfTrade, "percent"));
            rows.Add(new(name, "welfare_volume_of_trade", o.VolumeOfTrade, "percent"));
            rows.Add(new(name, "real_wage_change", o.RealWage, "percent"));
            rows.Add(new(name, "intra_bloc_trade_change", IntraBloc(zero, r, members), "percent"));
            rows.Add(new(name, "real_income_change_exact", o.RealIncome, "percent"));
            var k = kept!.Regions[r];
            rows.Add(new(name, "welfare_total_with_1993_deficits", k.Welfare, "percent"));
            rows.Add(new(name, "welfare_terms_of_trade_with_1993_deficits", k.TermsOfTrade, "percent"));
            rows.Add(new(name, "welfare_volume_of_trade_with_1993_deficits", k.VolumeOfTrade, "percent"));
            rows.Add(new(name, "real_wage_change_with_1993_deficits", k.RealWage, "percent"));
            var dec = zero.Decompositions[r];
            for (var i = 0; i < d.N; i++)
            {
                if (i == r) continue;
                rows.Add(new(name, $"welfare_terms_of_trade_by_partner:{d.Regions[i].Iso3}", dec.TermsOfTradeByPartner[i], "percent"));
                rows.Add(new(name, $"welfare_volume_of_trade_by_partner:{d.Regions[i].Iso3}", dec.VolumeOfTradeByPartner[i], "percent"));
            }
            for (var j = 0; j < d.J; j++)
            {
                rows.Add(new(name, $"welfare_terms_of_trade_by_sector:{d.Sectors[j].Name}", dec.TermsOfTradeBySector[j], "percent"));
                rows.Add(new(name, $"welfare_volume_of_trade_by_sector:{d.Sectors[j].Name}", dec.VolumeOfTradeBySector[j], "percent"));
            }
            for (var i = 0; i < d.N; i++)
            {
                if (i == r) continue;
                rows.Add(new(name, $"imports_change_from:{d.Regions[i].Iso3}", zero.BilateralImports[i * d.N + r], "percent_change"));
                rows.Add(new(name, $"exports_change_to:{d.Regions[i].Iso3}", zero.BilateralImports[r * d.N + i], "percent_change"));
            }
            for (var j = 0; j < d.J; j++)
            {
                rows.Add(new(name, $"output_change:{d.Sectors[j].Name}", zero.SectorOutput[r * d.J + j], "percent_change"));
                rows.Add(new(name, $"exports_change:{d.Sectors[j].Name}", zero.SectorExports[r * d.J + j], "percent_change"));
            }
        }
        for (var r = 0; r < d.N; r++)
        {
            if (members.Contains(r)) continue;
            rows.Add(new(d.Regions[r].Name, "welfare_total", zero!.Regions[r].Welfare, "percent"));
            rows.Add(new(d.Regions[r].Name, "real_wage_change", zero.Regions[r].RealWage, "percent"));
        }
        if (published is not null)
            rows = rows.Select(r => r with { Published = published.GetValueOrDefault((r.Region, r.Statistic)) }).ToList();
        return new Cp2015Report(rows, zero!, kept!, sw.Elapsed.TotalMilliseconds);
    }

    /// <summary>% change of a member's imports (net of tariffs, all sectors) from the other members (reproduces the abstract's figures).</summary>
    public static double IntraBloc(MultiSectorResult result, int member, IReadOnlyList<int> members)
    {
        double before = 0, after = 0;
        var d = result.Baseline;
        for (var j = 0; j < d.J; j++)
            foreach (var i in members)
            {
                if (i == member) continue;
                before += result.Baseline.Flow(j, i, member);
                after += result.Counterfactual.Flow(j, i, member);
            }
        return 100 * (after / before - 1);
    }
}
