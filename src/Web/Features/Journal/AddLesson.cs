using Corrections.Web.Infrastructure;
using Corrections.Workflows.Journal;
using Corrections.Workflows.Locking;
using Corrections.Workflows.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Corrections.Web.Features.Journal;

/// <summary>
/// POST /api/v1/schools/{schoolId}/journal/lessons and …/journal/lessons/{lessonId}/works: the teacher of
/// a class and subject adds a lesson (date within the school year, topic, homework) and the works
/// marked on it (current, control, practical, written). Marks then go through «journal/marks».
/// </summary>
public static class AddLesson
{
    public sealed record LessonRequest(Guid? ClassId, Guid? SubjectId, DateOnly? Date, string? Topic, string? Homework);
    public sealed record WorkRequest(EntryKind? Kind, string? Title);

    public static void Map(IEndpointRouteBuilder school)
    {
        school.MapPost("/journal/lessons", AddLessonAsync).RequireAuthorization(Policies.SchoolJournalEditor).WithTags("Journal");
        school.MapPost("/journal/lessons/{lessonId:guid}/works", AddWorkAsync).RequireAuthorization(Policies.SchoolJournalEditor)
            .ProducesProblem(StatusCodes.Status404NotFound).WithTags("Journal");
    }

    public static async Task<Results<Created<JournalLessonDto>, ValidationProblem, ProblemHttpResult>> AddLessonAsync(
        Guid schoolId, LessonRequest body, CorrectionsDbContext db, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        var v = new Validation(t);
        var (classId, subjectId, date) = (v.RequiredValue("classId", body.ClassId), v.RequiredValue("subjectId", body.SubjectId), v.RequiredValue("date", body.Date));
        var topic = v.Optional("topic", body.Topic, Limits.LongName);
        var homework = v.Optional("homework", body.Homework, Limits.LongName);
        if (!v.IsValid) return v.Problem();
        if (await JournalModes.ForSchoolAsync(db, schoolId, ct) != JournalModes.BuiltIn) return Validation.Conflict(t, "Journal.NotBuiltIn");
        var schoolClass = await db.Classes.AsNoTracking().SingleOrDefaultAsync(c => c.Id == classId && c.SchoolId == schoolId, ct);
        if (schoolClass is null || !await db.Subjects.AnyAsync(s => s.Id == subjectId && s.SchoolId == schoolId, ct)) return Validation.NotFound(t, "NotFound.JournalEntry");
        var userId = db.Scope.UserId!.Value;
        if (!await db.TeachingAssignments.AnyAsync(a => a.TeacherId == userId && a.ClassId == classId && a.SubjectId == subjectId, ct))
            return Validation.Conflict(t, "Journal.NotYourLesson");
        if (!await db.SchoolYears.AnyAsync(y => y.Id == schoolClass.SchoolYearId && y.StartDate <= date && date <= y.EndDate, ct))
        {
            v.Add("date", "Validation.DateOutsideYear");
            return v.Problem();
        }
        var lesson = db.Lessons.Add(new Lesson { Id = Guid.CreateVersion7(), SchoolId = schoolId, ClassId = classId, SubjectId = subjectId, TeacherId = userId, Date = date, Topic = topic, Homework = homework }).Entity;
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/schools/{schoolId}/journal?classId={classId}&subjectId={subjectId}",
            new JournalLessonDto(lesson.Id, lesson.Date, lesson.TeacherId, lesson.Topic, lesson.Homework, [], []));
    }

    public static async Task<Results<Created<JournalWorkDto>, ValidationProblem, ProblemHttpResult>> AddWorkAsync(
        Guid schoolId, Guid lessonId, WorkRequest body, CorrectionsDbContext db, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        var v = new Validation(t);
        var kind = v.RequiredValue("kind", body.Kind);
        if (body.Kind is EntryKind.Attendance or EntryKind.PeriodMark || (body.Kind is not null && !Enum.IsDefined(kind))) v.Add("kind", "Validation.WorkKind");
        var title = v.Required("title", body.Title, Limits.Name);
        if (!v.IsValid) return v.Problem();
        var lesson = await db.Lessons.AsNoTracking().SingleOrDefaultAsync(l => l.Id == lessonId && l.SchoolId == schoolId, ct);
        if (lesson is null) return Validation.NotFound(t, "NotFound.JournalEntry");
        var userId = db.Scope.UserId!.Value;
        if (lesson.TeacherId != userId && !await db.TeachingAssignments.AnyAsync(a => a.TeacherId == userId && a.ClassId == lesson.ClassId && a.SubjectId == lesson.SubjectId, ct))
            return Validation.Conflict(t, "Journal.NotYourLesson");
        var work = db.Works.Add(new Work { Id = Guid.CreateVersion7(), SchoolId = schoolId, LessonId = lessonId, Kind = kind, Title = title }).Entity;
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/schools/{schoolId}/journal?classId={lesson.ClassId}&subjectId={lesson.SubjectId}", new JournalWorkDto(work.Id, work.Kind, work.Title, []));
    }
}
