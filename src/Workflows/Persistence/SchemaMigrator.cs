using System.Data.Common;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;

namespace Corrections.Workflows.Persistence;

/// <summary>One versioned SQL script of one provider, embedded in this assembly.</summary>
public sealed record MigrationScript(int Version, string Name, string Sql)
{
    public string Checksum { get; } = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Sql.ReplaceLineEndings("\n"))));
}

public sealed record MigrationStatus(int LatestKnown, int Applied, IReadOnlyList<string> Problems)
{
    public bool IsCurrent => Problems.Count == 0 && Applied == LatestKnown;
}

/// <summary>
/// Applies and verifies the hand-kept SQL migrations (there is no <c>dotnet ef</c> here; see
/// docs/decisions/0002-migrations.md). Each script runs in its own transaction together with its
/// row in <c>__schema_migrations</c>; an applied script whose text changed is refused, not re-run.
/// </summary>
public sealed class SchemaMigrator(CorrectionsDbContext db)
{
    public const string HistoryTable = "__schema_migrations";

    // Arbitrary constant: serialises migrations of several instances starting against one PostgreSQL.
    private const long AdvisoryLockKey = 0x436F7272_65637431;

    public static IReadOnlyList<MigrationScript> ScriptsFor(DatabaseProvider provider)
    {
        var prefix = $"Migrations/{provider.ToString().ToLowerInvariant()}/";
        var assembly = typeof(SchemaMigrator).Assembly;
        return
        [
            .. assembly.GetManifestResourceNames()
                .Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
                .Select(n => Read(assembly, n, n[prefix.Length..^4]))
                .OrderBy(s => s.Version),
        ];
    }

    private static MigrationScript Read(Assembly assembly, string resource, string fileName)
    {
        var separator = fileName.IndexOf('_', StringComparison.Ordinal);
        if (separator <= 0 || !int.TryParse(fileName[..separator], out var version))
            throw new InvalidOperationException($"Migration '{resource}' must be named NNNN_description.sql.");
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return new MigrationScript(version, fileName[(separator + 1)..], reader.ReadToEnd());
    }

    public DatabaseProvider Provider => db.Database.IsNpgsql() ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite;

    /// <summary>Applies every pending script; returns the versions applied.</summary>
    public async Task<IReadOnlyList<int>> MigrateAsync(CancellationToken ct = default)
    {
        var scripts = ScriptsFor(Provider);
        var connection = db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened) await connection.OpenAsync(ct);
        try
        {
            if (Provider == DatabaseProvider.Postgres)
                await ExecuteAsync(connection, null, $"SELECT pg_advisory_lock({AdvisoryLockKey})", ct);
            else
                // Write-ahead logging lets pages read while a step writes; the mode is kept in the file.
                await ExecuteAsync(connection, null, "PRAGMA journal_mode=WAL", ct);
            try
            {
                await EnsureHistoryTableAsync(connection, ct);
                var applied = await ReadAppliedAsync(connection, ct);
                var problems = Compare(scripts, applied);
                if (problems.Count > 0)
                    throw new InvalidOperationException("The database schema does not match this build: " + string.Join("; ", problems));

                var done = new List<int>();
                foreach (var script in scripts.Where(s => !applied.ContainsKey(s.Version)))
                {
                    await using var tx = await connection.BeginTransactionAsync(ct);
                    await ExecuteAsync(connection, tx, script.Sql, ct);
                    await InsertHistoryAsync(connection, tx, script, ct);
                    await tx.CommitAsync(ct);
                    done.Add(script.Version);
                }
                return done;
            }
            finally
            {
                if (Provider == DatabaseProvider.Postgres)
                    await ExecuteAsync(connection, null, $"SELECT pg_advisory_unlock({AdvisoryLockKey})", ct);
            }
        }
        finally
        {
            if (opened) await connection.CloseAsync();
        }
    }

    /// <summary>Compares the database's applied migrations with this build's scripts without changing anything.</summary>
    public async Task<MigrationStatus> GetStatusAsync(CancellationToken ct = default)
    {
        var scripts = ScriptsFor(Provider);
        var latest = scripts.Count == 0 ? 0 : scripts[^1].Version;
        var connection = db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened) await connection.OpenAsync(ct);
        try
        {
            if (!await HistoryTableExistsAsync(connection, ct))
                return new MigrationStatus(latest, 0, ["the database has no migrations applied"]);
            var applied = await ReadAppliedAsync(connection, ct);
            var problems = Compare(scripts, applied).ToList();
            problems.AddRange(scripts.Where(s => !applied.ContainsKey(s.Version)).Select(s => $"migration {s.Version:D4} ({s.Name}) is not applied"));
            return new MigrationStatus(latest, applied.Count == 0 ? 0 : applied.Keys.Max(), problems);
        }
        finally
        {
            if (opened) await connection.CloseAsync();
        }
    }

    private static List<string> Compare(IReadOnlyList<MigrationScript> scripts, Dictionary<int, string> applied)
    {
        var problems = new List<string>();
        var known = scripts.ToDictionary(s => s.Version);
        foreach (var (version, checksum) in applied)
        {
            if (!known.TryGetValue(version, out var script))
                problems.Add($"migration {version:D4} is applied but unknown to this build (the database is newer than the application)");
            else if (!string.Equals(script.Checksum, checksum, StringComparison.Ordinal))
                problems.Add($"migration {version:D4} ({script.Name}) was changed after it was applied");
        }
        return problems;
    }

    private async Task<bool> HistoryTableExistsAsync(DbConnection connection, CancellationToken ct)
    {
        var sql = Provider == DatabaseProvider.Postgres
            ? $"SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = '{HistoryTable}'"
            : $"SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '{HistoryTable}'";
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct)) > 0;
    }

    private Task EnsureHistoryTableAsync(DbConnection connection, CancellationToken ct) => ExecuteAsync(connection, null,
        Provider == DatabaseProvider.Postgres
            ? $"CREATE TABLE IF NOT EXISTS {HistoryTable} (version integer PRIMARY KEY, name text NOT NULL, checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())"
            : $"CREATE TABLE IF NOT EXISTS {HistoryTable} (version INTEGER PRIMARY KEY, name TEXT NOT NULL, checksum TEXT NOT NULL, applied_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP)",
        ct);

    private static async Task<Dictionary<int, string>> ReadAppliedAsync(DbConnection connection, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT version, checksum FROM {HistoryTable}";
        await using var reader = await command.ExecuteReaderAsync(ct);
        var applied = new Dictionary<int, string>();
        while (await reader.ReadAsync(ct))
            applied[Convert.ToInt32(reader.GetValue(0))] = reader.GetString(1);
        return applied;
    }

    private static async Task InsertHistoryAsync(DbConnection connection, DbTransaction tx, MigrationScript script, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = $"INSERT INTO {HistoryTable} (version, name, checksum) VALUES (@v, @n, @c)";
        foreach (var (name, value) in new (string, object)[] { ("@v", script.Version), ("@n", script.Name), ("@c", script.Checksum) })
        {
            var p = command.CreateParameter();
            p.ParameterName = name;
            p.Value = value;
            command.Parameters.Add(p);
        }
        await command.ExecuteNonQueryAsync(ct);
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction? tx, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(ct);
    }
}
