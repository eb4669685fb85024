using System.Net;
using System.Text.Json;
using Corrections.Tests.Shared;
using Corrections.Web.Demo;
using Corrections.Web.Tests.Support;
using Corrections.Workflows.Accounts;
using Corrections.Workflows.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Corrections.Web.Tests.Hosting;

/// <summary>What the host refuses at start-up, and what its health endpoints say.</summary>
public abstract class StartupTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : AppFixture
{
    [Fact]
    public void Production_refuses_demo_mode()
    {
        var error = Assert.ThrowsAny<Exception>(() => app.Create("Production", demo: true).CreateClient());

        Assert.Contains("refused in Production", Flatten(error), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Production_refuses_to_start_while_a_demo_password_exists_and_starts_once_they_are_changed()
    {
        var refused = Assert.ThrowsAny<Exception>(() => app.Create("Production", demo: false).CreateClient());
        Assert.Contains("published demo password", Flatten(refused), StringComparison.Ordinal);

        using (var scope = app.App.Services.CreateScope())
        {
            scope.ServiceProvider.GetRequiredService<Workflows.Access.AccessScopeHolder>().Current = Workflows.Access.AccessScope.System;
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            foreach (var user in await users.Users.Where(u => u.IsDemo).ToListAsync())
                Assert.True((await users.ChangePasswordAsync(user, DemoSeeder.Password, "Changed-Passw0rd-2026")).Succeeded);
        }
        try
        {
            var production = app.Create("Production", demo: false).CreateClient();
            Assert.Equal(HttpStatusCode.OK, (await production.GetAsync("/health/ready")).StatusCode);
            Assert.DoesNotContain(DemoSeeder.Password, await production.GetStringAsync("/Account/Login"), StringComparison.Ordinal);
        }
        finally
        {
            // Put the demo passwords back for the other tests of this class.
            using var scope = app.App.Services.CreateScope();
            scope.ServiceProvider.GetRequiredService<Workflows.Access.AccessScopeHolder>().Current = Workflows.Access.AccessScope.System;
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            foreach (var user in await users.Users.Where(u => u.IsDemo).ToListAsync())
                await users.ChangePasswordAsync(user, "Changed-Passw0rd-2026", DemoSeeder.Password);
        }
    }

    [Fact]
    public async Task Verify_mode_refuses_a_database_that_is_not_migrated()
    {
        await using var empty = await TestDatabase.CreateAsync(app.Provider);
        var factory = app.Create(settings: new Dictionary<string, string>
        {
            ["Database:ConnectionString"] = empty.ConnectionString,
            ["Database:Migrations"] = "Verify",
        });

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains("schema is not current", Flatten(error), StringComparison.Ordinal);
        await using var db = DbContexts.Create(empty);
        Assert.False((await new SchemaMigrator(db).GetStatusAsync()).IsCurrent);
    }

    [Fact]
    public async Task Verify_mode_starts_on_a_current_database()
    {
        var client = app.Create(settings: new Dictionary<string, string> { ["Database:Migrations"] = "Verify" }).CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
    }

    [Fact]
    public async Task Health_is_live_and_ready_on_a_migrated_database()
    {
        var client = app.App.CreateClient();

        var live = await client.GetAsync("/health/live");
        var ready = JsonDocument.Parse(await client.GetStringAsync("/health/ready")).RootElement;

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal("Healthy", ready.GetProperty("status").GetString());
        Assert.Equal("Healthy", ready.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Ready_turns_unhealthy_when_the_database_is_behind_the_application()
    {
        await using var other = await TestDatabase.CreateAsync(app.Provider);
        await DbContexts.MigrateAsync(other);
        var client = app.Create(settings: new Dictionary<string, string> { ["Database:ConnectionString"] = other.ConnectionString }).CreateClient();
        await using (var db = DbContexts.Create(other))
            await db.Database.ExecuteSqlRawAsync($"DELETE FROM {SchemaMigrator.HistoryTable}");

        var ready = await client.GetAsync("/health/ready");
        var live = await client.GetAsync("/health/live");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Contains("not applied", await ready.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
    }

    private static string Flatten(Exception e) => e.InnerException is null ? e.Message : e.Message + " | " + Flatten(e.InnerException);
}

public sealed class StartupTests_OnPostgres(PostgresApp app) : StartupTests<PostgresApp>(app);

public sealed class StartupTests_OnSqlite(SqliteApp app) : StartupTests<SqliteApp>(app);
