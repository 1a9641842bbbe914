using System.Diagnostics;
using Xunit;

namespace Parley.Cluster.Tests;

/// <summary><c>parley simulate SWEEP --cluster …</c> and <c>parley cluster silo</c> as a user runs them (a child process).</summary>
public class ClusterCliTests
{
    private static (int Code, string Out, string Err) Parley(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Sweeps.Root };
        start.ArgumentList.Add(SiloProcess.CliDll);
        foreach (var a in args) start.ArgumentList.Add(a);
        start.Environment["PARLEY_TIMINGS"] = "1";
        start.Environment["COLUMNS"] = "200";
        using var p = Process.Start(start)!;
        var err = p.StandardError.ReadToEndAsync();
        var output = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        return (p.ExitCode, output, err.Result);
    }

    /// <summary>The tables, from the first one's title on (the heading before says how long the solves took, and where).</summary>
    private static string Tables(string output) => output[output.IndexOf("Welfare, % change", StringComparison.Ordinal)..];

    [Fact]
    public void A_sweep_on_an_in_process_silo_prints_the_local_runs_tables_and_only_then_loads_Orleans()
    {
        var local = Parley("simulate", Sweeps.Example);
        var cluster = Parley("simulate", Sweeps.Example, "--cluster", "local");
        Assert.True(local.Code == 0, local.Err);
        Assert.True(cluster.Code == 0, cluster.Err);
        Assert.Matches(@"solved\s+on\s+the\s+cluster", cluster.Out);
        Assert.Equal(Tables(local.Out), Tables(cluster.Out));
        Assert.Contains("(not DuckDB, not Orleans)", local.Err);
        Assert.Contains(", Orleans among them)", cluster.Err);
    }

    [Fact]
    public void An_unreachable_cluster_database_is_a_one_line_input_error()
    {
        var (code, output, err) = Parley("simulate", Sweeps.Example, "--cluster", "Host=127.0.0.1;Port=1;Username=x;Password=y;Database=z;Timeout=3");
        Assert.Equal(2, code);
        Assert.Equal("", output);
        var first = err.Split('\n')[0];
        Assert.StartsWith("error: ", first);
        Assert.Contains("--cluster", first);
        Assert.Contains("a reachable PostgreSQL database", first);
    }

    [Theory]
    [InlineData(new[] { "cluster", "silo" }, "--postgres")]
    [InlineData(new[] { "cluster", "silo", "--postgres", "Host=127.0.0.1", "--port", "70000" }, "--port")]
    [InlineData(new[] { "cluster", "silo", "--postgres", "Host=127.0.0.1", "--address", "not-an-ip" }, "--address")]
    public void A_silo_with_bad_options_is_refused_with_the_option_named(string[] args, string field)
    {
        var (code, _, err) = Parley(args);
        Assert.Equal(2, code);
        Assert.Contains(field, err.Split('\n')[0]);
    }

    [Fact]
    public void An_out_folder_with_cluster_is_refused_before_any_work_and_not_created()
    {
        var dir = Path.Combine(Path.GetTempPath(), "parley-" + Guid.NewGuid().ToString("N"));
        var (code, _, err) = Parley("simulate", Sweeps.Example, "--cluster", "local", "--out", dir);
        Assert.Equal(2, code);
        Assert.Contains("--out", err.Split('\n')[0]);
        Assert.False(Directory.Exists(dir));
    }

    [Fact]
    public void Cluster_on_a_file_without_sweep_is_refused()
    {
        var (code, _, err) = Parley("simulate", Path.Combine(Sweeps.Root, "examples", "liberation-day.yaml"), "--cluster", "local");
        Assert.Equal(2, code);
        Assert.Contains("a file with 'sweep:'", err.Split('\n')[0]);
    }
}

/// <summary>docs/cluster.md shows the commands the tests above run.</summary>
public class ClusterDocsTests
{
    [Fact]
    public void Cluster_guide_shows_the_tested_commands_and_the_measured_tables()
    {
        var text = File.ReadAllText(Path.Combine(Sweeps.Root, "docs", "cluster.md"));
        Assert.Contains("parley simulate examples/sweeps/us-japan-one-sector.yaml --cluster local", text);
        Assert.Contains("parley cluster silo --postgres \"$PARLEY_TEST_POSTGRES\"", text);
        Assert.Contains("bench/cluster-throughput.sh 61", text);
        Assert.DoesNotContain("BENCH_TABLE", text);
        Assert.DoesNotContain("PROJECTION", text);
        Assert.True(File.Exists(Sweeps.Example));
        Assert.True(File.Exists(Path.Combine(Sweeps.Root, "bench", "cluster-throughput.sh")));
    }
}
