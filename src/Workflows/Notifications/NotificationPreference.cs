namespace Corrections.Workflows.Notifications;

public enum NotificationMode
{
    /// <summary>An email for every event of the kind (the default, without a row).</summary>
    Email = 1,
    /// <summary>Collected into one email each morning.</summary>
    Digest = 2,
    Off = 3,
}

/// <summary>A person's choice for one kind of notification; without a row, every kind is emailed.</summary>
public sealed class NotificationPreference
{
    public Guid UserId { get; set; }
    public required string Kind { get; set; }
    public NotificationMode Mode { get; set; }
}
