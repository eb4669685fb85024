using Corrections.Web.Infrastructure;
using Corrections.Workflows.Journal;
using Corrections.Workflows.Locking;
using Corrections.Workflows.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Corrections.Web.Features.Journal;

public sealed record AccessReportLineDto(
    string Class, string Subject, DateTimeOffset At, string AtLocal, string User, DateOnly LessonDate, string? Period, string Action, string OldValue, string NewValue,
    JournalChangeVia Via, Guid? RequestId);

/// <summary>
/// GET /api/v1/schools/{schoolId}/journal/access-report?classId=&amp;subjectId=&amp;studyPeriodId=&amp;userId=&amp;from=&amp;to=:
/// who changed what in the journal, like СГО's «Отчёт о доступе к классному журналу» with the old and
/// new value; newest first, times in the school's local time.
/// </summary>
public static class GetAccessReport
{
    public static void Map(IEndpointRouteBuilder school) => school.MapGet("/journal/access-report", Handle)
        .RequireAuthorization(Policies.SchoolJournalReports).WithTags("Journal");

    public static async Task<Ok<List<AccessReportLineDto>>> Handle(
        Guid schoolId, Guid? classId, Guid? subjectId, Guid? studyPeriodId, Guid? userId, DateOnly? from, DateOnly? to,
        CorrectionsDbContext db, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        var changes = db.JournalChanges.AsNoTracking().Where(c => c.SchoolId == schoolId);
        if (classId is not null) changes = changes.Where(c => c.ClassId == classId);
        if (subjectId is not null) changes = changes.Where(c => c.SubjectId == subjectId);
        if (studyPeriodId is not null) changes = changes.Where(c => c.StudyPeriodId == studyPeriodId);
        if (userId is not null) changes = changes.Where(c => c.ActorId == userId);
        if (from is not null) changes = changes.Where(c => c.EntryDate >= from);
        if (to is not null) changes = changes.Where(c => c.EntryDate <= to);
        var rows = await (from c in changes
                          join k in db.Classes on c.ClassId equals k.Id
                          join s in db.Subjects on c.SubjectId equals s.Id
                          join u in db.Users on c.ActorId equals u.Id into users
                          from u in users.DefaultIfEmpty()
                          join p in db.StudyPeriods on c.StudyPeriodId equals p.Id into periods
                          from p in periods.DefaultIfEmpty()
                          select new { c, Class = k.Name, Subject = s.Name, User = u == null ? null : u.Surname + " " + u.GivenName + (u.Patronymic == null ? "" : " " + u.Patronymic), Period = p == null ? null : p.Name })
            .ToListAsync(ct);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(await db.Schools.Where(s => s.Id == schoolId).Select(s => s.TimeZoneId).SingleAsync(ct));
        return TypedResults.Ok(rows.OrderByDescending(r => r.c.At).Take(5000).Select(r => new AccessReportLineDto(
            r.Class, r.Subject, r.c.At, TimeZoneInfo.ConvertTime(r.c.At, zone).ToString("dd.MM.yyyy HH:mm"), r.User ?? t["Report.System"], r.c.EntryDate, r.Period,
            t[$"Report.Action.{(r.c.Kind == EntryKind.Attendance ? "Attendance" : r.c.Kind == EntryKind.PeriodMark ? "PeriodMark" : "Mark")}.{(r.c.OldValue.Length == 0 ? "Set" : r.c.NewValue.Length == 0 ? "Cleared" : "Changed")}"],
            r.c.OldValue, r.c.NewValue, r.c.Via, r.c.RequestId)).ToList());
    }
}
