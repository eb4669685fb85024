using Corrections.Tests.Shared;
using Corrections.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Corrections.Workflows.Tests.Persistence;

/// <summary>
/// The hand-kept migrations, applied to an empty database, must give exactly the schema that the EF
/// model's <c>GenerateCreateScript()</c> gives. When this fails after a model change, write the next
/// migration (see docs/decisions/0002-migrations.md); the message lists what differs.
/// </summary>
public abstract class MigrationsMatchModelTests(DatabaseProvider provider)
{
    [Fact]
    public async Task A_database_migrated_from_empty_has_exactly_the_schema_of_the_model()
    {
        await using var migrated = await TestDatabase.CreateAsync(provider);
        await using var created = await TestDatabase.CreateAsync(provider);

        await DbContexts.MigrateAsync(migrated);
        await using (var db = DbContexts.Create(created))
            await db.Database.ExecuteSqlRawAsync(db.Database.GenerateCreateScript());

        await using var a = DbContexts.Create(migrated);
        await using var b = DbContexts.Create(created);
        var fromMigrations = await SchemaSnapshot.ReadAsync(a.Database.GetDbConnection(), provider);
        var fromModel = await SchemaSnapshot.ReadAsync(b.Database.GetDbConnection(), provider);

        Assert.True(fromModel.Count > 50, $"the snapshot saw only {fromModel.Count} facts; the reader is broken");
        var missing = fromModel.Except(fromMigrations).ToList();
        var extra = fromMigrations.Except(fromModel).ToList();
        Assert.True(missing.Count == 0 && extra.Count == 0,
            "Migrations and model differ.\nIn the model, not in the migrations:\n  " + string.Join("\n  ", missing) +
            "\nIn the migrations, not in the model:\n  " + string.Join("\n  ", extra));
    }

    [Fact]
    public async Task Migrating_twice_applies_nothing_the_second_time_and_reports_the_schema_current()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = DbContexts.Create(database);
        var migrator = new SchemaMigrator(db);

        var first = await migrator.MigrateAsync();
        var second = await migrator.MigrateAsync();
        var status = await migrator.GetStatusAsync();

        Assert.Equal(SchemaMigrator.ScriptsFor(provider).Select(s => s.Version), first);
        Assert.Empty(second);
        Assert.True(status.IsCurrent, string.Join("; ", status.Problems));
    }

    [Fact]
    public async Task An_empty_database_is_reported_not_current_without_being_changed()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = DbContexts.Create(database);

        var status = await new SchemaMigrator(db).GetStatusAsync();

        Assert.False(status.IsCurrent);
        Assert.Contains(status.Problems, p => p.Contains("no migrations applied", StringComparison.Ordinal));
        Assert.Empty(await SchemaSnapshot.ReadAsync(db.Database.GetDbConnection(), provider));
    }

    [Fact]
    public async Task A_migration_edited_after_it_was_applied_is_refused()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = DbContexts.Create(database);
        var migrator = new SchemaMigrator(db);
        await migrator.MigrateAsync();
        await db.Database.ExecuteSqlRawAsync($"UPDATE {SchemaMigrator.HistoryTable} SET checksum = 'edited' WHERE version = 1");

        var status = await migrator.GetStatusAsync();
        var refusal = await Assert.ThrowsAsync<InvalidOperationException>(() => migrator.MigrateAsync());

        Assert.Contains(status.Problems, p => p.Contains("was changed after it was applied", StringComparison.Ordinal));
        Assert.Contains("migration 0001", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_database_newer_than_the_application_is_refused()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = DbContexts.Create(database);
        var migrator = new SchemaMigrator(db);
        await migrator.MigrateAsync();
        await db.Database.ExecuteSqlRawAsync($"INSERT INTO {SchemaMigrator.HistoryTable} (version, name, checksum) VALUES (9999, 'future', 'x')");

        var refusal = await Assert.ThrowsAsync<InvalidOperationException>(() => migrator.MigrateAsync());

        Assert.Contains("newer than the application", refusal.Message, StringComparison.Ordinal);
    }
}

public sealed class MigrationsMatchModelTests_OnPostgres() : MigrationsMatchModelTests(DatabaseProvider.Postgres);

public sealed class MigrationsMatchModelTests_OnSqlite() : MigrationsMatchModelTests(DatabaseProvider.Sqlite);
