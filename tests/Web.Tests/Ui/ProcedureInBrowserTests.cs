using System.Text;
using Corrections.Tests.Documents;
using Corrections.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Corrections.Web.Tests.Requests.RequestDriver;

namespace Corrections.Web.Tests.Ui;

/// <summary>
/// The whole procedure through the pages, as five people in a real Chromium: the teacher files with a
/// PDF scan, the clerk registers, the director escalates (signing with the password), the department
/// approves, the zavuch changes the unlocked mark in the built-in journal and confirms, the clerk files;
/// the change table's PDF downloads and holds the row. Every main page is checked with axe and
/// photographed at 1366×768 and 390×844 on the way.
/// </summary>
public abstract class ProcedureInBrowserTests<TApp>(TApp app) : BrowserTests<TApp>(app) where TApp : BrowserApp
{
    [Fact]
    public async Task Five_people_take_a_request_from_filing_to_the_case_and_the_change_table_pdf_holds_the_row()
    {
        // The demo's 5А Russian journal: the first student by surname has «2» on every lesson.
        await using var db = Site.Db();
        var school = await db.Schools.SingleAsync(s => s.ShortName == "МБОУ СОШ № 1");
        var schoolClass = await db.Classes.SingleAsync(c => c.SchoolId == school.Id && c.Name == "5А");
        var subject = await db.Subjects.SingleAsync(s => s.SchoolId == school.Id && s.Name == "Русский язык");
        var student = await db.Students.Where(s => s.ClassId == schoolClass.Id).OrderBy(s => s.Surname).FirstAsync();
        var studentName = $"{student.Surname} {student.GivenName} {student.Patronymic}".Trim();
        var ground = await db.Grounds.SingleAsync(g => g.SchoolId == school.Id && g.Code == "illness");
        var tenDaysAgo = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-10));
        var lessonDate = await db.Lessons.Where(l => l.ClassId == schoolClass.Id && l.SubjectId == subject.Id && l.Date <= tenDaysAgo).MaxAsync(l => l.Date);

        // 1. The teacher files the request, attaches a PDF certificate and submits.
        var teacher = await SignedInAsync(Teacher);
        await teacher.GotoAsync("/Requests/New");
        await Site.ScreenshotAsync(teacher, "new-request");
        await Site.AssertAccessibleAsync(teacher, "new-request");
        await teacher.SelectOptionAsync("#classId", new SelectOptionValue { Label = "5А" });
        await teacher.SelectOptionAsync("#subjectId", new SelectOptionValue { Label = "Русский язык" });
        await teacher.SelectOptionAsync("#groundId", new SelectOptionValue { Label = ground.Title });
        await Assertions.Expect(teacher.Locator("#ground-documents")).ToContainTextAsync("Медицинская справка");
        await teacher.SelectOptionAsync("select[name='entries[0].studentId']", new SelectOptionValue { Label = studentName });
        await teacher.FillAsync("input[name='entries[0].date']", lessonDate.ToString("yyyy-MM-dd"));
        await teacher.Locator("input[name='entries[0].date']").DispatchEventAsync("change");
        // The form tells the lock status, and fills in the journal's value as it stands.
        await Assertions.Expect(teacher.Locator("[data-lock]").First).ToContainTextAsync("заблокирована");
        await Assertions.Expect(teacher.Locator("input[name='entries[0].currentValue']")).ToHaveValueAsync("2");
        await teacher.FillAsync("input[name='entries[0].requestedValue']", "4");
        await teacher.FillAsync("#justification", "Ученик отсутствовал по болезни, справка прилагается.");
        await teacher.ClickAsync("#new-request button[type=submit]");
        await teacher.WaitForURLAsync(url => url.Contains("/Requests/", StringComparison.Ordinal) && !url.EndsWith("/New", StringComparison.Ordinal));
        var requestUrl = new Uri(teacher.Url).AbsolutePath;

        await teacher.SelectOptionAsync("#scan-type", "medical-certificate");
        await teacher.Locator("#scan-file").SetInputFilesAsync(new FilePayload { Name = "справка.pdf", MimeType = "application/pdf", Buffer = MinimalPdf("Справка") });
        await Assertions.Expect(teacher.Locator("details summary").First).ToContainTextAsync("справка.pdf", new() { Timeout = 15_000 });
        await Site.ScreenshotAsync(teacher, "request-draft");
        await Site.AssertAccessibleAsync(teacher, "request-draft");
        await ActAsync(teacher, "submit", "submitted");
        await teacher.GotoAsync("/Requests/Mine");
        await Assertions.Expect(teacher.Locator("table")).ToContainTextAsync("Подано");
        await Site.ScreenshotAsync(teacher, "my-requests");
        await Site.AssertAccessibleAsync(teacher, "my-requests");

        // 2. The clerk finds it in the queue and registers it under the proposed number.
        var clerk = await SignedInAsync(Clerk);
        await clerk.GotoAsync("/Inbox");
        await Site.ScreenshotAsync(clerk, "inbox-clerk");
        await Site.AssertAccessibleAsync(clerk, "inbox-clerk");
        await clerk.ClickAsync($"a[href='{requestUrl}']");
        var proposed = (await clerk.Locator("#proposed-number").InnerTextAsync()).Trim();
        await ActAsync(clerk, "register", "registered");
        Assert.Contains(proposed, await clerk.Locator("h1").InnerTextAsync(), StringComparison.Ordinal);

        // 3. The director sees it in the inbox, views the scan inline and the diagram, and escalates, signing with the password.
        var director = await SignedInAsync(Director);
        await director.GotoAsync("/Inbox");
        await Assertions.Expect(director.Locator("#inbox")).ToContainTextAsync(proposed);
        await Site.ScreenshotAsync(director, "inbox-director");
        await Site.AssertAccessibleAsync(director, "inbox-director");
        await director.ClickAsync($"a[href='{requestUrl}']");
        // Opening the scan loads it into the page's viewer (headless Chromium may hand a PDF to its downloads,
        // so the request is awaited and the same address is read back with the director's cookie).
        var scan = await director.RunAndWaitForRequestAsync(() => director.Locator("details summary").First.ClickAsync(),
            r => r.Url.Contains("inline=true", StringComparison.Ordinal));
        Assert.Equal(scan.Url, await director.Locator("iframe.scan-view").GetAttributeAsync("src") is { } src ? new Uri(new Uri(director.Url), src).ToString() : null);
        var served = await director.APIRequest.GetAsync(scan.Url);
        Assert.Equal(200, served.Status);
        Assert.Equal("application/pdf", served.Headers["content-type"]);
        Assert.StartsWith("inline", served.Headers["content-disposition"], StringComparison.Ordinal);
        await Assertions.Expect(director.Locator("pre.mermaid svg")).ToBeVisibleAsync();
        await Site.ScreenshotAsync(director, "request-director");
        await Site.AssertAccessibleAsync(director, "request-director");
        await director.FillAsync("#act-escalate-reason", "Прошу принять решение: родители оспаривают отметку.");
        await director.FillAsync("#act-escalate-password", Demo.DemoSeeder.Password);
        await ActAsync(director, "escalate", "escalated");

        // 4. The department officer approves among the municipality's escalations.
        var department = await SignedInAsync(Department);
        await department.GotoAsync("/Department/Index");
        await Assertions.Expect(department.Locator("table")).ToContainTextAsync(proposed);
        await Site.ScreenshotAsync(department, "department");
        await Site.AssertAccessibleAsync(department, "department");
        await department.ClickAsync($"a[href='{requestUrl}']");
        await department.FillAsync("#act-department-approve-password", Demo.DemoSeeder.Password);
        await ActAsync(department, "department-approve", "unlocked");

        // 5. The zavuch changes exactly the unlocked mark in the built-in journal, then confirms.
        var zavuch = await SignedInAsync(Zavuch);
        await zavuch.GotoAsync("/Inbox");
        await Assertions.Expect(zavuch.Locator("[data-deadline]").First).ToContainTextAsync("осталось");
        await Site.ScreenshotAsync(zavuch, "inbox-zavuch");
        await Site.AssertAccessibleAsync(zavuch, "inbox-zavuch");
        await zavuch.GotoAsync(requestUrl);
        await zavuch.ClickAsync("#act-apply a");
        var cells = zavuch.Locator("form[id^='cell-']");
        await Assertions.Expect(cells).ToHaveCountAsync(1);
        await Assertions.Expect(zavuch.Locator("td.unlocked")).ToHaveCountAsync(1);
        await Site.ScreenshotAsync(zavuch, "journal-zavuch");
        await Site.AssertAccessibleAsync(zavuch, "journal-zavuch");
        await Assertions.Expect(cells.Locator("input[name='value']")).ToHaveValueAsync("4");
        await cells.Locator("button").ClickAsync();
        await Assertions.Expect(zavuch.Locator("#unlocked-title + p + div")).ToContainTextAsync("изменено");
        await zavuch.GotoAsync(requestUrl);
        await ActAsync(zavuch, "apply", "applied");

        // 6. The clerk files it into the case.
        await clerk.GotoAsync(requestUrl);
        await ActAsync(clerk, "file", "filed");
        await clerk.GotoAsync("/Records/Register");
        await Assertions.Expect(clerk.Locator("table")).ToContainTextAsync(proposed);
        await Site.ScreenshotAsync(clerk, "register");
        await Site.AssertAccessibleAsync(clerk, "register");
        await clerk.GotoAsync("/Records/Cases");
        await Site.ScreenshotAsync(clerk, "cases");
        await Site.AssertAccessibleAsync(clerk, "cases");

        // The change table shows the row; its PDF downloads and holds it.
        var period = await db.StudyPeriods.SingleAsync(p => p.SchoolId == school.Id && p.StartDate <= lessonDate && p.EndDate >= lessonDate);
        await zavuch.GotoAsync($"/Journal/ChangeTable?classId={schoolClass.Id}&studyPeriodId={period.Id}");
        await Assertions.Expect(zavuch.Locator("table")).ToContainTextAsync(studentName);
        await Site.ScreenshotAsync(zavuch, "change-table");
        await Site.AssertAccessibleAsync(zavuch, "change-table");
        var download = await zavuch.RunAndWaitForDownloadAsync(() => zavuch.ClickAsync("#download-pdf"));
        var pdf = await File.ReadAllBytesAsync(await download.PathAsync());
        var text = Readback.Normalise(string.Join("\n", Readback.PdfPages(pdf)));
        Assert.Contains(studentName, text, StringComparison.Ordinal);
        Assert.Contains("Отметка «2» изменена на «4»", text, StringComparison.Ordinal);
        Assert.Contains(proposed, text, StringComparison.Ordinal);
        await zavuch.GotoAsync("/Journal/AccessReport");
        await Site.ScreenshotAsync(zavuch, "access-report");
        await Site.AssertAccessibleAsync(zavuch, "access-report");

        var admin = await SignedInAsync(Admin);
        await admin.GotoAsync("/Admin/Index");
        await Site.ScreenshotAsync(admin, "admin");
        await Site.AssertAccessibleAsync(admin, "admin");
    }

    private async Task<IPage> SignedInAsync(string email)
    {
        var page = await Site.NewPageAsync();
        await Site.SignInAsync(page, email);
        return page;
    }

    /// <summary>Takes an action with its form on the request page and waits for the state it leads to.</summary>
    private static async Task ActAsync(IPage page, string action, string expectedState)
    {
        await page.ClickAsync($"#act-{action} button[type=submit]");
        await Assertions.Expect(page.Locator($"#state[data-state='{expectedState}']")).ToBeVisibleAsync(new() { Timeout = 15_000 });
    }

    /// <summary>A one-page PDF with a line of text, built byte by byte so its cross-reference offsets are right.</summary>
    private static byte[] MinimalPdf(string title)
    {
        var content = $"BT /F1 24 Tf 72 760 Td ({Ascii(title)}) Tj ET";
        var objects = new[]
        {
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
            $"<< /Length {content.Length} >>\nstream\n{content}\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        };
        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(pdf.Length);
            pdf.Append(i + 1).Append(" 0 obj\n").Append(objects[i]).Append("\nendobj\n");
        }
        var xref = pdf.Length;
        pdf.Append("xref\n0 ").Append(objects.Length + 1).Append("\n0000000000 65535 f \n");
        foreach (var offset in offsets) pdf.Append(offset.ToString("D10")).Append(" 00000 n \n");
        pdf.Append("trailer\n<< /Size ").Append(objects.Length + 1).Append(" /Root 1 0 R >>\nstartxref\n").Append(xref).Append("\n%%EOF\n");
        return Encoding.ASCII.GetBytes(pdf.ToString());
    }

    private static string Ascii(string text) => new([.. text.Select(c => c < 128 ? c : '?')]);
}

public sealed class ProcedureInBrowserTests_OnPostgres(PostgresBrowserApp app) : ProcedureInBrowserTests<PostgresBrowserApp>(app);
