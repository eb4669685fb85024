using System.Globalization;

namespace Corrections.Web.Infrastructure.Ui;

/// <summary>Dates and instants as the pages show them, in the school's local time (<see cref="Workflows.Locking.SchoolClock"/>).</summary>
public static class LocalTime
{
    public static DateTimeOffset In(DateTimeOffset instant, string timeZoneId)
        => TimeZoneInfo.ConvertTime(instant, TimeZoneInfo.FindSystemTimeZoneById(timeZoneId));

    public static string Date(DateTimeOffset instant, string timeZoneId) => Date(Workflows.Locking.SchoolClock.DateAt(timeZoneId, instant));

    public static string DateTime(DateTimeOffset instant, string timeZoneId) => In(instant, timeZoneId).ToString("dd.MM.yyyy HH:mm", CultureInfo.InvariantCulture);

    public static string Date(DateOnly date) => date.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);

    /// <summary>For the countdown script: an instant it can parse.</summary>
    public static string Iso(DateTimeOffset instant) => instant.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
}
