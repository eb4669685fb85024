using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Corrections.Workflows.Persistence;

/// <summary>
/// SQLite has no type that orders instants: there they are stored as UTC ticks, so that the inbox, the
/// timer sweep and the mail sender can sort and compare them in SQL. PostgreSQL keeps timestamptz.
/// </summary>
internal static class Instants
{
    public static readonly ValueConverter<DateTimeOffset, long> UtcTicks = new(v => v.UtcTicks, v => new DateTimeOffset(v, TimeSpan.Zero));

    public static readonly ValueConverter<DateTimeOffset?, long?> NullableUtcTicks = new(
        v => v.HasValue ? v.Value.UtcTicks : null, v => v.HasValue ? new DateTimeOffset(v.Value, TimeSpan.Zero) : null);
}
