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
        if (db.ChangeTableRows.Local.Any(r => r.CorrectionEntryId == entry.Id)
            || await db.ChangeTableRows.AnyAsync(r => r.CorrectionEntryId == entry.Id, ct)) return;

        var school = await db.Schools.AsNoTracking().Where(s => s.Id == request.SchoolId).Select(s => new { s.TimeZoneId }).SingleAsync(ct);
        var period = entry.StudyPeriodId is { } id
            ? await db.StudyPeriods.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, ct)
            : await db.StudyPeriods.AsNoTracking().Where(p => p.SchoolId == request.SchoolId && p.StartDate <= entry.Date && entry.Date <= p.EndDate).FirstOrDefaultAsync(ct);
        if (period is null) throw new StepRefusedException(StepFault.GuardRefused, "Journal.NoPeriod", entry.Date.ToString("dd.MM.yyyy"));

        var student = await db.Students.AsNoTracking().Where(s => s.Id == entry.StudentId)
            .Select(s => new { s.Surname, s.GivenName, s.Patronymic }).SingleAsync(ct);
        var className = await db.Classes.Where(c => c.Id == request.ClassId).Select(c => c.Name).SingleAsync(ct);
        var subject = await db.Subjects.Where(s => s.Id == request.SubjectId).Select(s => s.Name).SingleAsync(ct);
        var people = await db.Users.AsNoTracking().Where(u => u.Id == request.InitiatorId || u.Id == request.SubjectTeacherId)
            .Select(u => new { u.Id, u.Surname, u.GivenName, u.Patronymic }).ToListAsync(ct);
        string Short(Guid userId) => people.Where(p => p.Id == userId).Select(p => Documents.Text.PersonName.WithInitials(p.Surname, p.GivenName, p.Patronymic)).Single();
        var number = await NextNumberAsync(db, request.SchoolId, request.ClassId, period.Id, ct);

        db.ChangeTableRows.Add(new ChangeTableRow
        {
            Id = Guid.CreateVersion7(), SchoolId = request.SchoolId, ClassId = request.ClassId, StudyPeriodId = period.Id, Number = number,
            Student = $"{Documents.Text.PersonName.Full(student.Surname, student.GivenName, student.Patronymic)}, {className}",
            Subject = subject, Description = await DescribeAsync(db, request, entry, period.Name, oldValue, newValue, ct),
            ChangedOn = SchoolClock.DateAt(school.TimeZoneId, now), JournalDate = entry.Kind == EntryKind.PeriodMark ? period.EndDate : entry.Date,
            Initiator = Short(request.InitiatorId), SubjectTeacher = Short(request.SubjectTeacherId),
            RequestId = request.Id, CorrectionEntryId = entry.Id, CreatedAt = now,
        });
    }

    /// <summary>«Отметка «2» изменена на «4»; пересдача, протокол № 3 от 12.11.2026».</summary>
    public static async Task<string> DescribeAsync(
        CorrectionsDbContext db, CorrectionRequest request, CorrectionEntry entry, string periodName, string oldValue, string newValue, CancellationToken ct)
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
        var retake = request.GroundId is { } groundId && await db.Grounds.AnyAsync(g => g.Id == groundId && g.IsRetake, ct);
        if (retake && request.ProtocolNumber is not null)
            return $"{what}; пересдача, протокол № {request.ProtocolNumber} от {request.ProtocolDate:dd.MM.yyyy}";
        var card = await db.RegisteredDocuments.Where(d => d.RequestId == request.Id && d.Kind == Records.DocumentKind.IncomingRequest)
            .Select(d => new { d.Number, d.RegisteredOn }).FirstOrDefaultAsync(ct);
        return card is null
            ? $"{what}; уважительная причина подтверждена документально"
            : $"{what}; уважительная причина подтверждена документально, заявление № {card.Number} от {card.RegisteredOn:dd.MM.yyyy}";
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
