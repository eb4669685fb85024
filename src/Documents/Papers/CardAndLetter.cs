using System.Globalization;
using Corrections.Documents.Model;
using static Corrections.Documents.Papers.ChangeTablePaper;

namespace Corrections.Documents.Papers;

public sealed record CardInput(
    string SchoolName, string Kind, string Number, DateOnly RegisteredOn, string Author, string Addressee, DateOnly ReceivedOn, string Summary,
    int Sheets, int AttachmentsCount, int AttachmentsSheets, string CaseIndex, IReadOnlyList<string> Linked, string? Resolution, bool OnControl,
    string? AccessRestriction, string? FilingMark);

public sealed record LetterInput(
    string SchoolFullName, string SchoolRequisites, string Number, DateOnly Date, string Department, string RequestNumber, DateOnly RequestDate,
    string ClassName, string Subject, string? Reason, int AttachmentsCount, int AttachmentsSheets, string DirectorName);

/// <summary>The registration-control card, and the school's letter to the education department on its letterhead.</summary>
public static class CardAndLetter
{
    private static string Date(DateOnly d) => d.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);
    private static string F(string key, params object?[] args) => string.Format(CultureInfo.InvariantCulture, T(key), args);

    public static DocumentModel Card(CardInput c)
    {
        (string Key, string Value)[] fields =
        [
            ("Card.Kind", c.Kind), ("Card.Number", F("Card.NumberValue", c.Number, Date(c.RegisteredOn))), ("Card.Author", c.Author), ("Card.Addressee", c.Addressee),
            ("Card.Received", Date(c.ReceivedOn)), ("Card.Summary", c.Summary),
            ("Card.Sheets", $"{c.Sheets}; {c.AttachmentsCount} ({c.AttachmentsSheets})"), ("Card.Case", c.CaseIndex),
            ("Card.Linked", string.Join("; ", c.Linked)), ("Card.Resolution", c.Resolution ?? ""),
            ("Card.Control", T(c.OnControl ? "Card.OnControl" : "Card.OffControl")), ("Card.Access", c.AccessRestriction ?? ""), ("Card.Filing", c.FilingMark ?? ""),
        ];
        return new DocumentModel($"{T("Card.Title")} {c.Number}", PageOrientation.Portrait,
        [
            new Paragraph(c.SchoolName, TextAlign.Center, SpaceAfter: 4),
            new Paragraph(T("Card.Title"), TextAlign.Center, Bold: true, Size: 14, SpaceAfter: 8),
            new Table([new Column(T("Card.Field"), 35), new Column(T("Card.Value"), 65)], [.. fields.Select(f => (IReadOnlyList<string>)[T(f.Key), f.Value])], Size: 12),
        ]);
    }

    /// <summary>The letterhead's line of requisites: address, phone, e-mail, ИНН, КПП, ОГРН (blank parts left out).</summary>
    public static string Requisites(string address, string? phone, string? email, string? inn, string? kpp, string? ogrn)
        => F("Letter.Requisites", address, phone ?? "—", email ?? "—", inn ?? "—", kpp ?? "—", ogrn ?? "—");

    public static DocumentModel Letter(LetterInput l) => new($"{F("Letter.Outgoing", l.Number, Date(l.Date))}", PageOrientation.Portrait,
    [
        new Paragraph(l.SchoolFullName, TextAlign.Left, Bold: true, SpaceAfter: 0),
        new Paragraph(l.SchoolRequisites, TextAlign.Left, Size: 12, SpaceAfter: 6),
        new Paragraph(F("Letter.Outgoing", l.Number, Date(l.Date)), SpaceAfter: 12),
        new Paragraph(l.Department, TextAlign.Right, SpaceAfter: 12),
        new Paragraph(T("Letter.Greeting"), Bold: true, SpaceAfter: 8),
        new Paragraph(F("Letter.Text", l.RequestNumber, Date(l.RequestDate), l.ClassName, l.Subject, l.Reason ?? "").Trim(), TextAlign.Justify, Size: 14, SpaceAfter: 8),
        new Paragraph(F("Letter.Attachments", l.AttachmentsCount, l.AttachmentsSheets), Size: 14, SpaceAfter: 18),
        new SignatureLine(T("Signature.Director"), l.DirectorName),
    ]);
}
