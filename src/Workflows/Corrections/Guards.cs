using Corrections.Workflows.Engine;
using Corrections.Workflows.Locking;
using Microsoft.EntityFrameworkCore;

namespace Corrections.Workflows.Corrections;

/// <summary>
/// What the guards of «submit» read, once for both and in one round trip: the request with its
/// entries, and the lock policy of its school.
/// </summary>
internal sealed record Submission(CorrectionRequest Request, LockPolicy LockPolicy)
{
    public static Task<Submission> OfStepAsync(StepContext step, CancellationToken ct) => step.SharedAsync(async () =>
    {
        var db = step.Db;
        // Guards only read, so nothing is tracked. The school's own setting and its municipality's come
        // as equality joins: one lookup by «own or municipality's» would need a lateral join, which
        // SQLite does not have. A school has at most one setting of its own (a unique index), so that
        // join keeps the request's single row.
        var found = await (
            from r in db.CorrectionRequests.AsNoTracking().Include(r => r.Entries)
            where r.Id == step.Instance.Id
            join s in db.Schools on r.SchoolId equals s.Id
            join p in db.LockPolicySettings on s.Id equals p.SchoolId into own
            from p in own.DefaultIfEmpty()
            select new
            {
                Request = r,
                Own = p,
                Municipal = db.LockPolicySettings.FirstOrDefault(m => m.SchoolId == null && m.MunicipalityId == s.MunicipalityId),
            })
            .SingleAsync(ct);
        return new Submission(found.Request, LockPolicies.ForSchool(found.Own, found.Municipal));
    });
}

/// <summary>«request-complete»: a request is filed with its entries, ground and justification (point 2.2).</summary>
public sealed class RequestCompleteGuard : IWorkflowGuard
{
    public string Name => "request-complete";

    public async Task<GuardResult> CheckAsync(StepContext step, CancellationToken ct)
    {
        var request = (await Submission.OfStepAsync(step, ct)).Request;
        if (request.Entries.Count == 0) return GuardResult.Refuse("Guard.NoEntries");
        if (request.GroundId is null) return GuardResult.Refuse("Guard.NoGround");
        if (string.IsNullOrWhiteSpace(request.Justification)) return GuardResult.Refuse("Guard.NoJustification");
        return GuardResult.Pass;
    }
}

/// <summary>
/// «entries-locked»: a request is only for entries the lock policy has closed (point 1). One that can
/// still be edited is refused with the date until which the teacher can fix it directly.
/// </summary>
public sealed class EntriesLockedGuard(TimeProvider clock) : IWorkflowGuard
{
    public string Name => "entries-locked";

    public async Task<GuardResult> CheckAsync(StepContext step, CancellationToken ct)
    {
        // What «request-complete» has read in this step: the entries (earliest first) and the policy.
        var (request, policy) = await Submission.OfStepAsync(step, ct);
        var entries = request.Entries.OrderBy(e => e.Date);
        var zone = (await step.SchoolAsync(ct)).TimeZoneId;
        foreach (var entry in entries)
        {
            switch (await LockPolicies.StatusAsync(step.Db, policy, zone, entry, clock, ct))
            {
                case LockStatus.Editable { EditableThrough: { } until }:
                    return GuardResult.Refuse("Guard.StillEditable", entry.Date.ToString("dd.MM.yyyy"), until.ToString("dd.MM.yyyy"));
                case LockStatus.Editable:
                    return GuardResult.Refuse("Guard.NeverLocks", entry.Date.ToString("dd.MM.yyyy"));
                case LockStatus.NotYetAllowed:
                    return GuardResult.Refuse("Guard.MarkAhead", entry.Date.ToString("dd.MM.yyyy"));
            }
        }
        return GuardResult.Pass;
    }
}

/// <summary>«retake-protocol-missing»: the ground is a retake and its protocol is not attached yet (point 2.4).</summary>
public sealed class RetakeProtocolMissingGuard : IWorkflowGuard
{
    public string Name => "retake-protocol-missing";

    public async Task<GuardResult> CheckAsync(StepContext step, CancellationToken ct)
    {
        var missing = await (
            from r in step.Db.CorrectionRequests
            join g in step.Db.Grounds on r.GroundId equals g.Id
            where r.Id == step.Instance.Id && g.IsRetake && r.ProtocolNumber == null
            select r.Id).AnyAsync(ct);
        return missing ? GuardResult.Pass : GuardResult.Refuse("Guard.ProtocolNotMissing");
    }
}

/// <summary>«protocol-given»: «upload-protocol» carries the protocol's number and date, and stores them.</summary>
public sealed class ProtocolGivenGuard(TimeProvider clock) : IWorkflowGuard
{
    public string Name => "protocol-given";

    public async Task<GuardResult> CheckAsync(StepContext step, CancellationToken ct)
    {
        var payload = step.Payload;
        var number = payload is { ValueKind: System.Text.Json.JsonValueKind.Object } p && p.TryGetProperty("protocolNumber", out var n) && n.ValueKind == System.Text.Json.JsonValueKind.String ? n.GetString()?.Trim() : null;
        var dateText = payload is { ValueKind: System.Text.Json.JsonValueKind.Object } q && q.TryGetProperty("protocolDate", out var d) && d.ValueKind == System.Text.Json.JsonValueKind.String ? d.GetString() : null;
        if (string.IsNullOrEmpty(number) || number.Length > 50) return GuardResult.Refuse("Guard.ProtocolNumber");
        if (!DateOnly.TryParseExact(dateText, "yyyy-MM-dd", out var date)) return GuardResult.Refuse("Guard.ProtocolDate");
        var zone = (await step.SchoolAsync(ct)).TimeZoneId;
        if (date > SchoolClock.Today(zone, clock)) return GuardResult.Refuse("Guard.ProtocolDateFuture");

        // The guard passing is what lets the step happen, so it records the protocol it checked.
        var request = await step.Db.CorrectionRequests.SingleAsync(r => r.Id == step.Instance.Id, ct);
        request.ProtocolNumber = number;
        request.ProtocolDate = date;
        return GuardResult.Pass;
    }
}
