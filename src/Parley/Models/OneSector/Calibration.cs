// Calibration of the one-sector model of Ignatenko, Lashkaripour, Macedoni & Simonovska (2025),
// "Making America Great Again? The Economic Impacts of Liberation Day Tariffs", JIE 157, 104138.
// Why: the data are a zero-tariff equilibrium only after (a) the destination-share parameter ν is calibrated
// on a two-region (US / rest) aggregation so that sales-weighted ν hits 12% and 26% (docs/models/one-sector.md (OS-1)–(OS-3)), and (b)
// domestic sales are rebuilt from GDP and transfers (OS-4)–(OS-5). Every variant of the paper's tables starts from here.
using System.Globalization;
using Parley.Data;
using Parley.Models.Numerics;

namespace Parley.Models.OneSector;

/// <summary>Options of the calibration step.</summary>
public sealed record CalibrationOptions
{
    /// <summary>Country whose ν differs from the rest (two-region calibration). Default <c>USA</c>.</summary>
    public string FocalCountry { get; init; } = "USA";

    /// <summary>Target sales-weighted ν met by non-focal producers. Default 0.12.</summary>
    public double RestTarget { get; init; } = 0.12;

    /// <summary>Target sales-weighted ν met by focal producers. Default 0.26.</summary>
    public double FocalTarget { get; init; } = 0.26;

    /// <summary>Value-added share β for the roundabout variant (docs/models/one-sector.md (OS-22)); 1 = none. Default 1.</summary>
    public double ValueAddedShare { get; init; } = 1.0;

    /// <summary>Convergence threshold of the ν calibration on the largest absolute gap between a sales-weighted ν and its
    /// target (dimensionless, a share), in (0, 1). Default 1e-14.</summary>
    public double DestinationShareTolerance { get; init => field = Parley.Models.Numerics.Internals.OptionRange.Tolerance(value, "destination-share tolerance"); } = 1e-14;

    /// <summary>Maximum Newton iterations of the ν calibration (count, ≥ 1). Default 100.</summary>
    public int DestinationShareMaxIterations { get; init => field = Parley.Models.Numerics.Internals.OptionRange.AtLeast(value, 1, "destination-share max-iterations"); } = 100;
}

