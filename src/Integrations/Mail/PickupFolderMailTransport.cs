using System.Net.Mail;
using Corrections.Workflows.Notifications;
using Microsoft.Extensions.Options;

namespace Corrections.Integrations.Mail;

/// <summary>
/// The embedded default: each message becomes an .eml file in a folder (System.Net.Mail's pickup
/// directory), exactly as it would go to a server; a demo or a test machine needs no mail server.
/// </summary>
public sealed class PickupFolderMailTransport(IOptions<MailOptions> options, string folder) : IMailTransport
{
    public string Folder { get; } = folder;

    public async Task SendAsync(MailEnvelope mail, CancellationToken ct)
    {
        Directory.CreateDirectory(Folder);
        using var client = new SmtpClient { DeliveryMethod = SmtpDeliveryMethod.SpecifiedPickupDirectory, PickupDirectoryLocation = Folder };
        using var message = MailMessages.Build(mail, options.Value);
        await client.SendMailAsync(message, ct);
    }
}
