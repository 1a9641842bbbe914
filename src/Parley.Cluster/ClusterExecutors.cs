// One place where a host turns its `--cluster` option into an executor (decision 0031): no option = this process's
// threads (LocalWorkExecutor), `local` = an in-process silo, anything else = a PostgreSQL connection string of a
// running cluster. Hosts call this only when the option is given, so verbs without it never load Orleans.
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Parley.Application.WorkItems;
using Parley.Cluster.Checkpoints;
using Parley.Cluster.Silo;

namespace Parley.Cluster;

/// <summary>Executors for a host's <c>--cluster</c> option.</summary>
public static class ClusterExecutors
{
    /// <summary>The value of <c>--cluster</c> that starts an in-process silo.</summary>
    public const string Local = "local";

    /// <summary>null → <see cref="LocalWorkExecutor"/>; <c>local</c> → an in-process silo; otherwise a PostgreSQL
    /// connection string (Npgsql form, e.g. <c>Host=…;Username=…;Password=…;Database=…</c>) of a running cluster.</summary>
    public static IWorkExecutor FromOption(string? cluster, OrleansWorkOptions? options = null)
    {
        if (cluster is null) return new LocalWorkExecutor();
        var text = cluster.Trim();
        if (text.Equals(Local, StringComparison.OrdinalIgnoreCase)) return new HostedExecutor(_ => Task.FromResult(ParleySilo.InProcess(new MemoryWorkCheckpoints())), null, options);
        try
        {
            _ = new Npgsql.NpgsqlConnectionStringBuilder(text);
        }
        catch (ArgumentException e)
        {
            throw new ParleyInputException("(command line)", null, "--cluster", "(connection string)", $"'local' or a PostgreSQL connection string such as Host=127.0.0.1;Username=…;Password=…;Database=… ({e.Message})");
        }
        return new HostedExecutor(ct => ParleySilo.ClientAsync(text, ParleySilo.DefaultClusterId, ct), text, options);
    }

    /// <summary>Starts a host (an in-process silo or a cluster client) for one run, runs the sweep, stops the host.</summary>
    private sealed class HostedExecutor(Func<CancellationToken, Task<IHost>> build, string? postgres, OrleansWorkOptions? options) : IWorkExecutor
    {
        public async Task<double[][]> RunAsync(WorkSweepSpec spec, Action<int, int>? progress, CancellationToken cancellationToken)
        {
            using var host = await build(cancellationToken);
            await host.StartAsync(cancellationToken);
            try
            {
                var checkpoints = postgres is null ? host.Services.GetRequiredService<IWorkCheckpoints>() : new PostgresWorkCheckpoints(postgres);
                var executor = new OrleansWorkExecutor(host.Services.GetRequiredService<IClusterClient>(), checkpoints, options);
                return await executor.RunAsync(spec, progress, cancellationToken);
            }
            finally
            {
                await host.StopAsync(CancellationToken.None);
            }
        }
    }
}