/// <summary>Builds calibrated <see cref="Economy"/> records from a <see cref="WorldDataset"/>.</summary>
public static class Calibration
{
    /// <summary>
    /// Solves the two equations of docs/models/one-sector.md (OS-3) for (ν_rest, ν_focal) by Newton's method on the 2×2 system (finite-difference
    /// Jacobian, <see cref="CalibrationOptions.DestinationShareTolerance"/>); negative values are set to 0 as in the paper.
    /// Totals that overflow, or a solution at ν ≥ 1, are input errors (exit 2); a residual above the tolerance after
    /// the last iteration is a non-convergence error with diagnostics (exit 3).
    /// </summary>
    public static (double RestOfWorld, double Focal) DestinationShares(WorldDataset data, CalibrationOptions? options = null)
    {
        var sw = System.Diagnostics.Stopwatch.StartNew();
        options ??= new CalibrationOptions();
        var us = FocalIndex(data, options);
        var n = data.Countries.Count;
        double vRR = 0, vRU = 0, vUR = 0, gR = 0, gU = data.Gdp[us];
        for (var i = 0; i < n; i++)
        {
            if (i != us) gR += data.Gdp[i];
            for (var j = 0; j < n; j++)
            {
                var v = data.Trade[i, j];
                if (i != us && j != us) vRR += v;
                else if (i != us) vRU += v;
                else if (j != us) vUR += v;
            }
        }
        var focalName = data.Countries[us].Iso3;
        foreach (var (total, what) in new[] { (vRR + vRU + vUR, "trade"), (gR + gU, "gdp") })
            if (!double.IsFinite(total))
                throw new ParleyInputException(data.Name, null, what, total.ToString("R", CultureInfo.InvariantCulture),
                    $"{what} values whose world total is a finite number (the ν calibration sums them on a {focalName} / rest-of-world split)");

        double[] F(double nuR, double nuU)
        {
            var eR = gR + (1 - nuR) * (vRR + vUR - ((1 - nuR) * vRR + (1 - nuU) * vRU));
            var eU = gU + (1 - nuU) * (vRU - (1 - nuR) * vUR);
            var sR = (eR - vUR) / (eR - vUR + vRU);
            var sU = (eU - vRU) / (eU - vRU + vUR);
            return [sR * nuR + (1 - sR) * nuU - options.RestTarget, sU * nuU + (1 - sU) * nuR - options.FocalTarget];
        }

        double a = 0.10, b = 0.24;
        var residual = double.PositiveInfinity;
        var iterations = 0;
        double[] f = F(a, b);
        for (; iterations < options.DestinationShareMaxIterations; iterations++)
        {
            residual = NewtonSolver.MaxAbs(f);
            if (residual < options.DestinationShareTolerance || !double.IsFinite(residual)) break;
            const double h = 1e-7;
            var fa = F(a + h, b);
            var fb = F(a, b + h);
            double j11 = (fa[0] - f[0]) / h, j21 = (fa[1] - f[1]) / h, j12 = (fb[0] - f[0]) / h, j22 = (fb[1] - f[1]) / h;
            var det = j11 * j22 - j12 * j21;
            a -= (j22 * f[0] - j12 * f[1]) / det;
            b -= (-j21 * f[0] + j11 * f[1]) / det;
            f = F(a, b);
        }
        residual = NewtonSolver.MaxAbs(f);
        if (!(residual < options.DestinationShareTolerance))
            throw new EquilibriumNotConvergedException($"destination-share (ν) calibration of {data.Name}", new SolverDiagnostics(
                "Newton on the two ν equations (OS-3) (finite-difference Jacobian)", false, iterations, iterations, residual,
                options.DestinationShareTolerance,
                !double.IsFinite(f[0]) || Math.Abs(f[0]) >= Math.Abs(f[1]) ? "sales-weighted ν of rest-of-world producers" : $"sales-weighted ν of {focalName} producers",
                sw.Elapsed.TotalMilliseconds));
        if (a >= 1 || b >= 1)
            throw new ParleyInputException(data.Name, null, "trade", $"ν_rest = {a.ToString("G6", CultureInfo.InvariantCulture)}, ν_{focalName} = {b.ToString("G6", CultureInfo.InvariantCulture)}",
                $"trade and GDP for which the ν targets ({options.RestTarget}, {options.FocalTarget}) are met with destination shares below 1");
        return (Math.Max(0, a), Math.Max(0, b));
    }

    /// <summary>
    /// The baseline economy of docs/models/one-sector.md (OS-4)–(OS-5) (or its roundabout version, (OS-22), when
    /// <see cref="CalibrationOptions.ValueAddedShare"/> &lt; 1).
    /// </summary>
    public static Economy Baseline(WorldDataset data, OneSectorParameters parameters, CalibrationOptions? options = null)
    {
        options ??= new CalibrationOptions();
        var n = data.Countries.Count;
        var us = FocalIndex(data, options);
        var (nuR, nuU) = DestinationShares(data, options);
        var nu = new double[n];
        for (var i = 0; i < n; i++) nu[i] = i == us ? nuU : nuR;

        var x = data.Trade.ToArray();
        var imports = new double[n];
        for (var j = 0; j < n; j++) imports[j] = data.Trade.ColumnSum(j);
        var adjustments = new List<string>();
        for (var i = 0; i < n; i++)
        {
            double sold = 0;
            for (var j = 0; j < n; j++) sold += (1 - nu[j]) * x[i * n + j];
            var t0 = (1 - nu[i]) * (imports[i] - sold);
            var e0 = data.Gdp[i] + t0;
            var domestic = e0 - imports[i];
            x[i * n + i] = Math.Max(0, domestic); // (OS-5): the paper sets a negative rebuilt domestic sale to 0
            if (domestic < 0)
                adjustments.Add($"{data.Countries[i].Iso3}: domestic sales rebuilt from GDP and transfers came out at " +
                                $"{(domestic / 1e6).ToString("F3", CultureInfo.InvariantCulture)} USD bn and were set to 0 (OS-5), " +
                                "so its expenditure exceeds GDP plus transfers in the calibrated data");
        }
        var beta = options.ValueAddedShare;
        if (beta is <= 0 or > 1)
            throw new ArgumentOutOfRangeException(nameof(options), beta, "ValueAddedShare must lie in (0, 1].");
        if (beta < 1)
            for (var i = 0; i < n; i++) x[i * n + i] /= beta;
        return FromFlows(beta < 1 ? "roundabout" : "baseline", data.Countries, x, nu, PassThrough(nu, parameters), beta,
            beta < 1 ? Numeraire.WorldWage : Numeraire.WorldPriceIndex) with { Adjustments = adjustments };
    }

