using Corrections.Web.Tests.Requests;
using Corrections.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Corrections.Web.Tests.Requests.RequestDriver;

namespace Corrections.Web.Tests.Ui;

/// <summary>
/// What a person sees when the system says no: the reason in Russian beside the field, what they typed
/// still there, and nothing changed. Also: a page of another school's request is simply not found.
/// </summary>
public abstract class RefusalsInBrowserTests<TApp>(TApp app) : BrowserTests<TApp>(app) where TApp : BrowserApp
{
    [Fact]
    public async Task An_entry_the_teacher_may_still_edit_is_refused_beside_its_date_and_the_form_keeps_what_was_typed()
    {
        await using var db = Site.Db();
        var school = await db.Schools.SingleAsync(s => s.ShortName == "МБОУ СОШ № 1");
        var schoolClass = await db.Classes.SingleAsync(c => c.SchoolId == school.Id && c.Name == "5А");
        var subject = await db.Subjects.SingleAsync(s => s.SchoolId == school.Id && s.Name == "Русский язык");
        var student = await db.Students.Where(s => s.ClassId == schoolClass.Id).OrderBy(s => s.Surname).FirstAsync();
        // Today, in the school's own time zone: an entry of today may still be changed by its teacher.
        var recent = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById(school.TimeZoneId)).DateTime);
        var before = await db.CorrectionRequests.IgnoreQueryFilters().CountAsync();

        var page = await Site.NewPageAsync();
        await Site.SignInAsync(page, Teacher);
        await page.GotoAsync("/Requests/New");
        await page.SelectOptionAsync("#classId", new SelectOptionValue { Label = "5А" });
        await page.SelectOptionAsync("#subjectId", new SelectOptionValue { Label = "Русский язык" });
        await page.SelectOptionAsync("select[name='entries[0].studentId']", student.Id.ToString());
        await page.FillAsync("input[name='entries[0].date']", recent.ToString("yyyy-MM-dd"));
        await page.Locator("input[name='entries[0].date']").DispatchEventAsync("change");
        await Assertions.Expect(page.Locator("[data-lock]").First).ToContainTextAsync("Можно исправить самостоятельно до");
        await page.FillAsync("input[name='entries[0].requestedValue']", "5");
        await page.FillAsync("#justification", "Текст, который нельзя потерять");
        await page.ClickAsync("#new-request button[type=submit]");

        var beside = page.Locator("input[name='entries[0].date'] + .invalid-feedback");
        await Assertions.Expect(beside).ToContainTextAsync("Можно исправить самостоятельно до");
        await Assertions.Expect(page.Locator("#new-request [data-problem]")).ToContainTextAsync("заявление для них не нужно");
        await Assertions.Expect(page.Locator("#justification")).ToHaveValueAsync("Текст, который нельзя потерять");
        Assert.EndsWith("/Requests/New", page.Url, StringComparison.Ordinal);
        Assert.Equal(before, await db.CorrectionRequests.IgnoreQueryFilters().CountAsync());

        // Without a ground the API itself refuses, and its reason lands beside the ground's field.
        await page.FillAsync("input[name='entries[0].date']", (await db.Lessons.Where(l => l.ClassId == schoolClass.Id && l.SubjectId == subject.Id && l.Date <= recent.AddDays(-10)).MaxAsync(l => l.Date)).ToString("yyyy-MM-dd"));
        await page.Locator("input[name='entries[0].date']").DispatchEventAsync("change");
        await Assertions.Expect(page.Locator("[data-lock]").First).ToContainTextAsync("заблокирована");
        await page.ClickAsync("#new-request button[type=submit]");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Requests/[0-9a-f-]{36}$"));
        // A draft may lack its ground (the API allows it); submitting it is what is refused.
        await page.ClickAsync("#act-submit button[type=submit]");
        await Assertions.Expect(page.Locator("#act-submit [data-problem]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#state[data-state='draft']")).ToBeVisibleAsync();
        Assert.Contains(Site.TakeBrowserErrors(page), e => e.Contains("/actions/submit", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_wrong_password_is_refused_beside_the_field_the_reason_stays_typed_and_the_request_stays_undecided()
    {
        var driver = new RequestDriver(Site);
        var id = (await driver.CreateDraftAsync()).GetProperty("id").GetGuid();
        await driver.StepAsync(id, Teacher, "submit", "submitted");
        await driver.StepAsync(id, Clerk, "register", "registered");

        var page = await Site.NewPageAsync();
        await Site.SignInAsync(page, Director);
        await page.GotoAsync($"/Requests/{id}");
        await page.FillAsync("#act-reject-reason", "Оснований для исправления нет.");
        await page.FillAsync("#act-reject-password", "Not-The-Password-1");
        await page.ClickAsync("#act-reject button[type=submit]");

        await Assertions.Expect(page.Locator("#act-reject-password + .invalid-feedback")).ToContainTextAsync("Неверный пароль");
        await Assertions.Expect(page.Locator("#act-reject-reason")).ToHaveValueAsync("Оснований для исправления нет.");
        await Assertions.Expect(page.Locator("#state[data-state='registered']")).ToBeVisibleAsync();
        Assert.Contains(Site.TakeBrowserErrors(page), e => e.Contains("400", StringComparison.Ordinal));

        // The director of another school does not even learn the request exists.
        var other = await Site.NewPageAsync();
        await Site.SignInAsync(other, OtherDirector);
        var response = await other.GotoAsync($"/Requests/{id}");
        Assert.Equal(404, response!.Status);
        await Assertions.Expect(other.Locator("h1")).ToHaveTextAsync("Страница не найдена");
        Assert.NotEmpty(Site.TakeBrowserErrors(other));
        await other.GotoAsync("/Inbox");
        Assert.DoesNotContain(id.ToString(), await other.ContentAsync(), StringComparison.Ordinal);
    }
}

public sealed class RefusalsInBrowserTests_OnPostgres(PostgresBrowserApp app) : RefusalsInBrowserTests<PostgresBrowserApp>(app);
