using Corrections.Workflows.Access;
using Corrections.Workflows.Accounts;
using Corrections.Workflows.Persistence;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Corrections.Web.Demo;

public static class AccountsStartupExtensions
{
    public static IServiceCollection AddCorrectionsAccountsStartup(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var demo = configuration.GetSection("Demo").Get<DemoOptions>() ?? new DemoOptions();
        // Refused here, before anything is built, so a misconfigured production never touches its database.
        if (demo.Enabled && environment.IsProduction())
            throw new InvalidOperationException("Demo mode (Demo:Enabled=true) is refused in Production: it would create accounts with published passwords.");
        services.AddSingleton(Options.Create(demo));
        services.AddOptions<BootstrapOptions>().BindConfiguration("Bootstrap");
        services.AddScoped<DemoSeeder>();
        // Registered after the database start-up, so it runs on a migrated schema.
        services.AddHostedService<AccountsStartup>();
        return services;
    }
}

/// <summary>
/// After migration: seeds the demo, refuses Production while a demo password survives, creates the
/// configured first installation administrator, and prints the URL and demo logins once listening.
/// </summary>
internal sealed class AccountsStartup(
    IServiceScopeFactory scopes, IOptions<DemoOptions> demo, IOptions<BootstrapOptions> bootstrap, IHostEnvironment environment,
    IHostApplicationLifetime lifetime, IServer server, ILogger<AccountsStartup> log) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<AccessScopeHolder>().Current = AccessScope.System;
        var db = scope.ServiceProvider.GetRequiredService<CorrectionsDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();

        if (demo.Value.Enabled)
        {
            await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(cancellationToken);
            lifetime.ApplicationStarted.Register(PrintBanner);
        }
        if (environment.IsProduction())
            await RefuseDemoPasswordsAsync(db, users, cancellationToken);
        await BootstrapAdminAsync(db, users, cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static async Task RefuseDemoPasswordsAsync(CorrectionsDbContext db, UserManager<AppUser> users, CancellationToken ct)
    {
        var demoUsers = await db.Users.Where(u => u.IsDemo).ToListAsync(ct);
        var exposed = demoUsers.Where(u => u.PasswordHash is not null
            && users.PasswordHasher.VerifyHashedPassword(u, u.PasswordHash, DemoSeeder.Password) != PasswordVerificationResult.Failed).ToList();
        if (exposed.Count > 0)
            throw new InvalidOperationException(
                $"Production refuses to start: {exposed.Count} account(s) still have the published demo password ({string.Join(", ", exposed.Select(u => u.Email))}). Change or delete them first.");
    }

    private async Task BootstrapAdminAsync(CorrectionsDbContext db, UserManager<AppUser> users, CancellationToken ct)
    {
        var (email, password) = (bootstrap.Value.AdminEmail, bootstrap.Value.AdminPassword);
        if (string.IsNullOrWhiteSpace(email)) return;
        if (await db.RoleAssignments.AnyAsync(a => a.Role == Role.Admin && a.SchoolId == null && a.MunicipalityId == null, ct)) return;
        if (string.IsNullOrWhiteSpace(password))
            throw new InvalidOperationException("Bootstrap:AdminEmail is set but Bootstrap:AdminPassword is not.");

        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            user = new AppUser { Id = Guid.CreateVersion7(), UserName = email, Email = email, EmailConfirmed = true, Surname = "Администратор", GivenName = "Системы" };
            var created = await users.CreateAsync(user, password);
            if (!created.Succeeded)
                throw new InvalidOperationException("Bootstrap administrator: " + string.Join("; ", created.Errors.Select(e => e.Description)));
        }
        db.RoleAssignments.Add(new RoleAssignment { Id = Guid.CreateVersion7(), UserId = user.Id, Role = Role.Admin });
        await db.SaveChangesAsync(ct);
        log.LogInformation("Installation administrator {Email} created from Bootstrap settings", email);
    }

    private void PrintBanner()
    {
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var url = addresses.FirstOrDefault(a => a.StartsWith("http://", StringComparison.Ordinal)) ?? addresses.FirstOrDefault() ?? "(no address)";
        var lines = new List<string>
        {
            "",
            "==================================================================",
            $" Corrections is running (demo mode): {url}",
            $" Every demo account has the password: {DemoSeeder.Password}",
            "==================================================================",
        };
        lines.AddRange(DemoSeeder.Accounts.Select(a => $" {a.Email,-26} {string.Join(", ", a.Roles),-18} {a.Where}"));
        lines.Add("");
        Console.Out.WriteLine(string.Join(Environment.NewLine, lines));
    }
}
