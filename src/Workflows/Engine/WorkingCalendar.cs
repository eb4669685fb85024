using Corrections.Workflows.Organisation;

namespace Corrections.Workflows.Engine;

/// <summary>
/// A school's working days: a five- or six-day week, minus its public holidays, plus the weekend
/// days the government moved work onto («перенос рабочих дней»). Counted on the school's local
/// dates: a deadline of «three working days» is a legal date where the school is, not on the server.
/// </summary>
public sealed class WorkingCalendar(string timeZoneId, int weekDays, IReadOnlyDictionary<DateOnly, CalendarDayKind> exceptions)
{
    public const string WeekDaysSetting = "working-week-days";

    /// <summary>Monday to Friday, no holidays: what a school has before its administrator edits it.</summary>
    public static WorkingCalendar FiveDayWeek(string timeZoneId) => new(timeZoneId, 5, new Dictionary<DateOnly, CalendarDayKind>());

    public string TimeZoneId { get; } = timeZoneId;
    public int WeekDays { get; } = weekDays is 5 or 6 ? weekDays : throw new ArgumentOutOfRangeException(nameof(weekDays), weekDays, "A school week has five or six days.");

    public bool IsWorkingDay(DateOnly date)
        => exceptions.TryGetValue(date, out var kind)
            ? kind == CalendarDayKind.WorkingDay
            : date.DayOfWeek switch
            {
                DayOfWeek.Sunday => false,
                DayOfWeek.Saturday => WeekDays == 6,
                _ => true,
            };

    /// <summary>
    /// <paramref name="workingDays"/> working days after <paramref name="from"/> (before it, when
    /// negative), at the same local time of day, in the school's time zone.
    /// </summary>
    public DateTimeOffset AddWorkingDays(DateTimeOffset from, int workingDays)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(TimeZoneId);
        var local = TimeZoneInfo.ConvertTime(from, zone);
        var date = DateOnly.FromDateTime(local.DateTime);
        var step = workingDays < 0 ? -1 : 1;
        for (var counted = 0; counted < Math.Abs(workingDays);)
        {
            date = date.AddDays(step);
            if (IsWorkingDay(date)) counted++;
        }
        var wall = date.ToDateTime(TimeOnly.FromTimeSpan(local.TimeOfDay));
        // Instants are kept in UTC (PostgreSQL's timestamptz takes nothing else).
        return new DateTimeOffset(wall, zone.GetUtcOffset(wall)).ToUniversalTime();
    }

    /// <summary>Parses the «working-week-days» setting; anything but 6 is the five-day week.</summary>
    public static int WeekDaysFrom(IReadOnlyDictionary<string, string> settings)
        => settings.TryGetValue(WeekDaysSetting, out var value) && value == "6" ? 6 : 5;
}
