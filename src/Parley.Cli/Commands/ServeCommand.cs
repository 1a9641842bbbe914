using System.ComponentModel;
using System.Runtime.CompilerServices;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Parley.Cli.Commands;

/// <summary><c>parley serve [--port N] [--data-dir DIR] [--max-draws N]</c>: the web workbench (src/Parley.Web) on 127.0.0.1.</summary>
internal sealed class ServeCommand : Command<ServeCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--port <N>")] [Description("TCP port (default 5000).")] public int Port { get; init; } = 5000;
        [CommandOption("--host <ADDRESS>")] [Description("Address to listen on (default 127.0.0.1: this machine only; the workbench has no login).")] public string Host { get; init; } = "127.0.0.1";
        [CommandOption("--workspace <DB>")] [Description("Also serve the shared negotiation workspace (/workspace, docs/workspace.md) from this database: a SQLite file or a PostgreSQL connection string (Host=…).")] public string? Workspace { get; init; }
        [CommandOption("--data-dir <DIR>")] [Description("Folder of the run database and run files (default ~/.local/share/parley/web).")] public string? DataDir { get; init; }
        [CommandOption("--max-draws <N>")] [Description("Most draws one web request may ask for (the room's probability layer, /api/negotiate?draws=N); default 1000.")] public int MaxDraws { get; init; } = 1000;
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        Serve(settings.Port, settings.Host, settings.DataDir, settings.Workspace, settings.MaxDraws);
        return Program.Ok;
    }

    // Kept out of Execute and never inlined: only this method names Parley.Web's types, so the web host and ASP.NET are
    // loaded when `parley serve` runs, never for the other verbs (Parley.Tests' startup test checks this).
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Serve(int port, string host, string? dataDir, string? workspace, int maxDraws)
    {
        var options = new Parley.Web.WebOptions { Port = port, Host = host, DataDirectory = dataDir, MaxDraws = maxDraws };
        if (workspace is not null) options = WorkspaceVerbs.Embed(options, workspace); // the workspace's two lines (decision 0026)
        var app = Parley.Web.ParleyWebApp.Create([], options);
        AnsiConsoleAccessor.Console.MarkupLine($"Parley workbench: open [link]http://{host}:{port}/[/] (Ctrl+C stops it). Runs are kept in {Markup.Escape(options.ResolvedDataDirectory)}.");
        app.Run();
    }
}
