using Corrections.Workflows.Access;
using Corrections.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Corrections.Tests.Shared;

public static class DbContexts
{
    /// <summary>A context on the test database acting with <paramref name="scope"/> (the system by default).</summary>
    public static CorrectionsDbContext Create(TestDatabase database, AccessScope? scope = null)
    {
        var options = new DbContextOptionsBuilder<CorrectionsDbContext>();
        if (database.Provider == DatabaseProvider.Postgres) options.UseNpgsql(database.ConnectionString);
        else options.UseSqlite(database.ConnectionString);
        return new CorrectionsDbContext(options.Options, new AccessScopeHolder { Current = scope ?? AccessScope.System });
    }

    public static async Task MigrateAsync(TestDatabase database)
    {
        await using var db = Create(database);
        await new SchemaMigrator(db).MigrateAsync();
    }
}
