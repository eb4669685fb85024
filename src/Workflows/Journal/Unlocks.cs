using Corrections.Workflows.Engine;
using Microsoft.EntityFrameworkCore;

namespace Corrections.Workflows.Journal;

/// <summary>
/// «grant-unlock»: entering «unlocked» gives the school's zavuch an unlock of exactly the request's
/// entries, ending when the state's «unlock-end» timer fires (the school's «unlock-hours», default 48).
/// </summary>
public sealed class GrantUnlockEffect : IWorkflowEffect
{
    public string Name => "grant-unlock";

    public async Task RunAsync(StepContext step, CancellationToken ct)
    {
        // The timer was just written by the engine for the new state; the unlock ends with it, to the second.
        var end = step.Db.WorkflowWaits.Local.SingleOrDefault(w => w.InstanceId == step.Instance.Id && w.Name == "unlock-end" && w.Kind == WaitKind.Timer)?.DueAt
            ?? throw new InvalidOperationException("grant-unlock needs the state's «unlock-end» timer.");
        await RevokeUnlockEffect.RevokeAsync(step.Db, step.Instance.Id, step.Now, "regranted", ct);
        step.Db.JournalUnlocks.Add(new JournalUnlock
        {
            Id = Guid.CreateVersion7(), SchoolId = step.Instance.SchoolId, RequestId = step.Instance.Id, GrantedAt = step.Now, ExpiresAt = end,
        });
    }
}

/// <summary>«revoke-unlock»: after «apply», or when the window ends, the unlock is over.</summary>
public sealed class RevokeUnlockEffect : IWorkflowEffect
{
    public string Name => "revoke-unlock";

    public async Task RunAsync(StepContext step, CancellationToken ct)
    {
        var because = step.Transition.Trigger.Timer is null ? "applied" : "expired";
        // In the «apply» step «unlock-active» has already read them; a timer's step reads them here.
        Revoke((await RequestUnlocks.OfStepAsync(step, ct)).All.Where(u => u.RevokedAt == null), step.Now, because);
    }

    public static async Task RevokeAsync(Persistence.CorrectionsDbContext db, Guid requestId, DateTimeOffset now, string because, CancellationToken ct)
        => Revoke(await db.JournalUnlocks.Where(u => u.RequestId == requestId && u.RevokedAt == null).ToListAsync(ct), now, because);

    private static void Revoke(IEnumerable<JournalUnlock> unlocks, DateTimeOffset now, string because)
    {
        foreach (var unlock in unlocks)
            (unlock.RevokedAt, unlock.RevokedBecause) = (now < unlock.ExpiresAt ? now : unlock.ExpiresAt, because);
    }
}

/// <summary>All unlocks of one request (one per grant, so a few), tracked, read once per step.</summary>
internal sealed record RequestUnlocks(IReadOnlyList<JournalUnlock> All)
{
    /// <summary>
    /// Shared by «unlock-active» and «revoke-unlock» of the same step. Only steps of this instance
    /// change its unlocks, and the instance's revision orders those steps.
    /// </summary>
    public static Task<RequestUnlocks> OfStepAsync(StepContext step, CancellationToken ct)
        => step.SharedAsync(async () => new RequestUnlocks(await step.Db.JournalUnlocks.Where(u => u.RequestId == step.Instance.Id).ToListAsync(ct)));
}

/// <summary>«unlock-active»: «apply» (or its confirmation) is taken only inside the unlock's window, whatever the timer's progress.</summary>
public sealed class UnlockActiveGuard : IWorkflowGuard
{
    public string Name => "unlock-active";

    public async Task<GuardResult> CheckAsync(StepContext step, CancellationToken ct)
    {
        // «revoke-unlock» of the same step revokes from this reading without reading again.
        var unlock = (await RequestUnlocks.OfStepAsync(step, ct)).All.MaxBy(u => u.GrantedAt);
        if (unlock is null) return GuardResult.Refuse("Journal.NoUnlock");
        if (unlock.IsActive(step.Now)) return GuardResult.Pass;
        var zone = await step.Db.Schools.Where(s => s.Id == step.Instance.SchoolId).Select(s => s.TimeZoneId).SingleAsync(ct);
        return GuardResult.Refuse("Journal.UnlockExpired", TimeZoneInfo.ConvertTime(unlock.ExpiresAt, TimeZoneInfo.FindSystemTimeZoneById(zone)).ToString("dd.MM.yyyy HH:mm"));
    }
}
