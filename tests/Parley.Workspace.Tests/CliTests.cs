using System.Diagnostics;
using Parley.Workspace.Tests.Infrastructure;
using Xunit;

namespace Parley.Workspace.Tests;

/// <summary>The admin verbs as a user runs them, and the lazy loading of the workspace assembly.</summary>
public sealed class CliTests
{
    /// <summary>The CLI in-process (as Parley.Tests does): exit code, stdout, stderr.</summary>
    private static (int Code, string Out, string Err) Run(params string[] args) =>
        Parley.Tests.Cli.PlainConsole.Run(80, args);

    /// <summary>The CLI as its own process with PARLEY_TIMINGS=1 (its stderr line names the loaded assemblies).</summary>
    private static (int Code, string Out, string Err) RunProcess(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(ServerProcess.CliDll);
        foreach (var a in args) start.ArgumentList.Add(a);
        start.Environment["PARLEY_TIMINGS"] = "1";
        using var p = Process.Start(start)!;
        var err = p.StandardError.ReadToEndAsync();
        var output = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        return (p.ExitCode, output, err.Result);
    }

    [Fact]
    public async Task Invite_export_and_restore_verbs_print_a_one_time_link_and_round_trip_a_workspace()
    {
        var dir = Directory.CreateTempSubdirectory("parley-ws-cli-").FullName;
        var db = Path.Combine(dir, "ws.db");
        string ws;
        await using (var context = Storage.WorkspaceStore.Open(db))
        {
            Storage.SchemaSetup.Ensure(context);
            ws = await WorkspaceAdmin.Create(context, PricedExample.UsJapan, "cli");
        }
        var (code, output, err) = Run("workspace", "invite", ws, "--role", "delegate:JPN", "--expires", "2h", "--db", db);
        Assert.True(code == 0, err);
        var token = System.Text.RegularExpressions.Regex.Match(output, "token=([0-9a-f]{64})").Groups[1].Value;
        Assert.Equal(64, token.Length);
        await using (var context = Storage.WorkspaceStore.Open(db))
        {
            var invitation = await WorkspaceAdmin.Find(context, token);
            Assert.Equal("delegate:JPN", invitation?.Role);
            Assert.InRange(invitation!.ExpiresUtc, DateTime.UtcNow.AddMinutes(100), DateTime.UtcNow.AddMinutes(121));
        }
        Assert.Contains("expected mediator, observer or delegate:USA or delegate:JPN",
            Assert.Throws<ParleyInputException>(() => Access.WorkspaceRole.Parse("delegate:KOR", ["USA", "JPN"])).Message);
        Assert.Contains("30m, 48h or 7d", Assert.Throws<ParleyInputException>(() => WorkspaceAdmin.ParseLifetime("soon")).Message);
        var (badCode, _, badErr) = Run("workspace", "invite", "nope", "--role", "mediator", "--db", db);
        Assert.Equal(2, badCode);
        Assert.StartsWith("error: (command line): field 'WS' = 'nope'", badErr);
        Assert.Equal(0, Run("workspace", "export", ws, "--out", Path.Combine(dir, "export"), "--db", db).Code);
        Assert.Equal(0, Run("workspace", "restore", Path.Combine(dir, "export"), "--db", Path.Combine(dir, "restored.db")).Code);
        var (again, _, againErr) = Run("workspace", "restore", Path.Combine(dir, "export"), "--db", Path.Combine(dir, "restored.db"));
        Assert.Equal(2, again);
        Assert.Contains("restore never overwrites", againErr);
    }

    [Fact]
    public void Other_verbs_do_not_load_the_workspace_assembly()
    {
        var (wsCode, _, wsErr) = RunProcess("workspace", "invite", "nope", "--role", "mediator", "--db", Path.Combine(Path.GetTempPath(), $"parley-ws-{Guid.NewGuid():N}.db"));
        Assert.Equal(2, wsCode);
        Assert.Contains("workspace loaded", wsErr); // the line does report it when a workspace verb runs
        var (code, _, err) = RunProcess("tariffs", "rate", "--date", "2025-05-01", "--country", "JPN", "--hts", "8703.23.01", "--format", "csv");
        Assert.Equal(0, code);
        Assert.Contains("assemblies loaded", err);
        Assert.DoesNotContain("workspace loaded", err);
    }
}
