using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Parley.Cli.Commands;

/// <summary><c>parley cluster silo --postgres CONN</c>: a silo process that joins the cluster and runs work items until stopped.</summary>
internal sealed class ClusterSiloCommand : Command<ClusterSiloCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--postgres <CONN>")]
        [Description("Npgsql connection string of the membership and checkpoint database, e.g. 'Host=127.0.0.1;Username=parley;Password=…;Database=parley' (tables created when absent).")]
        public string? Postgres { get; init; }

        [CommandOption("--port <PORT>")]
        [Description("Silo-to-silo port (default 11111).")]
        public int Port { get; init; } = 11111;

        [CommandOption("--gateway-port <PORT>")]
        [Description("Port clients connect to (default 30000).")]
        public int GatewayPort { get; init; } = 30000;

        [CommandOption("--address <IP>")]
        [Description("IP address other machines reach this silo at (default 127.0.0.1: a cluster on one machine).")]
        public string Address { get; init; } = "127.0.0.1";
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var postgres = settings.Postgres ?? throw new ParleyInputException("(command line)", null, "--postgres", null, "a PostgreSQL connection string (the cluster's membership database)");
        foreach (var (name, port) in new[] { ("--port", settings.Port), ("--gateway-port", settings.GatewayPort) })
            if (port is < 1 or > 65535) throw new ParleyInputException("(command line)", null, name, port.ToString(System.Globalization.CultureInfo.InvariantCulture), "a TCP port from 1 to 65535");
        if (!System.Net.IPAddress.TryParse(settings.Address, out _))
            throw new ParleyInputException("(command line)", null, "--address", settings.Address, "an IP address such as 127.0.0.1 or 10.0.0.5");
        return ClusterHost.RunSilo(postgres, settings.Port, settings.GatewayPort, settings.Address, AnsiConsoleAccessor.Console, cancellationToken);
    }
}
