using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Corrections.Tests.Shared;
using Corrections.Web.Demo;
using Corrections.Workflows.Persistence;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Corrections.Web.Tests.Support;

/// <summary>
/// The whole application on a fresh database of one provider, in demo mode, with an installation
/// administrator from the Bootstrap settings. One per test class.
/// </summary>
public abstract class AppFixture(DatabaseProvider provider) : IAsyncLifetime
{
    public const string RootEmail = "root@install.test";
    public const string RootPassword = "Root-Passw0rd-Test";

    private readonly string _dataFolder = Directory.CreateTempSubdirectory("corrections-web-").FullName;
    private readonly List<IDisposable> _factories = [];

    public DatabaseProvider Provider => provider;
    public string DataFolder => _dataFolder;
    public TestDatabase Database { get; private set; } = null!;
    public WebApplicationFactory<Program> App { get; private set; } = null!;

    /// <summary>Settings every host of this fixture starts with (a derived fixture's mail server, say).</summary>
    protected virtual IDictionary<string, string> HostSettings => new Dictionary<string, string>();

    /// <summary>The clock of <see cref="App"/>; null for the system clock.</summary>
    protected virtual TimeProvider? HostClock => null;

    public virtual async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync(provider);
        App = Create(clock: HostClock);
        App.CreateClient().Dispose(); // start now: migrations, demo seed, bootstrap admin

        // Proves the host ran on this test database and provider, not on a default it fell back to.
        await using var db = Db();
        var status = await new SchemaMigrator(db).GetStatusAsync();
        Assert.True(status.IsCurrent, $"the app did not migrate the {provider} test database: {string.Join("; ", status.Problems)}");
    }

    public virtual async Task DisposeAsync()
    {
        foreach (var factory in _factories) factory.Dispose();
        await Database.DisposeAsync();
        Directory.Delete(_dataFolder, recursive: true);
    }

    /// <summary>Another host on the same database and data folder, with other settings.</summary>
    public WebApplicationFactory<Program> Create(string environment = "Development", bool demo = true, IDictionary<string, string>? settings = null, TimeProvider? clock = null)
    {
        var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseEnvironment(environment);
            b.UseSetting("Database:Provider", provider.ToString());
            b.UseSetting("Database:ConnectionString", Database.ConnectionString);
            b.UseSetting("DataFolder", _dataFolder);
            b.UseSetting("Demo:Enabled", demo ? "true" : "false");
            b.UseSetting("Bootstrap:AdminEmail", RootEmail);
            b.UseSetting("Bootstrap:AdminPassword", RootPassword);
            b.UseSetting("Timers:SchedulerName", $"corrections-test-{Guid.NewGuid():N}");
            foreach (var (key, value) in HostSettings.Concat(settings ?? new Dictionary<string, string>())) b.UseSetting(key, value);
            if (clock is not null) b.ConfigureServices(s => s.AddSingleton(clock));
        });
        _factories.Add(factory);
        return factory;
    }

    /// <summary>
    /// Another host like <see cref="Create"/>, but served by Kestrel on a free loopback port, so that a real
    /// browser can reach it (the in-memory TestServer has no socket). Returns the base address once it answers.
    /// </summary>
    public async Task<Uri> CreateServedAsync(string environment = "Development", bool demo = true, IDictionary<string, string>? settings = null, TimeProvider? clock = null)
    {
        var factory = Create(environment, demo, settings, clock);
        // Port 0: the system picks a free one, so parallel test classes never collide; loopback only, never another interface.
        factory.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        factory.StartServer();
        var addresses = factory.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses;
        var baseAddress = new Uri(Assert.Single(addresses));

        // The host has started, but prove the socket answers before a browser is pointed at it.
        using var http = new HttpClient { BaseAddress = baseAddress };
        var live = await http.GetAsync("/health/live");
        Assert.True(live.IsSuccessStatusCode, $"the served host at {baseAddress} answered /health/live with {(int)live.StatusCode}");
        return baseAddress;
    }

    public CorrectionsDbContext Db() => DbContexts.Create(Database);

    /// <summary>An API client signed in as <paramref name="email"/> with a bearer token.</summary>
    public async Task<HttpClient> ApiAs(string email, string password = DemoSeeder.Password, WebApplicationFactory<Program>? host = null)
    {
        var client = (host ?? App).CreateClient();
        var response = await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}

public sealed class PostgresApp() : AppFixture(DatabaseProvider.Postgres);

public sealed class SqliteApp() : AppFixture(DatabaseProvider.Sqlite);
