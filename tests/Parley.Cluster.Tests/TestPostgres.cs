using Npgsql;
using Xunit;

namespace Parley.Cluster.Tests;

/// <summary>The PostgreSQL of <c>PARLEY_TEST_POSTGRES</c> (.ci/services): a uniquely named database per use, dropped after.</summary>
public sealed class TestPostgres : IDisposable
{
    private readonly string? _admin = Environment.GetEnvironmentVariable("PARLEY_TEST_POSTGRES");

    /// <summary>A fresh database's connection string, or null when PARLEY_TEST_POSTGRES is not set.</summary>
    public string? ConnectionString { get; }

    /// <summary>The fresh database's name.</summary>
    public string Database { get; } = "parley_cluster_" + Guid.NewGuid().ToString("N")[..12];

    public TestPostgres()
    {
        if (_admin is null) return;
        using (var c = new NpgsqlConnection(_admin))
        {
            c.Open();
            using var cmd = new NpgsqlCommand($"CREATE DATABASE {Database}", c);
            cmd.ExecuteNonQuery();
        }
        ConnectionString = new NpgsqlConnectionStringBuilder(_admin) { Database = Database, Pooling = false }.ConnectionString;
    }

    /// <summary>Skips the test with a reason when there is no PostgreSQL, except under CI=true, where that is a failure.</summary>
    public string Require()
    {
        if (ConnectionString is { } c) return c;
        if (Environment.GetEnvironmentVariable("CI") == "true") Assert.Fail("CI=true but PARLEY_TEST_POSTGRES is not set (.ci/services env)");
        Skip.If(true, "PARLEY_TEST_POSTGRES is not set: run `eval \"$(bash .ci/services env)\"` (PostgreSQL on 127.0.0.1)");
        return "";
    }

    /// <summary>One scalar of a query on the fresh database.</summary>
    public long Scalar(string sql)
    {
        using var c = new NpgsqlConnection(ConnectionString);
        c.Open();
        using var cmd = new NpgsqlCommand(sql, c);
        return Convert.ToInt64(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public void Dispose()
    {
        if (_admin is null) return;
        NpgsqlConnection.ClearAllPools();
        using var c = new NpgsqlConnection(_admin);
        c.Open();
        using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS {Database} WITH (FORCE)", c);
        cmd.ExecuteNonQuery();
    }
}
