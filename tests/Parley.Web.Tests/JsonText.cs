using System.Text.RegularExpressions;

namespace Parley.Web.Tests;

/// <summary>JSON text compared across runs: the wall-clock times (the solver's <c>elapsed_milliseconds</c>, a draws run's
/// <c>elapsed_seconds</c>) are the only fields that differ between two solves.</summary>
internal static partial class JsonText
{
    public static string WithoutElapsed(string json) => ElapsedSeconds().Replace(Elapsed().Replace(json, "\"elapsed_milliseconds\": 0"), "\"elapsed_seconds\": 0");

    [GeneratedRegex("\"elapsed_milliseconds\": [-0-9.eE+]+")]
    private static partial Regex Elapsed();

    [GeneratedRegex("\"elapsed_seconds\": [-0-9.eE+]+")]
    private static partial Regex ElapsedSeconds();
}
