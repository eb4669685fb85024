using System.Globalization;
using Corrections.Documents.Model;
using static Corrections.Documents.Papers.ChangeTablePaper;

namespace Corrections.Documents.Papers;

public sealed record RegisterLine(string Number, DateOnly RegisteredOn, string Kind, string Author, string Summary, int Sheets, string CaseIndex, string? FilingMark);

public sealed record RegisterInput(string SchoolName, DateOnly From, DateOnly To, IReadOnlyList<RegisterLine> Lines, string? ClerkName);

public sealed record InventoryLine(int Ordinal, string Number, DateOnly Date, string Summary, int Sheets, DateOnly? FiledOn);

public sealed record InventoryInput(string SchoolName, string CaseIndex, string CaseTitle, int CaseYear, int? RetentionYears, IReadOnlyList<InventoryLine> Lines, string? ClerkName);

/// <summary>The register of documents (журнал регистрации) for a period, and the inventory of a case (внутренняя опись).</summary>
public static class RecordsPapers
{
    private static string Date(DateOnly d) => d.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);

    public static DocumentModel Register(RegisterInput input)
    {
        string[] keys = ["Number", "Date", "Kind", "Author", "Summary", "Sheets", "Case", "Filing"];
        double[] weights = [9, 10, 12, 13, 28, 7, 7, 14];
        var blocks = new List<Block>
        {
            new Paragraph(input.SchoolName, TextAlign.Center, SpaceAfter: 4),
            new Paragraph(T("Register.Title"), TextAlign.Center, Bold: true, Size: 14, SpaceAfter: 4),
            new Paragraph(string.Format(CultureInfo.InvariantCulture, T("Register.Period"), Date(input.From), Date(input.To)), TextAlign.Center, SpaceAfter: 8),
            new Table([.. keys.Select((k, i) => new Column(T($"Register.Col.{k}"), weights[i]))],
                [.. input.Lines.Select(l => (IReadOnlyList<string>)
                    [l.Number, Date(l.RegisteredOn), l.Kind, l.Author, l.Summary, l.Sheets.ToString(CultureInfo.InvariantCulture), l.CaseIndex, l.FilingMark ?? ""])]),
        };
        if (input.Lines.Count == 0) blocks.Add(new Paragraph(T("Register.Empty")));
        blocks.Add(new SignatureLine(T("Signature.Clerk"), input.ClerkName ?? ""));
        return new DocumentModel($"{T("Register.Title")} {Date(input.From)}–{Date(input.To)}", PageOrientation.Landscape, blocks);
    }

    public static DocumentModel Inventory(InventoryInput input)
    {
        string[] keys = ["Ordinal", "Number", "Date", "Summary", "Sheets", "Filed"];
        double[] weights = [6, 14, 11, 47, 8, 12];
        var retention = input.RetentionYears is { } years
            ? string.Format(CultureInfo.InvariantCulture, T("Inventory.Retention.Years"), years) : T("Inventory.Retention.Permanent");
        var blocks = new List<Block>
        {
            new Paragraph(input.SchoolName, TextAlign.Center, SpaceAfter: 4),
            new Paragraph(string.Format(CultureInfo.InvariantCulture, T("Inventory.Title"), input.CaseIndex), TextAlign.Center, Bold: true, Size: 14, SpaceAfter: 4),
            new Paragraph(string.Format(CultureInfo.InvariantCulture, T("Inventory.Case"), input.CaseTitle, input.CaseYear, retention), TextAlign.Center, SpaceAfter: 8),
            new Table([.. keys.Select((k, i) => new Column(T($"Inventory.Col.{k}"), weights[i]))],
                [.. input.Lines.Select(l => (IReadOnlyList<string>)
                    [l.Ordinal.ToString(CultureInfo.InvariantCulture), l.Number, Date(l.Date), l.Summary, l.Sheets.ToString(CultureInfo.InvariantCulture), l.FiledOn is { } f ? Date(f) : ""])]),
            new Paragraph(input.Lines.Count == 0 ? T("Inventory.Empty")
                : string.Format(CultureInfo.InvariantCulture, T("Inventory.Total"), input.Lines.Count, input.Lines.Sum(l => l.Sheets)), SpaceAfter: 8),
            new SignatureLine(T("Signature.Clerk"), input.ClerkName ?? ""),
        };
        return new DocumentModel(string.Format(CultureInfo.InvariantCulture, T("Inventory.Title"), input.CaseIndex), PageOrientation.Portrait, blocks);
    }
}
