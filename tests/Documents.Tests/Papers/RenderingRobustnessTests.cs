using Corrections.Tests.Documents;
using Corrections.Documents.Model;
using Corrections.Documents.Papers;
using Corrections.Documents.Rendering;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;

namespace Corrections.Documents.Tests.Papers;

/// <summary>What a person's text can do to a paper: be longer than a page, carry control characters; and every DOCX valid to the OpenXML schema.</summary>
public sealed class RenderingRobustnessTests
{
    private static readonly string Long = string.Join(" ", Enumerable.Range(1, 700).Select(i => $"слово{i}"));

    private static DocumentModel TallRow() => new("Карточка", PageOrientation.Portrait,
    [
        new Paragraph("Регистрационно-контрольная карточка", TextAlign.Center, Bold: true),
        new Table([new Column("Реквизит", 35), new Column("Значение", 65)], [["Резолюция", Long], ["Индекс\u0001дела", "01-12\u000B"]], Size: 12),
        new QrCode("https://example.test/verify/1", "Проверить подлинность документа"),
    ]);

    [Fact]
    public void A_row_taller_than_a_page_continues_on_the_next_pages_with_the_header_and_nothing_is_lost()
    {
        using var pdf = new MemoryStream();
        PdfRenderer.Render(TallRow(), pdf);
        var pages = Readback.PdfPages(pdf.ToArray());
        Assert.True(pages.Length >= 2, $"the long cell needs more than one page, got {pages.Length}");
        var all = Readback.Normalise(string.Join(" ", pages));
        foreach (var n in new[] { 1, 350, 700 }) Assert.Contains($"слово{n} ", all + " ", StringComparison.Ordinal);
        for (var i = 0; i < pages.Length; i++)
        {
            Assert.Contains("Реквизит Значение", Readback.Normalise(pages[i]), StringComparison.Ordinal);
            Assert.Contains($"Лист {i + 1} из {pages.Length}", pages[i], StringComparison.Ordinal);
        }
        Assert.Contains("Индекс дела", all, StringComparison.Ordinal); // a control character prints as a space
    }

    [Fact]
    public void Every_docx_is_valid_to_the_openxml_schema_even_with_control_characters_and_long_rows()
    {
        var models = new[]
        {
            TallRow(),
            ChangeTablePaper.Build(new ChangeTableInput("Школа", "7Б", "2 четверть", "2026/2027",
                [new ChangeTableLine(1, "Иванов Иван, 7Б", "Алгебра", "Отметка «2» изменена на «4»", new(2026, 11, 20), new(2026, 11, 10), "Петрова А. А.", "Петрова А. А.")], "Сидорова А. В.", "Кузнецов Н. Н.")),
        };
        foreach (var model in models)
        {
            using var docx = new MemoryStream();
            DocxRenderer.Render(model, docx);
            docx.Position = 0;
            using var doc = WordprocessingDocument.Open(docx, false);
            var errors = new OpenXmlValidator().Validate(doc).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
            Assert.True(errors.Count == 0, $"{model.Title}: " + string.Join("\n", errors));
        }
    }
}
