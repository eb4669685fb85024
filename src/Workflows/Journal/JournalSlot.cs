using Corrections.Workflows.Corrections;
using Corrections.Workflows.Locking;
using Corrections.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Corrections.Workflows.Journal;

/// <summary>
/// One place in the built-in journal a value lives in: a student's mark for a work, attendance on a
/// lesson, or period mark; with what the lock policy and the change table need to know about it.
/// </summary>
public sealed class JournalSlot
{
    public required Guid SchoolId { get; init; }
    public required EntryKind Kind { get; init; }
    public required Guid ClassId { get; init; }
    public required Guid SubjectId { get; init; }
    public required Guid StudentId { get; init; }
    /// <summary>The lesson date; for a period mark, the period's last day.</summary>
    public required DateOnly Date { get; init; }
    public Guid? StudyPeriodId { get; init; }
    public DateOnly? PeriodEnd { get; init; }
    public Guid? LessonId { get; init; }
    public Guid? WorkId { get; init; }
    public Guid? TeacherId { get; init; }
    /// <summary>The row holding the value (tracked), or null when the cell is empty.</summary>
    public object? Row { get; set; }

    public string Value => Row switch
    {
        Mark m => m.Value,
        AttendanceMark a => a.Code,
        PeriodMark p => p.Value,
        _ => "",
    };

    /// <summary>Whether this slot is the one a request's entry names.</summary>
    public bool Matches(CorrectionRequest request, CorrectionEntry entry)
        => request.ClassId == ClassId && request.SubjectId == SubjectId && entry.StudentId == StudentId && entry.Kind == Kind
            && (Kind == EntryKind.PeriodMark ? (entry.StudyPeriodId ?? StudyPeriodId) == StudyPeriodId : entry.Date == Date);

    /// <summary>Writes <paramref name="value"/> into the slot; an empty value clears it.</summary>
    public void Write(CorrectionsDbContext db, string value)
    {
        if (value.Length == 0)
        {
            if (Row is not null) db.Remove(Row);
            Row = null;
            return;
        }
        switch (Row)
        {
            case Mark m: m.Value = value; return;
            case AttendanceMark a: a.Code = value; return;
            case PeriodMark p: p.Value = value; return;
        }
        Row = Kind switch
        {
            EntryKind.Attendance => db.Add(new AttendanceMark { Id = Guid.CreateVersion7(), SchoolId = SchoolId, LessonId = LessonId!.Value, StudentId = StudentId, Code = value }).Entity,
            EntryKind.PeriodMark => db.Add(new PeriodMark { Id = Guid.CreateVersion7(), SchoolId = SchoolId, ClassId = ClassId, SubjectId = SubjectId, StudyPeriodId = StudyPeriodId!.Value, StudentId = StudentId, Value = value }).Entity,
            _ => db.Add(new Mark { Id = Guid.CreateVersion7(), SchoolId = SchoolId, WorkId = WorkId!.Value, StudentId = StudentId, Value = value }).Entity,
        };
    }
}

/// <summary>Finds journal slots by what the API names (a work, a lesson, a period) or by a request's entry.</summary>
public static class JournalSlots
{
    public static Task<JournalSlot?> ForMarkAsync(CorrectionsDbContext db, Guid workId, Guid studentId, CancellationToken ct)
        => MarkSlotAsync(db, db.Works.Where(w => w.Id == workId), db.Lessons, studentId, ct);

    public static Task<JournalSlot?> ForAttendanceAsync(CorrectionsDbContext db, Guid lessonId, Guid studentId, CancellationToken ct)
        => AttendanceSlotAsync(db, db.Lessons.Where(l => l.Id == lessonId), studentId, ct);

    public static async Task<JournalSlot?> ForPeriodMarkAsync(CorrectionsDbContext db, Guid classId, Guid subjectId, Guid periodId, Guid studentId, CancellationToken ct)
    {
        // One round trip, like the other slots: a period and a class of the same school, the subject's teacher, the mark.
        var found = await (from p in db.StudyPeriods.Where(p => p.Id == periodId)
                           from c in db.Classes.Where(c => c.Id == classId && c.SchoolId == p.SchoolId)
                           from m in db.PeriodMarks.Where(m => m.ClassId == classId && m.SubjectId == subjectId && m.StudyPeriodId == p.Id && m.StudentId == studentId).DefaultIfEmpty()
                           select new
                           {
                               c.SchoolId, p.EndDate, m,
                               Teacher = db.TeachingAssignments.Where(a => a.ClassId == classId && a.SubjectId == subjectId).Select(a => (Guid?)a.TeacherId).FirstOrDefault(),
                           }).FirstOrDefaultAsync(ct);
        if (found is null) return null;
        return new JournalSlot
        {
            SchoolId = found.SchoolId, Kind = EntryKind.PeriodMark, ClassId = classId, SubjectId = subjectId, StudentId = studentId,
            Date = found.EndDate, StudyPeriodId = periodId, PeriodEnd = found.EndDate, TeacherId = found.Teacher, Row = found.m,
        };
    }

