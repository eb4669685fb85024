using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Corrections.Web.Tests.Requests;
using Corrections.Web.Tests.Support;
using Corrections.Workflows.Records;
using Microsoft.EntityFrameworkCore;
using static Corrections.Web.Tests.Requests.RequestDriver;

namespace Corrections.Web.Tests.Records;

/// <summary>
/// The papers of a request after registration: the letter to the department and its decision
/// (registered and linked), filing into the summary-sheets case with the inventory, and the
/// register's export.
/// </summary>
public abstract class PapersTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : AppFixture
{
    private static ByteArrayContent Pdf()
    {
        var bytes = new byte[1024];
        Encoding.ASCII.GetBytes("%PDF-1.4\n").CopyTo(bytes, 0);
        Random.Shared.NextBytes(bytes.AsSpan(16));
        return new ByteArrayContent(bytes);
    }

    private async Task<Guid> SchoolIdAsync()
    {
        await using var db = app.Db();
        return await db.Schools.Where(s => s.ShortName == "МБОУ СОШ № 1").Select(s => s.Id).SingleAsync();
    }

    [Fact]
    public async Task An_escalated_request_gets_an_outgoing_letter_and_an_incoming_decision_linked_to_it_and_all_three_are_filed_together()
    {
        var driver = new RequestDriver(app);
        var id = (await driver.CreateDraftAsync()).GetProperty("id").GetGuid();
        var teacher = await driver.As(Teacher);
        Assert.Equal(HttpStatusCode.Created, (await teacher.PostAsync($"/api/v1/requests/{id}/documents?type=medical-certificate&name=scan.pdf", Pdf())).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await teacher.PostAsync($"/api/v1/requests/{id}/documents?type=parent-application&name=scan2.pdf", Pdf())).StatusCode);
        await driver.StepAsync(id, Teacher, "submit", "submitted");
        await driver.StepAsync(id, Clerk, "register", "registered", new { sheets = 1, attachmentsCount = 2, attachmentsSheets = 2 });
        await driver.StepAsync(id, Director, "escalate", "escalated", new { reason = "Родители оспаривают отметку." });

        await using (var db = app.Db())
        {
            var card = await db.RegisteredDocuments.SingleAsync(d => d.RequestId == id && d.Kind == DocumentKind.IncomingRequest);
            var letter = await db.RegisteredDocuments.SingleAsync(d => d.RequestId == id && d.Kind == DocumentKind.OutgoingLetter);
            Assert.Matches(@"^01-13/\d+$", letter.Number);
            Assert.Equal(card.Id, letter.LinkedDocumentId);
            Assert.Equal("Управление образования администрации Демонстрационного городского округа", letter.Addressee);
            Assert.Equal($"О рассмотрении заявления № {card.Number} от {card.RegisteredOn:dd.MM.yyyy} о внесении изменений в электронный журнал", letter.Summary);
            Assert.Equal("Родители оспаривают отметку.", letter.Resolution);
            Assert.True(letter.OnControl);
            Assert.Equal((3, 3), (letter.AttachmentsCount, letter.AttachmentsSheets));
            var scans = await db.ScanDocuments.Where(s => s.RequestId == id).Select(s => s.Id).OrderBy(s => s).ToListAsync();
            Assert.Equal(scans, await db.DocumentAttachments.Where(a => a.DocumentId == letter.Id).Select(a => a.ScanId).OrderBy(s => s).ToListAsync());
        }

        await driver.StepAsync(id, Department, "department-approve", "unlocked", new { reason = "Справка подтверждает болезнь." }, role: "DepartmentOfficer");
        await using (var db = app.Db())
        {
            var letter = await db.RegisteredDocuments.SingleAsync(d => d.RequestId == id && d.Kind == DocumentKind.OutgoingLetter);
            var decision = await db.RegisteredDocuments.SingleAsync(d => d.RequestId == id && d.Kind == DocumentKind.IncomingDecision);
            Assert.Matches(@"^01-13/\d+-вх$", decision.Number);
            Assert.Equal(letter.Id, decision.LinkedDocumentId);
            Assert.EndsWith("разрешить внесение изменения", decision.Summary, StringComparison.Ordinal);
            Assert.Contains($"на исх. № {letter.Number}", decision.Summary, StringComparison.Ordinal);
            Assert.Equal("Справка подтверждает болезнь.", decision.Resolution);
            Assert.False(letter.OnControl); // answered
        }

        await driver.StepAsync(id, Zavuch, "apply", "applied", role: "Zavuch");
        await driver.StepAsync(id, Clerk, "file", "filed", role: "Clerk");

