using Corrections.Workflows.Locking;

namespace Corrections.Workflows.Tests.Locking;

public sealed class SchoolClockTests
{
    [Theory]
    [InlineData("2025-11-12T11:59:59Z", "Asia/Kamchatka", "12.11.2025")]
    [InlineData("2025-11-12T12:00:00Z", "Asia/Kamchatka", "13.11.2025")]
    [InlineData("2025-11-12T12:00:00Z", "Europe/Moscow", "12.11.2025")]
    [InlineData("2025-11-12T20:59:59Z", "Europe/Moscow", "12.11.2025")]
    [InlineData("2025-11-12T21:00:00Z", "Europe/Moscow", "13.11.2025")]
    public void Today_is_the_date_at_the_school_not_at_the_server(string utc, string zone, string today)
    {
        Assert.Equal(Dates.Parse(today), SchoolClock.Today(zone, FixedTimeProvider.AtUtc(utc)));
    }

    [Theory]
    [InlineData("Mars/Olympus_Mons")]
    [InlineData("")]
    public void An_unknown_time_zone_is_an_argument_error_naming_the_parameter(string zone)
    {
        var error = Assert.ThrowsAny<ArgumentException>(() => SchoolClock.Today(zone, FixedTimeProvider.AtUtc("2025-11-12T12:00:00Z")));

        Assert.Equal("ianaTimeZoneId", error.ParamName);
    }
}
