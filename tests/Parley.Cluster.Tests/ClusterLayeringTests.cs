using Xunit;

namespace Parley.Cluster.Tests;

/// <summary>Orleans and Npgsql stay in Parley.Cluster (decision 0030): the engine references neither.</summary>
public class ClusterLayeringTests
{
    [Fact]
    public void Engine_assembly_references_neither_Orleans_nor_Npgsql_and_the_cluster_assembly_does()
    {
        var engine = typeof(Parley.Scenarios.Scenario).Assembly.GetReferencedAssemblies().Select(a => a.Name ?? "").ToArray();
        Assert.DoesNotContain(engine, n => n.StartsWith("Orleans", StringComparison.Ordinal) || n.StartsWith("Npgsql", StringComparison.Ordinal));
        var cluster = typeof(ClusterExecutors).Assembly.GetReferencedAssemblies().Select(a => a.Name ?? "").ToArray();
        Assert.Contains(cluster, n => n.StartsWith("Orleans", StringComparison.Ordinal));
        Assert.Contains(cluster, n => n.StartsWith("Npgsql", StringComparison.Ordinal));
    }

    [Fact]
    public void Checkpoint_bytes_round_trip_every_double_bit_for_bit()
    {
        double[] values = [0.0, -0.0, double.NaN, double.Epsilon, -double.MaxValue, 1.0 / 3, 2023, double.PositiveInfinity];
        var back = Checkpoints.PostgresWorkCheckpoints.Doubles(Checkpoints.PostgresWorkCheckpoints.Bytes(values));
        Assert.Equal(values.Select(BitConverter.DoubleToInt64Bits), back.Select(BitConverter.DoubleToInt64Bits));
        Assert.Throws<InvalidDataException>(() => Checkpoints.PostgresWorkCheckpoints.Doubles(new byte[7]));
    }

    [Fact]
    public void Executor_options_out_of_range_are_input_errors_naming_the_option()
    {
        var e = Assert.Throws<ParleyInputException>(() => new OrleansWorkOptions { BatchesPerSilo = 0 }.Validated());
        Assert.Contains("batches_per_silo", e.Message);
        Assert.Equal(16, new OrleansWorkOptions().BatchSizeFor(1_000_000));
        Assert.Equal(1, new OrleansWorkOptions().BatchSizeFor(31));
    }

    [Fact]
    public void No_cluster_option_means_this_process_threads()
    {
        Assert.IsType<Parley.Application.WorkItems.LocalWorkExecutor>(ClusterExecutors.FromOption(null));
        var e = Assert.Throws<ParleyInputException>(() => ClusterExecutors.FromOption("Host=127.0.0.1;Nonsense Key=1"));
        Assert.Contains("--cluster", e.Message);
    }
}
