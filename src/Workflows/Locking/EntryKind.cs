namespace Corrections.Workflows.Locking;

/// <summary>
/// The kinds of journal entry point 1 of the regulation locks separately. Values are stored,
/// so they are explicit and never renumbered.
/// </summary>
public enum EntryKind
{
    /// <summary>A current mark for work on a lesson (текущая отметка).</summary>
    CurrentMark = 1,

    /// <summary>An attendance mark (отметка о посещаемости).</summary>
    Attendance = 2,

    /// <summary>A mark for a control work of internal quality monitoring (внутришкольный контроль, ВСОКО).</summary>
    ControlWork = 3,

    /// <summary>A mark for a practical work; school № 53 locks these on their own timetable.</summary>
    PracticalWork = 4,

    /// <summary>A mark for a written work: essays in Russian and literature, grades 10–11.</summary>
    WrittenWork = 5,

    /// <summary>A period or final mark (промежуточная и итоговая аттестация); counted from the period's end.</summary>
    PeriodMark = 6,
}
