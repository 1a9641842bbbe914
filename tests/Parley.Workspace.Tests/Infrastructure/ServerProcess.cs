using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Parley.Workspace.Tests.Infrastructure;

/// <summary>`dotnet Parley.Cli.dll workspace serve` as a separate process, to be killed mid-write.</summary>
public sealed class ServerProcess : IDisposable
{
    private readonly Process _process;

    private ServerProcess(Process process, string address)
    {
        _process = process;
        Address = address;
    }

    public string Address { get; }

    /// <summary>The CLI built next to these tests (same configuration).</summary>
    public static string CliDll
    {
        get
        {
            var bin = new DirectoryInfo(AppContext.BaseDirectory); // tests/Parley.Workspace.Tests/bin/<Configuration>/net10.0/
            var configuration = bin.Parent!.Name;
            var root = bin;
            while (root is not null && !File.Exists(Path.Combine(root.FullName, "Parley.slnx"))) root = root.Parent;
            var dll = Path.Combine(root!.FullName, "src", "Parley.Cli", "bin", configuration, bin.Name, "Parley.Cli.dll");
            return File.Exists(dll) ? dll : throw new FileNotFoundException("build src/Parley.Cli first", dll);
        }
    }

    /// <summary>A free TCP port on 127.0.0.1.</summary>
    public static int FreePort()
    {
        var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        var port = ((IPEndPoint)l.LocalEndpoint).Port;
        l.Stop();
        return port;
    }

    /// <summary>Starts the server and waits for its "listening on" line.</summary>
    public static ServerProcess Start(string db, int port)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { CliDll, "workspace", "serve", "--db", db, "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture) }) start.ArgumentList.Add(a);
        var p = Process.Start(start)!;
        p.ErrorDataReceived += (_, _) => { };
        p.BeginErrorReadLine();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            var line = p.StandardOutput.ReadLine() ?? throw new InvalidOperationException($"server exited with {(p.WaitForExit(1000) ? p.ExitCode : -1)} before listening");
            if (line.StartsWith("listening on ", StringComparison.Ordinal))
            {
                _ = p.StandardOutput.ReadToEndAsync();
                return new ServerProcess(p, line["listening on ".Length..].Replace("/workspace", "", StringComparison.Ordinal));
            }
        }
        p.Kill(true);
        throw new TimeoutException("server did not start within 60 s");
    }

    /// <summary>Kills the process at once (no graceful shutdown): in-flight requests are cut.</summary>
    public void Kill()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.WaitForExit(10_000);
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }
}
