namespace Parley.Tests;

/// <summary>The repository checkout the tests run from (the folder holding <c>Parley.slnx</c>).</summary>
public static class RepositoryRoot
{
    /// <summary>Full path of the repository root, found upwards from the test binaries.</summary>
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Parley.slnx"))) return dir.FullName;
        throw new DirectoryNotFoundException("Parley.slnx not found above " + AppContext.BaseDirectory);
    }
}
