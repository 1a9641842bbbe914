// Prices every package of a negotiation with a GE model: the baseline (status quo) is solved once; each package is
// the baseline plus its options' tariff and deficit changes, solved warm-started from the baseline, in parallel, with
// outcomes measured against the baseline. Utilities are weighted sums of those outcomes (docs/models/bargaining.md (B-1)–(B-3)).
// Parties, observers, partners and transfer ends may be groups (EU27): every outcome aggregates through CountryAggregate,
// the same rule as simulate and compare rows, and a group's transfer is split by baseline income (absorption) shares.
using System.Collections.Concurrent;
using Parley.Data;
using Parley.Models.MultiSector;
using Parley.Models.OneSector;
using Parley.Scenarios;

namespace Parley.Negotiation;

/// <summary>Options of an evaluation.</summary>
public sealed record EvaluationOptions
{
    /// <summary>Scale applied to trade elasticities (one-sector ε; multi-sector every θ_j). Default 1.</summary>
    public double ElasticityScale { get; init; } = 1.0;

    /// <summary>Trade elasticity θ per sector code of the multi-sector dataset, replacing the dataset's value (after
    /// <see cref="ElasticityScale"/>); sectors not named keep theirs. Default none. Used by the uncertainty draws.</summary>
    public IReadOnlyDictionary<string, double>? SectorElasticities { get; init; }

    /// <summary>One-sector trade elasticity ε replacing the file's (before <see cref="ElasticityScale"/>); default none.</summary>
    public double? TradeElasticity { get; init; }

    /// <summary>One-sector labour-supply elasticity κ replacing the file's; default none.</summary>
    public double? LaborSupplyElasticity { get; init; }

    /// <summary>
    /// Multi-sector only: start each package of <see cref="NegotiationEvaluator.EvaluateAll"/> at the reference package
    /// plus the sum of its single-issue changes (docs/models/multi-sector.md (MS-22)) when the package space is at least
    /// four times the number of single-issue packages. Default true. Outcomes agree with baseline starts to the solver's
    /// tolerance; turn it off when only a few packages of a large space are priced.
    /// </summary>
    public bool Superposition { get; init; } = true;

    /// <summary>Called after each package is solved (for progress bars): (done, total).</summary>
    public Action<int, int>? Progress { get; init; }
}

/// <summary>Evaluates packages and the BATNA of a <see cref="NegotiationSpec"/>.</summary>
public sealed class NegotiationEvaluator
{
    private readonly NegotiationSpec _spec;
    private readonly MultiSectorDataset? _ms;

    /// <summary>The dataset as loaded (before any elasticity scaling): the instance schedule conversions are cached for.</summary>
    private readonly MultiSectorDataset? _msLoaded;
    private readonly MultiSectorEquilibrium? _msBase;
    private readonly double[]? _msBaseTariffs, _msBaseDeficits;
    private readonly WorldDataset? _world;
    private readonly Economy? _economy;
    private readonly OneSectorParameters? _params;
    private readonly double[]? _osBaseTariffs;
    private readonly OneSectorResult? _osBase;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<double[]>> _overlayBases = new();
    private readonly EquilibriumSolver.WarmStart? _osWarm;
    private readonly SolutionLevels _baseLevels;
    private readonly bool _superpose;
    private readonly Lazy<MultiSectorEquilibrium>? _reference;
    private readonly ConcurrentDictionary<(int Issue, int Option), Lazy<MultiSectorEquilibrium>> _singles = new();
    private readonly double[] _weights; // baseline income (multi-sector) or absorption (one-sector), USD billions: group weights and transfer shares

