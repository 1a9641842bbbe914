// Results checkpointed in PostgreSQL (decision 0030): one row per (fingerprint, item), written with
// INSERT … ON CONFLICT DO NOTHING, so a re-run item, a duplicate submission or a batch finished by two silos writes one
// row. Results are stored as their raw IEEE-754 bytes (little-endian float8s in a bytea), never as text, so the
// assembled answer is bit-for-bit what the worker computed.
using System.Buffers.Binary;
using Npgsql;
using NpgsqlTypes;

namespace Parley.Cluster.Checkpoints;

/// <summary>Checkpoints in table <c>parley_work_results</c> of a PostgreSQL database.</summary>
/// <param name="connectionString">Npgsql connection string (the cluster's membership database).</param>
public sealed class PostgresWorkCheckpoints(string connectionString) : IWorkCheckpoints
{
    /// <summary>The table's name.</summary>
    public const string Table = "parley_work_results";

    private readonly NpgsqlDataSource _source = NpgsqlDataSource.Create(connectionString);

    /// <inheritdoc />
    public async Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        await using var cmd = _source.CreateCommand(
            $"""
             CREATE TABLE IF NOT EXISTS {Table} (
               fingerprint char(64) NOT NULL,
               item integer NOT NULL CHECK (item >= 0),
               result bytea NOT NULL,
               worker text NOT NULL,
               written_utc timestamptz NOT NULL DEFAULT now(),
               PRIMARY KEY (fingerprint, item))
             """);
        try
        {
            await cmd.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.DuplicateObject)
        {
            // two processes creating the table at the same moment: the other one won, the table is there
        }
    }

    /// <inheritdoc />
    public async Task<int> SaveAsync(string fingerprint, IReadOnlyList<int> items, IReadOnlyList<double[]> results, string worker, CancellationToken cancellationToken)
    {
        await using var cmd = _source.CreateCommand(
            $"INSERT INTO {Table} (fingerprint, item, result, worker) SELECT @f, t.i, t.r, @w FROM unnest(@items, @results) AS t(i, r) ON CONFLICT DO NOTHING");
        cmd.Parameters.AddWithValue("f", fingerprint);
        cmd.Parameters.AddWithValue("w", worker);
        cmd.Parameters.Add(new NpgsqlParameter("items", NpgsqlDbType.Array | NpgsqlDbType.Integer) { Value = items.ToArray() });
        cmd.Parameters.Add(new NpgsqlParameter("results", NpgsqlDbType.Array | NpgsqlDbType.Bytea) { Value = results.Select(Bytes).ToArray() });
        return await cmd.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlySet<int>> DoneAsync(string fingerprint, CancellationToken cancellationToken)
    {
        await using var cmd = _source.CreateCommand($"SELECT item FROM {Table} WHERE fingerprint = @f");
        cmd.Parameters.AddWithValue("f", fingerprint);
        var done = new HashSet<int>();
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) done.Add(reader.GetInt32(0));
        return done;
    }

    /// <inheritdoc />
    public async Task<IReadOnlySet<int>> DoneAmongAsync(string fingerprint, IReadOnlyList<int> items, CancellationToken cancellationToken)
    {
        await using var cmd = _source.CreateCommand($"SELECT item FROM {Table} WHERE fingerprint = @f AND item = ANY(@items)");
        cmd.Parameters.AddWithValue("f", fingerprint);
        cmd.Parameters.Add(new NpgsqlParameter("items", NpgsqlDbType.Array | NpgsqlDbType.Integer) { Value = items.ToArray() });
        var done = new HashSet<int>();
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) done.Add(reader.GetInt32(0));
        return done;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyDictionary<int, double[]>> ReadAsync(string fingerprint, CancellationToken cancellationToken)
    {
        await using var cmd = _source.CreateCommand($"SELECT item, result FROM {Table} WHERE fingerprint = @f");
        cmd.Parameters.AddWithValue("f", fingerprint);
        var rows = new Dictionary<int, double[]>();
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) rows[reader.GetInt32(0)] = Doubles(reader.GetFieldValue<byte[]>(1));
        return rows;
    }

    /// <summary>A result as little-endian IEEE-754 bytes.</summary>
    internal static byte[] Bytes(double[] values)
    {
        var bytes = new byte[8 * values.Length];
        for (var i = 0; i < values.Length; i++) BinaryPrimitives.WriteDoubleLittleEndian(bytes.AsSpan(8 * i), values[i]);
        return bytes;
    }

    /// <summary>The inverse of <see cref="Bytes"/>.</summary>
    internal static double[] Doubles(byte[] bytes)
    {
        if (bytes.Length % 8 != 0) throw new InvalidDataException($"{Table}: a result of {bytes.Length} bytes is not a whole number of float8s");
        var values = new double[bytes.Length / 8];
        for (var i = 0; i < values.Length; i++) values[i] = BinaryPrimitives.ReadDoubleLittleEndian(bytes.AsSpan(8 * i));
        return values;
    }
}
