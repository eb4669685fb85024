using Corrections.Workflows.Engine;
using Corrections.Workflows.Organisation;

namespace Corrections.Workflows.Tests.Engine;

/// <summary>
/// Working days as a school counts them: on its local dates, over weekends, public holidays and the
/// weekend days the government moves work onto. November 2026: the 4th (Wednesday) is National Unity Day.
/// </summary>
public sealed class WorkingCalendarTests
{
    private const string Moscow = "Europe/Moscow", Kamchatka = "Asia/Kamchatka";

    private static DateTimeOffset Local(string zone, int month, int day, int hour)
    {
        var wall = new DateTime(2026, month, day, hour, 0, 0);
        return new DateTimeOffset(wall, TimeZoneInfo.FindSystemTimeZoneById(zone).GetUtcOffset(wall));
    }

    private static WorkingCalendar Calendar(string zone = Moscow, int week = 5, params (int Month, int Day, CalendarDayKind Kind)[] days)
        => new(zone, week, days.ToDictionary(d => new DateOnly(2026, d.Month, d.Day), d => d.Kind));

    [Fact]
    public void One_working_day_after_a_Friday_afternoon_is_the_Monday_afternoon()
        => Assert.Equal(Local(Moscow, 11, 16, 15), Calendar().AddWorkingDays(Local(Moscow, 11, 13, 15), 1));

    [Fact]
    public void A_public_holiday_is_skipped()
    {
        // Tuesday 3 November + 1 working day: Wednesday the 4th is a holiday, so Thursday the 5th.
        var calendar = Calendar(days: (11, 4, CalendarDayKind.Holiday));
        Assert.Equal(Local(Moscow, 11, 5, 10), calendar.AddWorkingDays(Local(Moscow, 11, 3, 10), 1));
        Assert.Equal(Local(Moscow, 11, 4, 10), Calendar().AddWorkingDays(Local(Moscow, 11, 3, 10), 1));
    }

    [Fact]
    public void A_transferred_working_Saturday_counts_and_the_weekday_it_replaced_does_not()
    {
        // Saturday 31 October is worked instead of Monday 2 November (as in a decree moving a day off).
        var calendar = Calendar(days: [(10, 31, CalendarDayKind.WorkingDay), (11, 2, CalendarDayKind.Holiday)]);
        var friday = Local(Moscow, 10, 30, 9);
        Assert.Equal(Local(Moscow, 10, 31, 9), calendar.AddWorkingDays(friday, 1));
        Assert.Equal(Local(Moscow, 11, 3, 9), calendar.AddWorkingDays(friday, 2));
        Assert.True(calendar.IsWorkingDay(new DateOnly(2026, 10, 31)));
        Assert.False(calendar.IsWorkingDay(new DateOnly(2026, 11, 2)));
    }

    [Fact]
    public void Three_working_days_across_a_weekend_a_holiday_and_a_transferred_day()
    {
        // Registered Friday 30 October: Saturday 31 worked (1), Sunday off, Monday 2 and Wednesday 4 holidays,
        // Tuesday 3 (2), Thursday 5 (3).
        var calendar = Calendar(days: [(10, 31, CalendarDayKind.WorkingDay), (11, 2, CalendarDayKind.Holiday), (11, 4, CalendarDayKind.Holiday)]);
        Assert.Equal(Local(Moscow, 11, 5, 10), calendar.AddWorkingDays(Local(Moscow, 10, 30, 10), 3));
    }

    [Fact]
    public void A_six_day_week_works_on_Saturday_but_never_on_Sunday()
    {
        var calendar = Calendar(week: 6);
        Assert.Equal(Local(Moscow, 11, 14, 12), calendar.AddWorkingDays(Local(Moscow, 11, 13, 12), 1));
        Assert.Equal(Local(Moscow, 11, 16, 12), calendar.AddWorkingDays(Local(Moscow, 11, 14, 12), 1));
    }

    [Fact]
    public void Counting_back_skips_the_same_days_as_counting_forward()
    {
        // One working day before Thursday 5 November, with the 4th a holiday: Tuesday the 3rd.
        var calendar = Calendar(days: (11, 4, CalendarDayKind.Holiday));
        Assert.Equal(Local(Moscow, 11, 3, 10), calendar.AddWorkingDays(Local(Moscow, 11, 5, 10), -1));
        // One working day before Monday: the Friday.
        Assert.Equal(Local(Moscow, 11, 13, 10), calendar.AddWorkingDays(Local(Moscow, 11, 16, 10), -1));
    }

    [Fact]
    public void Days_are_the_schools_local_dates_not_the_servers()
    {
        // Thursday 12 November, 20:00 UTC is already Friday 13th, 08:00 in Kamchatka (UTC+12): one working
        // day later is Monday 08:00 there, not Friday as a count on UTC dates would have it.
        var instant = new DateTimeOffset(2026, 11, 12, 20, 0, 0, TimeSpan.Zero);
        var due = Calendar(Kamchatka).AddWorkingDays(instant, 1);
        Assert.Equal(Local(Kamchatka, 11, 16, 8), due);
        Assert.Equal(new DateTimeOffset(2026, 11, 15, 20, 0, 0, TimeSpan.Zero), due);
    }

    [Fact]
    public void Zero_working_days_is_the_same_instant_and_a_week_of_seven_days_is_refused()
    {
        var at = Local(Moscow, 11, 14, 11);
        Assert.Equal(at, Calendar().AddWorkingDays(at, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new WorkingCalendar(Moscow, 7, new Dictionary<DateOnly, CalendarDayKind>()));
    }
}
