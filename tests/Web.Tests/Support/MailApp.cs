using Corrections.Workflows.Persistence;

namespace Corrections.Web.Tests.Support;

/// <summary>
/// The application sending by SMTP to a real server (aiosmtpd) that the fixture starts, on a clock the
/// tests move: backoff and digest mornings are then the tests' to decide, never a wait.
/// </summary>
public abstract class MailApp(DatabaseProvider provider) : AppFixture(provider)
{
    public const string PublicBaseUrl = "https://corrections.test";
    public const int MaxAttempts = 3;

    public SmtpServer Smtp { get; } = new();

    public TestClock Clock { get; } = new(DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds()));

    protected override TimeProvider? HostClock => Clock;

    protected override IDictionary<string, string> HostSettings => new Dictionary<string, string>
    {
        ["Mail:Host"] = "127.0.0.1",
        ["Mail:Port"] = Smtp.Port.ToString(),
        ["Mail:From"] = "noreply@corrections.test",
        ["Mail:PollSeconds"] = "1",
        ["Mail:MaxAttempts"] = MaxAttempts.ToString(),
        ["Mail:BackoffSeconds"] = "60",
        ["Mail:TimeoutSeconds"] = "10",
        ["PublicBaseUrl"] = PublicBaseUrl,
    };

    public override async Task InitializeAsync()
    {
        Smtp.Start();
        await base.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Smtp.Dispose();
    }
}

public sealed class PostgresMailApp() : MailApp(DatabaseProvider.Postgres);

public sealed class SqliteMailApp() : MailApp(DatabaseProvider.Sqlite);
