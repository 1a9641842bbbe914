namespace Parley.Tests.Negotiation.Uncertainty;

/// <summary>Small negotiation files with an uncertainty block, written to a temporary folder.</summary>
internal static class UncertaintyFixtures
{
    /// <summary>One-sector talks (12 packages, fast solves): ε and κ drawn, one weight and both reservation values.</summary>
    public const string OneSector = """
        name: small one-sector talks under uncertainty
        baseline:
          tariffs: { base: announced-us }
        parties:
          - code: USA
            objective:
              - { outcome: welfare, weight: 1 }
              - { outcome: tariff_revenue, weight: 0.2 }
          - code: JPN
            objective:
              - { outcome: welfare, weight: 1 }
              - { outcome: employment, weight: 0.5 }
        observers: [KOR, EU27]
        issues:
          - id: us_on_japan
            options:
              - { id: announced, tariffs: [ { importer: USA, exporter: JPN, rate: 0.24 } ] }
              - { id: fifteen, tariffs: [ { importer: USA, exporter: JPN, rate: 0.15 } ] }
              - { id: ten, tariffs: [ { importer: USA, exporter: JPN, rate: 0.10 } ] }
          - id: japan_on_us
            options:
              - { id: zero, tariffs: [ { importer: JPN, exporter: USA, rate: 0.0 } ] }
              - { id: retaliate, tariffs: [ { importer: JPN, exporter: USA, rate: 0.10 } ] }
          - id: pledge
            options:
              - { id: none }
              - { id: yes, transfers: [ { from: JPN, to: USA, usd_billions: 5 } ] }
        batna:
          tariffs:
            - { importer: USA, exporter: JPN, rate: 0.24 }
            - { importer: JPN, exporter: USA, rate: 0.24 }
        rounds:
          - label: deal
            date: 2025-07-22
            positions:
              USA: { us_on_japan: fifteen, japan_on_us: zero, pledge: yes }
              JPN: { us_on_japan: fifteen, japan_on_us: zero, pledge: yes }
        uncertainty:
          seed: 7
          trade_elasticity: { distribution: uniform, min: 3, max: 6 }
          labor_supply_elasticity: { distribution: triangular, min: 0.25, mode: 0.5, max: 1.0 }
          weights:
            USA:
              tariff_revenue: { distribution: uniform, min: 0, max: 0.4 }
          reservation:
            USA: { distribution: normal, mean: 0, sd: 0.01 }
            JPN: { distribution: normal, mean: 0, sd: 0.01 }
        """;

    /// <summary>Multi-sector talks on WIOD 2011 (4 packages): θ of autos and agriculture drawn.</summary>
    public const string MultiSector = """
        name: small multi-sector talks under uncertainty
        baseline:
          model: { type: multi-sector }
          dataset: wiod-2011
          tariffs:
            changes:
              - { importer: USA, exporter: JPN, sector: c15, rate: 0.25 }
        parties:
          - code: USA
            objective:
              - { outcome: welfare, weight: 1 }
              - { outcome: sector_output, sector: c15, weight: 0.01 }
          - code: JPN
            objective:
              - { outcome: welfare, weight: 1 }
              - { outcome: sector_output, sector: c15, weight: 0.02 }
        observers: [KOR]
        issues:
          - id: autos
            options:
              - { id: keep, tariffs: [ { importer: USA, exporter: JPN, sector: c15, rate: 0.25 } ] }
              - { id: fifteen, tariffs: [ { importer: USA, exporter: JPN, sector: c15, rate: 0.15 } ] }
          - id: farm
            options:
              - { id: closed, tariffs: [ { importer: JPN, exporter: USA, sector: c1, rate: 0.2 } ] }
              - { id: open, tariffs: [ { importer: JPN, exporter: USA, sector: c1, rate: 0.0 } ] }
        batna:
          tariffs:
            - { importer: USA, exporter: JPN, sector: c15, rate: 0.25 }
            - { importer: USA, exporter: JPN, sector: c14, rate: 0.25 }
        uncertainty:
          seed: 11
          trade_elasticities:
            c15: { distribution: uniform, min: 5, max: 11 }
            c1: { distribution: normal, mean: 9.11, sd: 2.01, min: 5.09, max: 13.13 }
          reservation:
            USA: { distribution: normal, mean: 0, sd: 0.002 }
        """;
}
