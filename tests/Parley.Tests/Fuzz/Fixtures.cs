using System.Globalization;

namespace Parley.Tests.Fuzz;

/// <summary>Small valid inputs of every format, written into a temporary folder, for the fuzz properties to mutate.
/// Sizes are tiny (4 countries, 3 regions × 2 sectors) so that a case solves in milliseconds.</summary>
internal static class Fixtures
{
    public static readonly string[] Countries = ["USA", "JPN", "CHN", "DEU"];

    /// <summary>A one-sector world dataset directory (world-2023 layout) of four countries.</summary>
    public static string World(TempFolder tmp, string name = "world")
    {
        var n = Countries.Length;
        tmp.Write($"{name}/country_labels.csv", "iso3,iso_code,CountryName\n" + string.Concat(Countries.Select((c, k) => $"{c},{k + 1},{c} name\n")));
        var rows = Enumerable.Range(0, n).Select(i => string.Join(',', Enumerable.Range(0, n).Select(j => i == j ? "" : F(1e6 * (1 + i + 2 * j)))));
        tmp.Write($"{name}/trade_cepii.csv", string.Join(',', Countries.Select(c => "export_" + c)) + "\n" + string.Join('\n', rows) + "\n");
        tmp.Write($"{name}/gdp.csv", "gdp\n" + string.Concat(Countries.Select((_, k) => F(2e13 / (k + 1)) + "\n")));
        tmp.Write($"{name}/tariffs.csv", "applied_tariff\n0.1\n0.24\n0.34\n0.2\n");
        tmp.Write($"{name}/country_groups.csv", "group,iso3\nASIA,JPN\nASIA,CHN\n");
        return Path.Combine(tmp.Path, name);
    }

    public const string Scenario = """
        name: fuzz scenario
        dataset: world
        model: { type: one-sector, variant: baseline, deficits: fixed, trade_elasticity: 4, recycling: income-tax-relief }
        tariffs:
          base: announced-us
          floor: 0.1
          changes:
            - { importer: USA, exporter: JPN, rate: 0.15 }
            - { importer: USA, exporter: [CHN, DEU], rate: 0.25 }
        retaliation: { mode: reciprocal, against: USA, by: [CHN] }
        report: [USA, JPN, ASIA, WORLD]
        """;

    public const string Negotiation = """
        name: fuzz negotiation
        baseline:
          dataset: world
          model: { type: one-sector }
          tariffs: { base: zero, changes: [ { importer: USA, exporter: JPN, rate: 0.25 } ] }
        parties:
          - { code: USA, objective: [ { outcome: welfare, weight: 1 }, { outcome: trade_balance, partner: JPN, weight: 0.5 } ] }
          - { code: JPN, objective: [ { outcome: welfare, weight: 1 } ], risk_aversion: 0.1 }
        observers: [CHN]
        issues:
          - id: tariff
            options:
              - { id: keep }
              - { id: cut, tariffs: [ { importer: USA, exporter: JPN, rate: 0.15 } ] }
          - id: pledge
            options:
              - { id: none }
              - { id: fund, transfers: [ { from: JPN, to: USA, usd_billions: 50 } ] }
        batna: { label: escalation, tariffs: [ { importer: USA, exporter: JPN, rate: 0.35 } ] }
        rounds:
          - { label: first, date: 2025-05-01, positions: { USA: { tariff: keep }, JPN: { tariff: cut } } }
        deadline_rounds: 6
        """;

