// The first-order screen of docs/models/uncertainty.md (U-5)–(U-8). At the central inputs z₀ every package and the BATNA
// are solved once; each model input k is then moved by h_k = η·σ_k and everything re-solved, giving the directional
// derivatives g_k = (y(z₀ + h_k e_k) − y(z₀))/h_k (U-5). Four probe solves per row along ±Rademacher directions measure how
// far outcomes leave the tangent plane; the largest miss per unit squared standardised distance, κ, times a safety factor
// bounds the screening error of a draw (U-6)–(U-7). Draws farther out than the probes are solved exactly (U-8). Trade
// elasticities enter through ζ = 1/θ (U-5): outcomes move with 1/θ far more linearly than with θ (gains from trade ∝ 1/θ).
using Parley.Negotiation;

namespace Parley.Negotiation.Uncertainty;

/// <summary>Options of the screen.</summary>
public sealed record ScreenOptions
{
    /// <summary>Finite-difference step as a fraction η of each input's standard deviation. Default 0.1.</summary>
    public double Step { get; init; } = 0.1;

    /// <summary>Safety factor S on the probes' measured curvature in the error bound (U-7). Default 4.</summary>
    public double Safety { get; init; } = 4.0;

    /// <summary>Absolute floor of the error bound, outcome units (percent): covers solver tolerance. Default 1e-8.</summary>
    public double Floor { get; init; } = 1e-8;

    /// <summary>Draws whose standardised distance exceeds this multiple of the probes' are solved exactly (U-8). Default 1.5.</summary>
    public double Reach { get; init; } = 1.5;
}

/// <summary>Central outcomes, derivatives and curvature bounds of every row (packages, then the BATNA).</summary>
public sealed class DrawScreen
{
    private readonly double[][] _center;      // [row][key]
    private readonly double[][][] _gradient;  // [row][key][model input]
    private readonly double[][] _kappa;       // [row][key]
    private readonly int[] _model;            // indices of model inputs among the layout's inputs
    private readonly double[] _z0, _sigma, _lo, _hi; // in screen coordinates ζ
    private readonly bool[] _reciprocal;
    private readonly double _probeRadius2;

    /// <summary>Solves the centre, the derivative points and the probes (in that order, each with every row).</summary>
    public DrawScreen(DrawLayout layout, ModelEvaluation evaluate, ScreenOptions? options = null)
    {
        Options = options ?? new ScreenOptions();
        var inputs = layout.Inputs;
        _model = Enumerable.Range(0, inputs.Count).Where(k => inputs[k].IsModelInput).ToArray();
        _reciprocal = inputs.Select(i => i.Kind == UncertainInputKind.TradeElasticity).ToArray();
        var center = inputs.Select(i => i.Distribution.Center).ToArray();
        _z0 = ToScreen(center);
        _sigma = inputs.Select((i, k) => _reciprocal[k] ? i.Distribution.StandardDeviation / (center[k] * center[k]) : i.Distribution.StandardDeviation).ToArray();
        _lo = inputs.Select((i, k) => _reciprocal[k] ? 1 / i.Distribution.Upper : i.Distribution.Lower).ToArray();
        _hi = inputs.Select((i, k) => _reciprocal[k] ? 1 / i.Distribution.Lower : i.Distribution.Upper).ToArray();
        _center = evaluate(center, null);
        Solves = _center.Length;
        var rows = _center.Length;
        var keys = layout.Keys.Count;
        _gradient = new double[rows][][];
        for (var r = 0; r < rows; r++)
        {
            _gradient[r] = new double[keys][];
            for (var q = 0; q < keys; q++) _gradient[r][q] = new double[_model.Length];
        }
        for (var m = 0; m < _model.Length; m++)
        {
            var k = _model[m];
            var h = Options.Step * _sigma[k];
            if (_z0[k] + h > _hi[k]) h = -h;
            var z = (double[])_z0.Clone();
            z[k] += h;
            var y = evaluate(FromScreen(z), null);
            Solves += rows;
            for (var r = 0; r < rows; r++)
                for (var q = 0; q < keys; q++) _gradient[r][q][m] = (y[r][q] - _center[r][q]) / h;
        }
        _kappa = new double[rows][];
        for (var r = 0; r < rows; r++) _kappa[r] = new double[keys];
        _probeRadius2 = _model.Length == 0 ? 0 : double.PositiveInfinity;
        foreach (var probe in Probes(inputs))
        {
            var s2 = Distance2(probe);
            _probeRadius2 = Math.Min(_probeRadius2, s2);
            var y = evaluate(probe, null);
            Solves += rows;
            for (var r = 0; r < rows; r++)
            {
                var lin = Linear(r, probe);
                for (var q = 0; q < keys; q++) _kappa[r][q] = Math.Max(_kappa[r][q], Math.Abs(y[r][q] - lin[q]) / s2);
            }
        }
    }

