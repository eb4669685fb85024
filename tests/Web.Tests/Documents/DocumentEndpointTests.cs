using Corrections.Tests.Documents;
using System.Net;
using System.Net.Http.Json;
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
        var text = PdfText(await pdf.Content.ReadAsByteArrayAsync(), "change-table-5A");
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
        var text = PdfText(await register.Content.ReadAsByteArrayAsync(), "register");
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
        await Problems.AssertFieldErrorAsync(await clerk.GetAsync($"/api/v1/schools/{card.SchoolId}/register/document?from=2026-12-01&to=2026-11-01"), "to", "не раньше начала");
    }

    [Fact]
    public async Task The_request_prints_as_an_application_with_its_registration_mark_and_resolution()
    {
        var driver = new RequestDriver(app);
        var id = (await driver.CreateDraftAsync()).GetProperty("id").GetGuid();
        var pdfScan = new byte[1024];
        System.Text.Encoding.ASCII.GetBytes("%PDF-1.4\n").CopyTo(pdfScan, 0);
        Assert.Equal(HttpStatusCode.Created, (await (await driver.As(Teacher)).PostAsync($"/api/v1/requests/{id}/documents?type=medical-certificate&name=s.pdf", new ByteArrayContent(pdfScan))).StatusCode);
        var url = $"/api/v1/requests/{id}/papers/application";
        var draft = PdfText(await (await driver.As(Teacher)).GetByteArrayAsync(url), "application-draft");
        Assert.Contains("Директору МБОУ СОШ № 1", draft, StringComparison.Ordinal);
        Assert.Contains("Прошу разрешить внести изменения в электронный журнал 5А класса по предмету «Русский язык»:", draft, StringComparison.Ordinal);
        Assert.Contains("Приложение: медицинская справка.", draft, StringComparison.Ordinal);
        Assert.DoesNotContain("Вх. №", draft, StringComparison.Ordinal);

        await driver.StepAsync(id, Teacher, "submit", "submitted");
        await driver.StepAsync(id, Clerk, "register", "registered", new { sheets = 1, attachmentsCount = 1, attachmentsSheets = 1 });
        await driver.StepAsync(id, Director, "reject", "rejected", new { reason = "Справка выдана на другие даты." });
        var request = await driver.GetAsync(id);
        var student = request.GetProperty("entries")[0].GetProperty("studentName").GetString()!;

        var decided = PdfText(await (await driver.As(Clerk)).GetByteArrayAsync(url + "?format=pdf"), "application-decided");
        Assert.Contains(student, decided, StringComparison.Ordinal);
        Assert.Contains("Приложение: медицинская справка; всего на 1 л. в 1 экз.", decided, StringComparison.Ordinal);
        Assert.Contains($"Вх. № {request.GetProperty("registrationNumber").GetString()} от {DateOnly.Parse(request.GetProperty("registeredOn").GetString()!, System.Globalization.CultureInfo.InvariantCulture):dd.MM.yyyy}", decided, StringComparison.Ordinal);
        Assert.Contains("Резолюция: Отказать. Справка выдана на другие даты.", decided, StringComparison.Ordinal);
        using (var stream = new MemoryStream(await (await driver.As(Director)).GetByteArrayAsync(url + "?format=docx")))
        using (var doc = WordprocessingDocument.Open(stream, false))
            Assert.Contains("Резолюция: Отказать. Справка выдана на другие даты.", doc.MainDocumentPart!.Document.Body!.InnerText, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await (await driver.As(OtherDirector)).GetAsync(url)).StatusCode);

        // The QR code's page confirms what was issued: number, date, the request's state, the text's hash.
        await using var db = app.Db();
        var issued = await db.IssuedDocuments.Where(d => d.RequestId == id).OrderBy(d => d.IssuedAt).ToListAsync();
        Assert.Equal(3, issued.Count); // the draft, then the PDF and the DOCX after the decision; a refused download issues nothing
        Assert.Contains($"Проверить подлинность документа: http://localhost/verify/{issued[1].Id}", decided, StringComparison.Ordinal);
        Assert.NotEqual(issued[0].TextSha256, issued[1].TextSha256); // registration and the decision changed it
        var verified = await (await driver.As(Clerk)).GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/v1/verify/{issued[1].Id}");
        Assert.Equal(request.GetProperty("registrationNumber").GetString(), verified.GetProperty("number").GetString());
        Assert.Equal("Заявление: Отклонено", verified.GetProperty("status").GetString());
        Assert.Equal(issued[1].TextSha256, verified.GetProperty("textSha256").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await (await driver.As(OtherDirector)).GetAsync($"/api/v1/verify/{issued[1].Id}")).StatusCode);
    }

    [Fact]
    public async Task An_escalated_request_prints_its_letter_on_the_letterhead_and_its_registration_card()
    {
        var driver = new RequestDriver(app);
        var id = (await driver.CreateDraftAsync()).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.NotFound, (await (await driver.As(Director)).GetAsync($"/api/v1/requests/{id}/papers/letter")).StatusCode);
        await driver.StepAsync(id, Teacher, "submit", "submitted");
        await driver.StepAsync(id, Clerk, "register", "registered");
        await driver.StepAsync(id, Director, "escalate", "escalated", new { reason = "Родители не согласны с решением." });
        Workflows.Records.RegisteredDocument card, letter;
        await using (var db = app.Db())
        {
            card = await db.RegisteredDocuments.SingleAsync(d => d.RequestId == id && d.Kind == Workflows.Records.DocumentKind.IncomingRequest);
            letter = await db.RegisteredDocuments.SingleAsync(d => d.RequestId == id && d.Kind == Workflows.Records.DocumentKind.OutgoingLetter);
        }

        var text = PdfText(await (await driver.As(Director)).GetByteArrayAsync($"/api/v1/requests/{id}/papers/letter"), "letter-to-department");
        Assert.Contains($"Исх. № {letter.Number} от {letter.RegisteredOn:dd.MM.yyyy}", text, StringComparison.Ordinal);
        Assert.Contains("Управление образования администрации Демонстрационного городского округа", text, StringComparison.Ordinal);
        Assert.Contains($"Направляем для окончательного решения заявление № {card.Number} от {card.RegisteredOn:dd.MM.yyyy}", text, StringComparison.Ordinal);
        Assert.Contains("Родители не согласны с решением.", text, StringComparison.Ordinal);
        Assert.Contains("ИНН", text, StringComparison.Ordinal);

        using var stream = new MemoryStream(await (await driver.As(Clerk)).GetByteArrayAsync($"/api/v1/schools/{card.SchoolId}/register/{card.Id}/card?format=docx"));
        using var doc = WordprocessingDocument.Open(stream, false);
        var body = doc.MainDocumentPart!.Document.Body!.InnerText;
        Assert.Contains("Регистрационно-контрольная карточка", body, StringComparison.Ordinal);
        Assert.Contains($"{card.Number} от {card.RegisteredOn:dd.MM.yyyy}", body, StringComparison.Ordinal);
        Assert.Contains($"№ {letter.Number} от {letter.RegisteredOn:dd.MM.yyyy}", body, StringComparison.Ordinal);
        Assert.Contains("Содержит персональные данные", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_paper_of_an_escalated_and_filed_request_carries_the_same_text_in_docx_and_pdf()
    {
        var driver = new RequestDriver(app);
        var id = (await driver.CreateDraftAsync()).GetProperty("id").GetGuid();
        await driver.StepAsync(id, Teacher, "submit", "submitted");
        await driver.StepAsync(id, Clerk, "register", "registered");
        await driver.StepAsync(id, Director, "escalate", "escalated", new { reason = "Спорный случай." });
        await driver.StepAsync(id, Department, "department-approve", "unlocked", new { reason = "Документы подтверждают причину." }, role: "DepartmentOfficer");
        await driver.StepAsync(id, Zavuch, "apply", "applied", role: "Zavuch");
        await driver.StepAsync(id, Clerk, "file", "filed", role: "Clerk");
        Workflows.Records.RegisteredDocument card;
        Workflows.Journal.ChangeTableRow row;
        await using (var db = app.Db())
        {
            card = await db.RegisteredDocuments.SingleAsync(d => d.RequestId == id && d.Kind == Workflows.Records.DocumentKind.IncomingRequest);
            row = await db.ChangeTableRows.SingleAsync(r => r.RequestId == id);
        }
        var school = $"/api/v1/schools/{card.SchoolId}";
        string[] papers =
        [
            $"/api/v1/requests/{id}/papers/application", $"/api/v1/requests/{id}/papers/letter", $"/api/v1/requests/{id}/papers/decision",
            $"{school}/register/{card.Id}/card", $"{school}/register/document?from={card.RegisteredOn:yyyy-MM-dd}&to={card.RegisteredOn:yyyy-MM-dd}",
            $"{school}/cases/{card.FiledCaseId}/inventory/document", $"{school}/change-table/document?classId={row.ClassId}&studyPeriodId={row.StudyPeriodId}",
        ];
        var director = await driver.As(Director);
        foreach (var (paper, n) in papers.Select((p, n) => (p, n)))
        {
            var separator = paper.Contains('?', StringComparison.Ordinal) ? "&" : "?";
            var pdf = PdfText(await director.GetByteArrayAsync($"{paper}{separator}format=pdf"), $"paper-{n}");
            using var stream = new MemoryStream(await director.GetByteArrayAsync($"{paper}{separator}format=docx"));
            using var doc = WordprocessingDocument.Open(stream, false);
            var texts = doc.MainDocumentPart!.Document.Body!.Descendants<DocumentFormat.OpenXml.Wordprocessing.Text>()
                .Select(x => System.Text.RegularExpressions.Regex.Replace(x.Text, @"\s+", " ").Trim())
                .Where(x => x.Length > 0 && x.Trim('_').Length > 0 && !x.StartsWith("Проверить подлинность", StringComparison.Ordinal)).ToList();
            Assert.True(texts.Count > 3, $"{paper}: the DOCX has text");
            foreach (var text in texts) Assert.True(pdf.Contains(text, StringComparison.Ordinal), $"{paper}: «{text}» is in the DOCX but not in the PDF");
        }

        var decision = PdfText(await director.GetByteArrayAsync($"/api/v1/requests/{id}/papers/decision"), "decision");
        Assert.Contains("Управление образования: разрешить внесение изменения. Документы подтверждают причину.", decision, StringComparison.Ordinal);
        Assert.Contains("Специалист управления образования", decision, StringComparison.Ordinal);
    }

    /// <summary>The PDF's text in drawing order, whitespace collapsed; its first page also goes to test-output for a person to look at.</summary>
    private static string PdfText(byte[] pdf, string name)
    {
        Readback.FirstPageToPng(pdf, typeof(TApp).Name + "-" + name);
        return Readback.Normalise(string.Join("\n", Readback.PdfPages(pdf)));
    }
}

public sealed class DocumentEndpointTests_OnPostgres(PostgresApp app) : DocumentEndpointTests<PostgresApp>(app);

public sealed class DocumentEndpointTests_OnSqlite(SqliteApp app) : DocumentEndpointTests<SqliteApp>(app);
