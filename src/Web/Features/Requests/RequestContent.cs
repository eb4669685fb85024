using System.Text.RegularExpressions;
using Corrections.Web.Infrastructure;
using Corrections.Workflows.Accounts;
using Corrections.Workflows.Corrections;
using Corrections.Workflows.Locking;
using Corrections.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Corrections.Web.Features.Requests;

/// <param name="WorkId">The built-in journal's work (a mark) or <paramref name="LessonId"/> (attendance): needed only when a date has several.</param>
public sealed record EntryRequest(Guid? StudentId, DateOnly? Date, EntryKind? Kind, Guid? StudyPeriodId, string? CurrentValue, string? RequestedValue,
    Guid? WorkId = null, Guid? LessonId = null);

/// <summary>The editable content of a request, as created and as edited while a draft.</summary>
public sealed record RequestContentRequest(Guid? ClassId, Guid? SubjectId, Guid? SubjectTeacherId, Guid? GroundId, string? Justification, IReadOnlyList<EntryRequest>? Entries);

/// <summary>
/// Checks request content against the school's data (class, subject, teacher of record, ground,
/// students of the class, journal values) and writes it onto the request. A draft may be incomplete
/// (no ground yet); what is given must be right. Whether the entries are locked is checked at submit.
/// </summary>
internal static partial class RequestContent
{
    public const int MaxEntries = 50;

    public static async Task<bool> ApplyAsync(Validation v, CorrectionsDbContext db, Guid schoolId, RequestContentRequest body, CorrectionRequest request, CancellationToken ct)
    {
        var classId = v.RequiredValue("classId", body.ClassId);
        var subjectId = v.RequiredValue("subjectId", body.SubjectId);
        var justification = v.Optional("justification", body.Justification, 4000);
        if (body.ClassId is not null && !await db.Classes.AnyAsync(c => c.Id == classId && c.SchoolId == schoolId, ct)) v.Add("classId", "NotFound.Class");
        if (body.SubjectId is not null && !await db.Subjects.AnyAsync(s => s.Id == subjectId && s.SchoolId == schoolId, ct)) v.Add("subjectId", "NotFound.Subject");
        if (body.GroundId is { } groundId && !await db.Grounds.AnyAsync(g => g.Id == groundId && g.SchoolId == schoolId && g.IsActive, ct)) v.Add("groundId", "NotFound.Ground");

        // The teacher of record: the one named, who must teach the subject in the class, or the only one who does.
        var teachers = await db.TeachingAssignments.Where(a => a.SchoolId == schoolId && a.ClassId == classId && a.SubjectId == subjectId).Select(a => a.TeacherId).ToListAsync(ct);
        var teacherId = body.SubjectTeacherId ?? (teachers.Count == 1 ? teachers[0] : Guid.Empty);
        if (v.IsValid && body.SubjectTeacherId is null && teachers.Count != 1) v.Add("subjectTeacherId", teachers.Count == 0 ? "Validation.NoTeacherOfSubject" : "Validation.ChooseTeacher");
        else if (v.IsValid && !teachers.Contains(teacherId)) v.Add("subjectTeacherId", "Validation.NotTeacherOfSubject");

        var entries = body.Entries ?? [];
        if (entries.Count == 0) v.Add("entries", "Validation.NoEntries");
        if (entries.Count > MaxEntries) v.Add("entries", "Validation.TooManyEntries", MaxEntries);
        var studentIds = entries.Where(e => e.StudentId is not null).Select(e => e.StudentId!.Value).Distinct().ToList();
        var classStudents = await db.Students.Where(s => s.ClassId == classId && studentIds.Contains(s.Id)).Select(s => s.Id).ToListAsync(ct);
        var periodIds = entries.Where(e => e.StudyPeriodId is not null).Select(e => e.StudyPeriodId!.Value).Distinct().ToList();
        var periods = await db.StudyPeriods.Where(p => p.SchoolId == schoolId && periodIds.Contains(p.Id)).Select(p => p.Id).ToListAsync(ct);
        var built = new List<CorrectionEntry>();
        var builtIn = await Workflows.Journal.JournalModes.ForSchoolAsync(db, schoolId, ct) == Workflows.Journal.JournalModes.BuiltIn;
        for (var i = 0; i < Math.Min(entries.Count, MaxEntries); i++)
        {
            var e = entries[i];
            var field = $"entries[{i}]";
            var studentId = v.RequiredValue($"{field}.studentId", e.StudentId);
            var date = v.RequiredValue($"{field}.date", e.Date);
            var kind = v.RequiredValue($"{field}.kind", e.Kind);
            if (e.StudentId is not null && !classStudents.Contains(studentId)) v.Add($"{field}.studentId", "Validation.StudentNotInClass");
            if (e.Kind == EntryKind.PeriodMark && e.StudyPeriodId is null) v.Add($"{field}.studyPeriodId", "Validation.PeriodRequired");
            if (e.StudyPeriodId is { } p && !periods.Contains(p)) v.Add($"{field}.studyPeriodId", "NotFound.StudyPeriod");
            var current = JournalValue(v, $"{field}.currentValue", e.CurrentValue, kind, allowEmpty: true);
            var requested = JournalValue(v, $"{field}.requestedValue", e.RequestedValue, kind, allowEmpty: true);
            if (current == requested && e.CurrentValue is not null) v.Add($"{field}.requestedValue", "Validation.NothingChanges");
            // One cell of the journal once: two entries for it would give two rows for one change, or one that can never be applied.
            if (built.Any(b => b.StudentId == studentId && b.Kind == kind && (kind == EntryKind.PeriodMark ? b.StudyPeriodId == e.StudyPeriodId : b.Date == date)))
                v.Add($"{field}.date", "Validation.DuplicateEntry");
            var (workId, lessonId) = builtIn && v.IsValid && kind != EntryKind.PeriodMark
                ? await JournalCellAsync(v, db, field, classId, subjectId, date, kind, e.WorkId, e.LessonId, ct) : (null, null);
            built.Add(new CorrectionEntry
            {
                Id = Guid.CreateVersion7(), SchoolId = schoolId, RequestId = request.Id, StudentId = studentId, Date = date, Kind = kind,
                StudyPeriodId = e.StudyPeriodId, CurrentValue = current, RequestedValue = requested, WorkId = workId, LessonId = lessonId,
            });
        }
        if (!v.IsValid) return false;

        request.ClassId = classId;
        request.SubjectId = subjectId;
        request.SubjectTeacherId = teacherId;
        request.GroundId = body.GroundId;
        request.Justification = justification;
        db.CorrectionEntries.RemoveRange(request.Entries);
        request.Entries.Clear();
        request.Entries.AddRange(built);
        return true;
    }

