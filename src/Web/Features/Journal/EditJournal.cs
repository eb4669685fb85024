using Corrections.Web.Infrastructure;
using Corrections.Workflows.Journal;
using Corrections.Workflows.Locking;
using Corrections.Workflows.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Corrections.Web.Features.Journal;

public sealed record JournalCellDto(EntryKind Kind, Guid StudentId, string Value);

/// <summary>
/// PUT /api/v1/schools/{schoolId}/journal/marks, …/attendance and …/period-marks: one cell of the
/// built-in journal set (an empty value clears it). The journal decides: the teacher while the lock
/// policy allows, the zavuch under a request's unlock afterwards, never «ahead» (<see cref="JournalEditor"/>).
/// </summary>
public static class EditJournal
{
    public sealed record MarkRequest(Guid? WorkId, Guid? StudentId, string? Value);
    public sealed record AttendanceRequest(Guid? LessonId, Guid? StudentId, string? Code);
    public sealed record PeriodMarkRequest(Guid? ClassId, Guid? SubjectId, Guid? StudyPeriodId, Guid? StudentId, string? Value);

    public static void Map(IEndpointRouteBuilder school)
    {
        school.MapPut("/journal/marks", (Guid schoolId, MarkRequest body, CorrectionsDbContext db, JournalEditor editor, IStringLocalizer<SharedResource> t, CancellationToken ct) =>
        {
            var v = new Validation(t);
            var (work, student) = (v.RequiredValue("workId", body.WorkId), v.RequiredValue("studentId", body.StudentId));
            return EditAsync(schoolId, v, "value", body.Value, db, editor, t,
                () => JournalSlots.ForMarkAsync(db, work, student, ct), ct);
        }).RequireAuthorization(Policies.SchoolJournalEditor).WithTags("Journal");

        school.MapPut("/journal/attendance", (Guid schoolId, AttendanceRequest body, CorrectionsDbContext db, JournalEditor editor, IStringLocalizer<SharedResource> t, CancellationToken ct) =>
        {
            var v = new Validation(t);
            var (lesson, student) = (v.RequiredValue("lessonId", body.LessonId), v.RequiredValue("studentId", body.StudentId));
            return EditAsync(schoolId, v, "code", body.Code, db, editor, t,
                () => JournalSlots.ForAttendanceAsync(db, lesson, student, ct), ct);
        }).RequireAuthorization(Policies.SchoolJournalEditor).WithTags("Journal");

        school.MapPut("/journal/period-marks", (Guid schoolId, PeriodMarkRequest body, CorrectionsDbContext db, JournalEditor editor, IStringLocalizer<SharedResource> t, CancellationToken ct) =>
        {
            var v = new Validation(t);
            var (classId, subject, period, student) = (v.RequiredValue("classId", body.ClassId), v.RequiredValue("subjectId", body.SubjectId),
                v.RequiredValue("studyPeriodId", body.StudyPeriodId), v.RequiredValue("studentId", body.StudentId));
            return EditAsync(schoolId, v, "value", body.Value, db, editor, t,
                () => JournalSlots.ForPeriodMarkAsync(db, classId, subject, period, student, ct), ct);
        }).RequireAuthorization(Policies.SchoolJournalEditor).WithTags("Journal");
    }

    private static async Task<Results<Ok<JournalCellDto>, ValidationProblem, ProblemHttpResult>> EditAsync(
        Guid schoolId, Validation v, string field, string? value, CorrectionsDbContext db, JournalEditor editor, IStringLocalizer<SharedResource> t,
        Func<Task<JournalSlot?>> find, CancellationToken ct)
    {
        // An empty string clears a cell; a missing value is a mistake, not a request to clear it.
        if (value is null) v.Add(field, "Validation.Required");
        if (!v.IsValid) return v.Problem();
        if (await JournalModes.ForSchoolAsync(db, schoolId, ct) != JournalModes.BuiltIn) return Validation.Conflict(t, "Journal.NotBuiltIn");
        var slot = await find();
        // The student must be of the lesson's class; anything of another school reads as absent.
        if (slot is null || slot.SchoolId != schoolId
            || !await db.Students.AnyAsync(s => s.Id == slot.StudentId && s.ClassId == slot.ClassId, ct))
            return Validation.NotFound(t, "NotFound.JournalEntry");
        var normalised = JournalCodes.Normalise(value, slot.Kind);
        if (normalised is null)
        {
            v.Add(field, slot.Kind == EntryKind.Attendance ? "Validation.AttendanceValue" : "Validation.MarkValue");
            return v.Problem();
        }

        // One transaction: a change-table number is taken only if the change itself is saved.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        try
        {
            if (await editor.EditAsync(slot, normalised, ct) is { } refusal) return Validation.Conflict(t, refusal.Key, refusal.Args);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        catch (Workflows.Engine.StepRefusedException refused)
        {
            return Validation.Conflict(t, refused.MessageKey, refused.Args);
        }
        catch (DbUpdateException)
        {
            // The same cell or the same request's row was written a moment ago (a double click, «apply» at the same time).
            return Validation.Conflict(t, "Journal.Concurrent");
        }
        return TypedResults.Ok(new JournalCellDto(slot.Kind, slot.StudentId, slot.Value));
    }
}
