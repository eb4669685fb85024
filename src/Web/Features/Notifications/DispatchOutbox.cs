using Corrections.Integrations.Mail;
using Corrections.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Corrections.Web.Features.Notifications;

/// <summary>
/// Turns the steps' outbox events into emails. Each event is claimed, composed and marked done in one
/// transaction: its emails exist exactly once, or not yet. The step wrote the event in its own
/// transaction, so a step that committed is never without its notifications, and a mail server that
/// is down never holds up or undoes a step.
/// </summary>
public sealed class DispatchOutbox(CorrectionsDbContext db, NotificationComposer composer, TimeProvider clock, IOptions<MailOptions> options, ILogger<DispatchOutbox> log)
{
    private const int Batch = 100;

    /// <returns>How many events were dispatched.</returns>
    public async Task<int> RunAsync(CancellationToken ct)
    {
        var max = options.Value.MaxAttempts;
        var pending = await db.OutboxMessages.AsNoTracking()
            .Where(o => o.SentAt == null && o.Attempts < max)
            .OrderBy(o => o.CreatedAt).Select(o => o.Id).Take(Batch).ToListAsync(ct);
        var done = 0;
        foreach (var id in pending)
            if (await DispatchAsync(id, ct)) done++;
        return done;
    }

    private async Task<bool> DispatchAsync(Guid id, CancellationToken ct)
    {
        try
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var now = clock.GetUtcNow();
            // The claim: a node that finds the event already taken (or waits on another node's lock on
            // it, then sees it taken) leaves it alone. SentAt here means «dispatched».
            if (await db.OutboxMessages.Where(o => o.Id == id && o.SentAt == null).ExecuteUpdateAsync(s => s.SetProperty(o => o.SentAt, now), ct) == 0)
                return false;
            var message = await db.OutboxMessages.AsNoTracking().SingleAsync(o => o.Id == id, ct);
            db.OutgoingMails.AddRange(await composer.ComposeAsync(message, now, ct));
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return true;
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            // Composing fails only on data it cannot read; counting the attempts stops an event that
            // can never be composed from being retried for ever.
            db.ChangeTracker.Clear();
            log.LogError(e, "Outbox event {EventId} could not be turned into emails", id);
            await db.OutboxMessages.Where(o => o.Id == id && o.SentAt == null).ExecuteUpdateAsync(s => s.SetProperty(o => o.Attempts, o => o.Attempts + 1), ct);
            return false;
        }
    }
}
