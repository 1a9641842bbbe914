// GRAS: the generalised RAS bi-proportional update of a matrix with positive and negative cells (Junius & Oosterhaven
// 2003, Economic Systems Research 15: 87–96; in the corrected form of Lenzen, Wood & Gallego 2007 and Temurshoev,
// Miller & Bouwmeester 2013, ESR 25: 50–70). Why GRAS and not RAS: the WIOD prior has negative cells (inventory
// drawdowns in final demand), and RAS would flip or explode them. The update is
//     x_ij = r_i p_ij s_j − n_ij / (r_i s_j),   p = max(a, 0), n = max(−a, 0)          (docs/world-2022.md (W-1))
// and each step solves the quadratic for one factor given the others:
//     s_j = (v_j + √(v_j² + 4 P_j N_j)) / (2 P_j),  P_j = Σ_i r_i p_ij,  N_j = Σ_i n_ij / r_i   (W-2)
// (and the same for r_i with row targets u_i). Signs are preserved because r, s > 0. A target given as NaN leaves its
// row or column free (factor 1), so one routine serves blocks constrained on one side only.
namespace Parley.Data.Build;

/// <summary>Settings of the GRAS iteration.</summary>
public sealed record GrasOptions
{
    /// <summary>Convergence threshold on the largest relative target residual |sum − target| / max(|target|, 1e-9 · max |target|)
    /// over rows and columns that can meet their target (dimensionless, in (0, 0.1)). Default 1e-11.</summary>
    public double Tolerance
    {
        get;
        init => field = value is > 0 and < 0.1 ? value : throw new ArgumentOutOfRangeException(nameof(Tolerance), value, "tolerance must be in (0, 0.1)");
    } = 1e-11;

    /// <summary>Maximum row-and-column sweeps (count, ≥ 1). Default 5,000.</summary>
    public int MaxIterations
    {
        get;
        init => field = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(MaxIterations), value, "max-iterations must be at least 1");
    } = 5000;
}

/// <summary>What one GRAS fit did.</summary>
/// <param name="Converged">True when every feasible row and column met its target to <see cref="GrasOptions.Tolerance"/>.</param>
/// <param name="Iterations">Row-and-column sweeps taken.</param>
/// <param name="MaxRelativeResidual">Largest relative residual over the feasible rows and columns at the end (dimensionless).</param>
/// <param name="InfeasibleLines">Rows and columns with a non-zero target but only zero prior cells (they cannot move; their residual is reported, not iterated on).</param>
public sealed record GrasResult(bool Converged, int Iterations, double MaxRelativeResidual, int InfeasibleLines);

/// <summary>The GRAS bi-proportional update of a dense row-major matrix to row and column targets.</summary>
public static class Gras
{
    /// <summary>
    /// Scales <paramref name="matrix"/> (rows × cols, row-major) in place so that its row sums approach
    /// <paramref name="rowTargets"/> and its column sums <paramref name="columnTargets"/> (NaN = unconstrained).
    /// Consistent targets (Σ rows = Σ columns when both sides are fully constrained) are the caller's duty.
    /// </summary>
    public static GrasResult Fit(double[] matrix, int rows, int cols, IReadOnlyList<double> rowTargets, IReadOnlyList<double> columnTargets, GrasOptions? options = null)
    {
        options ??= new GrasOptions();
        if (matrix.Length != rows * cols || rowTargets.Count != rows || columnTargets.Count != cols)
            throw new ArgumentException($"GRAS: a {rows}×{cols} matrix needs {rows * cols} cells, {rows} row and {cols} column targets");
        var p = new double[matrix.Length];
        var n = new double[matrix.Length];
        for (var k = 0; k < matrix.Length; k++)
        {
            if (matrix[k] > 0) p[k] = matrix[k];
            else n[k] = -matrix[k];
        }
        var r = Enumerable.Repeat(1.0, rows).ToArray();
        var s = Enumerable.Repeat(1.0, cols).ToArray();
        var rowFeasible = Feasible(p, n, rows, cols, rowTargets, byRow: true);
        var colFeasible = Feasible(p, n, rows, cols, columnTargets, byRow: false);
        var infeasible = rowFeasible.Where((f, i) => !f && !double.IsNaN(rowTargets[i])).Count()
                       + colFeasible.Where((f, j) => !f && !double.IsNaN(columnTargets[j])).Count();
        var scale = Math.Max(rowTargets.Concat(columnTargets).Where(double.IsFinite).Select(Math.Abs).DefaultIfEmpty(0).Max(), double.Epsilon);
        double residual = double.PositiveInfinity;
        var iterations = 0;
        while (iterations < options.MaxIterations)
        {
            iterations++;
            for (var j = 0; j < cols; j++)
            {
                if (!colFeasible[j]) continue;
                double pj = 0, nj = 0;
                for (var i = 0; i < rows; i++)
                {
                    pj += r[i] * p[i * cols + j];
                    if (n[i * cols + j] != 0) nj += n[i * cols + j] / r[i];
                }
                s[j] = Factor(columnTargets[j], pj, nj);
            }
            for (var i = 0; i < rows; i++)
            {
                if (!rowFeasible[i]) continue;
                double pi = 0, ni = 0;
                for (var j = 0; j < cols; j++)
                {
                    pi += s[j] * p[i * cols + j];
                    if (n[i * cols + j] != 0) ni += n[i * cols + j] / s[j];
                }
                r[i] = Factor(rowTargets[i], pi, ni);
            }
            residual = Residual(p, n, r, s, rows, cols, rowTargets, columnTargets, rowFeasible, colFeasible, scale);
            if (residual <= options.Tolerance) break;
        }
        for (var i = 0; i < rows; i++)
            for (var j = 0; j < cols; j++)
            {
                var k = i * cols + j;
                matrix[k] = p[k] != 0 ? r[i] * p[k] * s[j] : n[k] != 0 ? -n[k] / (r[i] * s[j]) : 0;
            }
        return new GrasResult(residual <= options.Tolerance, iterations, residual, infeasible);
    }

