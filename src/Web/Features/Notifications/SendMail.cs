using Corrections.Integrations.Mail;
using Corrections.Workflows.Notifications;
using Corrections.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Corrections.Web.Features.Notifications;

/// <summary>
/// Sends the emails that are due. Each row is claimed with a conditional update before it is sent, so
/// two nodes (or two runs of the job) never send the same row; a failure moves its next attempt out
/// exponentially, and after the last allowed attempt the row is parked for the administrator.
/// A node that dies between the server's acceptance and the «sent» mark leaves the claim to expire,
/// and the row is sent again with the same Message-ID: the only way a duplicate can arise, and the
/// receiving side can recognise it.
/// </summary>
public sealed class SendMail(CorrectionsDbContext db, IMailTransport transport, TimeProvider clock, IOptions<MailOptions> options, ILogger<SendMail> log)
{
    private const int Batch = 50;
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromHours(6);

    /// <returns>How many emails the mail server accepted.</returns>
    public async Task<int> RunAsync(CancellationToken ct)
    {
        var o = options.Value;
        var now = clock.GetUtcNow();
        var due = await db.OutgoingMails.AsNoTracking()
            .Where(m => m.Delivery == MailDelivery.Email && m.SentAt == null && m.ParkedAt == null && m.NextAttemptAt <= now
                        && (m.ClaimedUntil == null || m.ClaimedUntil < now))
            .OrderBy(m => m.NextAttemptAt).Select(m => m.Id).Take(Batch).ToListAsync(ct);
        var sent = 0;
        foreach (var id in due)
        {
            now = clock.GetUtcNow();
            // Held for longer than one SMTP conversation may take, so a slow send is never taken over.
            var lease = now + TimeSpan.FromSeconds(o.TimeoutSeconds * 2 + 60);
            var claimed = await db.OutgoingMails
                .Where(m => m.Id == id && m.SentAt == null && m.ParkedAt == null && (m.ClaimedUntil == null || m.ClaimedUntil < now))
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimedUntil, lease).SetProperty(m => m.Attempts, m => m.Attempts + 1), ct);
            if (claimed == 0) continue;
            var mail = await db.OutgoingMails.AsNoTracking().SingleAsync(m => m.Id == id, ct);
            try
            {
                await transport.SendAsync(new MailEnvelope(mail.Id, mail.To, mail.Subject, mail.Body), ct);
            }
            catch (Exception e) when (!ct.IsCancellationRequested)
            {
                var park = mail.Attempts >= o.MaxAttempts;
                var backoff = TimeSpan.FromSeconds(o.BackoffSeconds * Math.Pow(2, Math.Min(mail.Attempts - 1, 20)));
                var next = now + (backoff < MaxBackoff ? backoff : MaxBackoff);
                var error = $"{e.GetType().Name}: {e.Message}";
                if (error.Length > 1000) error = error[..1000];
                await db.OutgoingMails.Where(m => m.Id == id).ExecuteUpdateAsync(s => s
                    .SetProperty(m => m.ClaimedUntil, (DateTimeOffset?)null)
                    .SetProperty(m => m.NextAttemptAt, next)
                    .SetProperty(m => m.LastError, error)
                    .SetProperty(m => m.ParkedAt, park ? now : null), ct);
                if (park) log.LogError(e, "Email {MailId} parked after {Attempts} failed attempts", id, mail.Attempts);
                else log.LogWarning("Email {MailId} failed (attempt {Attempts}), next attempt at {Next}: {Error}", id, mail.Attempts, next, error);
                continue;
            }
            await db.OutgoingMails.Where(m => m.Id == id).ExecuteUpdateAsync(s => s
                .SetProperty(m => m.SentAt, clock.GetUtcNow())
                .SetProperty(m => m.ClaimedUntil, (DateTimeOffset?)null)
                .SetProperty(m => m.LastError, (string?)null), ct);
            sent++;
        }
        return sent;
    }
}
