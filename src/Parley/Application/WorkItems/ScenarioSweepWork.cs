// The `scenario-sweep` work kind: a scenario file with `sweep:` cut into one work item per variant, so a real Parley
// computation runs on any IWorkExecutor. Item k is variant k exactly as SweepRunner runs it (same status quo, same solver
// options, ScenarioRunner.Run), so the values are bit-for-bit SweepRunner's. The status quo is pinned when the spec is
// made (option `today`), so a worker on another machine, or after midnight, compares with the same tariffs.
//
// Result layout of item k (doubles, decision 0030): [0] the money base year (NaN when the data has none), then for each
// label of the file's `report:` list, in that order, the ten statistics of ComparisonStatistics.Names in that order
// (NaN where the model has no such statistic, e.g. employment in the multi-sector model). Per-sector statistics of a
// multi-sector sweep are not carried (sweep.csv of a local run has them).
using System.Globalization;
using Parley.Models.Numerics;
using Parley.Scenarios;

namespace Parley.Application.WorkItems;

/// <summary>A sweep file as work items: item k = variant k; see the file header for the result layout.</summary>
public sealed class ScenarioSweepWork : IWorkSweep
{
    private const string TodayOption = "today", DirectoryOption = "directory", StatusQuoOption = "status_quo", StatusQuoBaseOption = "status_quo_base";
    private const string ToleranceOption = "tolerance", MaxIterationsOption = "max_iterations", MaxVariantsOption = "max_variants";
    private readonly Scenario _scenario;
    private readonly Sweep _sweep;
    private readonly StatusQuo _statusQuo;
    private readonly NewtonOptions? _newton;
    private readonly AndersonOptions? _fixedPoint;
    private readonly string _command;