    /// <summary>Prepares the model and solves the baseline.</summary>
    public NegotiationEvaluator(NegotiationSpec spec, EvaluationOptions? options = null)
    {
        _spec = spec;
        var scale = options?.ElasticityScale ?? 1.0;
        var b = spec.Baseline;
        if (b.Model == ModelKind.MultiSector)
        {
            var d = MultiSectorScenario.LoadDataset(b);
            // Tariffs first, on the bundled dataset instance: they do not depend on elasticities, and the schedule
            // conversion is cached per dataset instance, so the sensitivity evaluators reuse it instead of redoing it.
            _msLoaded = d;
            _msBaseTariffs = MultiSectorScenario.BuildTariffs(b, d);
            if (scale != 1.0) d = d with { Sectors = d.Sectors.Select(s => s with { TradeElasticity = s.TradeElasticity * scale }).ToArray() };
            if (options?.SectorElasticities is { } theta)
                d = d with { Sectors = d.Sectors.Select(s => theta.TryGetValue(s.Code, out var t) ? s with { TradeElasticity = t } : s).ToArray() };
            _ms = d;
            _msBaseDeficits = b.Deficits == DeficitRule.Zero ? new double[d.N] : d.Deficits.ToArray();
            var data = MultiSectorModel.Solve(spec.Name + " (data)", d, d.Base.AsSpan(), _msBaseDeficits);
            _msBase = MultiSectorModel.Solve(spec.Name + " (baseline)", d, _msBaseTariffs, _msBaseDeficits, start: data);
            _baseLevels = SolutionLevels.Of(_msBase, d);
            var singles = spec.Issues.Sum(i => i.Options.Count - 1);
            _superpose = (options?.Superposition ?? true) && spec.Issues.Count > 1 && spec.PackageCount >= 4L * (singles + 1);
            if (_superpose) _reference = new Lazy<MultiSectorEquilibrium>(() => SolveMultiSector(new Package(-1, new int[spec.Issues.Count]), "reference package", null));
        }
        else
        {
            _world = OneSectorScenario.LoadDataset(b);
            _params = b.Parameters with
            {
                TradeElasticity = (options?.TradeElasticity ?? b.Parameters.TradeElasticity) * scale,
                LaborSupplyElasticity = options?.LaborSupplyElasticity ?? b.Parameters.LaborSupplyElasticity,
            };
            _economy = OneSectorScenario.Calibrate(b with { Parameters = _params }, _world);
            _osBaseTariffs = OneSectorScenario.BuildTariffs(b, _world, _economy);
            _osBase = EquilibriumSolver.Solve(spec.Name + " (baseline)", _economy, _osBaseTariffs, _params);
            _osWarm = EquilibriumSolver.PrepareWarmStart(_osBase);
            _baseLevels = SolutionLevels.Of(_osBase);
        }
        _weights = _baseLevels.IncomeUsdBillions;
        CheckCodes();
    }

    /// <summary>Diagnostics of the baseline solve.</summary>
    public Models.Numerics.SolverDiagnostics BaselineDiagnostics => _msBase?.Diagnostics ?? _osBase!.Equilibrium.Diagnostics;

    /// <summary>Each country's baseline income (multi-sector) or absorption (one-sector), USD billions of the data's base
    /// year, in dataset order: the weights of group outcomes and the shares a group's transfer is split by.</summary>
    public IReadOnlyList<double> BaselineIncomeUsdBillions => _weights;

    /// <summary>Dataset name.</summary>
    public string DatasetName => _ms?.Name ?? _world!.Name;

    /// <summary>Countries of the model (for resolving observer groups).</summary>
    public CountrySet Countries => _ms?.Regions ?? _world!.Countries;

    private void CheckCodes()
    {
        var file = _spec.SourceFile;
        var expected = $"a country or group of dataset '{DatasetName}' ({string.Join(", ", Countries.GroupNames.Prepend(CountrySet.AllGroup))})";
        foreach (var p in _spec.Parties)
            if (Countries.TryResolve(p.Code) is null) throw new ParleyInputException(file, null, "parties.code", p.Code, expected);
        foreach (var o in _spec.Observers)
            if (CountryAggregate.TryResolve(Countries, o, _weights) is null) throw new ParleyInputException(file, null, "observers", o, expected + $" or {CountryAggregate.World}");
        foreach (var t in _spec.Parties.SelectMany(p => p.Objective))
        {
            if (t.Partner is { } partner && Countries.TryResolve(partner) is null) throw new ParleyInputException(file, null, "objective.partner", partner, expected);
            if (t.Sector is { } sector && _ms?.FindSector(sector) is null) throw new ParleyInputException(file, null, "objective.sector", sector, $"a sector of dataset '{DatasetName}'");
        }
        foreach (var tr in _spec.Issues.SelectMany(i => i.Options).SelectMany(o => o.Transfers).Concat(_spec.Batna.Transfers))
        {
            var from = Countries.TryResolve(tr.From) ?? throw new ParleyInputException(file, null, "transfers.from", tr.From, expected);
            var to = Countries.TryResolve(tr.To) ?? throw new ParleyInputException(file, null, "transfers.to", tr.To, expected);
            if (from.Intersect(to).Any())
                throw new ParleyInputException(file, null, "transfers.to", tr.To, $"a recipient with no member in common with the payer '{tr.From}'");
        }
    }