    /// <summary>
    /// A mark 1–5 or one of the school's codes («н/оц», «осв», «зач», «нз»); attendance «н», «б», «у», «оп».
    /// An empty value means «no entry» (a mark that is missing, or a presence).
    /// </summary>
    /// <summary>
    /// In the built-in journal, the work or lesson the entry names: the one given (it must be of that
    /// class, subject, date and kind), or the only one there is. None yet is allowed (the lesson may be
    /// entered later); several without a choice is an error that lists nothing but asks to choose.
    /// </summary>
    private static async Task<(Guid? WorkId, Guid? LessonId)> JournalCellAsync(
        Validation v, CorrectionsDbContext db, string field, Guid classId, Guid subjectId, DateOnly date, EntryKind kind, Guid? workId, Guid? lessonId, CancellationToken ct)
    {
        var lessons = db.Lessons.Where(l => l.ClassId == classId && l.SubjectId == subjectId && l.Date == date);
        var candidates = kind == EntryKind.Attendance
            ? await lessons.Select(l => l.Id).ToListAsync(ct)
            : await (from w in db.Works join l in lessons on w.LessonId equals l.Id where w.Kind == kind select w.Id).ToListAsync(ct);
        var chosen = kind == EntryKind.Attendance ? lessonId : workId;
        if (chosen is { } id)
        {
            if (!candidates.Contains(id)) { v.Add($"{field}.{(kind == EntryKind.Attendance ? "lessonId" : "workId")}", "Validation.NotThatCell"); return (null, null); }
            return kind == EntryKind.Attendance ? (null, id) : (id, null);
        }
        if (candidates.Count > 1) { v.Add($"{field}.{(kind == EntryKind.Attendance ? "lessonId" : "workId")}", "Validation.ChooseCell"); return (null, null); }
        return candidates.Count == 0 ? (null, null) : kind == EntryKind.Attendance ? (null, candidates[0]) : (candidates[0], null);
    }

    private static string JournalValue(Validation v, string field, string? value, EntryKind kind, bool allowEmpty)
    {
        var text = (value ?? "").Trim().ToLowerInvariant();
        if (text.Length == 0) return allowEmpty ? "" : text;
        var ok = kind == EntryKind.Attendance ? AttendancePattern().IsMatch(text) : MarkPattern().IsMatch(text);
        if (!ok) v.Add(field, kind == EntryKind.Attendance ? "Validation.AttendanceValue" : "Validation.MarkValue");
        return text;
    }

    [GeneratedRegex("^([1-5]|н/оц|осв|зач|незач|нз)$")]
    private static partial Regex MarkPattern();

    [GeneratedRegex("^(н|б|у|оп)$")]
    private static partial Regex AttendancePattern();

    /// <summary>Initiators under point 2.2: the subject teacher, the zavuch (responsible for the journal).</summary>
    public static readonly Role[] InitiatorRoles = [Role.Teacher, Role.Zavuch];
}