    /// <summary>(W-2): the factor that makes f·P − N/f equal the target (1 when unconstrained).</summary>
    private static double Factor(double target, double positive, double negative)
    {
        if (double.IsNaN(target)) return 1;
        if (positive > 0) return (target + Math.Sqrt(target * target + 4 * positive * negative)) / (2 * positive);
        // only negative cells left (the others were scaled to zero by the other side): reachable only for a negative target
        return negative > 0 && target < 0 ? -negative / target : 1;
    }

    private static bool[] Feasible(double[] p, double[] n, int rows, int cols, IReadOnlyList<double> targets, bool byRow)
    {
        var lines = byRow ? rows : cols;
        var ok = new bool[lines];
        for (var a = 0; a < lines; a++)
        {
            var t = targets[a];
            if (double.IsNaN(t)) { ok[a] = false; continue; } // free: never scaled
            bool anyP = false, anyN = false;
            for (var b = 0; b < (byRow ? cols : rows); b++)
            {
                var k = byRow ? a * cols + b : b * cols + a;
                anyP |= p[k] > 0;
                anyN |= n[k] > 0;
            }
            // a line can reach t when it has positive cells (any t ≥ −∞ with negatives, t ≥ 0 without) or only negatives and t < 0
            ok[a] = anyP ? (anyN || t >= 0) : anyN && t < 0;
        }
        return ok;
    }

    private static double Residual(double[] p, double[] n, double[] r, double[] s, int rows, int cols, IReadOnlyList<double> rowTargets,
        IReadOnlyList<double> columnTargets, bool[] rowFeasible, bool[] colFeasible, double scale)
    {
        var floor = 1e-9 * scale;
        var rowSum = new double[rows];
        var colSum = new double[cols];
        for (var i = 0; i < rows; i++)
            for (var j = 0; j < cols; j++)
            {
                var k = i * cols + j;
                var v = p[k] != 0 ? r[i] * p[k] * s[j] : n[k] != 0 ? -n[k] / (r[i] * s[j]) : 0;
                rowSum[i] += v;
                colSum[j] += v;
            }
        double worst = 0;
        for (var i = 0; i < rows; i++)
            if (rowFeasible[i]) worst = Math.Max(worst, Math.Abs(rowSum[i] - rowTargets[i]) / Math.Max(Math.Abs(rowTargets[i]), floor));
        for (var j = 0; j < cols; j++)
            if (colFeasible[j]) worst = Math.Max(worst, Math.Abs(colSum[j] - columnTargets[j]) / Math.Max(Math.Abs(columnTargets[j]), floor));
        return worst;
    }
}