    /// <summary>
    /// Adds transfers to per-country deficits (<paramref name="unit"/> = dataset money per USD billion): the recipient's
    /// deficit rises, the payer's falls. A group's part is split across its members by baseline income (multi-sector) or
    /// absorption (one-sector) shares.
    /// </summary>
    private void AddTransfers(double[] deficits, IReadOnlyList<TransferChange> transfers, double unit)
    {
        foreach (var tr in transfers)
        {
            foreach (var (k, part) in CountryAggregate.Resolve(Countries, tr.To, _weights).Split(tr.UsdBillions * unit)) deficits[k] += part;
            foreach (var (k, part) in CountryAggregate.Resolve(Countries, tr.From, _weights).Split(tr.UsdBillions * unit)) deficits[k] -= part;
        }
    }

    /// <summary>Evaluates every package in parallel (warm-started from the baseline).</summary>
    public IReadOnlyList<PackageOutcome> EvaluateAll(IReadOnlyList<Package> packages, Action<int, int>? progress = null)
    {
        var results = new PackageOutcome[packages.Count];
        var done = 0;
        Parallel.For(0, packages.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, k =>
        {
            var p = packages[k];
            results[k] = _superpose ? MultiSectorOutcome(SolveSuperposed(p, $"package {k}"))
                : Evaluate(Changes(p), Transfers(p), $"package {k}", Overlays(p));
            progress?.Invoke(Interlocked.Increment(ref done), packages.Count);
        });
        return results;
    }

    /// <summary>A package solved from (MS-22): the reference package and the single-issue packages are solved once
    /// (R from the baseline, each R_k(o) from R) and reused; a package equal to one of them is that solution.</summary>
    private MultiSectorEquilibrium SolveSuperposed(Package p, string label)
    {
        var moved = Enumerable.Range(0, p.Choices.Length).Where(k => p.Choices[k] != 0).ToArray();
        if (moved.Length == 0) return _reference!.Value;
        if (moved.Length == 1) return Single(moved[0], p.Choices[moved[0]]);
        var start = MultiSectorStart.Superpose(_reference!.Value, moved.Select(k => Single(k, p.Choices[k])));
        return SolveMultiSector(p, label, start);
    }

    private MultiSectorEquilibrium Single(int issue, int option) =>
        _singles.GetOrAdd((issue, option), key => new Lazy<MultiSectorEquilibrium>(() =>
        {
            var choices = new int[_spec.Issues.Count];
            choices[key.Issue] = key.Option;
            return SolveMultiSector(new Package(-1, choices), $"{_spec.Issues[key.Issue].Id}={_spec.Issues[key.Issue].Options[key.Option].Id} alone",
                MultiSectorStart.Of(_reference!.Value));
        })).Value;

    private MultiSectorEquilibrium SolveMultiSector(Package p, string label, MultiSectorStart? start)
    {
        var (t, deficits) = MultiSectorInputs(Changes(p), Transfers(p), Overlays(p));
        var name = $"{_spec.Name}: {label}";
        return start is null ? MultiSectorModel.Solve(name, _ms!, t, deficits, start: _msBase) : MultiSectorModel.Solve(name, _ms!, t, deficits, start);
    }

