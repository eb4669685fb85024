using Corrections.Workflows.Access;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Corrections.Workflows.Persistence;

public static class PersistenceServiceCollectionExtensions
{
    /// <summary>
    /// Registers the DbContext on the configured provider, the access scope and the start-up migration.
    /// </summary>
    /// <param name="dataFolder">Absolute path of the app's data folder; the default SQLite file lives there.</param>
    public static IServiceCollection AddCorrectionsPersistence(this IServiceCollection services, IConfiguration configuration, string dataFolder)
    {
        var options = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var connectionString = ResolveConnectionString(options, dataFolder);
        services.AddSingleton(Options.Create(options));
        services.AddSingleton(new DatabaseConnection(connectionString));

        services.AddScoped<AccessScopeHolder>();
        // The options depend on configuration only, so they are built once rather than for every
        // request's context (ADR 0007); the context itself stays scoped, with the request's access scope.
        services.AddDbContext<CorrectionsDbContext>(db =>
        {
            if (options.Provider == DatabaseProvider.Postgres)
                db.UseNpgsql(connectionString);
            else
                db.UseSqlite(connectionString);
        }, contextLifetime: ServiceLifetime.Scoped, optionsLifetime: ServiceLifetime.Singleton);
        services.AddScoped<SchemaMigrator>();
        services.AddHostedService<DatabaseStartup>();
        return services;
    }

    public static string ResolveConnectionString(DatabaseOptions options, string dataFolder)
    {
        if (options.Provider == DatabaseProvider.Postgres)
            return string.IsNullOrWhiteSpace(options.ConnectionString)
                ? throw new InvalidOperationException("Database:Provider is Postgres but Database:ConnectionString is not set.")
                : WithPostgresDefaults(options.ConnectionString);
        if (!string.IsNullOrWhiteSpace(options.ConnectionString)) return options.ConnectionString;
        return $"Data Source={Path.Combine(dataFolder, "corrections.db")}";
    }

    /// <summary>
    /// Npgsql settings the app relies on for speed, unless the connection string sets them itself
    /// (docs/decisions/0007-engine-benchmark.md): statements used again and again (every query of a
    /// step is) are prepared on each connection, so the server parses and plans them once; and a
    /// connection going back to the pool is not reset, because EF Core opens and closes it around
    /// every query outside a transaction and the reset ran with each of them. The app keeps no
    /// session state: it sets no session settings, makes no temporary tables, and the one session
    /// lock (the migrator's) is released before its connection closes. An open transaction is still
    /// rolled back when a connection is closed.
    /// </summary>
    public static string WithPostgresDefaults(string connectionString)
    {
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString }.Keys.Cast<string>()
            .Select(k => k.Replace(" ", "", StringComparison.Ordinal)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!given.Contains("MaxAutoPrepare")) builder.MaxAutoPrepare = 100;
        if (!given.Contains("AutoPrepareMinUsages")) builder.AutoPrepareMinUsages = 2;
        if (!given.Contains("NoResetOnClose")) builder.NoResetOnClose = true;
        return builder.ConnectionString;
    }
}

/// <summary>The resolved connection string, for the parts that open their own connections (Quartz's job store).</summary>
public sealed record DatabaseConnection(string Value);

/// <summary>Applies or verifies the migrations before anything else starts; a mismatch stops the start.</summary>
internal sealed class DatabaseStartup(IServiceScopeFactory scopes, IOptions<DatabaseOptions> options, ILogger<DatabaseStartup> log) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<AccessScopeHolder>().Current = AccessScope.System;
        var migrator = scope.ServiceProvider.GetRequiredService<SchemaMigrator>();
        if (options.Value.Migrations == MigrationMode.Verify)
        {
            var status = await migrator.GetStatusAsync(cancellationToken);
            if (!status.IsCurrent)
                throw new InvalidOperationException("Database:Migrations is Verify and the schema is not current: " + string.Join("; ", status.Problems));
            log.LogInformation("Database schema verified at version {Version}", status.Applied);
            return;
        }
        var applied = await migrator.MigrateAsync(cancellationToken);
        log.LogInformation("Database migrated on {Provider}; applied {Count} migration(s): {Versions}", migrator.Provider, applied.Count, string.Join(", ", applied));
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
