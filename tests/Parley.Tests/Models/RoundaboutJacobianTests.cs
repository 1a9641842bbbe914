using Parley.Data;
using Parley.Models.Numerics;
using Parley.Models.OneSector;
using Parley.Models.OneSector.Internals;
using Xunit;

namespace Parley.Tests.Models;

/// <summary>
/// The analytic Jacobian of the roundabout (input–output) system against forward differences of its own residual — the
/// slow, obvious method it replaced — at a point away from the factual equilibrium (USTR tariffs plus retaliation, every
/// unknown shifted), for both revenue-recycling rules and both numéraires.
/// </summary>
public class RoundaboutJacobianTests
{
    private static readonly WorldDataset Data = BundledData.World2023;

    [Theory]
    [InlineData(RevenueRecycling.IncomeTaxRelief, Numeraire.WorldWage)]
    [InlineData(RevenueRecycling.LumpSumRebate, Numeraire.WorldWage)]
    [InlineData(RevenueRecycling.IncomeTaxRelief, Numeraire.WorldPriceIndex)]
    public void Roundabout_analytic_Jacobian_matches_finite_differences(RevenueRecycling recycling, Numeraire numeraire)
    {
        var p = new OneSectorParameters { Recycling = recycling };
        var economy = Calibration.Baseline(Data, p, new CalibrationOptions { ValueAddedShare = 0.49 }) with { Numeraire = numeraire };
        var n = economy.N;
        var us = Data.Countries.Require("USA");
        var tariffs = TariffShocks.Reciprocal(TariffShocks.AnnouncedUs(Data), n, us);
        var system = new RoundaboutSystem(economy, tariffs, p, economy.Countries.Countries.Select(c => c.Iso3).ToArray());
        var m = system.Size;
        var z = Enumerable.Range(0, m).Select(k => 1 + 0.05 * Math.Sin(k + 1)).ToArray();
        var analytic = new double[m * m];
        Assert.True(system.Jacobian(z, analytic));
        var f = new double[m];
        system.Residual(z, f);
        var numeric = new double[m * m];
        NewtonSolver.FiniteDifferenceJacobian(system, z, f, numeric);
        // Forward differences with step 1e-7 carry an error of order 1e-7 × curvature; entries are compared against the
        // largest entry of their row so that tiny cross-country terms do not demand a relative accuracy they cannot have.
        for (var r = 0; r < m; r++)
        {
            double scale = 0;
            for (var k = 0; k < m; k++) scale = Math.Max(scale, Math.Abs(numeric[r * m + k]));
            for (var k = 0; k < m; k++)
            {
                var diff = Math.Abs(analytic[r * m + k] - numeric[r * m + k]);
                Assert.True(diff <= 1e-5 * Math.Max(scale, 1e-3),
                    $"∂{system.EquationName(r)}/∂z[{k}]: analytic {analytic[r * m + k]:E6}, finite difference {numeric[r * m + k]:E6} (row scale {scale:E3})");
            }
        }
    }
}
