using Corrections.Workflows.Locking;

namespace Corrections.Workflows.Corrections;

/// <summary>
/// The content of a correction request (point 2.2): what is to change, on which ground. Its process
/// state is the <see cref="Engine.WorkflowInstance"/> with the same id.
/// </summary>
public sealed class CorrectionRequest : Organisation.ISchoolOwned
{
    public Guid Id { get; set; }
    public Guid SchoolId { get; set; }
    public Guid InitiatorId { get; set; }
    public Guid ClassId { get; set; }
    public Guid SubjectId { get; set; }
    /// <summary>The teacher of record for the change table («Учитель-предметник»).</summary>
    public Guid SubjectTeacherId { get; set; }
    public Guid? GroundId { get; set; }
    public string? Justification { get; set; }
    /// <summary>The retake protocol (point 2.4), given with «upload-protocol».</summary>
    public string? ProtocolNumber { get; set; }
    public DateOnly? ProtocolDate { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public List<CorrectionEntry> Entries { get; set; } = [];
}

/// <summary>One journal entry to change: whose, which date and kind, from what to what.</summary>
public sealed class CorrectionEntry : Organisation.ISchoolOwned
{
    public Guid Id { get; set; }
    public Guid SchoolId { get; set; }
    public Guid RequestId { get; set; }
    public Guid StudentId { get; set; }
    /// <summary>The journal date (lesson or work date): «Дата, в которую вносится изменение».</summary>
    public DateOnly Date { get; set; }
    public EntryKind Kind { get; set; }
    /// <summary>For period and final marks: the study period whose end the lock counts from.</summary>
    public Guid? StudyPeriodId { get; set; }
    public required string CurrentValue { get; set; }
    public required string RequestedValue { get; set; }
    /// <summary>
    /// The built-in journal's cell the entry names, when the school keeps its journal here: the work
    /// (for a mark) or the lesson (for attendance). With two works of a kind on one date it says which.
    /// </summary>
    public Guid? WorkId { get; set; }
    public Guid? LessonId { get; set; }
}

/// <summary>
/// Which lock policy applies: set for a municipality, overridden for a school. Stored as a preset
/// (with the administrator's window for ЕИСУ МО); without a row, the Krasnodar letter's rules apply.
/// </summary>
public sealed class LockPolicySetting
{
    public Guid Id { get; set; }
    public Guid? MunicipalityId { get; set; }
    public Guid? SchoolId { get; set; }
    public LockPreset Preset { get; set; }
    public EisuEditWindow? EisuWindow { get; set; }
}

public enum LockPreset
{
    KrasnodarLetter2017 = 1,
    KrasnodarSchool53 = 2,
    EisuMoSchool14 = 3,
}
