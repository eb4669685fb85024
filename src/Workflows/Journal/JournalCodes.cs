using System.Text.RegularExpressions;
using Corrections.Workflows.Locking;

namespace Corrections.Workflows.Journal;

/// <summary>What may be written in the journal: marks 1–5 and the school's codes; attendance codes. Empty clears.</summary>
public static partial class JournalCodes
{
    /// <summary>The value normalised (trimmed, lower case), or null when it is not one the journal takes.</summary>
    public static string? Normalise(string? value, EntryKind kind)
    {
        var text = (value ?? "").Trim().ToLowerInvariant();
        if (text.Length == 0) return "";
        return (kind == EntryKind.Attendance ? AttendancePattern() : MarkPattern()).IsMatch(text) ? text : null;
    }

    [GeneratedRegex("^([1-5]|н/оц|осв|зач|незач|нз)$")]
    private static partial Regex MarkPattern();

    [GeneratedRegex("^(н|б|у|оп)$")]
    private static partial Regex AttendancePattern();
}
