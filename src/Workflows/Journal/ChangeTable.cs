using Corrections.Workflows.Corrections;
using Corrections.Workflows.Engine;
using Corrections.Workflows.Locking;
using Corrections.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Corrections.Workflows.Journal;

/// <summary>
/// Appends rows to the table of changes (point 2.6). One row per entry of a request, however many
/// times it is applied; the wording names the kind of change and the document it rests on, never a
/// diagnosis (the registers say only that the valid reason is confirmed, and by which document).
/// </summary>
public static class ChangeTable
{
    public static async Task AppendAsync(
        CorrectionsDbContext db, CorrectionRequest request, CorrectionEntry entry, string oldValue, string newValue, DateTimeOffset now, CancellationToken ct)
    {
        if (db.ChangeTableRows.Local.Any(r => r.CorrectionEntryId == entry.Id)) return;

        var periods = entry.StudyPeriodId is { } id
            ? db.StudyPeriods.Where(p => p.Id == id)
            : db.StudyPeriods.Where(p => p.SchoolId == request.SchoolId && p.StartDate <= entry.Date && entry.Date <= p.EndDate);
        // Everything the row says, in one round trip: single values as scalar subqueries, rows as LEFT
        // JOINs (SQLite has no APPLY). Each join finds at most one row, but for the period by date and
        // the registration card, of which any one is taken, as a FirstOrDefault of its own did.
        var facts = await (
            from school in db.Schools.Where(s => s.Id == request.SchoolId)
            from period in periods.DefaultIfEmpty()
            from pupil in db.Students.Where(s => s.Id == entry.StudentId).DefaultIfEmpty()
            from initiatorUser in db.Users.Where(u => u.Id == request.InitiatorId).DefaultIfEmpty()
            from teacherUser in db.Users.Where(u => u.Id == request.SubjectTeacherId).DefaultIfEmpty()
            from card in db.RegisteredDocuments.Where(d => d.RequestId == request.Id && d.Kind == Records.DocumentKind.IncomingRequest).DefaultIfEmpty()
            select new
            {
                Appended = db.ChangeTableRows.Any(r => r.CorrectionEntryId == entry.Id),
                school.TimeZoneId,
                Period = new { Id = (Guid?)period.Id, period.Name, EndDate = (DateOnly?)period.EndDate },
                Student = new { Id = (Guid?)pupil.Id, pupil.Surname, pupil.GivenName, pupil.Patronymic },
                ClassName = db.Classes.Where(c => c.Id == request.ClassId).Select(c => c.Name).FirstOrDefault(),
                Subject = db.Subjects.Where(s => s.Id == request.SubjectId).Select(s => s.Name).FirstOrDefault(),
                Initiator = new { Id = (Guid?)initiatorUser.Id, initiatorUser.Surname, initiatorUser.GivenName, initiatorUser.Patronymic },
                Teacher = new { Id = (Guid?)teacherUser.Id, teacherUser.Surname, teacherUser.GivenName, teacherUser.Patronymic },
                Retake = db.Grounds.Any(g => g.Id == request.GroundId && g.IsRetake),
                Card = new { card.Number, RegisteredOn = (DateOnly?)card.RegisteredOn },
            }).AsNoTracking().FirstOrDefaultAsync(ct)
            ?? throw new InvalidOperationException($"School {request.SchoolId} of request {request.Id} not found.");
        // One row per entry: already appended (under the unlock, or by an earlier «apply»).
        if (facts.Appended) return;
        if (facts.Period is not { Id: { } periodId, Name: { } periodName, EndDate: { } periodEnd })
            throw new StepRefusedException(StepFault.GuardRefused, "Journal.NoPeriod", entry.Date.ToString("dd.MM.yyyy"));
        var student = facts.Student.Id is null ? throw Missing("Student", entry.StudentId) : facts.Student;
        var className = facts.ClassName ?? throw Missing("Class", request.ClassId);
        var subject = facts.Subject ?? throw Missing("Subject", request.SubjectId);
        var initiator = facts.Initiator.Id is null ? throw Missing("User", request.InitiatorId) : facts.Initiator;
        var teacher = facts.Teacher.Id is null ? throw Missing("User", request.SubjectTeacherId) : facts.Teacher;
        var number = await NextNumberAsync(db, request.SchoolId, request.ClassId, periodId, ct);

        db.ChangeTableRows.Add(new ChangeTableRow
        {
            Id = Guid.CreateVersion7(), SchoolId = request.SchoolId, ClassId = request.ClassId, StudyPeriodId = periodId, Number = number,
            Student = $"{Documents.Text.PersonName.Full(student.Surname, student.GivenName, student.Patronymic)}, {className}",
            Subject = subject,
            Description = Describe(request, entry, periodName, oldValue, newValue, facts.Retake, facts.Card.Number is { } cardNumber ? (cardNumber, facts.Card.RegisteredOn!.Value) : null),
            ChangedOn = SchoolClock.DateAt(facts.TimeZoneId, now), JournalDate = entry.Kind == EntryKind.PeriodMark ? periodEnd : entry.Date,
            Initiator = Documents.Text.PersonName.WithInitials(initiator.Surname, initiator.GivenName, initiator.Patronymic),
            SubjectTeacher = Documents.Text.PersonName.WithInitials(teacher.Surname, teacher.GivenName, teacher.Patronymic),
            RequestId = request.Id, CorrectionEntryId = entry.Id, CreatedAt = now,
        });
    }

