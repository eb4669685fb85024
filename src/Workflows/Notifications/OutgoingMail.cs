using Corrections.Workflows.Organisation;

namespace Corrections.Workflows.Notifications;

public enum MailDelivery
{
    /// <summary>Sent on its own by the outbox sender.</summary>
    Email = 1,
    /// <summary>Waits for the recipient's daily digest; never sent on its own.</summary>
    Digest = 2,
}

/// <summary>
/// One email to one person, rendered from a workflow step's outbox event (or a digest of several).
/// The outbox sender claims a row before it sends it, so two nodes never send the same row; a
/// failure sets <see cref="NextAttemptAt"/> further out each time, and after the configured number
/// of attempts the row is parked for the administrator. The row's id is the email's Message-ID.
/// </summary>
public sealed class OutgoingMail : ISchoolOwned
{
    public Guid Id { get; set; }
    public Guid SchoolId { get; set; }
    /// <summary>The outbox event it was rendered from; null for a digest.</summary>
    public Guid? EventId { get; set; }
    public Guid? RequestId { get; set; }
    public Guid UserId { get; set; }
    public required string To { get; set; }
    /// <summary>What it tells («submitted», «decided», «digest»…): the per-user settings are per kind.</summary>
    public required string Kind { get; set; }
    public required string Subject { get; set; }
    public required string Body { get; set; }
    public MailDelivery Delivery { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>Not before this time; moves out with every failure (exponential backoff).</summary>
    public DateTimeOffset NextAttemptAt { get; set; }
    public int Attempts { get; set; }
    /// <summary>A sender holds the row until then; a node that died while sending releases it by expiry.</summary>
    public DateTimeOffset? ClaimedUntil { get; set; }
    /// <summary>Accepted by the mail server; for a digest item, taken into <see cref="DigestId"/>.</summary>
    public DateTimeOffset? SentAt { get; set; }
    /// <summary>Given up after the last attempt; the administrator may resend it.</summary>
    public DateTimeOffset? ParkedAt { get; set; }
    public string? LastError { get; set; }
    /// <summary>For a digest item: the digest email that carried it.</summary>
    public Guid? DigestId { get; set; }
}
