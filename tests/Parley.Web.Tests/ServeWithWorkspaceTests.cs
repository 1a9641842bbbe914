using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Xunit;

namespace Parley.Web.Tests;

/// <summary><c>parley serve --workspace DB</c>: one process serves the workbench and the shared workspace.</summary>
public class ServeWithWorkspaceTests
{
    [Fact]
    public async Task Serve_with_a_workspace_database_serves_the_workbench_and_the_workspace_login_from_one_process()
    {
        using var dir = new TempFolder();
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = RepositoryRoot.Path };
        foreach (var a in new[] { Cli.Dll, "serve", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--data-dir", Path.Combine(dir.Path, "web"),
                     "--workspace", Path.Combine(dir.Path, "workspace.db") })
            start.ArgumentList.Add(a);
        using var server = Process.Start(start)!;
        var stderr = server.StandardError.ReadToEndAsync();
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(20) };
            var login = await WaitFor(http, "/workspace/login", server);
            Assert.Equal(HttpStatusCode.OK, login.StatusCode);
            Assert.Contains("<form", await login.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            var home = await http.GetAsync(new Uri("/", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, home.StatusCode);
            var api = await http.GetAsync(new Uri("/workspace/api/workspaces", UriKind.Relative));
            Assert.True(api.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.NotFound or HttpStatusCode.Forbidden,
                $"an anonymous workspace API call must be refused, got {(int)api.StatusCode}");
            Assert.True(File.Exists(Path.Combine(dir.Path, "workspace.db")), "the workspace database is created at start");
        }
        finally
        {
            if (!server.HasExited) server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync();
        }
        Assert.DoesNotContain("Unhandled exception", await stderr, StringComparison.Ordinal);
    }

    private static async Task<HttpResponseMessage> WaitFor(HttpClient http, string path, Process server)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            Assert.False(server.HasExited, "parley serve exited early");
            try
            {
                return await http.GetAsync(new Uri(path, UriKind.Relative));
            }
            catch (HttpRequestException) when (clock.Elapsed < TimeSpan.FromSeconds(120))
            {
                await Task.Delay(250);
            }
        }
    }

    private static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }
}