    private static InvalidOperationException Missing(string what, Guid id) => new($"{what} {id} not found for the change table.");

    /// <summary>«Отметка «2» изменена на «4»; пересдача, протокол № 3 от 12.11.2026».</summary>
    /// <param name="retake">Whether the request's ground is a retake.</param>
    /// <param name="card">The registration of the request as an incoming document, if it was registered.</param>
    private static string Describe(
        CorrectionRequest request, CorrectionEntry entry, string periodName, string oldValue, string newValue, bool retake, (string Number, DateOnly RegisteredOn)? card)
    {
        var what = entry.Kind switch
        {
            EntryKind.Attendance when oldValue.Length == 0 => $"Выставлена отметка о посещаемости «{newValue}»",
            EntryKind.Attendance when newValue.Length == 0 => $"Снята отметка о посещаемости «{oldValue}»",
            EntryKind.Attendance => $"Отметка о посещаемости «{oldValue}» изменена на «{newValue}»",
            EntryKind.PeriodMark when oldValue.Length == 0 => $"Выставлена отметка за {periodName} «{newValue}»",
            EntryKind.PeriodMark => $"Отметка за {periodName} «{oldValue}» изменена на «{newValue}»",
            _ when oldValue.Length == 0 => $"Выставлена отметка «{newValue}»",
            _ when newValue.Length == 0 => $"Отметка «{oldValue}» удалена",
            _ => $"Отметка «{oldValue}» изменена на «{newValue}»",
        };
        if (retake && request.ProtocolNumber is not null)
            return $"{what}; пересдача, протокол № {request.ProtocolNumber} от {request.ProtocolDate:dd.MM.yyyy}";
        return card is not { } c
            ? $"{what}; уважительная причина подтверждена документально"
            : $"{what}; уважительная причина подтверждена документально, заявление № {c.Number} от {c.RegisteredOn:dd.MM.yyyy}";
    }

    public static async Task<int> NextNumberAsync(CorrectionsDbContext db, Guid schoolId, Guid classId, Guid periodId, CancellationToken ct)
    {
        // The same atomic upsert as registration numbers: the counter row stays locked until the step commits.
        var values = await db.Database.SqlQuery<int>($"""
            INSERT INTO "ChangeTableCounters" ("SchoolId", "ClassId", "StudyPeriodId", "Last") VALUES ({schoolId}, {classId}, {periodId}, 1)
            ON CONFLICT ("ClassId", "StudyPeriodId") DO UPDATE SET "Last" = "ChangeTableCounters"."Last" + 1
            RETURNING "Last" AS "Value"
            """).ToListAsync(ct);
        return values.Single();
    }
}
