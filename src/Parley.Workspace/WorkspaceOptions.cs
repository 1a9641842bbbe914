namespace Parley.Workspace;

/// <summary>Options of the workspace.</summary>
public sealed record WorkspaceOptions
{
    /// <summary>Database: a SQLite file path (or "Data Source=…" string), or a PostgreSQL connection string ("Host=…"). Required.</summary>
    public required string Database { get; init; }

    /// <summary>Failed sign-ins before an account is locked out. Default 5.</summary>
    public int MaxFailedSignIns { get; init; } = 5;

    /// <summary>How long a locked-out account stays locked. Default 15 minutes.</summary>
    public TimeSpan LockoutDuration { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>Folder for the data-protection keys that sign cookies and antiforgery tokens, so sessions survive a restart;
    /// null = ASP.NET Core's default location. Default null.</summary>
    public string? KeysDirectory { get; init; }

    /// <summary>Throws an input error when a value is out of range.</summary>
    public WorkspaceOptions Validated()
    {
        if (string.IsNullOrWhiteSpace(Database)) throw new ParleyInputException("(command line)", null, "--db", Database, "a SQLite file or a PostgreSQL connection string (Host=…)");
        if (MaxFailedSignIns is < 1 or > 100) throw new ParleyInputException("(options)", null, "MaxFailedSignIns", MaxFailedSignIns.ToString(System.Globalization.CultureInfo.InvariantCulture), "1 to 100");
        if (LockoutDuration <= TimeSpan.Zero) throw new ParleyInputException("(options)", null, "LockoutDuration", LockoutDuration.ToString(), "a positive duration");
        return this;
    }
}
