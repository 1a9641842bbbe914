using System.Diagnostics;

namespace Parley.Cluster.Tests;

/// <summary>The built CLI run as a user runs it: <c>dotnet Parley.Cli.dll ARGS</c>, a child process in the repository root.</summary>
public static class CliProcess
{
    /// <summary>Runs the CLI to its end: exit code, standard output, standard error.</summary>
    public static (int Code, string Out, string Err) Run(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Sweeps.Root };
        start.ArgumentList.Add(SiloProcess.CliDll);
        foreach (var a in args) start.ArgumentList.Add(a);
        start.Environment["PARLEY_TIMINGS"] = "1";
        start.Environment["COLUMNS"] = "200";
        using var p = Process.Start(start)!;
        var err = p.StandardError.ReadToEndAsync();
        var output = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        return (p.ExitCode, output, err.Result);
    }
}
