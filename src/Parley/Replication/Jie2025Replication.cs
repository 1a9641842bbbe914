// Re-runs every table of Ignatenko et al. (2025) that the bundled data can produce (docs/models/one-sector.md (OS-48) and sections 8–9):
// Tables 1, 2, 3, 8, 9 (baseline, alternatives 2–4), 10, the one-sector rows of Table 4 and the main/IO columns of
// Table 11. Cells that need the paper's sector data (not in the public package) or its optimiser's path are listed as
// skipped, with the reason. Group rows follow the paper: absorption-weighted means (raw-GDP weights in Table 4,
// unweighted welfare in Table 10).
using System.Collections.Concurrent;
using System.Diagnostics;
using Parley.Data;
using Parley.Models.OneSector;

namespace Parley.Replication;

/// <summary>Replication of the Liberation Day paper's tables.</summary>
public static class Jie2025Replication
{
    /// <summary>The paper.</summary>
    public const string Paper = "Ignatenko, Lashkaripour, Macedoni & Simonovska (2025), Making America Great Again? The Economic Impacts of Liberation Day Tariffs, JIE 157, 104138";

    private const string Pct = "percent_change";
    private static readonly string[] AllStats = ["welfare", "deficit", "exports/GDP", "imports/GDP", "employment", "prices"];
    private static readonly string[] WarStats = ["welfare", "deficit", "employment", "prices"];
    private static readonly string[] FixedTransferStats = ["welfare", "exports/GDP", "imports/GDP", "employment", "prices"];
    private const string NonUs = "non-US (average)";

    /// <summary>
    /// Solves every scenario (in parallel, beside the search for Table 4's IO optimum) and assembles the cells, each with
    /// the paper's printed value from <paramref name="published"/> when one is given.
    /// </summary>
    /// <param name="data">The world dataset (the bundled world-2023 for the paper's numbers).</param>
    /// <param name="published">The paper's printed cells (<see cref="PublishedValues.ReadJie2025"/>), or null to compute only.</param>
    /// <param name="ioSearch">Options of the search for the IO optimum (default: scan [0, 1], tolerance 1e-6).</param>
    public static ReplicationReport Run(WorldDataset data, IReadOnlyDictionary<CellKey, PublishedValue>? published = null,
        UniformTariffSearchOptions? ioSearch = null)
    {
        var sw = Stopwatch.StartNew();
        var s = new Jie2025Scenarios(data);
        var solved = new ConcurrentDictionary<string, OneSectorResult>();
        UniformTariffOptimum? io = null;
        Parallel.Invoke(
            () => io = s.RoundaboutOptimum(ioSearch),
            () => Parallel.ForEach(s.All(), new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount },
                c => solved[c.Name] = EquilibriumSolver.Solve(c.Name, c.Economy, c.Tariffs, c.Parameters)));
        solved[Jie2025Scenarios.RoundaboutOptimumName] = io!.Result;
        var cells = new List<ReplicationCell>();
        var r = solved;

        Block(cells, "1", "Case 1: USTR tariffs + income tax relief + no retaliation", r["T1 case 1 USTR"], s, AllStats, UsAndNonUs(s));
        Block(cells, "1", "Case 2: USTR tariffs + lump-sum rebate + no retaliation", r["T1 case 2 USTR lump-sum"], s, AllStats, UsAndNonUs(s));
        Block(cells, "1", "Case 3: optimal US tariffs + income tax relief + no retaliation", r["T1 case 3 optimal (A)"], s, AllStats, UsAndNonUs(s));

        var t2Rows = new (string, IReadOnlyList<int>)[] { ("USA", [s.Us]), ("CHN", [s.Chn]), ("EU", s.Eu), (NonUs, s.NonUs.ToArray()) };
        Block(cells, "2", "(1) USTR + reciprocal retaliation", r["T2 (1) reciprocal"], s, WarStats, t2Rows);
        Block(cells, "2", "(3) USTR + optimal retaliation", r["T2 (3) optimal retaliation"], s, WarStats, t2Rows);
        Block(cells, "2", "(4) optimal tariff + optimal retaliation", r["T2 (4) optimal (B) + optimal retaliation"], s, WarStats, t2Rows);

