using System.Net.Mail;
using System.Text;
using Corrections.Workflows.Notifications;

namespace Corrections.Integrations.Mail;

/// <summary>Builds the System.Net.Mail message both transports send, so the .eml files are what a server would get.</summary>
internal static class MailMessages
{
    public static MailMessage Build(MailEnvelope mail, MailOptions options)
    {
        var message = new MailMessage
        {
            From = new MailAddress(options.From, options.FromName, Encoding.UTF8),
            // Russian subjects and bodies: UTF-8, the subject as an encoded word (=?utf-8?B?…?=), the
            // body in base64, so no server or client along the way has to guess a Cyrillic code page.
            Subject = mail.Subject,
            SubjectEncoding = Encoding.UTF8,
            Body = mail.Body,
            BodyEncoding = Encoding.UTF8,
            HeadersEncoding = Encoding.UTF8,
            IsBodyHtml = false,
        };
        message.To.Add(new MailAddress(mail.To));
        message.Headers["Message-ID"] = MessageIdOf(mail.MessageId);
        // Not a person's letter: auto-responders should not answer it.
        message.Headers["Auto-Submitted"] = "auto-generated";
        return message;
    }

    public static string MessageIdOf(Guid id) => $"<{id:N}@corrections.outbox>";
}
