namespace Parley.Web.Tests;

/// <summary>The repository root (the folder holding Parley.slnx), found from the test's output folder.</summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
            if (System.IO.File.Exists(System.IO.Path.Combine(d.FullName, "Parley.slnx"))) return d.FullName;
        throw new InvalidOperationException("Parley.slnx not found above " + AppContext.BaseDirectory);
    }

    public static string File(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);
}