    /// <summary>
    /// The Eaton–Kortum–Krugman special case (docs/models/one-sector.md (OS-18)): same flows and shares, ν = 0, φ = 1,
    /// income = gross sales (row sums), transfers = imports − exports.
    /// </summary>
    public static Economy EatonKortum(Economy baseline)
    {
        var n = baseline.N;
        var zeros = new double[n];
        var ones = Enumerable.Repeat(1.0, n).ToArray();
        return FromFlows("eaton-kortum", baseline.Countries, baseline.Flows, zeros, ones, 1.0, Numeraire.WorldPriceIndex) with { Adjustments = baseline.Adjustments };
    }

    /// <summary>
    /// The "balanced trade" transfers of docs/models/one-sector.md (OS-19) (Ossa): T^O_i = T_i − (X_focal,i − X_i,focal) for i ≠ focal, T^O_focal = 0.
    /// They do not sum to zero; the country whose equation is dropped absorbs the gap, as in the paper.
    /// </summary>
    public static Economy WithoutBilateralImbalanceWith(Economy economy, int focal)
    {
        var n = economy.N;
        var t = new double[n];
        for (var i = 0; i < n; i++)
            t[i] = i == focal ? 0 : economy.Transfers[i] - (economy.Flows[focal * n + i] - economy.Flows[i * n + focal]);
        return economy with { Variant = economy.Variant + "+balanced-with-focal", Transfers = t };
    }

    /// <summary>
    /// Balanced trade: all transfers set to zero (a variant of the paper's "balanced trade" frameworks whose transfers,
    /// unlike those of docs/models/one-sector.md (OS-19), sum to zero; (OS-21)). Factual flows and shares are unchanged; the counterfactual closes every deficit.
    /// </summary>
    public static Economy WithoutTransfers(Economy economy) =>
        economy with { Variant = economy.Variant + "+zero-deficits", Transfers = new double[economy.N] };

    /// <summary>φ_j = c + ((1+θ)/θ)·ν_j/(1−ν_j) (docs/models/one-sector.md (OS-6)).</summary>
    public static double[] PassThrough(IReadOnlyList<double> nu, OneSectorParameters p) =>
        nu.Select(v => p.PassThroughConstant + (1 + p.Theta) / p.Theta * v / (1 - v)).ToArray();

    /// <summary>Builds E, Y, T and λ from a full flow matrix (docs/models/one-sector.md (OS-5); (OS-22) with β).</summary>
    public static Economy FromFlows(string variant, CountrySet countries, double[] flows, double[] nu, double[] phi, double beta, Numeraire numeraire)
    {
        var n = nu.Length;
        var e = new double[n];
        var y = new double[n];
        var t = new double[n];
        var lambda = new double[n * n];
        for (var i = 0; i < n; i++)
            for (var j = 0; j < n; j++) e[j] += flows[i * n + j];
        for (var i = 0; i < n; i++)
        {
            double sold = 0;
            for (var j = 0; j < n; j++) sold += (1 - nu[j]) * flows[i * n + j];
            y[i] = beta * sold + nu[i] * e[i];
            t[i] = e[i] - y[i] - (1 - beta) * sold;
        }
        for (var i = 0; i < n; i++)
            for (var j = 0; j < n; j++) lambda[i * n + j] = e[j] > 0 ? flows[i * n + j] / e[j] : 0;
        return new Economy(variant, countries, n, flows, e, y, t, lambda, nu, phi, beta, n - 1, numeraire);
    }

    private static int FocalIndex(WorldDataset data, CalibrationOptions options)
    {
        var i = data.Countries.IndexOf(options.FocalCountry);
        return i >= 0 ? i : throw new ParleyInputException(data.Name, null, "focal country", options.FocalCountry,
            "a country of the dataset (the model calibrates ν on a focal-country / rest-of-world split)");
    }
}
