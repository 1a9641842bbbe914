// Prices every package of a negotiation with a GE model: the baseline (status quo) is solved once; each package is
// the baseline plus its options' tariff and deficit changes, solved warm-started from the baseline, in parallel, with
// outcomes measured against the baseline. Utilities are weighted sums of those outcomes (docs/models/bargaining.md (B-1)–(B-3)).
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

    /// <summary>Called after each package is solved (for progress bars): (done, total).</summary>
    public Action<int, int>? Progress { get; init; }
}

/// <summary>Evaluates packages and the BATNA of a <see cref="NegotiationSpec"/>.</summary>
public sealed class NegotiationEvaluator
{
    private readonly NegotiationSpec _spec;
    private readonly MultiSectorDataset? _ms;
    private readonly MultiSectorEquilibrium? _msBase;
    private readonly double[]? _msBaseTariffs, _msBaseDeficits;
    private readonly WorldDataset? _world;
    private readonly Economy? _economy;
    private readonly OneSectorParameters? _params;
    private readonly double[]? _osBaseTariffs;
    private readonly OneSectorResult? _osBase;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<double[]>> _overlayBases = new();
    private readonly EquilibriumSolver.WarmStart? _osWarm;

    /// <summary>Prepares the model and solves the baseline.</summary>
    public NegotiationEvaluator(NegotiationSpec spec, EvaluationOptions? options = null)
    {
        _spec = spec;
        var scale = options?.ElasticityScale ?? 1.0;
        var b = spec.Baseline;
        if (b.Model == ModelKind.MultiSector)
        {
            var d = MultiSectorScenario.LoadDataset(b);
            if (scale != 1.0) d = d with { Sectors = d.Sectors.Select(s => s with { TradeElasticity = s.TradeElasticity * scale }).ToArray() };
            _ms = d;
            _msBaseTariffs = MultiSectorScenario.BuildTariffs(b, d);
            _msBaseDeficits = b.Deficits == DeficitRule.Zero ? new double[d.N] : d.Deficits.ToArray();
            var data = MultiSectorModel.Solve(spec.Name + " (data)", d, d.Base.AsSpan(), _msBaseDeficits);
            _msBase = MultiSectorModel.Solve(spec.Name + " (baseline)", d, _msBaseTariffs, _msBaseDeficits, start: data);
        }
        else
        {
            _world = OneSectorScenario.LoadDataset(b);
            _params = b.Parameters with { TradeElasticity = b.Parameters.TradeElasticity * scale };
            _economy = OneSectorScenario.Calibrate(b with { Parameters = _params }, _world);
            _osBaseTariffs = OneSectorScenario.BuildTariffs(b, _world, _economy);
            _osBase = EquilibriumSolver.Solve(spec.Name + " (baseline)", _economy, _osBaseTariffs, _params);
            _osWarm = EquilibriumSolver.PrepareWarmStart(_osBase);
        }
        CheckCodes();
    }

    /// <summary>Diagnostics of the baseline solve.</summary>
    public Models.Numerics.SolverDiagnostics BaselineDiagnostics => _msBase?.Diagnostics ?? _osBase!.Equilibrium.Diagnostics;

    /// <summary>Dataset name.</summary>
    public string DatasetName => _ms?.Name ?? _world!.Name;

    /// <summary>Countries of the model (for resolving observer groups).</summary>
    public CountrySet Countries => _ms?.Regions ?? _world!.Countries;

    private void CheckCodes()
    {
        var file = _spec.SourceFile;
        foreach (var p in _spec.Parties)
            if (Countries.IndexOf(p.Code) < 0) throw new ParleyInputException(file, null, "parties.code", p.Code, $"a country of dataset '{DatasetName}'");
        foreach (var o in _spec.Observers)
            if (Countries.TryResolve(o) is null) throw new ParleyInputException(file, null, "observers", o, $"a country or group of dataset '{DatasetName}'");
        foreach (var t in _spec.Parties.SelectMany(p => p.Objective))
        {
            if (t.Partner is { } partner && Countries.IndexOf(partner) < 0) throw new ParleyInputException(file, null, "objective.partner", partner, $"a country of dataset '{DatasetName}'");
            if (t.Sector is { } sector && _ms?.FindSector(sector) is null) throw new ParleyInputException(file, null, "objective.sector", sector, $"a sector of dataset '{DatasetName}'");
        }
        foreach (var tr in _spec.Issues.SelectMany(i => i.Options).SelectMany(o => o.Transfers).Concat(_spec.Batna.Transfers))
            foreach (var code in new[] { tr.From, tr.To })
                if (Countries.IndexOf(code) < 0) throw new ParleyInputException(file, null, "transfers", code, $"a country of dataset '{DatasetName}'");
    }

