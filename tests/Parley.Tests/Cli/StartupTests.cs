using System.Diagnostics;
using System.Text.Json;
using Xunit;

namespace Parley.Tests.Cli;

/// <summary>The fast start (docs/performance.md): the launcher, the bench script, the runtime settings, PARLEY_TIMINGS.</summary>
public class StartupTests
{
    private static string CliDll => typeof(Parley.Cli.PhaseTimings).Assembly.Location;

    private static (int Code, string Out, string Err) Run(string file, string[] args, (string, string)? env = null)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = RepositoryRoot.Path };
        foreach (var a in args) start.ArgumentList.Add(a);
        if (env is var (name, value)) start.Environment[name] = value;
        using var p = Process.Start(start)!;
        var err = p.StandardError.ReadToEndAsync();
        var output = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        return (p.ExitCode, output, err.Result);
    }

    [Theory]
    [InlineData("parley")]
    [InlineData("bench/whole-commands.sh")]
    public void Shell_script_is_valid_bash(string script)
    {
        var (code, _, err) = Run("bash", ["-n", Path.Combine(RepositoryRoot.Path, script)]);
        Assert.True(code == 0, err);
    }

    [Fact]
    public void Launcher_runs_the_published_build_and_republishes_only_on_source_change()
    {
        var text = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "parley"));
        Assert.Contains("exec dotnet \"$out/Parley.Cli.dll\" \"$@\"", text);
        Assert.Contains("-p:PublishReadyToRun=true", text);
        Assert.Contains("-newer \"$out/.stamp\"", text);
        Assert.Contains("artifacts/", File.ReadAllText(Path.Combine(RepositoryRoot.Path, ".gitignore")));
    }

    [Fact]
    public void Cli_compiles_methods_with_loops_optimised_at_once()
    {
        var config = Path.ChangeExtension(CliDll, ".runtimeconfig.json");
        using var json = JsonDocument.Parse(File.ReadAllText(config));
        var props = json.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties");
        Assert.False(props.GetProperty("System.Runtime.TieredCompilation.QuickJitForLoops").GetBoolean());
        Assert.True(props.GetProperty("System.Globalization.Invariant").GetBoolean());
    }

    [Fact]
    public void PARLEY_TIMINGS_prints_one_phase_line_to_stderr_and_leaves_stdout_alone()
    {
        var (code, output, err) = Run("dotnet", [CliDll, "--version"], ("PARLEY_TIMINGS", "1"));
        Assert.Equal(0, code);
        Assert.StartsWith("parley ", output);
        Assert.Single(err.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Matches(@"^timings: runtime start-up \d+ ms \| command \d+ ms \(JIT \d+ ms, GC \d+\) \| total \d+ ms wall, \d+ ms CPU, \d+ methods JIT-compiled, \d+ assemblies loaded \(not DuckDB, not Orleans\), peak working set \d+ MB", err);
        var quiet = Run("dotnet", [CliDll, "--version"]);
        Assert.Equal("", quiet.Err);
    }
}
