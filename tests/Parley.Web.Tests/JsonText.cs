using System.Text.RegularExpressions;

namespace Parley.Web.Tests;

/// <summary>JSON text compared across runs: the solver's wall-clock times (<c>elapsed_milliseconds</c>) are the only fields that differ between two solves.</summary>
internal static partial class JsonText
{
    public static string WithoutElapsed(string json) => Elapsed().Replace(json, "\"elapsed_milliseconds\": 0");

    [GeneratedRegex("\"elapsed_milliseconds\": [-0-9.eE+]+")]
    private static partial Regex Elapsed();
}