    /// <summary>A multi-sector dataset directory of three regions × two sectors (shares consistent, deficits summing to 0).</summary>
    public static string MultiSector(TempFolder tmp, string name = "ms")
    {
        string[] r = ["USA", "JPN", "ROW"], s = ["c1", "c2"];
        tmp.Write($"{name}/dataset.yaml", "name: fuzz-ms\ntitle: fuzz\nvintage: test\nmoney_unit: USD millions\nbase_tariffs: tariff_base\nfiles:\n" +
            "  regions: regions.csv\n  sectors: sectors.csv\n  trade_elasticity: theta.csv\n  trade_flows: flows.csv\n  tariffs: tariffs.csv\n" +
            "  value_added: va.csv\n  intermediate_inputs: io.csv\n  final_demand: alpha.csv\n  region_totals: totals.csv\n");
        tmp.Write($"{name}/regions.csv", "region,iso3\n" + string.Concat(r.Select(x => $"{x} region,{x}\n")));
        tmp.Write($"{name}/sectors.csv", "sector_index,code,sector,tradable\n1,c1,Goods,TRUE\n2,c2,Services,FALSE\n");
        tmp.Write($"{name}/theta.csv", "sector,theta\nc1,5\nc2,8\n");
        var flows = from j in s from i in r from k in r
                    select $"{k},{i},{j},{F(j == "c2" && i != k ? 0 : i == k ? 1000 : 50 + 10 * Array.IndexOf(r, i))}";
        tmp.Write($"{name}/flows.csv", "importer,exporter,sector,value\n" + string.Join('\n', flows) + "\n");
        var tariffs = from j in s from i in r from k in r select $"{k},{i},{j},{(i == k ? "0" : "0.05")}";
        tmp.Write($"{name}/tariffs.csv", "importer,exporter,sector,tariff_base\n" + string.Join('\n', tariffs) + "\n");
        tmp.Write($"{name}/va.csv", "region,sector,va_share,value_added\n" + string.Concat(from x in r from j in s select $"{x},{j},0.5,500\n"));
        tmp.Write($"{name}/io.csv", "region,input_sector,output_sector,io_coefficient\n" + string.Concat(from x in r from k in s from j in s select $"{x},{k},{j},0.25\n"));
        tmp.Write($"{name}/alpha.csv", "region,sector,alpha\n" + string.Concat(from x in r from j in s select $"{x},{j},0.5\n"));
        tmp.Write($"{name}/totals.csv", "region,deficit\nUSA,10\nJPN,-4\nROW,-6\n");
        return Path.Combine(tmp.Path, name);
    }

    public const string MultiSectorScenario = """
        name: fuzz multi-sector
        dataset: ms
        model: { type: multi-sector }
        tariffs:
          base: data
          changes:
            - { importer: USA, exporter: JPN, sector: c1, rate: 0.25 }
        report: [USA, JPN, WORLD]
        """;

    /// <summary>A gravity panel CSV: every ordered pair of four countries, two years.</summary>
    public static string Panel(TempFolder tmp, string name = "panel.csv")
    {
        var lines = new List<string> { "exporter,importer,year,trade,dist,Y,E,pta,lndist" };
        for (var y = 2000; y <= 2004; y += 4)
            for (var i = 0; i < Countries.Length; i++)
                for (var j = 0; j < Countries.Length; j++)
                {
                    var dist = i == j ? 100 : 1000 * (1 + Math.Abs(i - j)) + 37 * i;
                    var trade = 1e4 * (i + 1) * (j + 2) / dist * (y == 2004 ? 1.1 : 1) + i * 7 + j;
                    lines.Add($"{Countries[i]},{Countries[j]},{y},{F(trade)},{dist},{F(5e4 * (i + 1))},{F(4e4 * (j + 1))},{(i != j && i + j == 1 ? 1 : 0)},{F(Math.Log(dist))}");
                }
        return tmp.Write(name, string.Join('\n', lines) + "\n");
    }

    public const string Estimation = """
        name: fuzz estimation
        data: panel.csv
        filters: { years: ["2000", "2004"] }
        panel: { exporter: exporter, importer: importer, year: year, trade: trade, distance: dist }
        variables:
          ln_trade: log(trade)
          ln_dist: log(dist)
        columns:
          - { name: "ols", method: ols, dependent: ln_trade, regressors: [ln_dist], vce: stata }
          - { name: "ppml", method: ppml, dependent: trade, regressors: [ln_dist, pta], fixed_effects: [exporter-year, importer-year], cluster: [exporter], sample: { drop_domestic: true }, singletons: drop, vce: fixest }
        """;

    public const string Gravity = """
        name: fuzz gravity
        data: panel.csv
        year: "2004"
        sigma: 5
        reference_importer: DEU
        variant: gegravity
        coefficients: { lndist: -0.8, pta: 0.4, constant: 1 }
        standard_errors: { lndist: 0.05, pta: 0.1, constant: 0.2 }
        counterfactual:
          - { variable: pta, exporter: JPN, importer: CHN, value: 1 }
        monte_carlo: { trials: 8, seed: 3 }
        """;

    public const string Weights = "hts10,cty_code,value\n8703230190,5880,1000000\n8542310001,5830,250000\n0101210010,1220,5000\n";

    private static string F(double v) => v.ToString("R", CultureInfo.InvariantCulture);
}
