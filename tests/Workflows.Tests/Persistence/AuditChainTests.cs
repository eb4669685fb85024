using Corrections.Tests.Shared;
using Corrections.Workflows.Organisation;
using Corrections.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Corrections.Workflows.Tests.Persistence;

/// <summary>The audit chain stays one unbroken line when many savers append at the same time.</summary>
public abstract class AuditChainTests(DatabaseProvider provider) : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(provider);
        await DbContexts.MigrateAsync(_database);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Concurrent_saves_append_one_after_the_other_and_the_chain_verifies()
    {
        const int savers = 16, rounds = 3;
        await Task.WhenAll(Enumerable.Range(0, savers).Select(n => Task.Run(async () =>
        {
            for (var round = 0; round < rounds; round++)
            {
                await using var db = DbContexts.Create(_database);
                db.Municipalities.Add(new Municipality { Id = Guid.NewGuid(), Name = $"Округ {n}-{round}", DepartmentName = "Управление" });
                await db.SaveChangesAsync();
            }
        })));

        await using var reader = DbContexts.Create(_database);
        var verification = await reader.VerifyAuditAsync(default);
        Assert.True(verification.IsIntact, verification.Problem);
        Assert.Equal(savers * rounds, verification.Checked);
        Assert.Equal(Enumerable.Range(1, savers * rounds).Select(i => (long)i), await reader.AuditEntries.OrderBy(a => a.Sequence).Select(a => a.Sequence).ToListAsync());
    }
}

public sealed class AuditChainTests_OnPostgres() : AuditChainTests(DatabaseProvider.Postgres);

public sealed class AuditChainTests_OnSqlite() : AuditChainTests(DatabaseProvider.Sqlite);
