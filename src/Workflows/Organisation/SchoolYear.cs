namespace Corrections.Workflows.Organisation;

public enum PeriodKind
{
    Quarters = 4,
    Trimesters = 3,
    Halves = 2,
}

/// <summary>A school year («2026/2027») divided into study periods.</summary>
public sealed class SchoolYear : ISchoolOwned
{
    public Guid Id { get; set; }
    public Guid SchoolId { get; set; }
    public required string Name { get; set; }
    public DateOnly StartDate { get; set; }
    public DateOnly EndDate { get; set; }
    public PeriodKind PeriodKind { get; set; }
    public List<StudyPeriod> Periods { get; set; } = [];
}

/// <summary>A quarter, trimester or half; the summary sheet and the change table are per class and period.</summary>
public sealed class StudyPeriod : ISchoolOwned
{
    public Guid Id { get; set; }
    public Guid SchoolId { get; set; }
    public Guid SchoolYearId { get; set; }
    public int Number { get; set; }
    public required string Name { get; set; }
    public DateOnly StartDate { get; set; }
    public DateOnly EndDate { get; set; }
}
