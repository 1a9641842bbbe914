// Creates the schema and the database-level guards (decision 0027): SQLite in WAL mode with synchronous=FULL (an
// acknowledged commit is on disk before the HTTP response), and on both engines triggers that abort any UPDATE or
// DELETE of offers and releases, so even a direct SQL client cannot rewrite the history.
using Microsoft.EntityFrameworkCore;

namespace Parley.Workspace.Storage;

/// <summary>Schema creation and the append-only triggers.</summary>
public static class SchemaSetup
{
    private static readonly string[] AppendOnlyTables = ["offers", "releases"];

    /// <summary>Creates the tables when absent and installs the triggers (idempotent).</summary>
    public static void Ensure(WorkspaceDb db)
    {
        if (db.Database.IsSqlite()) db.Database.ExecuteSqlRaw("PRAGMA journal_mode=WAL;");
        db.Database.EnsureCreated();
        foreach (var table in AppendOnlyTables)
            foreach (var sql in TriggerSql(table, db.Database.IsSqlite()))
                db.Database.ExecuteSqlRaw(sql); // table names are this file's constants, not input
    }

    private static IEnumerable<string> TriggerSql(string table, bool sqlite)
    {
        {
            if (sqlite)
            {
                yield return ($"CREATE TRIGGER IF NOT EXISTS {table}_no_update BEFORE UPDATE ON {table} BEGIN SELECT RAISE(ABORT, '{table} are append-only'); END;");
                yield return ($"CREATE TRIGGER IF NOT EXISTS {table}_no_delete BEFORE DELETE ON {table} BEGIN SELECT RAISE(ABORT, '{table} are append-only'); END;");
            }
            else
            {
                yield return ($"""
                    CREATE OR REPLACE FUNCTION {table}_append_only() RETURNS trigger LANGUAGE plpgsql AS
                    $$ BEGIN RAISE EXCEPTION '{table} are append-only'; END $$;
                    """);
                yield return ($"DROP TRIGGER IF EXISTS {table}_no_rewrite ON {table};");
                yield return ($"CREATE TRIGGER {table}_no_rewrite BEFORE UPDATE OR DELETE OR TRUNCATE ON {table} FOR EACH STATEMENT EXECUTE FUNCTION {table}_append_only();");
            }
        }
    }
}
