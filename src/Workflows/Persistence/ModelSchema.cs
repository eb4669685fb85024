using Corrections.Workflows.Access;
using Microsoft.EntityFrameworkCore;

namespace Corrections.Workflows.Persistence;

/// <summary>The schema the EF model expects, per provider: what the hand-kept migrations must add up to.</summary>
public static class ModelSchema
{
    public static string CreateScript(DatabaseProvider provider)
    {
        var options = new DbContextOptionsBuilder<CorrectionsDbContext>();
        if (provider == DatabaseProvider.Postgres) options.UseNpgsql("Host=unused");
        else options.UseSqlite("Data Source=:memory:");
        using var db = new CorrectionsDbContext(options.Options, new AccessScopeHolder());
        return db.Database.GenerateCreateScript();
    }
}