    private (double[] Tariffs, double[] Deficits) MultiSectorInputs(IReadOnlyList<TariffChange> changes, IReadOnlyList<TransferChange> transfers, IReadOnlyList<string> overlays)
    {
        var d = _ms!;
        var t = MultiSectorScenario.ApplyChanges((double[])BaseTariffs(overlays).Clone(), changes, d, _spec.SourceFile);
        var deficits = (double[])_msBaseDeficits!.Clone();
        AddTransfers(deficits, transfers, 1e3 / MultiSectorScenario.ToUsdMillions(d)); // USD bn → dataset units
        return (t, deficits);
    }

    private PackageOutcome MultiSectorOutcome(MultiSectorEquilibrium c)
    {
        var values = new Dictionary<string, double>();
        MultiSectorOutcomes(_ms!, c, values);
        return new PackageOutcome(values, Utility(_spec.Parties[0], values), Utility(_spec.Parties[1], values));
    }

    /// <summary>The BATNA's outcome.</summary>
    public PackageOutcome EvaluateBatna() => Evaluate(_spec.Batna.Tariffs, _spec.Batna.Transfers, "BATNA", _spec.Batna.Overlay is { } o ? [o] : null);

    private IReadOnlyList<TariffChange> Changes(Package p) => _spec.Issues.SelectMany((issue, k) => issue.Options[p.Choices[k]].Tariffs).ToArray();

    private IReadOnlyList<string> Overlays(Package p) =>
        _spec.Issues.Select((issue, k) => issue.Options[p.Choices[k]].Overlay).OfType<string>().ToArray();

    /// <summary>Baseline tariffs rebuilt from the schedule with the given overlays (cached per combination).</summary>
    private double[] BaseTariffs(IReadOnlyList<string> overlays)
    {
        if (overlays.Count == 0) return _msBaseTariffs ?? _osBaseTariffs!;
        var key = string.Join("|", overlays);
        return _overlayBases.GetOrAdd(key, _ => new Lazy<double[]>(() => _msLoaded is { } d
            ? MultiSectorScenario.BuildTariffs(_spec.Baseline, d, overlays)
            : OneSectorScenario.BuildTariffs(_spec.Baseline, _world!, _economy!, overlays))).Value;
    }

    private IReadOnlyList<TransferChange> Transfers(Package p) => _spec.Issues.SelectMany((issue, k) => issue.Options[p.Choices[k]].Transfers).ToArray();

    /// <summary>Outcomes of the baseline plus the given changes.</summary>
    public PackageOutcome Evaluate(IReadOnlyList<TariffChange> changes, IReadOnlyList<TransferChange> transfers, string label, IReadOnlyList<string>? overlays = null)
    {
        if (_ms is { } d)
        {
            var (t, deficits) = MultiSectorInputs(changes, transfers, overlays ?? []);
            return MultiSectorOutcome(MultiSectorModel.Solve($"{_spec.Name}: {label}", d, t, deficits, start: _msBase));
        }
        var values = new Dictionary<string, double>();
        var w = _world!;
        var t1 = OneSectorScenario.ApplyChanges((double[])BaseTariffs(overlays ?? []).Clone(), changes, w, _spec.SourceFile);
        var economy = _economy!;
        if (transfers.Count > 0)
        {
            var tr = (double[])economy.Transfers.Clone();
            AddTransfers(tr, transfers, 1e6); // USD bn → thousands of USD
            economy = economy with { Transfers = tr };
        }
        var r = EquilibriumSolver.Solve($"{_spec.Name}: {label}", economy, t1, _params!, _osWarm!);
        var n = w.Countries.Count; // flows in thousands of USD
        Outcomes(SolutionLevels.Of(r), values, (i, k) => r.Equilibrium.Flows[i * n + k] / 1e6, (i, k) => _osBase!.Equilibrium.Flows[i * n + k] / 1e6);
        return new PackageOutcome(values, Utility(_spec.Parties[0], values), Utility(_spec.Parties[1], values));
    }

    /// <summary>A party's utility from outcome values.</summary>
    public static double Utility(Party p, IReadOnlyDictionary<string, double> values) =>
        Utility(p.Code, p.Objective.Select(t => (t.Key, t.Weight)), values);

