namespace Corrections.Workflows.Engine;

/// <summary>Adds durations in a school's own calendar; due dates of tasks and timers come from here.</summary>
public interface IWorkingCalendar
{
    /// <summary>
    /// <paramref name="workingDays"/> working days after <paramref name="from"/>, at the same local time
    /// of day, in the school's time zone.
    /// </summary>
    DateTimeOffset AddWorkingDays(Guid schoolId, string timeZoneId, DateTimeOffset from, int workingDays);
}

/// <summary>
/// The five-day week (Monday to Friday), counted on the school's local dates. Public holidays,
/// transferred days and six-day weeks come with the per-school calendar of the notifications issue.
/// </summary>
public sealed class FiveDayWeekCalendar : IWorkingCalendar
{
    public DateTimeOffset AddWorkingDays(Guid schoolId, string timeZoneId, DateTimeOffset from, int workingDays)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(timeZoneId);
        var local = TimeZoneInfo.ConvertTime(from, zone);
        var date = local.Date;
        for (var added = 0; added < workingDays;)
        {
            date = date.AddDays(1);
            if (date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)) added++;
        }
        var wall = date + local.TimeOfDay;
        // Instants are kept in UTC (PostgreSQL's timestamptz takes nothing else).
        return new DateTimeOffset(wall, zone.GetUtcOffset(wall)).ToUniversalTime();
    }
}
