using Parley.Application;
using Parley.Tests;
using Parley.Tests.Negotiation.Uncertainty;
using Xunit;

namespace Parley.Cluster.Tests;

/// <summary><c>parley simulate SWEEP --cluster …</c> and <c>parley cluster silo</c> as a user runs them (a child process).</summary>
public class ClusterCliTests
{
    /// <summary>The tables, from the first one's title on (the heading before says how long the solves took, and where).</summary>
    private static string Tables(string output) => output[output.IndexOf("Welfare, % change", StringComparison.Ordinal)..];

    [Fact]
    public void A_sweep_on_an_in_process_silo_prints_the_local_runs_tables_and_only_then_loads_Orleans()
    {
        var local = CliProcess.Run("simulate", Sweeps.Example);
        var cluster = CliProcess.Run("simulate", Sweeps.Example, "--cluster", "local");
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
        var (code, output, err) = CliProcess.Run("simulate", Sweeps.Example, "--cluster", "Host=127.0.0.1;Port=1;Username=x;Password=y;Database=z;Timeout=3");
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
        var (code, _, err) = CliProcess.Run(args);
        Assert.Equal(2, code);
        Assert.Contains(field, err.Split('\n')[0]);
    }

    [Fact]
    public void A_silo_on_a_port_another_process_listens_on_is_refused_before_it_joins()
    {
        // a listener with address reuse, as Orleans binds a silo's ports: a second one could bind beside it
        using var taken = new System.Net.Sockets.Socket(System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp);
        taken.SetSocketOption(System.Net.Sockets.SocketOptionLevel.Socket, System.Net.Sockets.SocketOptionName.ReuseAddress, true);
        taken.Bind(new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, 0));
        taken.Listen();
        var port = ((System.Net.IPEndPoint)taken.LocalEndPoint!).Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var (code, output, err) = CliProcess.Run("cluster", "silo", "--postgres", "Host=127.0.0.1;Port=1;Username=x;Password=y;Database=z", "--gateway-port", port);
        Assert.Equal(2, code);
        Assert.DoesNotContain("silo started", output);
        var first = err.Split('\n')[0];
        Assert.Contains("--gateway-port", first);
        Assert.Contains(port, first);
    }

    [Fact]
    public void An_out_folder_with_cluster_is_refused_before_any_work_and_not_created()
    {
        var dir = Path.Combine(Path.GetTempPath(), "parley-" + Guid.NewGuid().ToString("N"));
        var (code, _, err) = CliProcess.Run("simulate", Sweeps.Example, "--cluster", "local", "--out", dir);
        Assert.Equal(2, code);
        Assert.Contains("--out", err.Split('\n')[0]);
        Assert.False(Directory.Exists(dir));
    }

    [Fact]
    public void Cluster_on_a_file_without_sweep_is_refused()
    {
        var (code, _, err) = CliProcess.Run("simulate", Path.Combine(Sweeps.Root, "examples", "liberation-day.yaml"), "--cluster", "local");
        Assert.Equal(2, code);
        Assert.Contains("a file with 'sweep:'", err.Split('\n')[0]);
    }
}

/// <summary><c>parley negotiate FILE --draws N --cluster CONN --format json</c> sent to two silo processes.</summary>
public class ClusterDrawsCliTests(Xunit.Abstractions.ITestOutputHelper output)
{
    [SkippableFact]
    public async Task Draws_sent_by_the_cli_to_two_silo_processes_print_the_json_of_the_in_process_silo_byte_for_byte()
    {
        // The one-sector talks of DrawSweepTests: a recorded agreement is the reference package, so the client itself
        // never builds the screen, and the draws' probabilities lie strictly between 0 and 1.
        await using var silos = await TwoSiloProcesses.StartAsync(output);
        using var folder = new TempFolder();
        var path = folder.Write("talks.yaml", UncertaintyFixtures.OneSector);
        string[] args = ["negotiate", path, "--draws", "16", "--seed", "11", "--format", "json", "--cluster"];
        var cluster = CliProcess.Run([.. args, silos.Postgres]);
        silos.Say("cli run on the silos done");
        var local = CliProcess.Run([.. args, "local"]);
        Assert.True(cluster.Code == 0, cluster.Err);
        Assert.True(local.Code == 0, local.Err);
        Assert.Equal(WithoutElapsed(local.Out), WithoutElapsed(cluster.Out));
        Assert.Matches("\"p_individually_rational_both\": 0\\.[0-9]", cluster.Out);
        // the draws ran on the silos, both of them, once each
        var fingerprint = NegotiationUncertainty.SweepSpec(path, new() { Draws = 16, Seed = 11 }).Fingerprint;
        Assert.Equal((16, 16, 2), silos.Checkpoints(fingerprint, 16));
    }

    /// <summary>The JSON with its one timing field (the run's wall time) zeroed.</summary>
    private static string WithoutElapsed(string json) => System.Text.RegularExpressions.Regex.Replace(json, "\"elapsed_seconds\":\\s*[0-9.eE+-]+", "\"elapsed_seconds\": 0");
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
        Assert.Contains("bench/cluster-throughput.sh draws", text);
        Assert.Contains("parley negotiate examples/us-japan-2025.yaml --draws 1000 --resolve zopa --cluster \"$PARLEY_TEST_POSTGRES\"", text);
        Assert.DoesNotContain("BENCH_TABLE", text);
        Assert.DoesNotContain("PROJECTION", text);
        Assert.True(File.Exists(Sweeps.Example));
        Assert.True(File.Exists(Path.Combine(Sweeps.Root, "bench", "cluster-throughput.sh")));
    }
}
