// Opens the workspace database for a connection setting (decision 0027): "Host=…" is PostgreSQL, anything else a
// SQLite file (path or "Data Source=…"). SQLite allows one writer at a time, so writes in this process pass one gate
// instead of contending for the file lock; PostgreSQL writes run concurrently and retry a lost numbering race.
using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Parley.Workspace.Storage;

/// <summary>Database provider selection and the write path.</summary>
public static class WorkspaceStore
{
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> SqliteGates = new();

    /// <summary>True when <paramref name="connection"/> names a PostgreSQL server.</summary>
    public static bool IsPostgres(string connection) => connection.Contains("Host=", StringComparison.OrdinalIgnoreCase);

    /// <summary>Configures EF Core for the connection setting.</summary>
    public static void Configure(DbContextOptionsBuilder builder, string connection)
    {
        if (IsPostgres(connection)) builder.UseNpgsql(connection);
        else builder.UseSqlite(SqliteConnectionString(connection)).AddInterceptors(new SqliteDurability());
        builder.EnableSensitiveDataLogging(false);
    }

    /// <summary>A SQLite connection string for a path or a "Data Source=" string (shared cache off, pooling on).</summary>
    public static string SqliteConnectionString(string connection) =>
        connection.Contains('=') ? connection : new SqliteConnectionStringBuilder { DataSource = connection, Pooling = true }.ToString();

    /// <summary>Opens a context outside dependency injection (CLI verbs, tests).</summary>
    public static WorkspaceDb Open(string connection)
    {
        var builder = new DbContextOptionsBuilder<WorkspaceDb>();
        Configure(builder, connection);
        return new WorkspaceDb(builder.Options);
    }

    /// <summary>Runs a write in one transaction; on SQLite behind the process's write gate for that file; on PostgreSQL
    /// holding a transaction-scoped advisory lock on <paramref name="serializeOn"/> (a workspace id) when given, so
    /// writers that number rows of one workspace take turns instead of colliding.</summary>
    public static async Task<T> WriteAsync<T>(WorkspaceDb db, Func<Task<T>> write, CancellationToken cancel = default, string? serializeOn = null)
    {
        SemaphoreSlim? gate = db.Database.IsSqlite() ? SqliteGates.GetOrAdd(db.Database.GetConnectionString() ?? "", _ => new SemaphoreSlim(1, 1)) : null;
        if (gate is not null) await gate.WaitAsync(cancel);
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                await using var tx = await db.Database.BeginTransactionAsync(cancel);
                try
                {
                    if (gate is null && serializeOn is not null)
                        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtext({serializeOn}))", cancel);
                    var result = await write();
                    await tx.CommitAsync(cancel);
                    return result;
                }
                catch (DbUpdateException) when (attempt < 8 && gate is null)
                {
                    // A concurrent writer took the same number (primary key): discard and renumber.
                    await tx.RollbackAsync(cancel);
                    db.ChangeTracker.Clear();
                }
            }
        }
        finally { gate?.Release(); }
    }

    /// <summary>Every SQLite connection: synchronous=FULL (durable commits in WAL mode), a busy timeout, foreign keys.</summary>
    private sealed class SqliteDurability : DbConnectionInterceptor
    {
        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Pragmas(connection);

        public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            Pragmas(connection);
            return Task.CompletedTask;
        }

        private static void Pragmas(DbConnection connection)
        {
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA synchronous=FULL; PRAGMA busy_timeout=10000;";
            command.ExecuteNonQuery();
        }
    }
}