        foreach (var (label, key) in new[]
                 {
                     ("USTR, no retaliation", "T1 case 1 USTR"), ("optimal tariff, no retaliation", "T1 case 3 optimal (A)"),
                     ("retaliation: optimal", "T2 (3) optimal retaliation"), ("retaliation: reciprocal", "T2 (1) reciprocal"),
                 })
        {
            var share = 100 * r[key].Countries[s.Us].TariffRevenueShare;
            cells.Add(new("3", "US tariff revenue", "% of GDP", label, share, "percent", 2, "revenue / US absorption E (docs/models/one-sector.md (OS-34))"));
            cells.Add(new("3", "US tariff revenue", "% of Federal Budget", label, share / 0.23, "percent", 2, "federal budget taken as 23% of GDP"));
        }

        var t8Rows = new (string, IReadOnlyList<int>)[] { ("USA", [s.Us]), ("CHN", [s.Chn]), ("EU", s.Eu), ("RoW", s.RestOfWorld.ToArray()) };
        Block(cells, "8", "Case 1: EU & China", r["T8 case 1 EU & China"], s, WarStats, t8Rows);
        Block(cells, "8", "Case 2: China", r["T8 case 2 China"], s, WarStats, t8Rows);
        Block(cells, "8", "Case 3: China 108%", r["T8 case 3 China 108%"], s, WarStats, t8Rows);

        Block(cells, "9", "Baseline", r["T1 case 1 USTR"], s, AllStats, UsAndNonUs(s));
        Skip(cells, "9", "Alternative 1: multiple sectors", ["USA", NonUs], AllStats, SectorDataMissing);
        Block(cells, "9", "Alternative 2: passthrough 0.25", r["T9 alt 2 pass-through 0.25"], s, AllStats, UsAndNonUs(s));
        Block(cells, "9", "Alternative 3: epsilon = 8", r["T9 alt 3 epsilon 8"], s, AllStats, UsAndNonUs(s));
        Block(cells, "9", "Alternative 4: Eaton-Kortum-Krugman", r["EK USTR"], s, AllStats, UsAndNonUs(s));