        await using (var db = app.Db())
        {
            var papers = await db.RegisteredDocuments.Where(d => d.RequestId == id).ToListAsync();
            Assert.Equal(3, papers.Count);
            var file = await db.CaseFiles.SingleAsync(c => c.Id == papers[0].FiledCaseId);
            Assert.Equal(DefaultCases.SummarySheets, file.Index);
            Assert.All(papers, p =>
            {
                Assert.Equal(file.Id, p.FiledCaseId);
                Assert.False(p.OnControl);
                Assert.Matches(@"^В дело № 01-14 \(к сводной ведомости: .+\) от \d\d\.\d\d\.\d{4}$", p.FilingMark);
            });

            var inventory = await (await driver.As(Clerk)).GetFromJsonAsync<JsonElement>($"/api/v1/schools/{file.SchoolId}/cases/{file.Id}/inventory");
            var items = inventory.GetProperty("items").EnumerateArray().Where(i => i.GetProperty("requestId").GetGuid() == id).ToList();
            Assert.Equal(["IncomingRequest", "OutgoingLetter", "IncomingDecision"], items.Select(i => i.GetProperty("kind").GetString()));
            Assert.Equal(papers.Sum(p => p.Sheets + p.AttachmentsSheets), items.Sum(i => i.GetProperty("sheets").GetInt32()));
            var ordinals = inventory.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("ordinal").GetInt32()).ToList();
            Assert.Equal(Enumerable.Range(1, ordinals.Count), ordinals);
            Assert.Equal(inventory.GetProperty("items").EnumerateArray().Sum(i => i.GetProperty("sheets").GetInt32()), inventory.GetProperty("totalSheets").GetInt32());
            Assert.Equal($"{file.Year + 26}-01-01", inventory.GetProperty("retentionEndsOn").GetString());
        }
    }

    [Fact]
    public async Task A_department_rejection_is_registered_as_a_refusal()
    {
        var driver = new RequestDriver(app);
        var id = (await driver.CreateDraftAsync()).GetProperty("id").GetGuid();
        await driver.StepAsync(id, Teacher, "submit", "submitted");
        await driver.StepAsync(id, Clerk, "register", "registered");
        await driver.StepAsync(id, Director, "escalate", "escalated", new { reason = "Спорный случай." });
        await driver.StepAsync(id, Department, "department-reject", "rejected", new { reason = "Справка не относится к дате урока." }, role: "DepartmentOfficer");

        await using var db = app.Db();
        var decision = await db.RegisteredDocuments.SingleAsync(d => d.RequestId == id && d.Kind == DocumentKind.IncomingDecision);
        Assert.EndsWith("отказать во внесении изменения", decision.Summary, StringComparison.Ordinal);
        Assert.Equal("Справка не относится к дате урока.", decision.Resolution);
    }

    [Fact]
    public async Task Filing_without_the_summary_sheets_case_of_the_year_is_refused_with_what_to_add_and_nothing_changes()
    {
        var driver = new RequestDriver(app);
        var id = (await driver.CreateDraftAsync()).GetProperty("id").GetGuid();
        await driver.StepAsync(id, Teacher, "submit", "submitted");
        await driver.StepAsync(id, Clerk, "register", "registered");
        await driver.StepAsync(id, Director, "approve", "unlocked");
        await driver.StepAsync(id, Zavuch, "apply", "applied", role: "Zavuch");

        // The nomenclature of the year lacks 01-14: move it out of the way for this test, then back.
        var schoolId = await SchoolIdAsync();
        int year;
        await using (var db = app.Db())
        {
            var file = await db.CaseFiles.Where(c => c.SchoolId == schoolId && c.Index == DefaultCases.SummarySheets).OrderByDescending(c => c.Year).FirstAsync();
            year = file.Year;
            file.Index = "01-99";
            await db.SaveChangesAsync();
        }
        try
        {
            var response = await driver.ActAsync(id, Clerk, "file");
            var problem = await Problems.AssertProblemAsync(response, HttpStatusCode.UnprocessableEntity);
            Assert.Equal($"В номенклатуре дел на {year} год нет дела 01-14 (сводные ведомости); добавьте его, чтобы подшить заявление.", problem.GetProperty("detail").GetString());
            await using var db = app.Db();
            Assert.Null((await db.RegisteredDocuments.SingleAsync(d => d.RequestId == id)).FilingMark);
            Assert.Equal("applied", (await driver.GetAsync(id)).GetProperty("state").GetString());
        }
        finally
        {
            await using var db = app.Db();
            var file = await db.CaseFiles.SingleAsync(c => c.SchoolId == schoolId && c.Index == "01-99" && c.Year == year);
            file.Index = DefaultCases.SummarySheets;
            await db.SaveChangesAsync();
        }
        await driver.StepAsync(id, Clerk, "file", "filed", role: "Clerk");
    }

    [Fact]
    public async Task The_register_exports_as_csv_for_a_spreadsheet_with_the_filters_applied_and_formulas_neutralised()
    {
        var driver = new RequestDriver(app);
        var id = (await driver.CreateDraftAsync()).GetProperty("id").GetGuid();
        await driver.StepAsync(id, Teacher, "submit", "submitted");
        await driver.StepAsync(id, Clerk, "register", "registered", new { summary = "=HYPERLINK(\"http://x\";\"Справка; приложение\")" });
        var number = (await driver.GetAsync(id)).GetProperty("registrationNumber").GetString()!;
        var schoolId = await SchoolIdAsync();

        var response = await (await driver.As(Clerk)).GetAsync($"/api/v1/schools/{schoolId}/register/export?format=csv&text={Uri.EscapeDataString(number)}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("Журнал регистрации ", response.Content.Headers.ContentDisposition!.FileNameStar, StringComparison.Ordinal);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("Рег. номер;Дата регистрации;", lines[0], StringComparison.Ordinal);
        var row = Assert.Single(lines[1..]);
        Assert.StartsWith($"{number};", row, StringComparison.Ordinal);
        Assert.Contains(";Заявление (входящий);", row, StringComparison.Ordinal);
        Assert.Contains(";\"'=HYPERLINK(\"\"http://x\"\";\"\"Справка; приложение\"\")\";", row, StringComparison.Ordinal);
        Assert.Contains(";Зарегистрировано, ожидает решения директора;на контроле;", row, StringComparison.Ordinal);

        var teacherTry = await (await driver.As(Teacher)).GetAsync($"/api/v1/schools/{schoolId}/register/export");
        Assert.Equal(HttpStatusCode.Forbidden, teacherTry.StatusCode);
        var wrongFormat = await (await driver.As(Clerk)).GetAsync($"/api/v1/schools/{schoolId}/register/export?format=xls");
        var problem = await Problems.AssertProblemAsync(wrongFormat, HttpStatusCode.BadRequest);
        Assert.Contains("csv", problem.GetProperty("errors").GetProperty("format")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_case_that_holds_documents_keeps_its_index_and_year_and_its_retention_may_only_grow()
    {
        var driver = new RequestDriver(app);
        var id = (await driver.CreateDraftAsync()).GetProperty("id").GetGuid();
        await driver.StepAsync(id, Teacher, "submit", "submitted");
        await driver.StepAsync(id, Clerk, "register", "registered");
        var schoolId = await SchoolIdAsync();
        CaseFile file;
        await using (var db = app.Db())
            file = await db.CaseFiles.SingleAsync(c => c.SchoolId == schoolId && c.Index == DefaultCases.Requests && c.Year == db.RegisteredDocuments.Single(d => d.RequestId == id).Year);
        var clerk = await driver.As(Clerk);
        var url = $"/api/v1/schools/{schoolId}/cases/{file.Id}";

        foreach (var change in new object[]
        {
            new { year = file.Year, index = file.Index, title = file.Title, retentionYears = 5 },
            new { year = file.Year, index = "01-77", title = file.Title, retentionYears = file.RetentionYears },
            new { year = file.Year + 1, index = file.Index, title = file.Title, retentionYears = file.RetentionYears },
        })
        {
            var problem = await Problems.AssertProblemAsync(await clerk.PutAsJsonAsync(url, change), HttpStatusCode.Conflict);
            Assert.Equal($"В деле {file.Index} за {file.Year} год уже есть документы: его год и индекс менять нельзя, а срок хранения — только увеличивать.",
                problem.GetProperty("detail").GetString());
        }
        await using (var db = app.Db())
        {
            var unchanged = await db.CaseFiles.SingleAsync(c => c.Id == file.Id);
            Assert.Equal((file.Year, file.Index, file.RetentionYears), (unchanged.Year, unchanged.Index, unchanged.RetentionYears));
        }

        var longer = await clerk.PutAsJsonAsync(url, new { year = file.Year, index = file.Index, title = file.Title, retentionYears = 50 });
        Assert.Equal(HttpStatusCode.OK, longer.StatusCode);
        // Having grown, it may not shrink back.
        await Problems.AssertProblemAsync(
            await clerk.PutAsJsonAsync(url, new { year = file.Year, index = file.Index, title = file.Title, retentionYears = file.RetentionYears }), HttpStatusCode.Conflict);
    }
}

public sealed class PapersTests_OnPostgres(PostgresApp app) : PapersTests<PostgresApp>(app);

public sealed class PapersTests_OnSqlite(SqliteApp app) : PapersTests<SqliteApp>(app);