    /// <summary>Evaluates every package in parallel (warm-started from the baseline).</summary>
    public IReadOnlyList<PackageOutcome> EvaluateAll(IReadOnlyList<Package> packages, Action<int, int>? progress = null)
    {
        var results = new PackageOutcome[packages.Count];
        var done = 0;
        Parallel.For(0, packages.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, k =>
        {
            results[k] = Evaluate(Changes(packages[k]), Transfers(packages[k]), $"package {k}", Overlays(packages[k]));
            progress?.Invoke(Interlocked.Increment(ref done), packages.Count);
        });
        return results;
    }

    /// <summary>The BATNA's outcome.</summary>
    public PackageOutcome EvaluateBatna() => Evaluate(_spec.Batna.Tariffs, _spec.Batna.Transfers, "BATNA");

    private IReadOnlyList<TariffChange> Changes(Package p) => _spec.Issues.SelectMany((issue, k) => issue.Options[p.Choices[k]].Tariffs).ToArray();

    private IReadOnlyList<string> Overlays(Package p) =>
        _spec.Issues.Select((issue, k) => issue.Options[p.Choices[k]].Overlay).OfType<string>().ToArray();

    /// <summary>Baseline tariffs rebuilt from the schedule with the given overlays (cached per combination).</summary>
    private double[] BaseTariffs(IReadOnlyList<string> overlays)
    {
        if (overlays.Count == 0) return _msBaseTariffs ?? _osBaseTariffs!;
        var key = string.Join("|", overlays);
        return _overlayBases.GetOrAdd(key, _ => new Lazy<double[]>(() => _ms is { } d
            ? MultiSectorScenario.BuildTariffs(_spec.Baseline, d, overlays)
            : OneSectorScenario.BuildTariffs(_spec.Baseline, _world!, _economy!, overlays))).Value;
    }

    private IReadOnlyList<TransferChange> Transfers(Package p) => _spec.Issues.SelectMany((issue, k) => issue.Options[p.Choices[k]].Transfers).ToArray();

    /// <summary>Outcomes of the baseline plus the given changes.</summary>
    public PackageOutcome Evaluate(IReadOnlyList<TariffChange> changes, IReadOnlyList<TransferChange> transfers, string label, IReadOnlyList<string>? overlays = null)
    {
        var baseTariffs = BaseTariffs(overlays ?? []);
        var values = new Dictionary<string, double>();
        var file = _spec.SourceFile;
        if (_ms is { } d)
        {
            var t = MultiSectorScenario.ApplyChanges((double[])baseTariffs.Clone(), changes, d, file);
            var deficits = (double[])_msBaseDeficits!.Clone();
            var unit = 1e3 / MultiSectorScenario.ToUsdMillions(d); // USD bn → dataset units
            foreach (var tr in transfers)
            {
                deficits[d.Regions.Require(tr.To)] += tr.UsdBillions * unit;
                deficits[d.Regions.Require(tr.From)] -= tr.UsdBillions * unit;
            }
            var c = MultiSectorModel.Solve($"{_spec.Name}: {label}", d, t, deficits, start: _msBase);
            var fx = MultiSectorExperiment.Effects(label, d, _msBase!, c);
            MultiSectorOutcomes(d, fx, values);
        }
        else
        {
            var w = _world!;
            var t = OneSectorScenario.ApplyChanges((double[])baseTariffs.Clone(), changes, w, file);
            var economy = _economy!;
            if (transfers.Count > 0)
            {
                var tr = (double[])economy.Transfers.Clone();
                foreach (var x in transfers)
                {
                    tr[w.Countries.Require(x.To)] += x.UsdBillions * 1e6;
                    tr[w.Countries.Require(x.From)] -= x.UsdBillions * 1e6;
                }
                economy = economy with { Transfers = tr };
            }
            var r = EquilibriumSolver.Solve($"{_spec.Name}: {label}", economy, t, _params!, _osWarm!);
            OneSectorOutcomes(w, r, values);
        }
        return new PackageOutcome(values, Utility(_spec.Parties[0], values), Utility(_spec.Parties[1], values));
    }