    /// <summary>The options used.</summary>
    public ScreenOptions Options { get; }

    /// <summary>Rows solved to build the screen: <see cref="SolveCount"/> of its rows and model inputs.</summary>
    public int Solves { get; }

    /// <summary>Probe points per screen: ± along each of two sign vectors (U-6).</summary>
    public const int ProbeCount = 4;

    /// <summary>Rows solved to build a screen of <paramref name="rows"/> rows (packages and the BATNA) and
    /// <paramref name="modelInputs"/> model inputs, known before building it: the centre, one derivative point per model
    /// input and the probes (none without model inputs), each with every row.</summary>
    public static int SolveCount(int rows, int modelInputs) => rows * (1 + modelInputs + (modelInputs > 0 ? ProbeCount : 0));

    /// <summary>True when some input changes the equilibrium (otherwise draws only re-rank the central outcomes, exactly).</summary>
    public bool HasModelInputs => _model.Length > 0;

    private double[] ToScreen(double[] x) => x.Select((v, k) => _reciprocal[k] ? 1 / v : v).ToArray();

    private double[] FromScreen(double[] z) => z.Select((v, k) => _reciprocal[k] ? 1 / v : v).ToArray();

    /// <summary>Squared standardised distance Σ_k ((ζ_k − ζ₀_k)/σ_k)² over the model inputs, ζ the screen coordinates of the input values <paramref name="x"/> (U-6).</summary>
    public double Distance2(double[] x)
    {
        var z = ToScreen(x);
        double s = 0;
        foreach (var k in _model) s += (z[k] - _z0[k]) * (z[k] - _z0[k]) / (_sigma[k] * _sigma[k]);
        return s;
    }

    /// <summary>True when the draw lies within <see cref="ScreenOptions.Reach"/> times the probes' distance (U-8).</summary>
    public bool Covers(double[] z) => Distance2(z) <= Options.Reach * Options.Reach * _probeRadius2;

    /// <summary>The first-order outcomes of row <paramref name="row"/> at input values <paramref name="x"/> (U-5).</summary>
    public double[] Linear(int row, double[] x)
    {
        var z = ToScreen(x);
        var c = _center[row];
        var y = (double[])c.Clone();
        for (var q = 0; q < y.Length; q++)
        {
            var g = _gradient[row][q];
            for (var m = 0; m < _model.Length; m++) y[q] += g[m] * (z[_model[m]] - _z0[_model[m]]);
        }
        return y;
    }

    /// <summary>Bound on |exact − linear| of each outcome of row <paramref name="row"/> at input values <paramref name="x"/> (U-7).</summary>
    public double[] Bound(int row, double[] x)
    {
        if (!HasModelInputs) return new double[_kappa[row].Length];
        var s2 = Distance2(x);
        return _kappa[row].Select(k => Options.Safety * k * s2 + Options.Floor).ToArray();
    }

    /// <summary>Probe points (input units): ζ₀ ± a∘v for two fixed Rademacher sign vectors v, a_k = min(σ_k, 0.9 × room to each bound).</summary>
    private List<double[]> Probes(IReadOnlyList<UncertainInput> inputs)
    {
        var result = new List<double[]>();
        if (_model.Length == 0) return result;
        var sampler = new DrawSampler(_model.Select(_ => new UncertainInput(UncertainInputKind.Weight, "sign", [], Distribution.Uniform(0, 1), "probe")).ToArray(), 0x9E0B);
        for (var v = 0; v < ProbeCount / 2; v++)
        {
            var signs = sampler.Draw(v);
            foreach (var direction in new[] { 1.0, -1.0 })
            {
                var z = (double[])_z0.Clone();
                for (var m = 0; m < _model.Length; m++)
                {
                    var k = _model[m];
                    var a = Math.Min(_sigma[k], 0.9 * Math.Min(_z0[k] - _lo[k], _hi[k] - _z0[k]));
                    z[k] += direction * (signs[m] < 0.5 ? -a : a);
                }
                result.Add(FromScreen(z));
            }
        }
        return result;
    }
}

/// <summary>Solves rows at given input values: returns [row][key] for every row (packages, then the BATNA) when
/// <paramref name="rows"/> is null, else only for the listed rows (in that order).</summary>
public delegate double[][] ModelEvaluation(double[] inputs, IReadOnlyList<int>? rows);
