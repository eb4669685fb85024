using System.Globalization;

namespace Corrections.Web.Infrastructure.Ui;

/// <summary>Instants shown as the school's local date and time: legal dates are local (Kamchatka is UTC+12).</summary>
public static class LocalTime
{
    public static DateTimeOffset In(DateTimeOffset instant, string timeZoneId)
        => TimeZoneInfo.ConvertTime(instant, TimeZoneInfo.FindSystemTimeZoneById(timeZoneId));

    public static string Date(DateTimeOffset instant, string timeZoneId) => In(instant, timeZoneId).ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);

    public static string DateTime(DateTimeOffset instant, string timeZoneId) => In(instant, timeZoneId).ToString("dd.MM.yyyy HH:mm", CultureInfo.InvariantCulture);

    public static string Date(DateOnly date) => date.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);

    /// <summary>For the countdown script: an instant it can parse.</summary>
    public static string Iso(DateTimeOffset instant) => instant.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
}