    /// <summary>A party's utility from outcome values.</summary>
    public static double Utility(Party p, IReadOnlyDictionary<string, double> values) =>
        p.Objective.Sum(t => t.Weight * values.GetValueOrDefault($"{p.Code}/{t.Key}"));

    private IEnumerable<string> Reported() => _spec.Parties.Select(p => p.Code).Concat(_spec.Observers);

    private IEnumerable<string> Sectors() => _spec.Parties.SelectMany(p => p.Objective).Where(t => t.Sector is not null).Select(t => t.Sector!)
        .Concat(_spec.Issues.SelectMany(i => i.Options).SelectMany(o => o.Tariffs).Where(c => c.Sectors is not null).SelectMany(c => c.Sectors!)).Distinct();

    private void MultiSectorOutcomes(MultiSectorDataset d, MultiSectorResult fx, Dictionary<string, double> values)
    {
        var b = fx.Baseline;
        var c = fx.Counterfactual;
        foreach (var label in Reported())
        {
            var members = d.Regions.TryResolve(label)!;
            double Mean(Func<int, double> f) => members.Sum(k => b.Income[k] * f(k)) / members.Sum(k => b.Income[k]);
            values[$"{label}/welfare"] = Mean(k => fx.Regions[k].RealIncome);
            values[$"{label}/real_wage"] = Mean(k => fx.Regions[k].RealWage);
            values[$"{label}/exports"] = Mean(k => fx.Regions[k].Exports);
            values[$"{label}/tariff_revenue"] = 100 * members.Sum(k => c.TariffRevenue[k] - b.TariffRevenue[k]) / members.Sum(k => b.Income[k]);
            foreach (var code in Sectors())
                if (d.FindSector(code) is { } s)
                {
                    double before = members.Sum(k => b.GrossOutput[k * d.J + s.Index]), after = members.Sum(k => c.GrossOutput[k * d.J + s.Index]);
                    values[$"{label}/sector_output:{code}"] = before > 0 ? 100 * (after / before - 1) : 0;
                }
        }
        foreach (var p in _spec.Parties)
            foreach (var t in p.Objective.Where(t => t.Partner is not null))
            {
                int i = d.Regions.Require(p.Code), k = d.Regions.Require(t.Partner!);
                double Balance(MultiSectorEquilibrium e) => Enumerable.Range(0, d.J).Sum(j => e.Flow(j, i, k) - e.Flow(j, k, i));
                values[$"{p.Code}/{t.Key}"] = 100 * (Balance(c) - Balance(b)) / b.Income[i];
            }
    }

    private void OneSectorOutcomes(WorldDataset w, OneSectorResult r, Dictionary<string, double> values)
    {
        var b = _osBase!;
        var e = r.Economy;
        var n = e.N;
        foreach (var label in Reported())
        {
            var members = w.Countries.TryResolve(label)!;
            double Mean(Func<int, double> f) => members.Sum(k => e.Absorption[k] * f(k)) / members.Sum(k => e.Absorption[k]);
            double Exports(OneSectorResult x, int k) => Enumerable.Range(0, n).Where(j => j != k).Sum(j => x.Equilibrium.Flows[k * n + j]);
            values[$"{label}/welfare"] = Mean(k => r.Countries[k].Welfare - b.Countries[k].Welfare);
            values[$"{label}/real_wage"] = Mean(k => r.Countries[k].RealWage - b.Countries[k].RealWage);
            values[$"{label}/employment"] = Mean(k => r.Countries[k].Employment - b.Countries[k].Employment);
            values[$"{label}/exports"] = Mean(k => 100 * (Exports(r, k) / Exports(b, k) - 1));
            values[$"{label}/tariff_revenue"] = 100 * members.Sum(k => r.Equilibrium.TariffRevenue[k] - b.Equilibrium.TariffRevenue[k]) / members.Sum(k => e.Absorption[k]);
        }
        foreach (var p in _spec.Parties)
            foreach (var t in p.Objective.Where(t => t.Partner is not null))
            {
                int i = w.Countries.Require(p.Code), k = w.Countries.Require(t.Partner!);
                double Balance(OneSectorResult x) => x.Equilibrium.Flows[i * n + k] - x.Equilibrium.Flows[k * n + i];
                values[$"{p.Code}/{t.Key}"] = 100 * (Balance(r) - Balance(b)) / e.Absorption[i];
            }
    }
}
