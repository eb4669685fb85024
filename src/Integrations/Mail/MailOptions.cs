namespace Corrections.Integrations.Mail;

/// <summary>
/// The «Mail» section. Without a <see cref="Host"/> every message is written as an .eml file into
/// the data folder's «mail» folder (the embedded default, so the demo works without a mail server).
/// </summary>
public sealed class MailOptions
{
    public const string Section = "Mail";

    public string? Host { get; set; }
    public int Port { get; set; } = 25;
    /// <summary>Upgrade the connection with STARTTLS before authenticating (System.Net.Mail's EnableSsl).</summary>
    public bool StartTls { get; set; }
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public string From { get; set; } = "noreply@corrections.local";
    public string FromName { get; set; } = "Корректировки ЭЖ";
    /// <summary>How long one SMTP conversation may take.</summary>
    public int TimeoutSeconds { get; set; } = 30;
    /// <summary>Failed attempts after which a message is parked for the administrator.</summary>
    public int MaxAttempts { get; set; } = 8;
    /// <summary>The wait after the first failure; it doubles with every further one (capped at six hours).</summary>
    public int BackoffSeconds { get; set; } = 60;
    /// <summary>How often the outbox job looks for work.</summary>
    public int PollSeconds { get; set; } = 10;
    /// <summary>The local hour (in the school's time zone) from which the day's digest goes out.</summary>
    public int DigestHour { get; set; } = 8;
    /// <summary>The pickup folder of the embedded default; relative to the data folder.</summary>
    public string PickupFolder { get; set; } = "mail";

    public bool UsesSmtp => !string.IsNullOrWhiteSpace(Host);
}
