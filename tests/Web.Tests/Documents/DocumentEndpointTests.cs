using System.Diagnostics;
using System.Net;
using Corrections.Web.Tests.Requests;
using Corrections.Web.Tests.Support;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.EntityFrameworkCore;
using static Corrections.Web.Tests.Requests.RequestDriver;

namespace Corrections.Web.Tests.Documents;

/// <summary>The printed documents downloaded as PDF and DOCX: the change table, the register, a case inventory.</summary>
public abstract class DocumentEndpointTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : AppFixture
{
    [Fact]
    public async Task The_printed_change_table_carries_the_applied_change_in_both_formats()
    {
        var driver = new RequestDriver(app);
        var id = (await driver.CreateDraftAsync()).GetProperty("id").GetGuid();
        await driver.StepAsync(id, Teacher, "submit", "submitted");
        await driver.StepAsync(id, Clerk, "register", "registered");
        await driver.StepAsync(id, Director, "approve", "unlocked");
        await driver.StepAsync(id, Zavuch, "apply", "applied", role: "Zavuch");
        Workflows.Journal.ChangeTableRow row;
        await using (var db = app.Db())
            row = await db.ChangeTableRows.SingleAsync(r => r.RequestId == id);
        var url = $"/api/v1/schools/{row.SchoolId}/change-table/document?classId={row.ClassId}&studyPeriodId={row.StudyPeriodId}";

        var pdf = await (await driver.As(Zavuch)).GetAsync(url + "&format=pdf");
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("Таблица изменений 5А ", pdf.Content.Headers.ContentDisposition!.FileNameStar, StringComparison.Ordinal);
        var text = PdfText(await pdf.Content.ReadAsByteArrayAsync());
        Assert.Contains("Муниципальное бюджетное общеобразовательное учреждение", text, StringComparison.Ordinal);
        Assert.Contains("Класс: 5А.", text, StringComparison.Ordinal);
        Assert.Contains(row.Description, text, StringComparison.Ordinal);
        Assert.Contains(row.Student, text, StringComparison.Ordinal);
        Assert.Contains(row.JournalDate.ToString("dd.MM.yyyy"), text, StringComparison.Ordinal);

        var docx = await (await driver.As(Director)).GetAsync(url + "&format=docx");
        Assert.Equal(HttpStatusCode.OK, docx.StatusCode);
        using (var stream = new MemoryStream(await docx.Content.ReadAsByteArrayAsync()))
        using (var doc = WordprocessingDocument.Open(stream, false))
            Assert.Contains(row.Description, doc.MainDocumentPart!.Document.Body!.InnerText, StringComparison.Ordinal);

        await Problems.AssertFieldErrorAsync(await (await driver.As(Zavuch)).GetAsync(url + "&format=odt"), "format", "pdf или docx");
        Assert.Equal(HttpStatusCode.Forbidden, (await (await driver.As(Clerk)).GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task The_register_and_a_case_inventory_print_what_was_registered_and_filed()
    {
        var driver = new RequestDriver(app);
        var id = (await driver.CreateDraftAsync()).GetProperty("id").GetGuid();
        await driver.StepAsync(id, Teacher, "submit", "submitted");
        await driver.StepAsync(id, Clerk, "register", "registered");
        await driver.StepAsync(id, Director, "approve", "unlocked");
        await driver.StepAsync(id, Zavuch, "apply", "applied", role: "Zavuch");
        await driver.StepAsync(id, Clerk, "file", "filed", role: "Clerk");
        Workflows.Records.RegisteredDocument card;
        await using (var db = app.Db())
            card = await db.RegisteredDocuments.SingleAsync(d => d.RequestId == id);
        var clerk = await driver.As(Clerk);

        var register = await clerk.GetAsync($"/api/v1/schools/{card.SchoolId}/register/document?from={card.RegisteredOn:yyyy-MM-dd}&to={card.RegisteredOn:yyyy-MM-dd}&format=pdf");
        Assert.Equal(HttpStatusCode.OK, register.StatusCode);
        var text = PdfText(await register.Content.ReadAsByteArrayAsync());
        Assert.Contains("Журнал регистрации документов", text, StringComparison.Ordinal);
        Assert.Contains($"{card.Number} {card.RegisteredOn:dd.MM.yyyy} Заявление (входящий)", text, StringComparison.Ordinal);
        Assert.Contains(card.FilingMark!, text, StringComparison.Ordinal);

        var inventory = await clerk.GetAsync($"/api/v1/schools/{card.SchoolId}/cases/{card.FiledCaseId}/inventory/document?format=docx");
        Assert.Equal(HttpStatusCode.OK, inventory.StatusCode);
        using var stream = new MemoryStream(await inventory.Content.ReadAsByteArrayAsync());
        using var doc = WordprocessingDocument.Open(stream, false);
        var body = doc.MainDocumentPart!.Document.Body!.InnerText;
        Assert.Contains("Внутренняя опись документов дела № 01-14", body, StringComparison.Ordinal);
        Assert.Contains(card.Number, body, StringComparison.Ordinal);
        Assert.Contains("Срок хранения: 25 лет.", body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await driver.As(Teacher)).GetAsync($"/api/v1/schools/{card.SchoolId}/register/document")).StatusCode);
    }

    private static string PdfText(byte[] pdf)
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllBytes(file, pdf);
            using var process = Process.Start(new ProcessStartInfo("pdftotext", $"-raw -enc UTF-8 {file} -") { RedirectStandardOutput = true, StandardOutputEncoding = System.Text.Encoding.UTF8 })!;
            var text = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return System.Text.RegularExpressions.Regex.Replace(text.Replace("-\n", "-", StringComparison.Ordinal), @"\s+", " ");
        }
        finally { File.Delete(file); }
    }
}

public sealed class DocumentEndpointTests_OnPostgres(PostgresApp app) : DocumentEndpointTests<PostgresApp>(app);

public sealed class DocumentEndpointTests_OnSqlite(SqliteApp app) : DocumentEndpointTests<SqliteApp>(app);
