using System.Diagnostics;
using System.Runtime;
using Spectre.Console.Cli;

namespace Parley.Cli;

/// <summary>
/// <c>PARLEY_TIMINGS=1</c>: one stderr line per run with the wall time of each phase (runtime start-up before Main, CLI
/// set-up and parsing, the command, total since the process started), with the JIT time and GC count spent in each, so a
/// whole command's time can be split into start-up/JIT and work (docs/performance.md). Off, it costs one variable read.
/// </summary>
internal static class PhaseTimings
{
    private static readonly bool s_enabled = Environment.GetEnvironmentVariable("PARLEY_TIMINGS") is "1";
    private static readonly List<(string Name, long Ticks, TimeSpan Jit, int Gcs)> s_marks = [];

    /// <summary>Whether timings were asked for.</summary>
    public static bool Enabled => s_enabled;

    /// <summary>Marks the end of the phase called <paramref name="name"/>.</summary>
    public static void Mark(string name)
    {
        if (s_enabled) s_marks.Add((name, Stopwatch.GetTimestamp(), JitInfo.GetCompilationTime(), GC.CollectionCount(0)));
    }

    /// <summary>Writes the phases to <paramref name="error"/> (nothing unless enabled).</summary>
    public static void Report(TextWriter error)
    {
        if (!s_enabled) return;
        Mark("command");
        using var process = Process.GetCurrentProcess();
        var sinceStart = DateTime.Now - process.StartTime; // the runtime's own start-up happens before Main
        var toMain = sinceStart - Stopwatch.GetElapsedTime(s_marks[0].Ticks);
        var parts = new List<string> { $"runtime start-up {toMain.TotalMilliseconds:F0} ms" };
        for (var k = 1; k < s_marks.Count; k++)
        {
            var (name, ticks, jit, gcs) = s_marks[k];
            var wall = Stopwatch.GetElapsedTime(s_marks[k - 1].Ticks, ticks);
            parts.Add($"{name} {wall.TotalMilliseconds:F0} ms (JIT {(jit - s_marks[k - 1].Jit).TotalMilliseconds:F0} ms, GC {gcs - s_marks[k - 1].Gcs})");
        }
        parts.Add($"total {sinceStart.TotalMilliseconds:F0} ms wall, {process.TotalProcessorTime.TotalMilliseconds:F0} ms CPU, "
            + $"{JitInfo.GetCompiledMethodCount()} methods JIT-compiled, {AppDomain.CurrentDomain.GetAssemblies().Length} assemblies loaded"
            + (AppDomain.CurrentDomain.GetAssemblies().Any(a => a.GetName().Name == "DuckDB.NET.Data") ? " (DuckDB among them" : " (not DuckDB")
            + (AppDomain.CurrentDomain.GetAssemblies().Any(a => a.GetName().Name is "Orleans.Core" or "Parley.Cluster") ? ", Orleans among them)" : ", not Orleans)")
            + $", peak working set {process.PeakWorkingSet64 / (1 << 20)} MB"
            + (AppDomain.CurrentDomain.GetAssemblies().Any(a => a.GetName().Name is { } n && (n == "Parley.Web" || n.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal)))
                ? ", web host loaded" : ", web host not loaded")
            + (AppDomain.CurrentDomain.GetAssemblies().Any(a => a.GetName().Name == "Parley.Workspace") ? " | workspace loaded" : ""));
        error.WriteLine("timings: " + string.Join(" | ", parts));
    }

    /// <summary>Spectre calls this after parsing, just before the command runs.</summary>
    internal sealed class ParsedInterceptor : ICommandInterceptor
    {
        public void Intercept(CommandContext context, CommandSettings settings) => Mark("CLI set-up and parsing");
    }
}
