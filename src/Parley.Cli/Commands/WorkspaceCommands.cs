// `parley workspace create|invite|export|restore|serve` (issue 13, docs/workspace.md). The commands only parse options and
// call WorkspaceVerbs, the one class that touches Parley.Workspace, so the ASP.NET Core and EF Core assemblies load only
// for these verbs (like DuckDB for `tariffs expand`).
using System.ComponentModel;
using Spectre.Console.Cli;

namespace Parley.Cli.Commands;

/// <summary>Options every workspace verb takes.</summary>
internal class WorkspaceSettings : CommandSettings
{
    [CommandOption("--db <DB>")] [Description("SQLite file (default workspace.db) or a PostgreSQL connection string (Host=…).")]
    public string Db { get; init; } = "workspace.db";
}

/// <summary><c>parley workspace create FILE.yaml --name NAME</c>.</summary>
internal sealed class WorkspaceCreateCommand : AsyncCommand<WorkspaceCreateCommand.Settings>
{
    public sealed class Settings : WorkspaceSettings
    {
        [CommandArgument(0, "<FILE>")] [Description("Negotiation file (docs/negotiation-file.md).")] public string File { get; init; } = "";
        [CommandOption("--name <NAME>")] [Description("Workspace name.")] public string? Name { get; init; }
    }

    public override Task<int> ExecuteAsync(CommandContext context, Settings s, CancellationToken cancellationToken) => WorkspaceVerbs.Create(s.Db, s.File, s.Name);
}

/// <summary><c>parley workspace invite WS --role ROLE [--expires 48h]</c>.</summary>
internal sealed class WorkspaceInviteCommand : AsyncCommand<WorkspaceInviteCommand.Settings>
{
    public sealed class Settings : WorkspaceSettings
    {
        [CommandArgument(0, "<WS>")] [Description("Workspace id (printed by create).")] public string Workspace { get; init; } = "";
        [CommandOption("--role <ROLE>")] [Description("delegate:PARTY, mediator or observer.")] public string? Role { get; init; }
        [CommandOption("--expires <TIME>")] [Description("Lifetime of the invitation: 30m, 48h, 7d (default 48h, at most 30d).")] public string Expires { get; init; } = "48h";
        [CommandOption("--base-url <URL>")] [Description("Address the server is reached at, for the printed link (default http://127.0.0.1:5080).")] public string BaseUrl { get; init; } = "http://127.0.0.1:5080";
    }

    public override Task<int> ExecuteAsync(CommandContext context, Settings s, CancellationToken cancellationToken) =>
        WorkspaceVerbs.Invite(s.Db, s.Workspace, s.Role, s.Expires, s.BaseUrl);
}

/// <summary><c>parley workspace export WS --out DIR</c>.</summary>
internal sealed class WorkspaceExportCommand : AsyncCommand<WorkspaceExportCommand.Settings>
{
    public sealed class Settings : WorkspaceSettings
    {
        [CommandArgument(0, "<WS>")] [Description("Workspace id.")] public string Workspace { get; init; } = "";
        [CommandOption("--out <DIR>")] [Description("New folder (or an unmodified earlier export).")] public string? Out { get; init; }
    }

    public override Task<int> ExecuteAsync(CommandContext context, Settings s, CancellationToken cancellationToken) => WorkspaceVerbs.Export(s.Db, s.Workspace, s.Out);
}

/// <summary><c>parley workspace restore DIR</c>.</summary>
internal sealed class WorkspaceRestoreCommand : AsyncCommand<WorkspaceRestoreCommand.Settings>
{
    public sealed class Settings : WorkspaceSettings
    {
        [CommandArgument(0, "<DIR>")] [Description("Folder written by 'parley workspace export'.")] public string Directory { get; init; } = "";
    }

    public override Task<int> ExecuteAsync(CommandContext context, Settings s, CancellationToken cancellationToken) => WorkspaceVerbs.Restore(s.Db, s.Directory);
}

/// <summary><c>parley workspace serve [--db DB] [--port N]</c>.</summary>
internal sealed class WorkspaceServeCommand : AsyncCommand<WorkspaceServeCommand.Settings>
{
    public sealed class Settings : WorkspaceSettings
    {
        [CommandOption("--port <N>")] [Description("TCP port on 127.0.0.1 (default 5080; 0 = any free port, printed).")] public int Port { get; init; } = 5080;
        [CommandOption("--keys <DIR>")] [Description("Folder for the cookie-signing keys (default: next to a SQLite file; ASP.NET's default for PostgreSQL).")] public string? Keys { get; init; }
    }

    public override Task<int> ExecuteAsync(CommandContext context, Settings s, CancellationToken cancellationToken) => WorkspaceVerbs.Serve(s.Db, s.Port, s.Keys, cancellationToken);
}
