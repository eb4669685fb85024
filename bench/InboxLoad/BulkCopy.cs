using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Corrections.Bench;

/// <summary>
/// Writes entities with PostgreSQL's binary COPY, taking tables, columns and value conversions from
/// the app's own EF Core model, so the seed follows the schema instead of repeating it. COPY skips
/// <c>SaveChanges</c> and with it the audit lines: the seed is fixture data, not a user's change.
/// </summary>
public static class BulkCopy
{
    public static async Task<int> WriteAsync<T>(DbContext model, NpgsqlConnection connection, IReadOnlyCollection<T> rows) where T : class
    {
        var entity = model.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var columns = entity.GetProperties().Select(p => (
            Name: p.GetColumnName(),
            // «character varying(64)» → «character varying»: COPY names the type without its facets.
            Type: p.GetRelationalTypeMapping().StoreType.Split('(')[0],
            Get: p.PropertyInfo ?? throw new InvalidOperationException($"{typeof(T).Name}.{p.Name} is a shadow property; the seed cannot fill it."),
            Converter: p.GetTypeMapping().Converter)).ToList();
        var columnList = string.Join(", ", columns.Select(c => $"\"{c.Name}\""));
        await using var writer = await connection.BeginBinaryImportAsync($"COPY \"{entity.GetTableName()}\" ({columnList}) FROM STDIN (FORMAT BINARY)");
        foreach (var row in rows)
        {
            await writer.StartRowAsync();
            foreach (var column in columns)
            {
                var value = column.Get.GetValue(row);
                if (value is not null && column.Converter is { } converter) value = converter.ConvertToProvider(value);
                if (value is null) await writer.WriteNullAsync();
                else await writer.WriteAsync(value, column.Type);
            }
        }
        await writer.CompleteAsync();
        return rows.Count;
    }
}
