namespace Corrections.Workflows.Locking;

/// <summary>
/// The school's local date. Lock periods are legal dates where the school is: at 13:00 UTC it is
/// already tomorrow in Kamchatka (UTC+12) and still today in Moscow (UTC+3). The server's own zone
/// and DateTime.Now play no part.
/// </summary>
public static class SchoolClock
{
    /// <exception cref="ArgumentException">The id is blank or not a time zone this system knows.</exception>
    public static DateOnly Today(string ianaTimeZoneId, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        var zone = FindZone(ianaTimeZoneId);
        var local = TimeZoneInfo.ConvertTime(time.GetUtcNow(), zone);
        return DateOnly.FromDateTime(local.DateTime);
    }

    /// <summary>The school's local date at an instant (a step's time, a timer's due time).</summary>
    public static DateOnly DateAt(string ianaTimeZoneId, DateTimeOffset instant)
        => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, FindZone(ianaTimeZoneId)).DateTime);

    private static TimeZoneInfo FindZone(string ianaTimeZoneId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(ianaTimeZoneId);
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(ianaTimeZoneId);
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            throw new ArgumentException($"'{ianaTimeZoneId}' is not a known IANA time zone id.", nameof(ianaTimeZoneId), e);
        }
    }
}
