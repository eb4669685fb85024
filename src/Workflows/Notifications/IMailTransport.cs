namespace Corrections.Workflows.Notifications;

/// <summary>One email as the outbox hands it to a transport: plain text, one recipient.</summary>
/// <param name="MessageId">
/// The outbox row's id. It becomes the Message-ID header, the same on every attempt, so a message
/// that did arrive twice (the node died between the server's acceptance and our record of it) can be
/// recognised as one.
/// </param>
public sealed record MailEnvelope(Guid MessageId, string To, string Subject, string Body);

/// <summary>Sends one email or throws; the outbox decides about retries. Implementations live in Integrations.</summary>
public interface IMailTransport
{
    Task SendAsync(MailEnvelope mail, CancellationToken ct);
}
