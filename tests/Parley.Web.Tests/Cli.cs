using System.Diagnostics;

namespace Parley.Web.Tests;

/// <summary>Runs the real <c>parley</c> CLI (Parley.Cli.dll beside the tests) as a process.</summary>
internal static class Cli
{
    public static string Dll => System.IO.Path.Combine(AppContext.BaseDirectory, "Parley.Cli.dll");

    public static (int Code, string Out, string Err) RunIn(string workingDirectory, IReadOnlyDictionary<string, string>? env, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = workingDirectory };
        start.ArgumentList.Add(Dll);
        foreach (var a in args) start.ArgumentList.Add(a);
        start.Environment["COLUMNS"] = "160";
        foreach (var (k, v) in env ?? new Dictionary<string, string>()) start.Environment[k] = v;
        using var p = Process.Start(start)!;
        var err = p.StandardError.ReadToEndAsync();
        var output = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        return (p.ExitCode, output, err.Result);
    }

    public static (int Code, string Out, string Err) Run(params string[] args) => RunIn(RepositoryRoot.Path, null, args);
}

/// <summary>A temporary folder removed when disposed.</summary>
public sealed class TempFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("parley-web-test-").FullName;

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
