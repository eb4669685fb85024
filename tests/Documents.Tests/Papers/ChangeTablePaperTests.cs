using Corrections.Tests.Documents;
using Corrections.Documents.Model;
using Corrections.Documents.Papers;
using Corrections.Documents.Rendering;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Corrections.Documents.Tests.Papers;

/// <summary>The change table printed for the summary sheet: the regulation's columns, the same text in DOCX and PDF, headers and «Лист N из M» on every page.</summary>
public sealed class ChangeTablePaperTests
{
    private static readonly string[] Headers =
        ["№", "ФИО ученика, класс", "Предмет", "Какого характера изменения", "Дата внесения изменения", "Дата, в которую вносится изменение", "Инициатор изменений", "Учитель-предметник"];

    private static ChangeTableInput Input(int rows) => new(
        "Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа № 1»", "7Б", "2 четверть", "2026/2027",
        [.. Enumerable.Range(1, rows).Select(i => new ChangeTableLine(i, $"Щукина Ёлка Эдуардовна {i}, 7Б", "Русский язык",
            $"Отметка «2» изменена на «4»; пересдача, протокол № {i} от 12.11.2026", new DateOnly(2026, 11, 20), new DateOnly(2026, 11, 10), "Иванова М. П.", "Петров С. А."))],
        "Сидорова А. В.", "Кузнецов Н. Н.");

    private static (byte[] Pdf, byte[] Docx) Render(DocumentModel model)
    {
        using var pdf = new MemoryStream();
        PdfRenderer.Render(model, pdf);
        using var docx = new MemoryStream();
        DocxRenderer.Render(model, docx);
        return (pdf.ToArray(), docx.ToArray());
    }

    [Fact]
    public void Both_renderings_carry_every_text_with_the_eight_headers_in_order_and_cyrillic_intact()
    {
        var model = ChangeTablePaper.Build(Input(3));
        var (pdf, docx) = Render(model);
        Readback.FirstPageToPng(pdf, "change-table-3-rows");

        var pdfText = Readback.Normalise(string.Join(" ", Readback.PdfPages(pdf)));
        var (paragraphs, tables, footer) = Readback.Docx(docx);
        var docxText = Readback.Normalise(string.Join(" ", paragraphs));
        foreach (var text in model.Texts().Where(t => t.Length > 0))
        {
            Assert.Contains(Readback.Normalise(text), pdfText, StringComparison.Ordinal);
            Assert.Contains(Readback.Normalise(text), docxText, StringComparison.Ordinal);
        }
        Assert.DoesNotContain("?", pdfText, StringComparison.Ordinal);
        Assert.Contains("Таблица является неотъемлемой частью сводной ведомости", pdfText, StringComparison.Ordinal);
        Assert.Contains("Класс: 7Б. Учебный период: 2 четверть, 2026/2027 учебный год.", pdfText, StringComparison.Ordinal);
        Assert.Contains("Лист 1 из 1", pdfText, StringComparison.Ordinal);

        var table = Assert.Single(tables);
        var rows = table.Elements<TableRow>().ToList();
        Assert.Equal(1 + 3, rows.Count);
        Assert.Equal(Headers, rows[0].Elements<TableCell>().Select(c => c.InnerText));
        Assert.NotNull(rows[0].TableRowProperties?.GetFirstChild<TableHeader>());
        Assert.Equal(["1", "Щукина Ёлка Эдуардовна 1, 7Б", "Русский язык", "Отметка «2» изменена на «4»; пересдача, протокол № 1 от 12.11.2026", "20.11.2026", "10.11.2026", "Иванова М. П.", "Петров С. А."],
            rows[1].Elements<TableCell>().Select(c => c.InnerText));
        Assert.StartsWith("PAGENUMPAGES|Лист", footer, StringComparison.Ordinal);
        Assert.Contains(" из ", footer, StringComparison.Ordinal);
    }

    [Fact]
    public void A_300_row_table_repeats_its_header_and_numbers_every_page()
    {
        var (pdf, docx) = Render(ChangeTablePaper.Build(Input(300)));
        Readback.FirstPageToPng(pdf, "change-table-300-rows");

        var pages = Readback.PdfPages(pdf);
        Assert.True(pages.Length > 5, $"300 rows take many pages, got {pages.Length}");
        for (var i = 0; i < pages.Length; i++)
        {
            var page = Readback.Normalise(pages[i]);
            Assert.Contains(string.Join(" ", Headers), page, StringComparison.Ordinal);
            Assert.Contains($"Лист {i + 1} из {pages.Length}", page, StringComparison.Ordinal);
        }
        // Every row once, in order.
        var all = Readback.Normalise(string.Join(" ", pages));
        var last = -1;
        for (var n = 1; n <= 300; n++)
        {
            var at = all.IndexOf($"Щукина Ёлка Эдуардовна {n}, 7Б", StringComparison.Ordinal);
            Assert.True(at > last, $"row {n} is missing or out of order");
            last = at;
        }
        Assert.Equal(301, Readback.Docx(docx).Tables.Single().Elements<TableRow>().Count());
    }

    [Fact]
    public void An_empty_table_still_prints_its_header_and_says_no_changes_were_made()
    {
        var (pdf, docx) = Render(ChangeTablePaper.Build(Input(0)));
        var text = Readback.Normalise(string.Join(" ", Readback.PdfPages(pdf)));
        Assert.Contains(string.Join(" ", Headers), text, StringComparison.Ordinal);
        Assert.Contains("Изменения в электронный журнал в этом учебном периоде не вносились.", text, StringComparison.Ordinal);
        Assert.Contains("Изменения в электронный журнал в этом учебном периоде не вносились.", string.Join(" ", Readback.Docx(docx).Paragraphs), StringComparison.Ordinal);
        Assert.Single(Readback.Docx(docx).Tables.Single().Elements<TableRow>());
    }
}
