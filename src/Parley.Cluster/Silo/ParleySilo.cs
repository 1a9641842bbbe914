// How every Parley silo is set up (decision 0030): the work-items grain and its per-silo sweep cache, a checkpoint
// store, and failure detection tuned for batch work — a silo that stops answering probes is declared dead in a few
// seconds (2 missed probes of 2 s, one vote suffices), so the client re-sends its batches soon after a crash, not after
// the default minute or two.
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using Parley.Cluster.Checkpoints;
using Parley.Cluster.Membership;

namespace Parley.Cluster.Silo;

/// <summary>Settings of a silo process (<c>parley cluster silo</c>).</summary>
/// <param name="Postgres">Npgsql connection string of the membership and checkpoint database.</param>
/// <param name="SiloPort">Silo-to-silo port; default 11111.</param>
/// <param name="GatewayPort">Client gateway port; default 30000.</param>
/// <param name="Address">IP address other silos and clients reach this one at; default 127.0.0.1 (one machine).</param>
/// <param name="ClusterId">Cluster id (silos with the same database and id form one cluster); default <c>parley</c>.</param>
public sealed record SiloSettings(string Postgres, int SiloPort = 11111, int GatewayPort = 30000, string Address = "127.0.0.1", string ClusterId = ParleySilo.DefaultClusterId);

/// <summary>Builds Parley silos and clients.</summary>
public static class ParleySilo
{
    /// <summary>Default cluster and service id.</summary>
    public const string DefaultClusterId = "parley";

    /// <summary>Registers Parley's work items on a silo: the grain's sweep cache, <paramref name="checkpoints"/>, fast failure detection.</summary>
    public static ISiloBuilder AddParleyWork(this ISiloBuilder silo, IWorkCheckpoints checkpoints)
    {
        silo.Services.AddSingleton<SiloSweeps>();
        silo.Services.AddSingleton(checkpoints);
        silo.Configure<ClusterMembershipOptions>(o =>
        {
            o.ProbeTimeout = TimeSpan.FromSeconds(2);
            o.NumMissedProbesLimit = 2;
            o.NumVotesForDeathDeclaration = 1;
            o.TableRefreshTimeout = TimeSpan.FromSeconds(2);
            o.IAmAliveTablePublishTimeout = TimeSpan.FromSeconds(5);
        });
        silo.Configure<SiloMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromMinutes(30));
        return silo;
    }

    /// <summary>A silo process's host: ADO.NET clustering on PostgreSQL (tables created when absent), checkpoints in the
    /// same database. Start it with <c>StartAsync</c>; it joins the cluster then.</summary>
    public static async Task<IHost> BuildAsync(SiloSettings s, CancellationToken cancellationToken)
    {
        Free(s.Address, s.SiloPort, "--port");
        Free(s.Address, s.GatewayPort, "--gateway-port");
        await Reachable(s.Postgres, "--postgres", cancellationToken);
        var checkpoints = new PostgresWorkCheckpoints(s.Postgres);
        await checkpoints.EnsureCreatedAsync(cancellationToken);
        var builder = Quiet(new HostApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true }), LogLevel.Warning);
        builder.UseOrleans(silo =>
        {
            silo.UseAdoNetClustering(o => { o.Invariant = "Npgsql"; o.ConnectionString = s.Postgres; });
            silo.Configure<ClusterOptions>(o => { o.ClusterId = s.ClusterId; o.ServiceId = s.ClusterId; });
            silo.ConfigureEndpoints(IPAddress.Parse(s.Address), s.SiloPort, s.GatewayPort);
            silo.AddParleyWork(checkpoints);
        });
        return builder.Build();
    }

    /// <summary>A client host for the cluster of <paramref name="postgres"/> (membership tables created when absent).</summary>
    public static async Task<IHost> ClientAsync(string postgres, string clusterId, CancellationToken cancellationToken)
    {
        await Reachable(postgres, "--cluster", cancellationToken);
        var builder = Quiet(new HostApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true }));
        builder.UseOrleansClient(client =>
        {
            client.UseAdoNetClustering(o => { o.Invariant = "Npgsql"; o.ConnectionString = postgres; });
            client.Configure<ClusterOptions>(o => { o.ClusterId = clusterId; o.ServiceId = clusterId; });
            client.Configure<GatewayOptions>(o => o.GatewayListRefreshPeriod = TimeSpan.FromSeconds(2));
            client.Configure<ClientMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromMinutes(30));
        });
        return builder.Build();
    }

    /// <summary>An in-process silo with its own client (<c>--cluster local</c>): localhost clustering on free ports,
    /// checkpoints in memory. Nothing to set up; the silo lives and dies with this process.</summary>
    public static IHost InProcess(IWorkCheckpoints checkpoints)
    {
        var builder = Quiet(new HostApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true }));
        builder.UseOrleans(silo =>
        {
            silo.UseLocalhostClustering(FreePort(), FreePort(), serviceId: DefaultClusterId, clusterId: DefaultClusterId + "-local-" + Environment.ProcessId);
            silo.AddParleyWork(checkpoints);
        });
        return builder.Build();
    }

    /// <summary>Refuses a port another process listens on. Orleans binds its ports with address reuse, which on Linux
    /// lets a second silo listen on the same port and the kernel then splits connections between the two: a stale silo
    /// of another cluster (same cluster id, another database) took half a client's batches and saved them in its own
    /// database. A plain listener fails where one is already listening, so a port in use is an input error here.</summary>
    private static void Free(string address, int port, string field)
    {
        var listener = new System.Net.Sockets.TcpListener(IPAddress.Parse(address), port);
        try
        {
            listener.Start();
        }
        catch (System.Net.Sockets.SocketException e)
        {
            throw new ParleyInputException("(command line)", null, field, port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                $"a port no other process listens on at {address} (another silo on this machine needs its own --port and --gateway-port; {e.SocketErrorCode})");
        }
        finally
        {
            listener.Stop();
        }
    }

    /// <summary>Creates the membership tables, turning an unreachable or refusing database into a one-line input error.</summary>
    private static async Task Reachable(string postgres, string field, CancellationToken cancellationToken)
    {
        try
        {
            await MembershipSchema.EnsureCreatedAsync(postgres, cancellationToken);
        }
        catch (Exception e) when (e is Npgsql.NpgsqlException or ArgumentException or InvalidOperationException)
        {
            throw new ParleyInputException("(command line)", null, field, "(connection string)", $"a reachable PostgreSQL database the role may create tables in ({e.Message.Split('\n')[0]})");
        }
    }

    /// <summary>Orleans' log on stderr (stdout is the command's output): warnings for a silo process, errors only for
    /// a command's in-process silo or client; environment variable PARLEY_CLUSTER_LOG (e.g. Information) overrides.</summary>
    private static HostApplicationBuilder Quiet(HostApplicationBuilder builder, LogLevel level = LogLevel.Error)
    {
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => { o.SingleLine = true; o.TimestampFormat = "HH:mm:ss "; });
        builder.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        var min = Environment.GetEnvironmentVariable("PARLEY_CLUSTER_LOG") is { } l && Enum.TryParse<LogLevel>(l, true, out var v) ? v : level;
        builder.Logging.AddFilter(x => x >= min);
        return builder;
    }

    private static int FreePort()
    {
        var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
