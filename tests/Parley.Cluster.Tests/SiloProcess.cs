using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Parley.Cluster.Tests;

/// <summary>A real silo process: <c>dotnet Parley.Cli.dll cluster silo --postgres CONN --port P --gateway-port G</c>.</summary>
public sealed class SiloProcess : IDisposable
{
    private readonly Process _process;
    private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<string> _log = [];

    /// <summary>The built CLI (copied next to the tests by the project reference).</summary>
    public static string CliDll => typeof(Parley.Cli.Commands.ClusterHost).Assembly.Location;

    public int Port { get; } = FreePort();

    public SiloProcess(string postgres)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Sweeps.Root };
        foreach (var a in new[] { CliDll, "cluster", "silo", "--postgres", postgres, "--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                     "--gateway-port", FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture) })
            start.ArgumentList.Add(a);
        _process = Process.Start(start)!;
        _process.OutputDataReceived += (_, e) => Line(e.Data, true);
        _process.ErrorDataReceived += (_, e) => Line(e.Data, false);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        _process.EnableRaisingEvents = true;
        _process.Exited += (_, _) => _started.TrySetException(new InvalidOperationException("silo exited before it started:\n" + Log));
    }

    /// <summary>Everything the silo printed.</summary>
    public string Log
    {
        get
        {
            lock (_log) return string.Join('\n', _log);
        }
    }

    /// <summary>Waits until the silo prints that it has joined.</summary>
    public Task Started(TimeSpan timeout) => _started.Task.WaitAsync(timeout);

    /// <summary>Kills the process at once (no shutdown: as a crash).</summary>
    public void Kill() => _process.Kill(entireProcessTree: true);

    public void Dispose()
    {
        if (!_process.HasExited) Kill();
        _process.WaitForExit(10_000);
        _process.Dispose();
    }

    private void Line(string? line, bool stdout)
    {
        if (line is null) return;
        lock (_log) _log.Add(line);
        if (stdout && line.StartsWith("silo started:", StringComparison.Ordinal)) _started.TrySetResult();
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
