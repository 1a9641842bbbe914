using Parley.Workspace.Tests.Infrastructure;
using Xunit;

namespace Parley.Workspace.Tests;

/// <summary>Tests sharing one SQLite-backed server (the US–Japan example is priced once per run).</summary>
[CollectionDefinition(Name)]
public sealed class WorkspaceCollection : ICollectionFixture<WorkspaceServer>
{
    public const string Name = "workspace server (SQLite)";
}
