// The GRAS steps (W-3)–(W-5) of the world-2022 update (docs/world-2022.md): domestic sales set to their targets, each
// exporter's export block fitted to its sector and destination targets, each importer's use block fitted to the new
// absorption and to its sectors' intermediate inputs. Kept apart from the file writing in WorldUpdateBuilder.
namespace Parley.Data.Build.Internals;

/// <summary>Runs the update on a WIOD prior; results in <see cref="Flows"/> ([j][i][r]) and <see cref="Use"/> ([r][k][35 inputs + 5 final]).</summary>
internal sealed class WorldUpdate(WiodPrior prior, WorldTargets targets, bool[] goods, GrasOptions options)
{
    public bool[] Goods { get; } = goods;
    public double[] Flows { get; } = (double[])prior.Flows.Clone();
    public double[] Use { get; private set; } = [];

    /// <summary>Target goods exports by pair [i][r] (BACI share × the exporter's ADB goods exports).</summary>
    public double[] GoodsPairTarget { get; } = new double[prior.N * prior.N];

    public int Blocks { get; private set; }
    public int NotConverged { get; private set; }
    public int Infeasible { get; private set; }

    public void Run()
    {
        int n = prior.N, jn = prior.J;
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < jn; j++) Flows[(j * n + i) * n + i] = targets.Domestic[i * jn + j]; // (W-3)
            FitExports(i, sectorsOf: true);   // goods: sectors × destinations (W-4)
            FitExports(i, sectorsOf: false);  // services: rows only
        }
        FitUse(); // (W-5)
    }

    private void FitExports(int i, bool sectorsOf)
    {
        int n = prior.N, jn = prior.J;
        var rows = Enumerable.Range(0, jn).Where(j => Goods[j] == sectorsOf).ToArray();
        var dest = Enumerable.Range(0, n).Where(r => r != i).ToArray();
        var block = new double[rows.Length * dest.Length];
        for (var a = 0; a < rows.Length; a++)
            for (var b = 0; b < dest.Length; b++) block[a * dest.Length + b] = Flows[(rows[a] * n + i) * n + dest[b]];
        var rowTargets = rows.Select(j => targets.Output[i * jn + j] - targets.Domestic[i * jn + j]).ToArray();
        double[] colTargets;
        if (sectorsOf && targets.Measured[i])
        {
            // destinations BACI does not list (Taiwan) keep their 2011 share of i's goods exports; BACI shares fill the rest
            var total = rowTargets.Sum();
            double priorTotal = block.Sum(), priorUnmeasured = 0;
            for (var b = 0; b < dest.Length; b++)
                if (!targets.Measured[dest[b]])
                    for (var a = 0; a < rows.Length; a++) priorUnmeasured += block[a * dest.Length + b];
            var keep = priorTotal > 0 ? priorUnmeasured / priorTotal : 0;
            colTargets = dest.Select((r, b) => targets.Measured[r] ? targets.GoodsShare[i * n + r] * (1 - keep) * total
                : priorTotal > 0 ? Enumerable.Range(0, rows.Length).Sum(a => block[a * dest.Length + b]) / priorTotal * total : 0).ToArray();
            for (var b = 0; b < dest.Length; b++) GoodsPairTarget[i * n + dest[b]] = colTargets[b];
        }
        else colTargets = Enumerable.Repeat(double.NaN, dest.Length).ToArray(); // services, or an exporter BACI does not list
        Record(Gras.Fit(block, rows.Length, dest.Length, rowTargets, colTargets, options));
        for (var a = 0; a < rows.Length; a++)
            for (var b = 0; b < dest.Length; b++) Flows[(rows[a] * n + i) * n + dest[b]] = block[a * dest.Length + b];
    }

    private void FitUse()
    {
        int n = prior.N, jn = prior.J, fn = WiodPrior.FinalCategories.Length, w = jn + fn;
        Use = new double[n * jn * w];
        for (var r = 0; r < n; r++)
        {
            var block = new double[jn * w];
            for (var k = 0; k < jn; k++)
            {
                for (var j = 0; j < jn; j++) block[k * w + j] = prior.Inputs[(r * jn + k) * jn + j];
                for (var f = 0; f < fn; f++) block[k * w + jn + f] = prior.Final[(r * jn + k) * fn + f];
            }
            var absorption = new double[jn];
            for (var k = 0; k < jn; k++)
                for (var i = 0; i < n; i++) absorption[k] += Flows[(k * n + i) * n + r];
            var cols = Enumerable.Range(0, w).Select(c => c < jn ? targets.InputsPurchased[r * jn + c] : double.NaN).ToArray();
            Record(Gras.Fit(block, jn, w, absorption, cols, options));
            Array.Copy(block, 0, Use, r * jn * w, jn * w);
        }
    }

    private void Record(GrasResult result)
    {
        Blocks++;
        if (!result.Converged) NotConverged++;
        Infeasible += result.InfeasibleLines;
    }
}

