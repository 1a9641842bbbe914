// Range checks of solver and estimator options. Why one place: an option record with an impossible value (a zero
// tolerance, a negative memory) used to reach the solver and fail there as an internal error or loop to its cap; every
// options record now refuses such a value when it is set, with the same input-error kind (CLI exit code 2).
using System.Globalization;

namespace Parley.Models.Numerics.Internals;

internal static class OptionRange
{
    /// <summary>Where option errors point: options are set in code, on the command line or in an input file.</summary>
    public const string Source = "(solver options)";

    /// <summary>A finite tolerance in (0, 1).</summary>
    public static double Tolerance(double value, string field) =>
        double.IsFinite(value) && value > 0 && value < 1 ? value : throw Error(field, value, "a finite convergence threshold > 0 and < 1");

    /// <summary>An integer count of at least <paramref name="min"/>.</summary>
    public static int AtLeast(int value, int min, string field) =>
        value >= min ? value : throw Error(field, value, $"an integer ≥ {min}");

    /// <summary>A finite number in (0, 1].</summary>
    public static double UnitInterval(double value, string field) =>
        double.IsFinite(value) && value > 0 && value <= 1 ? value : throw Error(field, value, "a number in (0, 1]");

    private static ParleyInputException Error(string field, double value, string expected) =>
        new(Source, null, field, value.ToString("R", CultureInfo.InvariantCulture), expected);
}
