using Corrections.Web.Tests.Support;
using Corrections.Workflows.Notifications;
using Corrections.Workflows.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Corrections.Web.Tests.Requests.RequestDriver;

namespace Corrections.Web.Tests.Ui;

/// <summary>A person's notification choices and the school's working-day calendar, set through their pages.</summary>
public abstract class SettingsInBrowserTests<TApp>(TApp app) : BrowserTests<TApp>(app) where TApp : BrowserApp
{
    [Fact]
    public async Task A_teacher_turns_one_kind_of_email_into_the_morning_digest_and_another_off()
    {
        var page = await Site.NewPageAsync();
        await Site.SignInAsync(page, Teacher);
        await page.ClickAsync("a.who");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Уведомления");
        await page.SelectOptionAsync("#mode-returned", "Off");
        await page.SelectOptionAsync("#mode-registered", "Digest");
        // Saving reloads the page: mark this document and wait for the next one to be loaded.
        await page.EvaluateAsync("() => window.beforeSave = true");
        await page.ClickAsync("#notification-settings button[type=submit]");
        await page.WaitForFunctionAsync("() => !window.beforeSave");
        await page.WaitForLoadStateAsync(LoadState.Load);
        await Assertions.Expect(page.Locator("#mode-returned")).ToHaveValueAsync("Off");
        await Assertions.Expect(page.Locator("#mode-registered")).ToHaveValueAsync("Digest");
        await Site.ScreenshotAsync(page, "notifications");
        await Site.AssertAccessibleAsync(page, "notifications");

        await using var db = Site.Db();
        var teacher = await db.Users.SingleAsync(u => u.Email == Teacher);
        var chosen = await db.NotificationPreferences.Where(p => p.UserId == teacher.Id).OrderBy(p => p.Kind).Select(p => new { p.Kind, p.Mode }).ToListAsync();
        Assert.Equal([new { Kind = "registered", Mode = NotificationMode.Digest }, new { Kind = "returned", Mode = NotificationMode.Off }], chosen);
    }

    [Fact]
    public async Task The_admin_adds_a_public_holiday_to_the_school_calendar_and_a_duplicate_date_is_refused()
    {
        var page = await Site.NewPageAsync();
        await Site.SignInAsync(page, Admin);
        await page.GotoAsync("/Admin/Index");
        var last = page.Locator("#calendar tr[data-day]").Last;
        await last.Locator("[data-date]").FillAsync("2027-01-07");
        await last.Locator("[data-day-kind]").SelectOptionAsync("Holiday");
        await last.Locator("[data-note]").FillAsync("Рождество Христово");
        await page.ClickAsync("#calendar button[type=submit]");
        await Assertions.Expect(page.Locator("#calendar tr[data-day] [data-note][value='Рождество Христово']")).ToHaveCountAsync(1);

        await using var db = Site.Db();
        var school = await db.Schools.SingleAsync(s => s.ShortName == "МБОУ СОШ № 1");
        var day = await db.CalendarDays.IgnoreQueryFilters().SingleAsync(d => d.SchoolId == school.Id && d.Date == new DateOnly(2027, 1, 7));
        Assert.Equal(CalendarDayKind.Holiday, day.Kind);

        // The same date twice: refused, and the saved calendar is as it was.
        var fresh = page.Locator("#calendar tr[data-day]").Last;
        await fresh.Locator("[data-date]").FillAsync("2027-01-07");
        await page.ClickAsync("#calendar button[type=submit]");
        await Assertions.Expect(page.Locator("#calendar [data-problem]")).ToBeVisibleAsync();
        Assert.NotEmpty(Site.TakeBrowserErrors(page));
        Assert.Equal(1, await db.CalendarDays.IgnoreQueryFilters().CountAsync(d => d.SchoolId == school.Id && d.Date == new DateOnly(2027, 1, 7)));
    }
}

public sealed class SettingsInBrowserTests_OnPostgres(PostgresBrowserApp app) : SettingsInBrowserTests<PostgresBrowserApp>(app);
