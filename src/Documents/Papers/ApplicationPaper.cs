using System.Globalization;
using Corrections.Documents.Model;
using static Corrections.Documents.Papers.ChangeTablePaper;

namespace Corrections.Documents.Papers;

public sealed record ApplicationEntry(string Student, DateOnly Date, string Kind, string Was, string Becomes);

/// <summary>A decision on the request as it goes on the paper: the action («approve», «reject», …), the reason, who and when.</summary>
public sealed record ApplicationResolution(string Action, string? Reason, string Author, DateOnly On);

public sealed record ApplicationInput(
    string SchoolShortName, string DirectorName, string InitiatorFullName, string InitiatorInitials, DateOnly FiledOn,
    string ClassName, string Subject, IReadOnlyList<ApplicationEntry> Entries, string Ground, string Justification,
    IReadOnlyList<string> AttachmentTypes, int? AttachmentSheets, string? RegistrationNumber, DateOnly? RegisteredOn,
    ApplicationResolution? Resolution);

/// <summary>
/// The request as a paper (point 2.2): addressed to the director, the entries to change, the ground, the
/// attachments, the initiator's signature and date; the registration mark once registered, and the
/// resolution once decided.
/// </summary>
public static class ApplicationPaper
{
    private static string Date(DateOnly d) => d.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);
    private static string F(string key, params object?[] args) => string.Format(CultureInfo.InvariantCulture, T(key), args);

    public static DocumentModel Build(ApplicationInput input)
    {
        string[] keys = ["Number", "Student", "Date", "Kind", "Was", "Becomes"];
        double[] weights = [5, 38, 14, 23, 10, 10];
        var types = input.AttachmentTypes.Select(ScanTypeText).ToList();
        var blocks = new List<Block>
        {
            new Paragraph(F("Application.To", input.SchoolShortName), TextAlign.Right, SpaceAfter: 0),
            new Paragraph(input.DirectorName, TextAlign.Right, SpaceAfter: 0),
            new Paragraph(F("Application.From", input.InitiatorFullName), TextAlign.Right, SpaceAfter: 18),
            new Paragraph(T("Application.Title"), TextAlign.Center, Bold: true, Size: 14, SpaceAfter: 12),
            new Paragraph(F("Application.Text", input.ClassName, input.Subject), TextAlign.Justify, Size: 14),
            new Table([.. keys.Select((k, i) => new Column(T($"Application.Col.{k}"), weights[i]))],
                [.. input.Entries.Select((e, i) => (IReadOnlyList<string>)[(i + 1).ToString(CultureInfo.InvariantCulture), e.Student, Date(e.Date), e.Kind, Shown(e.Was), Shown(e.Becomes)])],
                Size: 12),
            new Paragraph(F("Application.Ground", input.Ground, input.Justification).Trim(), TextAlign.Justify, Size: 14, SpaceAfter: 8),
            new Paragraph(types.Count == 0 ? T("Application.NoAttachments")
                : input.AttachmentSheets is { } sheets ? F("Application.AttachmentsSheets", string.Join(", ", types), sheets) : F("Application.Attachments", string.Join(", ", types)),
                Size: 14, SpaceAfter: 12),
            new SignatureLine(Date(input.FiledOn), input.InitiatorInitials),
        };
        if (input.RegistrationNumber is not null && input.RegisteredOn is { } registered)
            blocks.Add(new Paragraph(F("Application.Registered", input.RegistrationNumber, Date(registered)), Size: 12, SpaceAfter: 12));
        if (input.Resolution is { } r)
        {
            blocks.Add(new Paragraph(F("Application.Resolution", F($"Decision.{r.Action}", r.Reason ?? "").Trim()), Bold: true, Size: 12, SpaceAfter: 2));
            blocks.Add(new Paragraph(F("Application.ResolutionBy", r.Author, Date(r.On)), Size: 12));
        }
        return new DocumentModel($"{T("Application.Title")} {input.RegistrationNumber}".Trim(), PageOrientation.Portrait, blocks);
    }

    /// <summary>A kind of journal entry in words («текущая отметка»).</summary>
    public static string EntryKindText(string kind) => T($"Entry.{kind}");

    /// <summary>A type of scanned document in words («медицинская справка»).</summary>
    public static string ScanTypeText(string type) => T($"Scan.{type}");

    private static string Shown(string value) => value.Length == 0 ? "—" : value;
}

public sealed record DecisionInput(string SchoolName, string RequestNumber, DateOnly RequestDate, string Initiator, string ClassName, string Subject, ApplicationResolution Resolution, bool ByDepartment);

/// <summary>The decision on a request as a paper of its own: the director's (or, on escalation, the department's), with its reasons and signature.</summary>
public static class DecisionPaper
{
    public static DocumentModel Build(DecisionInput d)
    {
        string F(string key, params object?[] args) => string.Format(CultureInfo.InvariantCulture, T(key), args);
        var date = d.Resolution.On.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);
        return new DocumentModel($"{T("Decision.Title")} {d.RequestNumber}", PageOrientation.Portrait,
        [
            new Paragraph(d.SchoolName, TextAlign.Center, SpaceAfter: 8),
            new Paragraph(T("Decision.Title"), TextAlign.Center, Bold: true, Size: 14, SpaceAfter: 12),
            new Paragraph(F("Decision.Request", d.RequestNumber, d.RequestDate.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture), d.Initiator, d.ClassName, d.Subject), TextAlign.Justify, Size: 14, SpaceAfter: 8),
            new Paragraph(F($"Decision.{d.Resolution.Action}", d.Resolution.Reason ?? "").Trim(), TextAlign.Justify, Bold: true, Size: 14, SpaceAfter: 12),
            new Paragraph(F("Decision.Date", date), Size: 14, SpaceAfter: 12),
            new SignatureLine(T(d.ByDepartment ? "Decision.By.Department" : "Decision.By.Director"), d.Resolution.Author),
        ]);
    }
}
