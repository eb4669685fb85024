namespace Corrections.Workflows.Organisation;

public enum CalendarDayKind
{
    /// <summary>A public holiday, or a weekday off because a holiday was moved onto it.</summary>
    Holiday = 1,
    /// <summary>A weekend day on which the school works (a day transferred by the government's decree).</summary>
    WorkingDay = 2,
}

/// <summary>
/// One exception to a school's working week (holiday or transferred working day). The week itself
/// (five or six days) is the school setting «working-week-days».
/// </summary>
public sealed class CalendarDay : ISchoolOwned
{
    public Guid SchoolId { get; set; }
    public DateOnly Date { get; set; }
    public CalendarDayKind Kind { get; set; }
    public string? Note { get; set; }
}
