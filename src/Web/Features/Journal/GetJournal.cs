using Corrections.Web.Infrastructure;
using Corrections.Workflows.Locking;
using Corrections.Workflows.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Corrections.Web.Features.Journal;

public sealed record JournalMarkDto(Guid StudentId, string Value);
public sealed record JournalWorkDto(Guid Id, EntryKind Kind, string Title, List<JournalMarkDto> Marks);
public sealed record JournalLessonDto(Guid Id, DateOnly Date, Guid TeacherId, string? Topic, string? Homework, List<JournalWorkDto> Works, List<JournalMarkDto> Attendance);
public sealed record JournalPeriodMarkDto(Guid StudyPeriodId, Guid StudentId, string Value);
public sealed record JournalStudentDto(Guid Id, string Surname, string GivenName, string? Patronymic);
public sealed record JournalPageDto(Guid ClassId, Guid SubjectId, DateOnly From, DateOnly To, List<JournalStudentDto> Students, List<JournalLessonDto> Lessons, List<JournalPeriodMarkDto> PeriodMarks);

/// <summary>
/// GET /api/v1/schools/{schoolId}/journal?classId=&amp;subjectId=&amp;from=&amp;to=: a page of the built-in
/// journal for a class and subject: lessons with their works and marks, attendance, period marks.
/// Without dates, the last four weeks up to the school's today and the week after.
/// </summary>
public static class GetJournal
{
    public static void Map(IEndpointRouteBuilder school) => school.MapGet("/journal", Handle)
        .RequireAuthorization(Policies.SchoolJournalReader).ProducesProblem(StatusCodes.Status404NotFound).WithTags("Journal");

    public static async Task<Results<Ok<JournalPageDto>, ValidationProblem, ProblemHttpResult>> Handle(
        Guid schoolId, Guid? classId, Guid? subjectId, DateOnly? from, DateOnly? to, CorrectionsDbContext db, IStringLocalizer<SharedResource> t, TimeProvider clock, CancellationToken ct)
    {
        var v = new Validation(t);
        var (classValue, subjectValue) = (v.RequiredValue("classId", classId), v.RequiredValue("subjectId", subjectId));
        if (from is not null && to is not null && (to < from || to.Value.DayNumber - from.Value.DayNumber > 366)) v.Add("to", "Validation.DateRange");
        if (!v.IsValid) return v.Problem();
        if (!await db.Classes.AnyAsync(c => c.Id == classValue && c.SchoolId == schoolId, ct) || !await db.Subjects.AnyAsync(s => s.Id == subjectValue && s.SchoolId == schoolId, ct))
            return Validation.NotFound(t, "NotFound.JournalEntry");
        var zone = await db.Schools.Where(s => s.Id == schoolId).Select(s => s.TimeZoneId).SingleAsync(ct);
        var today = SchoolClock.Today(zone, clock);
        var (start, end) = (from ?? today.AddDays(-28), to ?? today.AddDays(7));

        var students = await db.Students.AsNoTracking().Where(s => s.ClassId == classValue).OrderBy(s => s.Surname).ThenBy(s => s.GivenName)
            .Select(s => new JournalStudentDto(s.Id, s.Surname, s.GivenName, s.Patronymic)).ToListAsync(ct);
        var lessons = await db.Lessons.AsNoTracking().Where(l => l.ClassId == classValue && l.SubjectId == subjectValue && l.Date >= start && l.Date <= end)
            .OrderBy(l => l.Date).ThenBy(l => l.Id).ToListAsync(ct);
        var lessonIds = lessons.Select(l => l.Id).ToList();
        var works = await db.Works.AsNoTracking().Where(w => lessonIds.Contains(w.LessonId)).ToListAsync(ct);
        var workIds = works.Select(w => w.Id).ToList();
        var marks = await db.Marks.AsNoTracking().Where(m => workIds.Contains(m.WorkId)).ToListAsync(ct);
        var attendance = await db.AttendanceMarks.AsNoTracking().Where(a => lessonIds.Contains(a.LessonId)).ToListAsync(ct);
        var periodMarks = await db.PeriodMarks.AsNoTracking().Where(m => m.ClassId == classValue && m.SubjectId == subjectValue)
            .Select(m => new JournalPeriodMarkDto(m.StudyPeriodId, m.StudentId, m.Value)).ToListAsync(ct);

        return TypedResults.Ok(new JournalPageDto(classValue, subjectValue, start, end, students,
            lessons.ConvertAll(l => new JournalLessonDto(l.Id, l.Date, l.TeacherId, l.Topic, l.Homework,
                works.Where(w => w.LessonId == l.Id).OrderBy(w => w.Id)
                    .Select(w => new JournalWorkDto(w.Id, w.Kind, w.Title, marks.Where(m => m.WorkId == w.Id).Select(m => new JournalMarkDto(m.StudentId, m.Value)).ToList())).ToList(),
                attendance.Where(a => a.LessonId == l.Id).Select(a => new JournalMarkDto(a.StudentId, a.Code)).ToList())),
            periodMarks));
    }
}
