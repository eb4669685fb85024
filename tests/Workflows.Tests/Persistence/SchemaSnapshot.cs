using System.Data.Common;
using Corrections.Workflows.Persistence;

namespace Corrections.Workflows.Tests.Persistence;

/// <summary>
/// Everything about a database's schema that the application relies on, read from the catalogue:
/// tables, columns (type, nullability, default), primary and foreign keys with their actions, and
/// indexes with uniqueness and columns. Two databases with equal snapshots behave the same for EF Core.
/// Quartz's own tables (qrtz_*, PostgreSQL only) are not in the EF model and are left out.
/// </summary>
public static class SchemaSnapshot
{
    public static async Task<SortedSet<string>> ReadAsync(DbConnection connection, DatabaseProvider provider)
    {
        if (connection.State != System.Data.ConnectionState.Open) await connection.OpenAsync();
        return provider == DatabaseProvider.Postgres ? await ReadPostgresAsync(connection) : await ReadSqliteAsync(connection);
    }

    private static async Task<SortedSet<string>> ReadPostgresAsync(DbConnection connection)
    {
        var facts = new SortedSet<string>(StringComparer.Ordinal);
        var history = SchemaMigrator.HistoryTable;
        await AddRowsAsync(connection, facts, "column", $"""
            SELECT table_name, column_name, data_type, coalesce(character_maximum_length::text, ''), is_nullable, coalesce(column_default, ''),
                   coalesce(is_identity, ''), coalesce(identity_generation, '')
            FROM information_schema.columns WHERE table_schema = current_schema() AND table_name <> '{history}' AND table_name NOT LIKE 'qrtz\_%'
            """);
        await AddRowsAsync(connection, facts, "constraint", $"""
            SELECT rel.relname, con.conname, pg_get_constraintdef(con.oid)
            FROM pg_constraint con JOIN pg_class rel ON rel.oid = con.conrelid JOIN pg_namespace ns ON ns.oid = rel.relnamespace
            WHERE ns.nspname = current_schema() AND rel.relname <> '{history}' AND rel.relname NOT LIKE 'qrtz\_%'
            """);
        await AddRowsAsync(connection, facts, "index", $"""
            SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema() AND tablename <> '{history}' AND tablename NOT LIKE 'qrtz\_%'
            """);
        return facts;
    }

    private static async Task<SortedSet<string>> ReadSqliteAsync(DbConnection connection)
    {
        var facts = new SortedSet<string>(StringComparer.Ordinal);
        var tables = new List<string>();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = $"SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '{SchemaMigrator.HistoryTable}'";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
        }
        foreach (var table in tables)
        {
            facts.Add($"table|{table}");
            await AddRowsAsync(connection, facts, $"column|{table}", $"SELECT name, type, \"notnull\", coalesce(dflt_value, ''), pk FROM pragma_table_info('{table}')");
            await AddRowsAsync(connection, facts, $"fk|{table}", $"SELECT \"table\", \"from\", \"to\", on_update, on_delete FROM pragma_foreign_key_list('{table}')");
            var indexes = new List<(string Name, string Facts)>();
            await using (var command = connection.CreateCommand())
            {
                command.CommandText = $"SELECT name, \"unique\", origin, partial FROM pragma_index_list('{table}')";
                await using var reader = await command.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                    indexes.Add((reader.GetString(0), $"{reader.GetValue(1)}|{reader.GetValue(2)}|{reader.GetValue(3)}"));
            }
            foreach (var (name, indexFacts) in indexes)
            {
                // Automatic indexes (sqlite_autoindex_…) are named by position; describe them by their columns instead.
                var columns = new List<string>();
                await using var command = connection.CreateCommand();
                command.CommandText = $"SELECT name FROM pragma_index_info('{name}') ORDER BY seqno";
                await using var reader = await command.ExecuteReaderAsync();
                while (await reader.ReadAsync()) columns.Add(reader.IsDBNull(0) ? "<expr>" : reader.GetString(0));
                var shownName = name.StartsWith("sqlite_autoindex_", StringComparison.Ordinal) ? "auto" : name;
                facts.Add($"index|{table}|{shownName}|{indexFacts}|{string.Join(",", columns)}");
            }
        }
        return facts;
    }

    private static async Task AddRowsAsync(DbConnection connection, SortedSet<string> facts, string kind, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var values = new string[reader.FieldCount];
            for (var i = 0; i < values.Length; i++) values[i] = reader.IsDBNull(i) ? "" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)!;
            facts.Add(kind + "|" + string.Join("|", values));
        }
    }
}
