using System.Globalization;

namespace Corrections.Workflows.Tests.Locking;

/// <summary>Dates in tests are written as in the documents: dd.MM.yyyy.</summary>
internal static class Dates
{
    public static DateOnly Parse(string date) => DateOnly.ParseExact(date, "dd.MM.yyyy", CultureInfo.InvariantCulture);
}
