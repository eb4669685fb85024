using System.Globalization;
using System.Resources;
using Corrections.Documents.Model;

namespace Corrections.Documents.Papers;

/// <summary>One row of the table of changes, in the regulation's columns.</summary>
public sealed record ChangeTableLine(int Number, string Student, string Subject, string Nature, DateOnly ChangedOn, DateOnly JournalDate, string Initiator, string SubjectTeacher);

/// <param name="ClassName">Null for the school-wide table.</param>
public sealed record ChangeTableInput(
    string SchoolName, string? ClassName, string PeriodName, string SchoolYear, IReadOnlyList<ChangeTableLine> Lines, string? ZavuchName, string? DirectorName);

/// <summary>
/// The table of changes in the electronic journal (point 2.6) as printed and stitched into the summary
/// sheet: A4 landscape, the eight columns of the regulation in order, header repeated on every page,
/// «Лист N из M», the statement that it is part of the summary sheet, signature lines.
/// </summary>
public static class ChangeTablePaper
{
    private static readonly ResourceManager Text = new("Corrections.Documents.Resources.DocumentText", typeof(ChangeTablePaper).Assembly);

    public static string T(string key) => Text.GetString(key, CultureInfo.GetCultureInfo("ru-RU")) ?? throw new InvalidOperationException($"No document text «{key}».");

    public static readonly string[] ColumnKeys =
        ["Number", "Student", "Subject", "Nature", "ChangedOn", "JournalDate", "Initiator", "Teacher"];

    private static readonly double[] Weights = [4, 17, 11, 27, 10, 10, 11, 11];

    public static DocumentModel Build(ChangeTableInput input)
    {
        var blocks = new List<Block>
        {
            new Paragraph(input.SchoolName, TextAlign.Center, Size: 12, SpaceAfter: 4),
            new Paragraph(T("ChangeTable.Title"), TextAlign.Center, Bold: true, Size: 14, SpaceAfter: 4),
            new Paragraph(input.ClassName is null
                ? string.Format(CultureInfo.InvariantCulture, T("ChangeTable.SchoolWide"), input.PeriodName, input.SchoolYear)
                : string.Format(CultureInfo.InvariantCulture, T("ChangeTable.ClassAndPeriod"), input.ClassName, input.PeriodName, input.SchoolYear), TextAlign.Center, SpaceAfter: 4),
            new Paragraph(T("ChangeTable.IntegralPart"), TextAlign.Center, Size: 12, SpaceAfter: 8),
            new Table(
                [.. ColumnKeys.Select((k, i) => new Column(T($"ChangeTable.Col.{k}"), Weights[i]))],
                [.. input.Lines.Select(l => (IReadOnlyList<string>)
                [
                    l.Number.ToString(CultureInfo.InvariantCulture), l.Student, l.Subject, l.Nature,
                    l.ChangedOn.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture), l.JournalDate.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture), l.Initiator, l.SubjectTeacher,
                ])],
                Size: 10),
        };
        if (input.Lines.Count == 0) blocks.Add(new Paragraph(T("ChangeTable.Empty"), SpaceAfter: 8));
        blocks.Add(new SignatureLine(T("Signature.Zavuch"), input.ZavuchName ?? ""));
        blocks.Add(new SignatureLine(T("Signature.Director"), input.DirectorName ?? ""));
        var title = T("ChangeTable.Title") + (input.ClassName is null ? "" : ", " + input.ClassName) + ", " + input.PeriodName + " " + input.SchoolYear;
        return new DocumentModel(title, PageOrientation.Landscape, blocks);
    }
}
