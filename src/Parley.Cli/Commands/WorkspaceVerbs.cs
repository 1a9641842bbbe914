// The only CLI class that references Parley.Workspace (see WorkspaceCommands.cs).
using Microsoft.Extensions.Hosting;
using Parley.Workspace;
using Parley.Workspace.Pricing;
using Parley.Workspace.Storage;
using Spectre.Console;

namespace Parley.Cli.Commands;

/// <summary>Bodies of the workspace verbs.</summary>
internal static class WorkspaceVerbs
{
    private static WorkspaceDb Open(string db)
    {
        var context = WorkspaceStore.Open(db);
        SchemaSetup.Ensure(context);
        return context;
    }

    public static async Task<int> Create(string db, string file, string? name)
    {
        if (name is null) throw new ParleyInputException("(command line)", null, "--name", null, "a workspace name (--name \"US–Japan 2025\")");
        var priced = PricedNegotiation.Price(file);
        await using var context = Open(db);
        var id = await WorkspaceAdmin.Create(context, priced, name);
        AnsiConsoleAccessor.Console.Profile.Out.Writer.WriteLine($"Created workspace {id} ({priced.Packages.Count} packages priced; parties {string.Join(", ", priced.Parties)}) in {db}");
        return Program.Ok;
    }

    public static async Task<int> Invite(string db, string ws, string? role, string expires, string baseUrl)
    {
        if (role is null) throw new ParleyInputException("(command line)", null, "--role", null, "delegate:PARTY, mediator or observer");
        var lifetime = WorkspaceAdmin.ParseLifetime(expires);
        await using var context = Open(db);
        var token = await WorkspaceAdmin.Invite(context, ws, role, lifetime);
        var w = AnsiConsoleAccessor.Console.Profile.Out.Writer;
        w.WriteLine($"{baseUrl.TrimEnd('/')}/workspace/invite?token={token}");
        w.WriteLine($"(one use, valid {expires}; only its hash is stored: this is the only time the token is shown)");
        return Program.Ok;
    }

    public static async Task<int> Export(string db, string ws, string? dir)
    {
        if (dir is null) throw new ParleyInputException("(command line)", null, "--out", null, "a new folder for the export");
        await using var context = Open(db);
        var files = await WorkspaceArchive.Export(context, ws, dir);
        AnsiConsoleAccessor.Console.Profile.Out.Writer.WriteLine($"Wrote {string.Join(", ", files)} and manifest.json to {Path.GetFullPath(dir)} (private-*.json and accounts.json are as sensitive as the database)");
        return Program.Ok;
    }

    public static async Task<int> Restore(string db, string dir)
    {
        await using var context = Open(db);
        var id = await WorkspaceArchive.Restore(context, dir);
        AnsiConsoleAccessor.Console.Profile.Out.Writer.WriteLine($"Restored workspace {id} into {db}");
        return Program.Ok;
    }

    /// <summary>The web workbench with the workspace plugged in (<c>parley serve --workspace DB</c>): the same two calls
    /// as the stand-alone host, given to the workbench's composition hooks.</summary>
    public static Parley.Web.WebOptions Embed(Parley.Web.WebOptions web, string db)
    {
        var keys = WorkspaceStore.IsPostgres(db) ? null : Path.Combine(Path.GetDirectoryName(Path.GetFullPath(db)) ?? ".", Path.GetFileName(db) + ".keys");
        var options = new WorkspaceOptions { Database = db, KeysDirectory = keys }.Validated();
        return web with
        {
            ConfigureServices = b => b.Services.AddParleyWorkspace(options),
            ConfigureApp = app => app.MapParleyWorkspace(),
        };
    }

    public static async Task<int> Serve(string db, int port, string? keys, CancellationToken cancel)
    {
        keys ??= WorkspaceStore.IsPostgres(db) ? null : Path.Combine(Path.GetDirectoryName(Path.GetFullPath(db)) ?? ".", Path.GetFileName(db) + ".keys");
        var app = WorkspaceHost.Build(new WorkspaceOptions { Database = db, KeysDirectory = keys }, port);
        await app.StartAsync(cancel);
        var w = AnsiConsoleAccessor.Console.Profile.Out.Writer;
        w.WriteLine($"listening on {WorkspaceHost.Address(app)}/workspace");
        w.Flush();
        await app.WaitForShutdownAsync(cancel);
        return Program.Ok;
    }
}
