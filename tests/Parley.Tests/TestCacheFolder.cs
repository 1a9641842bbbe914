using System.Runtime.CompilerServices;

namespace Parley.Tests;

/// <summary>
/// Points the dataset cache (<c>PARLEY_CACHE_DIR</c>, docs/performance.md) at a folder under the system temp directory
/// for the whole test run, so tests never write into the user's own cache folder. Child processes (the CLI tests)
/// inherit it.
/// </summary>
internal static class TestCacheFolder
{
    [ModuleInitializer]
    internal static void Set()
    {
        if (Environment.GetEnvironmentVariable(Parley.Data.DatasetCache.DirectoryVariable) is null)
            Environment.SetEnvironmentVariable(Parley.Data.DatasetCache.DirectoryVariable, Path.Combine(Path.GetTempPath(), "parley-tests-cache"));
    }
}
