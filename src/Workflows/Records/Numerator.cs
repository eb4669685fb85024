using System.Text.RegularExpressions;

namespace Corrections.Workflows.Records;

public enum DocumentKind
{
    /// <summary>A correction request, incoming to the director.</summary>
    IncomingRequest = 1,
    /// <summary>The school's letter to the education department.</summary>
    OutgoingLetter = 2,
    /// <summary>The department's decision, registered at the school.</summary>
    IncomingDecision = 3,
    /// <summary>The act of destruction of papers past their retention (акт о выделении к уничтожению).</summary>
    DestructionAct = 4,
}

/// <summary>
/// How a school numbers one kind of document: a format of parts ({seq}, {case}, {year} and fixed
/// text) and the case its documents go to. «{case}/{seq}» gives «01-12/45».
/// </summary>
public sealed partial class Numerator : Organisation.ISchoolOwned
{
    public Guid SchoolId { get; set; }
    public DocumentKind Kind { get; set; }
    public required string Format { get; set; }
    public required string CaseIndex { get; set; }

    public string Render(int sequence, int year) => Format
        .Replace("{seq}", sequence.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{case}", CaseIndex, StringComparison.Ordinal)
        .Replace("{year}", year.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);

    /// <summary>Null when the format is usable: it has {seq} once and no other braces than the known parts.</summary>
    public static string? FormatProblem(string format)
    {
        if (PlaceholderPattern().Matches(format).Count(m => m.Value == "{seq}") != 1) return "Numerator.NeedsSeq";
        var rest = PlaceholderPattern().Replace(format, "");
        return rest.Contains('{', StringComparison.Ordinal) || rest.Contains('}', StringComparison.Ordinal) ? "Numerator.UnknownPart" : null;
    }

    public static IEnumerable<Numerator> Defaults(Guid schoolId) =>
    [
        new() { SchoolId = schoolId, Kind = DocumentKind.IncomingRequest, Format = "{case}/{seq}", CaseIndex = DefaultCases.Requests },
        new() { SchoolId = schoolId, Kind = DocumentKind.OutgoingLetter, Format = "{case}/{seq}", CaseIndex = DefaultCases.Correspondence },
        new() { SchoolId = schoolId, Kind = DocumentKind.IncomingDecision, Format = "{case}/{seq}-вх", CaseIndex = DefaultCases.Correspondence },
        new() { SchoolId = schoolId, Kind = DocumentKind.DestructionAct, Format = "{seq}", CaseIndex = DefaultCases.DestructionActs },
    ];

    [GeneratedRegex(@"\{(seq|case|year)\}")]
    private static partial Regex PlaceholderPattern();
}

/// <summary>The last number given per school, kind and calendar year (in the school's time zone).</summary>
public sealed class NumberSequence : Organisation.ISchoolOwned
{
    public Guid SchoolId { get; set; }
    public DocumentKind Kind { get; set; }
    public int Year { get; set; }
    public int Last { get; set; }
}