/// <summary>(W-6): the model's inputs from the updated table, with the WIOD build's conventions.</summary>
internal sealed record ModelInputs(double[] Flows, double[] Output, double[] Io, double[] VaShare, double[] Final, double[] Alpha, double[] Deficits,
    int NegativeFlows, int Placeholders, int InputScaled, int FinalClipped)
{
    private const double Placeholder = 1e-6; // 1 USD in millions

    public static ModelInputs From(WiodPrior prior, double[] updatedFlows, double[] use)
    {
        int n = prior.N, jn = prior.J;
        var flows = (double[])updatedFlows.Clone();
        var negatives = 0;
        for (var c = 0; c < flows.Length; c++)
            if (flows[c] < 0) { flows[c] = 0; negatives++; }
        var (output, absorption, placeholders) = Totals(flows, n, jn);
        var (io, va, scaled) = WiodBuilder.InputCoefficients(use, jn + WiodPrior.FinalCategories.Length, output, n, jn);
        var (final, alpha, clipped) = FinalDemand(io, output, absorption, n, jn);
        var deficits = new double[n];
        for (var j = 0; j < jn; j++)
            for (var i = 0; i < n; i++)
                for (var r = 0; r < n; r++)
                    if (i != r) { deficits[r] += flows[(j * n + i) * n + r]; deficits[i] -= flows[(j * n + i) * n + r]; }
        return new ModelInputs(flows, output, io, va, final, alpha, deficits, negatives, placeholders, scaled, clipped);
    }

    /// <summary>Gross output (sales) and absorption by [region][sector]; a 1-USD domestic placeholder where either is zero.</summary>
    private static (double[] Output, double[] Absorption, int Placeholders) Totals(double[] flows, int n, int jn)
    {
        var output = new double[n * jn];
        var absorption = new double[n * jn];
        for (var j = 0; j < jn; j++)
            for (var i = 0; i < n; i++)
                for (var r = 0; r < n; r++)
                {
                    output[i * jn + j] += flows[(j * n + i) * n + r];
                    absorption[r * jn + j] += flows[(j * n + i) * n + r];
                }
        var placeholders = 0;
        for (var r = 0; r < n; r++)
            for (var j = 0; j < jn; j++)
                if (output[r * jn + j] <= 0 || absorption[r * jn + j] <= 0)
                {
                    flows[(j * n + r) * n + r] += Placeholder;
                    output[r * jn + j] += Placeholder;
                    absorption[r * jn + j] += Placeholder;
                    placeholders++;
                }
        return (output, absorption, placeholders);
    }

    /// <summary>Final demand by composite = absorption − intermediate use (the free side of (W-5)); negatives clipped; α its shares.</summary>
    private static (double[] Final, double[] Alpha, int Clipped) FinalDemand(double[] io, double[] output, double[] absorption, int n, int jn)
    {
        var final = new double[n * jn];
        var alpha = new double[n * jn];
        var clipped = 0;
        for (var r = 0; r < n; r++)
        {
            double total = 0;
            for (var k = 0; k < jn; k++)
            {
                double inter = 0;
                for (var j = 0; j < jn; j++) inter += io[(r * jn + k) * jn + j] * output[r * jn + j];
                var f = absorption[r * jn + k] - inter;
                if (f < 0) { f = 0; clipped++; }
                final[r * jn + k] = f;
                total += f;
            }
            for (var k = 0; k < jn; k++) alpha[r * jn + k] = final[r * jn + k] / total;
        }
        return (final, alpha, clipped);
    }
}
