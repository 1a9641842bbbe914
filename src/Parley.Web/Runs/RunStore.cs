// Runs persist in one SQLite file (runs.db, write-ahead logging) under the data folder, beside a folder per run holding
// exactly what `--out` writes for the CLI (CSV, JSON, workbook, report, manifest; Reports.OutputDirectory stages and
// hashes it). The row keeps the input YAML, the manifest and the results, so /runs/{id} survives a restart.
using Microsoft.Data.Sqlite;

namespace Parley.Web.Runs;

/// <summary>One stored run.</summary>
/// <param name="Id">16 lowercase hex digits, the run's stable URL <c>/runs/{id}</c>.</param>
/// <param name="Kind"><c>scenario</c> or <c>negotiation</c>.</param>
/// <param name="Name">The scenario's or negotiation's name.</param>
/// <param name="CreatedUtc">ISO 8601 UTC time stamp.</param>
/// <param name="InputName">File name of the input (<c>scenario.yaml</c>, an example's name, an upload's name).</param>
/// <param name="InputYaml">The input YAML exactly as run (the scenario page's download).</param>
/// <param name="ManifestJson">The run folder's manifest.json.</param>
/// <param name="ResultJson">The API's JSON answer (result.json or solutions.json).</param>
/// <param name="ViewJson">What the page draws (Application.ScenarioView or NegotiationSpace), JSON.</param>
public sealed record RunRecord(string Id, string Kind, string Name, string CreatedUtc, string InputName, string InputYaml, string ManifestJson, string ResultJson, string ViewJson);

/// <summary>The run database and run folders under one data folder.</summary>
public sealed class RunStore
{
    private readonly string _connection;

    /// <summary>Opens (creating when new) <c>runs.db</c> in <paramref name="dataDirectory"/>.</summary>
    public RunStore(string dataDirectory)
    {
        DataDirectory = dataDirectory;
        Directory.CreateDirectory(Path.Combine(dataDirectory, "runs"));
        _connection = new SqliteConnectionStringBuilder { DataSource = Path.Combine(dataDirectory, "runs.db"), Pooling = false }.ToString();
        using var c = Open();
        Execute(c, "PRAGMA journal_mode=WAL;");
        Execute(c, """
            CREATE TABLE IF NOT EXISTS runs (
              id TEXT PRIMARY KEY, kind TEXT NOT NULL, name TEXT NOT NULL, created_utc TEXT NOT NULL, input_name TEXT NOT NULL,
              input_yaml TEXT NOT NULL, manifest_json TEXT NOT NULL, result_json TEXT NOT NULL, view_json TEXT NOT NULL);
            """);
    }

    /// <summary>The data folder.</summary>
    public string DataDirectory { get; }

    /// <summary>A new run id (16 hex digits).</summary>
    public static string NewId() => Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(8));

    /// <summary>True for a well-formed run id (anything else never reaches the file system).</summary>
    public static bool IsId(string? id) => id is { Length: 16 } && id.All(char.IsAsciiHexDigitLower);

    /// <summary>The folder of a run's files.</summary>
    public string FolderOf(string id) => IsId(id) ? Path.Combine(DataDirectory, "runs", id) : throw new ArgumentException("not a run id", nameof(id));

    /// <summary>Stores a run.</summary>
    public void Add(RunRecord r)
    {
        using var c = Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "INSERT INTO runs VALUES ($id, $kind, $name, $created, $input_name, $input, $manifest, $result, $view)";
        foreach (var (k, v) in new[] { ("$id", r.Id), ("$kind", r.Kind), ("$name", r.Name), ("$created", r.CreatedUtc), ("$input_name", r.InputName), ("$input", r.InputYaml),
                     ("$manifest", r.ManifestJson), ("$result", r.ResultJson), ("$view", r.ViewJson) })
            cmd.Parameters.AddWithValue(k, v);
        cmd.ExecuteNonQuery();
    }

    /// <summary>The run, or null.</summary>
    public RunRecord? Get(string id)
    {
        if (!IsId(id)) return null;
        using var c = Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT id, kind, name, created_utc, input_name, input_yaml, manifest_json, result_json, view_json FROM runs WHERE id = $id";
        cmd.Parameters.AddWithValue("$id", id);
        using var r = cmd.ExecuteReader();
        return r.Read() ? new RunRecord(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(5), r.GetString(6), r.GetString(7), r.GetString(8)) : null;
    }

    /// <summary>Every run (id, kind, name, time), newest first.</summary>
    public IReadOnlyList<(string Id, string Kind, string Name, string CreatedUtc)> List()
    {
        using var c = Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT id, kind, name, created_utc FROM runs ORDER BY created_utc DESC, rowid DESC";
        using var r = cmd.ExecuteReader();
        var list = new List<(string, string, string, string)>();
        while (r.Read()) list.Add((r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3)));
        return list;
    }

    /// <summary>Deletes a run's row and folder; false when there was none.</summary>
    public bool Delete(string id)
    {
        if (!IsId(id)) return false;
        using var c = Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "DELETE FROM runs WHERE id = $id";
        cmd.Parameters.AddWithValue("$id", id);
        var deleted = cmd.ExecuteNonQuery() > 0;
        var folder = FolderOf(id);
        if (Directory.Exists(folder) && !new DirectoryInfo(folder).Attributes.HasFlag(FileAttributes.ReparsePoint)) Directory.Delete(folder, recursive: true);
        return deleted;
    }

    private SqliteConnection Open()
    {
        var c = new SqliteConnection(_connection);
        c.Open();
        return c;
    }

    private static void Execute(SqliteConnection c, string sql)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }
}
