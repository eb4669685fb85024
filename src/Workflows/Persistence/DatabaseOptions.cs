namespace Corrections.Workflows.Persistence;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

public enum MigrationMode
{
    /// <summary>Apply pending migrations at start-up (the default).</summary>
    Apply,
    /// <summary>Only check that the database is at this build's version; refuse to start otherwise.</summary>
    Verify,
}

/// <summary>Bound from the <c>Database</c> section.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Required for PostgreSQL; for SQLite defaults to <c>corrections.db</c> in the data folder.</summary>
    public string? ConnectionString { get; set; }

    public MigrationMode Migrations { get; set; } = MigrationMode.Apply;
}