    /// <summary>Utility Σ weight × outcome of party <paramref name="code"/> from (outcome key, weight) terms.</summary>
    public static double Utility(string code, IEnumerable<(string Key, double Weight)> terms, IReadOnlyDictionary<string, double> values) =>
        terms.Sum(t => t.Weight * values.GetValueOrDefault($"{code}/{t.Key}"));

    private IEnumerable<string> Reported() => _spec.Parties.Select(p => p.Code).Concat(_spec.Observers);

    private IEnumerable<string> Sectors() => _spec.Parties.SelectMany(p => p.Objective).Where(t => t.Sector is not null).Select(t => t.Sector!)
        .Concat(_spec.Issues.SelectMany(i => i.Options).SelectMany(o => o.Tariffs).Where(c => c.Sectors is not null).SelectMany(c => c.Sectors!)).Distinct();

    private void MultiSectorOutcomes(MultiSectorDataset d, MultiSectorEquilibrium c, Dictionary<string, double> values)
    {
        var b = _msBase!;
        var toBillions = MultiSectorScenario.ToUsdMillions(d) / 1000;
        double Flow(MultiSectorEquilibrium e, int i, int k)
        {
            double f = 0;
            for (var j = 0; j < d.J; j++) f += e.Flow(j, i, k);
            return f * toBillions;
        }
        Outcomes(SolutionLevels.Of(c, d), values, (i, k) => Flow(c, i, k), (i, k) => Flow(b, i, k));
        foreach (var label in Reported())
        {
            var g = CountryAggregate.Resolve(d.Regions, label, _weights);
            foreach (var code in Sectors())
                if (d.FindSector(code) is { } s)
                {
                    double before = g.Sum(k => b.GrossOutput[k * d.J + s.Index]), after = g.Sum(k => c.GrossOutput[k * d.J + s.Index]);
                    values[$"{label}/sector_output:{code}"] = before > 0 ? 100 * (after / before - 1) : 0;
                }
        }
    }

    /// <summary>
    /// Outcomes common to both models, all aggregated by <see cref="CountryAggregate"/> against the baseline: the
    /// status-quo change rows (<see cref="ChangeRow.Between(SolutionLevels, SolutionLevels, string)"/>) for every reported
    /// label, and the bilateral terms of the parties' objectives from <paramref name="flow"/>(exporter, importer) in the
    /// package and <paramref name="baseFlow"/> in the baseline (summed over member pairs for groups).
    /// </summary>
    private void Outcomes(SolutionLevels to, Dictionary<string, double> values, Func<int, int, double> flow, Func<int, int, double> baseFlow)
    {
        var from = _baseLevels;
        foreach (var label in Reported())
        {
            var x = ChangeRow.Between(from, to, label);
            var g = CountryAggregate.Resolve(Countries, label, _weights);
            values[$"{label}/welfare"] = x.Welfare;
            values[$"{label}/real_wage"] = x.RealWage;
            values[$"{label}/exports"] = x.Exports;
            if (x.Employment is { } employment) values[$"{label}/employment"] = employment;
            values[$"{label}/tariff_revenue"] = 100 * x.TariffRevenueUsdBillions / g.WeightTotal;
        }
        foreach (var p in _spec.Parties)
        {
            var party = CountryAggregate.Resolve(Countries, p.Code, _weights);
            foreach (var t in p.Objective.Where(t => t.Partner is not null))
            {
                var partner = CountryAggregate.Resolve(Countries, t.Partner!, _weights);
                values[$"{p.Code}/{t.Key}"] = t.Outcome switch
                {
                    "trade_balance" => 100 * (party.SumWith(partner, (i, k) => flow(i, k) - flow(k, i)) - party.SumWith(partner, (i, k) => baseFlow(i, k) - baseFlow(k, i)))
                        / party.WeightTotal,
                    "exports" => Percent(party.SumWith(partner, baseFlow), party.SumWith(partner, flow)),
                    var other => throw new InvalidOperationException($"outcome {other} takes no partner"),
                };
            }
        }
    }

    private static double Percent(double before, double after) => before > 0 ? 100 * (after / before - 1) : 0;
}