        Table10(cells, s, r);
        Table4(cells, s, r, io);
        Table11(cells, r);
        if (published is not null)
            cells = cells.Select(c => c with { Published = published.GetValueOrDefault(c.Key) }).ToList();
        var solves = s.All().Select(c => new ReplicationSolve(c.Name, r[c.Name].Equilibrium.Diagnostics))
            .Append(new ReplicationSolve(Jie2025Scenarios.RoundaboutOptimumName, io.Result.Equilibrium.Diagnostics)).ToArray();
        return new ReplicationReport(Paper, cells, solves, sw.Elapsed.TotalMilliseconds, io);
    }

    private const string SectorDataMissing = "needs the paper's 4-sector ITPD-S data, which is not in the public replication package (docs/models/one-sector.md section 9)";

    private static (string, IReadOnlyList<int>)[] UsAndNonUs(Jie2025Scenarios s) => [("USA", [s.Us]), (NonUs, s.NonUs.ToArray())];

    private static double? Stat(CountryOutcome c, string column) => column switch
    {
        "welfare" => c.Welfare,
        "deficit" => c.Deficit,
        "exports/GDP" => c.ExportsToGdp,
        "imports/GDP" => c.ImportsToGdp,
        "employment" => c.Employment,
        "prices" => c.Prices,
        _ => throw new ArgumentOutOfRangeException(nameof(column), column, null),
    };

    private static int Decimals(string column) => column is "welfare" or "employment" ? 2 : 1;

    private static void Block(List<ReplicationCell> cells, string table, string @case, OneSectorResult result, Jie2025Scenarios s,
        string[] columns, IEnumerable<(string Label, IReadOnlyList<int> Members)> rows, IReadOnlyList<double>? weights = null)
    {
        weights ??= result.Economy.Absorption;
        foreach (var (label, members) in rows)
            foreach (var col in columns)
                cells.Add(new(table, @case, label, col, result.WeightedMean(members, c => Stat(c, col), weights), Pct, Decimals(col)));
    }

    private static void Skip(List<ReplicationCell> cells, string table, string @case, string[] rows, string[] columns, string reason)
    {
        foreach (var row in rows)
            foreach (var col in columns)
                cells.Add(new(table, @case, row, col, null, "skipped", Decimals(col), reason));
    }

    private static void Table10(List<ReplicationCell> cells, Jie2025Scenarios s, ConcurrentDictionary<string, OneSectorResult> r)
    {
        var nonUs = s.NonUs.ToArray();
        foreach (var (label, key, baseKey) in new (string, string, string?)[]
                 {
                     ("Case 1: fixed transfers (Dekle et al.), no retaliation", "EK USTR", null),
                     ("Case 2: balanced trade (Ossa), no retaliation", "Balanced USTR", "Balanced zero tariffs"),
                     ("Case 3: fixed transfers (Dekle et al.), retaliation", "EK USTR + 25% retaliation", null),
                     ("Case 4: balanced trade (Ossa), retaliation", "Balanced USTR + retaliation", "Balanced zero tariffs"),
                 })
        {
            var res = r[key];
            var reference = baseKey is null ? null : r[baseKey];
            double? Value(int i, string col) => reference is null
                ? Stat(res.Countries[i], col)
                : Stat(res.Countries[i], col) - Stat(reference.Countries[i], col);
            var unit = reference is null ? Pct : "percentage_points";
            foreach (var col in FixedTransferStats)
            {
                cells.Add(new("10", label, "USA", col, Value(s.Us, col), unit, Decimals(col),
                    reference is null ? null : "difference from the same model with zero tariffs (docs/models/one-sector.md (OS-19)–(OS-20))"));
                double? avg;
                string? note = null;
                if (col == "welfare")
                {
                    avg = nonUs.Average(i => Value(i, col) ?? 0);
                    note = "unweighted mean over the 193 non-US countries (docs/models/one-sector.md (OS-33))";
                }
                else
                {
                    double num = 0, den = 0;
                    foreach (var i in nonUs)
                    {
                        if (Value(i, col) is not { } v) continue;
                        num += res.Economy.Absorption[i] * v;
                        den += res.Economy.Absorption[i];
                    }
                    avg = num / den;
                }
                cells.Add(new("10", label, NonUs, col, avg, unit, col == "imports/GDP" ? 2 : Decimals(col), note));
            }
        }
    }

    private static void Table4(List<ReplicationCell> cells, Jie2025Scenarios s, ConcurrentDictionary<string, OneSectorResult> r, UniformTariffOptimum io)
    {
        var gdp = s.Data.Gdp;
        const string note = "one sector with roundabout production, β = 0.49 (docs/models/one-sector.md (OS-22)–(OS-29)); non-US rows weighted by raw GDP";
        foreach (var (label, key) in new[]
                 {
                     ("pre-retaliation (1) USTR + one sector", "IO USTR"),
                     ("pre-retaliation (2) optimal tariff + one sector", Jie2025Scenarios.RoundaboutOptimumName),
                     ("post-retaliation (1) reciprocal + one sector", "IO reciprocal"),
                 })
        {
            var res = r[key];
            foreach (var (row, members) in UsAndNonUs(s))
                foreach (var col in AllStats)
                    cells.Add(new("4", label, row, col, res.WeightedMean(members, c => Stat(c, col), gdp), Pct, Decimals(col),
                        key == Jie2025Scenarios.RoundaboutOptimumName ? note + OptimumNote(io) : note));
        }
        Skip(cells, "4", "post-retaliation (2) optimal retaliation + one sector", ["USA", NonUs], AllStats,
            "the paper's values come from a 200-iteration constrained optimiser whose path cannot be reproduced exactly (docs/models/one-sector.md section 7)");
        Skip(cells, "4", "pre-retaliation (3) USTR + multiple sectors", ["USA", NonUs], AllStats, SectorDataMissing);
        Skip(cells, "4", "post-retaliation (3) reciprocal + multiple sectors", ["USA", NonUs], AllStats, SectorDataMissing);
    }

    private static string OptimumNote(UniformTariffOptimum io) =>
        FormattableString.Invariant($"; uniform US tariff {io.Rate:F6} that maximises US welfare ({io.Welfare:F6}%), found by Parley's search: a scan, then Brent's method ({io.Solves} solves, bracket width {io.BracketUpper - io.BracketLower:E1})");

    private static void Table11(List<ReplicationCell> cells, ConcurrentDictionary<string, OneSectorResult> r)
    {
        foreach (var (@case, main, io) in new[]
                 {
                     ("before retaliation", "T1 case 1 USTR", "IO USTR"),
                     ("after retaliation", "T2 (1) reciprocal", "IO reciprocal"),
                 })
        {
            foreach (var (column, key) in new[] { ("main", main), ("IO", io) })
            {
                cells.Add(new("11", @case, "global trade-to-GDP", column, r[key].World.TradeToGdp, Pct, 1));
                cells.Add(new("11", @case, "global employment", column, r[key].World.Employment, Pct, 2));
            }
            foreach (var column in new[] { "multi", "multi + IO" })
            {
                cells.Add(new("11", @case, "global trade-to-GDP", column, null, "skipped", 1, SectorDataMissing));
                cells.Add(new("11", @case, "global employment", column, null, "skipped", 2, SectorDataMissing));
            }
        }
    }
}
