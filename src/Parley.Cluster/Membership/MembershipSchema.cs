// Orleans' ADO.NET clustering needs its tables (OrleansQuery, OrleansMembershipVersionTable, OrleansMembershipTable and
// their functions) in the membership database before a silo or client starts. The NuGet package does not ship the
// scripts, so Parley embeds Orleans' own PostgreSQL scripts (Sql/PROVENANCE.md) and runs them when the tables are absent,
// in one transaction under an advisory lock: two silos starting at once create them once.
using System.Reflection;
using Npgsql;

namespace Parley.Cluster.Membership;

/// <summary>Creates the Orleans membership tables in a PostgreSQL database when they are absent.</summary>
public static class MembershipSchema
{
    /// <summary>Advisory-lock key under which the scripts run (an arbitrary constant: "PARLEYCL").</summary>
    private const long LockKey = 0x504152_4C4559_434C;

    /// <summary>Runs Orleans' PostgreSQL main and clustering scripts unless table <c>orleansmembershiptable</c> exists;
    /// returns true when it created them.</summary>
    public static async Task<bool> EnsureCreatedAsync(string connectionString, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var tx = await connection.BeginTransactionAsync(cancellationToken);
        await Execute(connection, $"SELECT pg_advisory_xact_lock({LockKey})", cancellationToken);
        await using (var probe = new NpgsqlCommand("SELECT to_regclass('orleansmembershiptable') IS NOT NULL", connection))
            if ((bool)(await probe.ExecuteScalarAsync(cancellationToken))!) return false;
        await Execute(connection, Script("PostgreSQL-Main.sql"), cancellationToken);
        await Execute(connection, Script("PostgreSQL-Clustering.sql"), cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return true;
    }

    private static async Task Execute(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var cmd = new NpgsqlCommand(sql, connection);
        await cmd.ExecuteNonQueryAsync(cancellationToken);
    }

    private static string Script(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Parley.Cluster.Membership.Sql." + name)
                           ?? throw new InvalidOperationException($"embedded script {name} missing from Parley.Cluster");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
