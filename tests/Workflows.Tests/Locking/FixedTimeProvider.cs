using System.Globalization;

namespace Corrections.Workflows.Tests.Locking;

/// <summary>
/// A clock stopped at one UTC instant (Microsoft.Extensions.Time.Testing is not available here).
/// Its local zone throws, so code that reaches for the server's zone instead of the school's fails.
/// </summary>
internal sealed class FixedTimeProvider(DateTimeOffset utcNow) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => utcNow;

    public override TimeZoneInfo LocalTimeZone
        => throw new InvalidOperationException("Lock dates are the school's local dates, never the server's.");

    /// <param name="utc">An ISO instant in UTC, e.g. «2025-11-12T11:59:59Z».</param>
    public static FixedTimeProvider AtUtc(string utc)
        => new(DateTimeOffset.Parse(utc, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal));

    /// <summary>Midday in Moscow (09:00 UTC) on a date written the Russian way, «12.11.2025».</summary>
    public static FixedTimeProvider MoscowNoonOn(string date) => MoscowNoonOn(Dates.Parse(date));

    public static FixedTimeProvider MoscowNoonOn(DateOnly date) => new(new DateTimeOffset(date.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero));
}
