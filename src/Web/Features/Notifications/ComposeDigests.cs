using System.Globalization;
using System.Text;
using Corrections.Integrations.Mail;
using Corrections.Workflows.Notifications;
using Corrections.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Corrections.Web.Features.Notifications;

/// <summary>
/// Once a day, from the school's local morning (Mail:DigestHour), gathers what waits for each person
/// who chose the digest into one email per person and school, which the sender then sends like any
/// other. The items and the digest change together in one transaction, so an item is in exactly one
/// digest even when two nodes run this at once.
/// </summary>
public sealed class ComposeDigests(CorrectionsDbContext db, NotificationLinks links, TimeProvider clock, IOptions<MailOptions> options, IStringLocalizer<NotificationText> t)
{
    private static readonly CultureInfo Russian = new("ru-RU");

    /// <returns>How many digests were composed.</returns>
    public async Task<int> RunAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var waiting = await db.OutgoingMails.AsNoTracking()
            .Where(m => m.Delivery == MailDelivery.Digest && m.SentAt == null)
            .Select(m => new { m.Id, m.UserId, m.SchoolId, m.To, m.Subject, m.RequestId, m.CreatedAt })
            .ToListAsync(ct);
        if (waiting.Count == 0) return 0;
        var schoolIds = waiting.Select(w => w.SchoolId).Distinct().ToList();
        var zones = await db.Schools.AsNoTracking().Where(s => schoolIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.TimeZoneId, ct);

        var composed = 0;
        foreach (var group in waiting.GroupBy(w => (w.UserId, w.SchoolId)))
        {
            var zone = TimeZoneInfo.FindSystemTimeZoneById(zones[group.Key.SchoolId]);
            var local = TimeZoneInfo.ConvertTime(now, zone);
            if (local.Hour < options.Value.DigestHour) continue;
            var last = await db.OutgoingMails.AsNoTracking()
                .Where(m => m.UserId == group.Key.UserId && m.SchoolId == group.Key.SchoolId && m.Kind == NotificationKinds.Digest)
                .OrderByDescending(m => m.CreatedAt).Select(m => (DateTimeOffset?)m.CreatedAt).FirstOrDefaultAsync(ct);
            if (last is { } l && TimeZoneInfo.ConvertTime(l, zone).Date == local.Date) continue;

            var items = group.OrderBy(i => i.CreatedAt).ToList();
            var body = new StringBuilder().AppendLine(t["Digest.Intro", items.Count]).AppendLine();
            foreach (var item in items)
                body.AppendLine(t["Digest.Item", item.Subject, item.RequestId is { } r ? links.Request(r) : links.Root]).AppendLine();
            body.AppendLine(t["Body.Footer"]);
            var digest = new OutgoingMail
            {
                Id = Guid.CreateVersion7(), SchoolId = group.Key.SchoolId, UserId = group.Key.UserId, To = items[^1].To, Kind = NotificationKinds.Digest,
                Subject = t["Subject.digest", local.ToString("dd.MM.yyyy", Russian), items.Count], Body = body.ToString(),
                Delivery = MailDelivery.Email, CreatedAt = now, NextAttemptAt = now,
            };

            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var ids = items.Select(i => i.Id).ToList();
            var taken = await db.OutgoingMails.Where(m => ids.Contains(m.Id) && m.SentAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.SentAt, now).SetProperty(m => m.DigestId, digest.Id), ct);
            // Another node took some of them first: leave the rest to the next run rather than split a digest.
            if (taken != ids.Count) { await tx.RollbackAsync(ct); continue; }
            db.OutgoingMails.Add(digest);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            composed++;
        }
        return composed;
    }
}