    /// <summary>The slot a request's entry names: the first work of that kind (or lesson) on that date, or the period mark.</summary>
    public static async Task<JournalSlot?> ForEntryAsync(CorrectionsDbContext db, CorrectionRequest request, CorrectionEntry entry, CancellationToken ct)
    {
        if (entry.Kind == EntryKind.PeriodMark)
        {
            var periodId = entry.StudyPeriodId ?? await db.StudyPeriods
                .Where(p => p.SchoolId == request.SchoolId && p.StartDate <= entry.Date && entry.Date <= p.EndDate).Select(p => (Guid?)p.Id).FirstOrDefaultAsync(ct);
            return periodId is null ? null : await ForPeriodMarkAsync(db, request.ClassId, request.SubjectId, periodId.Value, entry.StudentId, ct);
        }
        // The cell named when the request was filed; older requests name it by date and kind only.
        if (entry.WorkId is { } namedWork) return await ForMarkAsync(db, namedWork, entry.StudentId, ct);
        if (entry.LessonId is { } namedLesson) return await ForAttendanceAsync(db, namedLesson, entry.StudentId, ct);
        var lessons = db.Lessons.Where(l => l.ClassId == request.ClassId && l.SubjectId == request.SubjectId && l.Date == entry.Date);
        return entry.Kind == EntryKind.Attendance
            ? await AttendanceSlotAsync(db, lessons, entry.StudentId, ct)
            : await MarkSlotAsync(db, db.Works.Where(w => w.Kind == entry.Kind), lessons, entry.StudentId, ct);
    }

    // Each slot is read in one round trip: the cell, the row holding its value (unique per cell and
    // student) and the period of its date. They are LEFT JOINs, not subqueries selecting a row, which
    // SQLite could not run (no APPLY). Should periods overlap, the slot takes any one of them, as a
    // separate FirstOrDefault did.

    /// <summary>The first of <paramref name="works"/> on <paramref name="lessons"/> (by lesson, then work), as a mark slot.</summary>
    private static async Task<JournalSlot?> MarkSlotAsync(
        CorrectionsDbContext db, IQueryable<Work> works, IQueryable<Lesson> lessons, Guid studentId, CancellationToken ct)
    {
        var found = await (from w in works
                           join l in lessons on w.LessonId equals l.Id
                           from m in db.Marks.Where(m => m.WorkId == w.Id && m.StudentId == studentId).DefaultIfEmpty()
                           from p in db.StudyPeriods.Where(p => p.SchoolId == l.SchoolId && p.StartDate <= l.Date && l.Date <= p.EndDate).DefaultIfEmpty()
                           orderby l.Id, w.Id
                           select new { w, l, m, PeriodId = (Guid?)p.Id, PeriodEnd = (DateOnly?)p.EndDate }).FirstOrDefaultAsync(ct);
        if (found is null || found.w.Kind is EntryKind.Attendance or EntryKind.PeriodMark) return null;
        return new JournalSlot
        {
            SchoolId = found.l.SchoolId, Kind = found.w.Kind, ClassId = found.l.ClassId, SubjectId = found.l.SubjectId, StudentId = studentId,
            Date = found.l.Date, LessonId = found.l.Id, WorkId = found.w.Id, TeacherId = found.l.TeacherId, Row = found.m,
            StudyPeriodId = found.PeriodId, PeriodEnd = found.PeriodEnd,
        };
    }

    /// <summary>The first of <paramref name="lessons"/> (by id), as an attendance slot.</summary>
    private static async Task<JournalSlot?> AttendanceSlotAsync(CorrectionsDbContext db, IQueryable<Lesson> lessons, Guid studentId, CancellationToken ct)
    {
        var found = await (from l in lessons
                           from a in db.AttendanceMarks.Where(a => a.LessonId == l.Id && a.StudentId == studentId).DefaultIfEmpty()
                           from p in db.StudyPeriods.Where(p => p.SchoolId == l.SchoolId && p.StartDate <= l.Date && l.Date <= p.EndDate).DefaultIfEmpty()
                           orderby l.Id
                           select new { l, a, PeriodId = (Guid?)p.Id, PeriodEnd = (DateOnly?)p.EndDate }).FirstOrDefaultAsync(ct);
        if (found is null) return null;
        return new JournalSlot
        {
            SchoolId = found.l.SchoolId, Kind = EntryKind.Attendance, ClassId = found.l.ClassId, SubjectId = found.l.SubjectId, StudentId = studentId,
            Date = found.l.Date, LessonId = found.l.Id, TeacherId = found.l.TeacherId, Row = found.a,
            StudyPeriodId = found.PeriodId, PeriodEnd = found.PeriodEnd,
        };
    }
}
