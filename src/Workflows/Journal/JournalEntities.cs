using Corrections.Workflows.Locking;

namespace Corrections.Workflows.Journal;

/// <summary>A lesson of the built-in journal: date, class, subject, teacher, topic and homework.</summary>
public sealed class Lesson : Organisation.ISchoolOwned
{
    public Guid Id { get; set; }
    public Guid SchoolId { get; set; }
    public Guid ClassId { get; set; }
    public Guid SubjectId { get; set; }
    public Guid TeacherId { get; set; }
    public DateOnly Date { get; set; }
    public string? Topic { get; set; }
    public string? Homework { get; set; }
}

/// <summary>A work marked on a lesson: current, control, practical or written (its kind decides its lock rule).</summary>
public sealed class Work : Organisation.ISchoolOwned
{
    public Guid Id { get; set; }
    public Guid SchoolId { get; set; }
    public Guid LessonId { get; set; }
    public EntryKind Kind { get; set; }
    public required string Title { get; set; }
}

/// <summary>A student's mark for a work: 1–5 or one of the school's codes («н/оц», «осв», «зач», …).</summary>
public sealed class Mark : Organisation.ISchoolOwned
{
    public Guid Id { get; set; }
    public Guid SchoolId { get; set; }
    public Guid WorkId { get; set; }
    public Guid StudentId { get; set; }
    public required string Value { get; set; }
}

/// <summary>A student's attendance on a lesson: «н» absent, «б» illness, «у» valid reason, «оп» late.</summary>
public sealed class AttendanceMark : Organisation.ISchoolOwned
{
    public Guid Id { get; set; }
    public Guid SchoolId { get; set; }
    public Guid LessonId { get; set; }
    public Guid StudentId { get; set; }
    public required string Code { get; set; }
}

/// <summary>A period or final mark of a student in a subject for a study period.</summary>
public sealed class PeriodMark : Organisation.ISchoolOwned
{
    public Guid Id { get; set; }
    public Guid SchoolId { get; set; }
    public Guid ClassId { get; set; }
    public Guid SubjectId { get; set; }
    public Guid StudyPeriodId { get; set; }
    public Guid StudentId { get; set; }
    public required string Value { get; set; }
}

/// <summary>How a change reached the journal.</summary>
public enum JournalChangeVia
{
    /// <summary>The teacher, while the lock policy allowed it.</summary>
    Direct = 1,
    /// <summary>Under a time-boxed unlock of a correction request.</summary>
    Unlock = 2,
    /// <summary>The «apply» step of a request, through the school's journal adapter.</summary>
    Apply = 3,
}

/// <summary>
/// One change of the journal, kept for good: who, when, where (class, subject, lesson date, period),
/// old → new. It is the access report («Отчёт о доступе к классному журналу») and the journal's history.
/// </summary>
public sealed class JournalChange : Organisation.ISchoolOwned
{
    public Guid Id { get; set; }
    public Guid SchoolId { get; set; }
    public DateTimeOffset At { get; set; }
    public Guid? ActorId { get; set; }
    public JournalChangeVia Via { get; set; }
    public Guid ClassId { get; set; }
    public Guid SubjectId { get; set; }
    public Guid StudentId { get; set; }
    public EntryKind Kind { get; set; }
    /// <summary>The lesson (work) date, or for a period mark the period's last day.</summary>
    public DateOnly EntryDate { get; set; }
    public Guid? StudyPeriodId { get; set; }
    public required string OldValue { get; set; }
    public required string NewValue { get; set; }
    public Guid? RequestId { get; set; }
}

/// <summary>
/// The time-boxed unlock of point 2.4–2.5: the zavuch of the school may change exactly the entries of
/// one request until <see cref="ExpiresAt"/>, unless revoked earlier (after «apply»).
/// </summary>
public sealed class JournalUnlock : Organisation.ISchoolOwned
{
    public Guid Id { get; set; }
    public Guid SchoolId { get; set; }
    public Guid RequestId { get; set; }
    public DateTimeOffset GrantedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
    /// <summary>«applied» or «expired».</summary>
    public string? RevokedBecause { get; set; }

    public bool IsActive(DateTimeOffset now) => RevokedAt is null && now < ExpiresAt;
}

/// <summary>
/// A row of the table of changes in the electronic journal (point 2.6), with exactly the columns of
/// the regulation. Immutable: a correction of a row is a new row that names the one it corrects.
/// Numbered within class and study period, as the table is printed with that period's summary sheet.
/// </summary>
public sealed class ChangeTableRow : Organisation.ISchoolOwned
{
    public Guid Id { get; set; }
    public Guid SchoolId { get; set; }
    public Guid ClassId { get; set; }
    public Guid StudyPeriodId { get; set; }
    /// <summary>«№».</summary>
    public int Number { get; set; }
    /// <summary>«ФИО ученика, класс».</summary>
    public required string Student { get; set; }
    /// <summary>«Предмет».</summary>
    public required string Subject { get; set; }
    /// <summary>«Какого характера изменения».</summary>
    public required string Description { get; set; }
    /// <summary>«Дата внесения изменения»: the school's local date of the change.</summary>
    public DateOnly ChangedOn { get; set; }
    /// <summary>«Дата, в которую вносится изменение»: the journal date changed.</summary>
    public DateOnly JournalDate { get; set; }
    /// <summary>«Инициатор изменений».</summary>
    public required string Initiator { get; set; }
    /// <summary>«Учитель-предметник».</summary>
    public required string SubjectTeacher { get; set; }
    public Guid? RequestId { get; set; }
    /// <summary>The request's entry this row records: one row per entry, however often «apply» is sent.</summary>
    public Guid? CorrectionEntryId { get; set; }
    public Guid? CorrectsRowId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>The last «№» given in the change table of a class and study period.</summary>
public sealed class ChangeTableCounter : Organisation.ISchoolOwned
{
    public Guid SchoolId { get; set; }
    public Guid ClassId { get; set; }
    public Guid StudyPeriodId { get; set; }
    public int Last { get; set; }
}

/// <summary>
/// What a local student, lesson or work is called in an external journal (Дневник.ру person, lesson
/// and work ids), so an adapter can address the entry a request names.
/// </summary>
public sealed class ExternalJournalLink : Organisation.ISchoolOwned
{
    public Guid SchoolId { get; set; }
    /// <summary>«student», «lesson» or «work».</summary>
    public required string LocalType { get; set; }
    public Guid LocalId { get; set; }
    public required string ExternalId { get; set; }
}

/// <summary>
/// A failed «apply» through an external journal, kept outside the rolled-back step so the request
/// shows why it is still «unlocked» and the zavuch can retry.
/// </summary>
public sealed class JournalApplyFailure : Organisation.ISchoolOwned
{
    public Guid Id { get; set; }
    public Guid SchoolId { get; set; }
    public Guid RequestId { get; set; }
    public DateTimeOffset At { get; set; }
    /// <summary>Resource key of the Russian message, and its arguments as a JSON array of strings.</summary>
    public required string MessageKey { get; set; }
    public required string Arguments { get; set; }
}
