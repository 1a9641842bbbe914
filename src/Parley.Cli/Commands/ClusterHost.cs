// The CLI's only door to Parley.Cluster (decision 0031): the methods here are the first to mention Orleans types, so
// the runtime loads Orleans only when one of them runs — `parley cluster silo` or a verb given --cluster.
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Parley.Application.WorkItems;
using Parley.Cluster;
using Parley.Cluster.Silo;
using Spectre.Console;

namespace Parley.Cli.Commands;

/// <summary>Runs silos and cluster sweeps for the CLI.</summary>
internal static class ClusterHost
{
    /// <summary>Starts a silo, prints where it listens, and runs until Ctrl+C or SIGTERM.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static int RunSilo(string postgres, int port, int gatewayPort, string address, IAnsiConsole console, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => { c.Cancel = true; stop.Cancel(); });
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, c => { c.Cancel = true; stop.Cancel(); });
        using var host = ParleySilo.BuildAsync(new SiloSettings(postgres, port, gatewayPort, address), stop.Token).GetAwaiter().GetResult();
        host.StartAsync(stop.Token).GetAwaiter().GetResult();
        console.MarkupLine(Markup.Escape($"silo started: {address}:{port} (gateway {gatewayPort}), cluster '{ParleySilo.DefaultClusterId}'; Ctrl+C stops it"));
        try
        {
            Task.Delay(Timeout.Infinite, stop.Token).GetAwaiter().GetResult();
        }
        catch (OperationCanceledException)
        {
            // asked to stop
        }
        host.StopAsync(CancellationToken.None).GetAwaiter().GetResult();
        console.MarkupLine("silo stopped");
        return Program.Ok;
    }

    /// <summary>Runs <paramref name="spec"/> on the executor of <c>--cluster <paramref name="cluster"/></c>.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static double[][] Run(WorkSweepSpec spec, string cluster, Action<int, int>? progress, CancellationToken cancellationToken) =>
        ClusterExecutors.FromOption(cluster).RunAsync(spec, progress, cancellationToken).GetAwaiter().GetResult();

    /// <summary>The executor of <c>--cluster <paramref name="cluster"/></c> ('local' or a PostgreSQL connection string).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static IWorkExecutor Executor(string cluster) => ClusterExecutors.FromOption(cluster);
}