    private ScenarioSweepWork(WorkSweepSpec spec)
    {
        Fingerprint = spec.Fingerprint;
        var o = spec.Options;
        var directory = o.TryGetValue(DirectoryOption, out var d) ? d : Directory.GetCurrentDirectory();
        var path = Path.Combine(directory, Path.GetFileName(spec.SourceName));
        _scenario = ScenarioFile.ReadText(spec.InputText, path);
        if (o.TryGetValue(StatusQuoOption, out var sq))
            _scenario = _scenario with { StatusQuo = StatusQuo.Parse(sq, "(command line)", null, "--status-quo", o.GetValueOrDefault(StatusQuoBaseOption, directory)) };
        _sweep = _scenario.Sweep ?? throw new ParleyInputException(spec.SourceName, null, "sweep", null, "a 'sweep:' key naming the parameter to vary");
        var max = o.TryGetValue(MaxVariantsOption, out var m) ? int.Parse(m, CultureInfo.InvariantCulture) : Sweep.DefaultMaxVariants;
        var limits = new SweepRunOptions { MaxVariants = max }.Validated();
        if (_sweep.Values.Count > limits.MaxVariants)
            throw new ParleyInputException(spec.SourceName, _sweep.Line, "sweep", $"{_sweep.Values.Count.ToString(CultureInfo.InvariantCulture)} variants",
                $"at most {limits.MaxVariants.ToString(CultureInfo.InvariantCulture)} variants (raise the limit with --max-variants)");
        DateOnly? today = o.TryGetValue(TodayOption, out var t) ? DateOnly.ParseExact(t, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null;
        _statusQuo = StatusQuoTariffs.Resolve(_scenario, today);
        var tolerance = o.TryGetValue(ToleranceOption, out var tol) ? double.Parse(tol, CultureInfo.InvariantCulture) : (double?)null;
        var iterations = o.TryGetValue(MaxIterationsOption, out var it) ? int.Parse(it, CultureInfo.InvariantCulture) : (int?)null;
        if (tolerance is not null || iterations is not null)
        {
            var newton = new NewtonOptions();
            var fixedPoint = new AndersonOptions();
            _newton = newton with { Tolerance = tolerance ?? newton.Tolerance, MaxIterations = iterations ?? newton.MaxIterations };
            _fixedPoint = fixedPoint with { Tolerance = tolerance ?? fixedPoint.Tolerance, MaxIterations = iterations ?? fixedPoint.MaxIterations };
        }
        _command = "parley simulate " + spec.SourceName;
    }

    /// <inheritdoc />
    public string Fingerprint { get; }

    /// <inheritdoc />
    public int Count => _sweep.Values.Count;

    /// <summary>The sweep file's scenario, as read from the spec.</summary>
    public Scenario Scenario => _scenario;

    /// <summary>What the sweep was varied over.</summary>
    public Sweep Sweep => _sweep;

    /// <summary>A sentence naming the status quo every variant is measured against.</summary>
    public string StatusQuoDescription => StatusQuoTariffs.Describe(_statusQuo, _scenario);

    /// <summary>Length of every item's result: 1 + 10 × the number of <c>report:</c> labels.</summary>
    public int ResultLength => 1 + ComparisonStatistics.Names.Count * _scenario.Report.Count;

    /// <summary>Rebuilds the sweep of a <see cref="WorkSweepKinds.ScenarioSweep"/> spec (parsing only: no solve).</summary>
    public static ScenarioSweepWork Open(WorkSweepSpec spec) => new(spec);

    /// <summary>The spec of sweep file <paramref name="path"/>: its text, its directory (relative paths in the file), the
    /// status quo pinned at <paramref name="today"/> (default: today), and the options that change results.</summary>
    public static WorkSweepSpec Spec(string path, SweepRunOptions? options = null, double? tolerance = null, int? maxIterations = null,
        string? statusQuo = null, DateOnly? today = null)
    {
        var inv = CultureInfo.InvariantCulture;
        var text = Internals.InputFiles.ReadText(path, "YAML file", InputLimits.MaxYamlBytes);
        var o = (options ?? new SweepRunOptions()).Validated();
        var opts = new Dictionary<string, string>
        {
            [DirectoryOption] = Path.GetDirectoryName(Path.GetFullPath(path))!,
            [TodayOption] = (today ?? DateOnly.FromDateTime(DateTime.Today)).ToString("yyyy-MM-dd", inv),
            [MaxVariantsOption] = o.MaxVariants.ToString(inv),
        };
        if (tolerance is { } tol) opts[ToleranceOption] = tol.ToString("R", inv);
        if (maxIterations is { } max) opts[MaxIterationsOption] = max.ToString(inv);
        if (statusQuo is { } sq)
        {
            opts[StatusQuoOption] = sq;
            opts[StatusQuoBaseOption] = Directory.GetCurrentDirectory(); // as `simulate --status-quo` reads a scenario path
        }
        var spec = new WorkSweepSpec(WorkSweepKinds.ScenarioSweep, path, text, opts);
        _ = Open(spec); // input errors now, on the submitting machine, before any work is sent
        return spec;
    }

    /// <inheritdoc />
    public double[] Evaluate(int item, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(item);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(item, Count);
        cancellationToken.ThrowIfCancellationRequested();
        var variant = _sweep.Variant(_scenario, _sweep.Values[item]) with { StatusQuo = _statusQuo };
        var view = ScenarioRunner.Run(variant, _command, _newton, _fixedPoint).StatusQuo!;
        var result = new double[ResultLength];
        Array.Fill(result, double.NaN);
        result[0] = view.BaseYear ?? double.NaN;
        for (var label = 0; label < view.Rows.Count; label++) // the change rows are in report: order
            foreach (var row in ComparisonStatistics.Rows("", [view.Rows[label]], view.BaseYear))
                if (IndexOf(ComparisonStatistics.Names, row.Statistic) is var stat and >= 0)
                    result[1 + label * ComparisonStatistics.Names.Count + stat] = row.Value;
        return result;
    }

    /// <summary>The sweep's rows (as <see cref="SweepResult.Rows"/>, without per-sector statistics) from its items' results.</summary>
    public IReadOnlyList<SweepRow> Rows(IReadOnlyList<double[]> results)
    {
        if (results.Count != Count) throw new ArgumentException($"{results.Count} results for a sweep of {Count} items", nameof(results));
        var rows = new List<SweepRow>();
        var names = ComparisonStatistics.Names;
        for (var k = 0; k < results.Count; k++)
        {
            var r = results[k];
            if (r.Length != ResultLength) throw new ArgumentException($"item {k}: {r.Length} values, expected {ResultLength}", nameof(results));
            int? baseYear = double.IsNaN(r[0]) ? null : (int)r[0];
            for (var i = 0; i < _scenario.Report.Count; i++)
                for (var j = 0; j < names.Count; j++)
                    if (r[1 + i * names.Count + j] is var v && !double.IsNaN(v))
                        rows.Add(new SweepRow(k + 1, _sweep.Values[k], Label(_scenario.Report[i]), names[j], v, Unit(names[j], baseYear)));
        }
        return rows;
    }

    /// <summary>The unit <see cref="ComparisonStatistics.Rows"/> gives a statistic.</summary>
    private static string Unit(string statistic, int? baseYear) => statistic switch
    {
        "welfare_usd_latest_gdp" => LatestGdp.Unit,
        "welfare_usd" or "tariff_revenue_usd" or "deficit_usd" => baseYear is { } y ? $"USD billions ({y.ToString(CultureInfo.InvariantCulture)})" : "USD billions",
        _ => "percent",
    };

    /// <summary>A report label as the change rows name it (codes, groups and WORLD in capitals).</summary>
    private static string Label(string label) => label.Trim().ToUpperInvariant();

    private static int IndexOf(IReadOnlyList<string> list, string value)
    {
        for (var i = 0; i < list.Count; i++)
            if (list[i] == value) return i;
        return -1;
    }
}
