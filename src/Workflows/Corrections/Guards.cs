using Corrections.Workflows.Engine;
using Corrections.Workflows.Locking;
using Microsoft.EntityFrameworkCore;

namespace Corrections.Workflows.Corrections;

/// <summary>The step's request with its entries, read once for both guards of «submit».</summary>
internal static class StepRequest
{
    public static Task<CorrectionRequest> WithEntriesAsync(StepContext step, CancellationToken ct)
        => step.SharedAsync(() => step.Db.CorrectionRequests.Include(r => r.Entries).SingleAsync(r => r.Id == step.Instance.Id, ct));
}

/// <summary>«request-complete»: a request is filed with its entries, ground and justification (point 2.2).</summary>
public sealed class RequestCompleteGuard : IWorkflowGuard
{
    public string Name => "request-complete";

    public async Task<GuardResult> CheckAsync(StepContext step, CancellationToken ct)
    {
        var request = await StepRequest.WithEntriesAsync(step, ct);
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
        // The entries «request-complete» has read in this step, earliest first.
        var entries = (await StepRequest.WithEntriesAsync(step, ct)).Entries.OrderBy(e => e.Date);
        var school = await step.SchoolAsync(ct);
        var zone = school.TimeZoneId;
        var policy = await LockPolicies.ForSchoolAsync(step.Db, school.Id, school.MunicipalityId, ct);
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
