using System.Net;
using System.Net.Mail;
using Corrections.Workflows.Notifications;
using Microsoft.Extensions.Options;

namespace Corrections.Integrations.Mail;

/// <summary>Sends through the configured SMTP server (host, port, STARTTLS, credentials) with System.Net.Mail.</summary>
public sealed class SmtpMailTransport(IOptions<MailOptions> options) : IMailTransport
{
    public async Task SendAsync(MailEnvelope mail, CancellationToken ct)
    {
        var o = options.Value;
        // A client per message: SmtpClient is not safe to share between concurrent sends, and the
        // outbox sends a handful per minute, so a pooled connection would buy nothing.
        using var client = new SmtpClient(o.Host, o.Port)
        {
            DeliveryMethod = SmtpDeliveryMethod.Network,
            EnableSsl = o.StartTls,
            Timeout = o.TimeoutSeconds * 1000,
            UseDefaultCredentials = false,
        };
        if (!string.IsNullOrEmpty(o.UserName)) client.Credentials = new NetworkCredential(o.UserName, o.Password);
        using var message = MailMessages.Build(mail, o);
        // SmtpClient.Timeout bounds only the synchronous Send: an async conversation with a server that
        // accepts and then goes silent would hold the outbox job (which never runs twice at once) for ever.
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(o.TimeoutSeconds));
        try
        {
            await client.SendMailAsync(message, timeout.Token);
        }
        catch (OperationCanceledException e) when (!ct.IsCancellationRequested)
        {
            throw new TimeoutException($"The SMTP server {o.Host}:{o.Port} did not complete the conversation within {o.TimeoutSeconds} s.", e);
        }
    }
}
