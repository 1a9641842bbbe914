// A structural-gravity experiment (docs/models/structural-gravity.md): coefficients β (typed or estimated), the
// counterfactual edits of pair variables, and the cost indices T = exp(Σ β x) (G-1) for baseline and counterfactual,
// handed to StructuralGravity. Why β and V travel together: the Monte Carlo of (G-16) needs the covariance of the same fit.
using System.Globalization;
using Parley.Internals;

using Parley.Data;
using Parley.Models.Estimation;
using Parley.Models.Gravity;

namespace Parley.Gravity;

/// <summary>A change to one pair variable in the counterfactual.</summary>
/// <param name="Variable">Pair variable.</param>
/// <param name="Exporter">Exporter code.</param>
/// <param name="Importer">Importer code.</param>
/// <param name="Value">New value.</param>
public sealed record PairChange(string Variable, string Exporter, string Importer, double Value);

/// <summary>A structural-gravity experiment read from YAML (example: <c>examples/can-jpn-pta.yaml</c>).</summary>
/// <param name="Name">Name.</param>
/// <param name="Data">Data.</param>
/// <param name="Sigma">Elasticity of substitution σ &gt; 1.</param>
/// <param name="Reference">Reference importer (P_R = 1).</param>
/// <param name="Variant">Full-GE variant.</param>
/// <param name="Coefficients">Cost coefficients β by variable (order kept for the covariance).</param>
/// <param name="Covariance">K×K covariance of β (row order = <paramref name="Coefficients"/>), or null.</param>
/// <param name="Changes">Counterfactual changes.</param>
/// <param name="Trials">Monte Carlo trials (0 = none).</param>
/// <param name="Seed">Monte Carlo seed.</param>
/// <param name="SourceFile">File read.</param>
public sealed record GravityExperiment(string Name, GravityData Data, double Sigma, string Reference, GravityVariant Variant,
    IReadOnlyList<(string Variable, double Beta)> Coefficients, double[,]? Covariance, IReadOnlyList<PairChange> Changes, int Trials, int Seed, string SourceFile)
{
    private static readonly Dictionary<string, GravityVariant> Variants = new() { ["gegravity"] = GravityVariant.Gegravity, ["textbook"] = GravityVariant.Textbook };

    /// <summary>Reads and validates the file.</summary>
    public static GravityExperiment Read(string path)
    {
        var root = YamlMap.Load(path);
        var name = root.RequiredString("name", "an experiment name");
        var dataKey = root.RequiredString("data", "gegravity-sample or a CSV file");
        var dataPath = dataKey == "gegravity-sample"
            ? Path.Combine(BundledData.Root, "gegravity-sample", "sample_data_set.csv")
            : Path.GetFullPath(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, dataKey));
        var data = GravityDataReader.Read(dataPath, root.String("year"));
        var sigma = root.Number("sigma", 1.0001, 100) ?? throw root.Error("sigma", null, null, "the elasticity of substitution σ > 1");
        var reference = root.RequiredString("reference_importer", "a country code");
        if (data.IndexOf(reference) < 0) throw root.Error("reference_importer", null, reference, "a country of the data");
        var variant = root.Enum("variant", Variants) ?? GravityVariant.Gegravity;
        var coefficients = new List<(string Name, double Beta)>();
        double[,]? estimatedCov = null;
        if (root.Map("coefficients_from") is { } cf)
        {
            // Coefficients and their covariance from an estimation file (PPML with fixed effects): the estimate → simulate link.
            var estimationPath = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, cf.RequiredString("estimation", "an estimation file")));
            var column = cf.RequiredString("column", "the column name of the estimation to use");
            cf.RejectUnknownKeys();
            var spec = EstimationFile.Read(estimationPath);
            var input = spec.Columns.FirstOrDefault(c => c.Name == column) ?? throw cf.Error("column", null, column, "a column of " + Path.GetFileName(estimationPath) + ": " + string.Join(", ", spec.Columns.Select(c => c.Name)));
            var fit = GravityEstimator.Estimate(input);
            foreach (var c in fit.Coefficients)
            {
                if (!data.Variables.ContainsKey(c.Variable)) throw cf.Error("column", null, c.Variable, "estimated regressors that are pair variables of the GE data");
                coefficients.Add((c.Variable, c.Estimate));
            }
            estimatedCov = fit.Covariance;
        }
        if (root.Map("coefficients") is { } cm)
            foreach (var k in cm.Keys())
            {
                if (!data.Variables.ContainsKey(k.Name)) throw new ParleyInputException(path, k.Line, "coefficients." + k.Name, k.Name, "a pair variable of the data: " + string.Join(", ", data.Variables.Keys));
                if (coefficients.Any(c => c.Name == k.Name)) throw new ParleyInputException(path, k.Line, "coefficients." + k.Name, k.Name, "a variable not already taken from coefficients_from");
                coefficients.Add((k.Name, cm.Number(k.Name, -1e6, 1e6)!.Value));
            }
        if (coefficients.Count == 0) throw root.Error("coefficients", null, null, "a 'coefficients:' mapping of cost variables to coefficients, or 'coefficients_from:'");
        double[,]? covariance = null;
        if (estimatedCov is not null || root.Has("standard_errors"))
        {
            covariance = new double[coefficients.Count, coefficients.Count];
            var estimated = estimatedCov?.GetLength(0) ?? 0;
            for (var a = 0; a < estimated; a++)
                for (var b = 0; b < estimated; b++) covariance[a, b] = estimatedCov![a, b];
            if (root.Map("standard_errors") is { } se)
            {
                for (var k = estimated; k < coefficients.Count; k++)
                {
                    var sd = se.Number(coefficients[k].Name, 0, 1e6) ?? throw se.Error(coefficients[k].Name, null, null, "a standard error for every coefficient not estimated here");
                    covariance[k, k] = sd * sd;
                }
                se.RejectUnknownKeys();
            }
        }
        var changes = root.MapList("counterfactual").Select(c =>
        {
            var variable = c.RequiredString("variable", "a pair variable");
            if (!data.Variables.ContainsKey(variable)) throw c.Error("variable", null, variable, "a pair variable of the data");
            var ex = c.RequiredString("exporter", "an exporter code");
            var im = c.RequiredString("importer", "an importer code");
            if (data.IndexOf(ex) < 0) throw c.Error("exporter", null, ex, "a country of the data");
            if (data.IndexOf(im) < 0) throw c.Error("importer", null, im, "a country of the data");
            var value = c.Number("value", -1e9, 1e9) ?? throw c.Error("value", null, null, "the new value");
            c.RejectUnknownKeys();
            return new PairChange(variable, ex, im, value);
        }).ToArray();
        if (changes.Length == 0) throw root.Error("counterfactual", null, null, "at least one change, e.g. '- { variable: pta, exporter: JPN, importer: CAN, value: 1 }'");
        int trials = 0, seed = 0;
        if (root.Map("monte_carlo") is { } mc)
        {
            trials = (int)(mc.Number("trials", 1, 1_000_000) ?? 1000);
            seed = (int)(mc.Number("seed", 0, int.MaxValue) ?? 0);
            mc.RejectUnknownKeys();
            if (covariance is null) throw mc.Error("trials", null, null, "'standard_errors:' (the covariance of the coefficients) for Monte Carlo draws");
        }
        root.RejectUnknownKeys();
        return new GravityExperiment(name, data, sigma, reference, variant, coefficients.ToArray(), covariance, changes, trials, seed, path);
    }

    /// <summary>Counterfactual pair variables (copies of the changed variables).</summary>
    public IReadOnlyDictionary<string, double[]> CounterfactualVariables()
    {
        var result = new Dictionary<string, double[]>();
        foreach (var c in Changes)
        {
            if (!result.TryGetValue(c.Variable, out var v)) result[c.Variable] = v = (double[])Data.Variables[c.Variable].Clone();
            v[Data.IndexOf(c.Exporter) * Data.N + Data.IndexOf(c.Importer)] = c.Value;
        }
        return result;
    }

    /// <summary>Runs the experiment with given coefficients (the point estimates by default).</summary>
    public GravityResult Run(IReadOnlyList<double>? betas = null)
    {
        var coefficients = Coefficients.Select((c, k) => (c.Variable, betas is null ? c.Beta : betas[k])).ToDictionary(x => x.Variable, x => x.Item2);
        var t0 = Data.CostIndex(coefficients);
        var t1 = Data.CostIndex(coefficients, CounterfactualVariables());
        return StructuralGravity.Simulate(Data, t0, t1, Sigma, Reference, Variant, SourceFile);
    }

    /// <summary>Formats a number for CSV.</summary>
    public static string F(double v) => v.ToString("R", CultureInfo.InvariantCulture);
}
