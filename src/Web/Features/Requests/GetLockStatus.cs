using Corrections.Web.Infrastructure;
using Corrections.Workflows.Corrections;
using Corrections.Workflows.Locking;
using Corrections.Workflows.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Corrections.Web.Features.Requests;

public sealed record LockStatusDto(string Status, DateOnly LocalToday, DateOnly? EditableThrough, DateOnly? LockedSince, string Message);

/// <summary>
/// GET /api/v1/schools/{schoolId}/lock-status?kind=&amp;date=&amp;studyPeriodId=: whether an entry can still be
/// edited directly (until when), or is locked (since when) and needs a request, on the school's local date.
/// </summary>
public static class GetLockStatus
{
    public static void Map(IEndpointRouteBuilder school) => school.MapGet("/lock-status", Handle).WithTags("Requests");

    public static async Task<Results<Ok<LockStatusDto>, ValidationProblem>> Handle(
        Guid schoolId, EntryKind? kind, DateOnly? date, Guid? studyPeriodId, CorrectionsDbContext db, TimeProvider clock,
        IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        var v = new Validation(t);
        var k = v.RequiredValue("kind", kind);
        var d = v.RequiredValue("date", date);
        if (kind == EntryKind.PeriodMark && studyPeriodId is null) v.Add("studyPeriodId", "Validation.PeriodRequired");
        if (studyPeriodId is { } p && !await db.StudyPeriods.AnyAsync(x => x.Id == p && x.SchoolId == schoolId, ct)) v.Add("studyPeriodId", "NotFound.StudyPeriod");
        if (!v.IsValid) return v.Problem();

        var zone = await db.Schools.Where(s => s.Id == schoolId).Select(s => s.TimeZoneId).SingleAsync(ct);
        var policy = await LockPolicies.ForSchoolAsync(db, schoolId, ct);
        var entry = new CorrectionEntry { SchoolId = schoolId, Date = d, Kind = k, StudyPeriodId = studyPeriodId, CurrentValue = "", RequestedValue = "" };
        return TypedResults.Ok(await LockPolicies.StatusAsync(db, policy, zone, entry, clock, ct) switch
        {
            LockStatus.Editable { EditableThrough: { } until } e => new LockStatusDto("editable", e.LocalToday, until, null, t["Lock.EditableUntil", until.ToString("dd.MM.yyyy")]),
            LockStatus.Editable e => new LockStatusDto("editable", e.LocalToday, null, null, t["Lock.NeverLocks"]),
            LockStatus.Locked l => new LockStatusDto("locked", l.LocalToday, null, l.LockedSince, t["Lock.LockedSince", l.LockedSince.ToString("dd.MM.yyyy")]),
            var n => new LockStatusDto("not-yet-allowed", n.LocalToday, null, null, t["Lock.NotYetAllowed"]),
        });
    }
}
