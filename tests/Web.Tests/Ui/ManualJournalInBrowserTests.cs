using System.Net.Http.Json;
using Corrections.Web.Tests.Requests;
using Corrections.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Corrections.Web.Tests.Requests.RequestDriver;

namespace Corrections.Web.Tests.Ui;

/// <summary>
/// A school whose journal has no write API: the zavuch changes it there and confirms each entry on the
/// request page with the value before and after; a value other than the approved one is refused beside
/// its field, and the confirmed one lands in the change table.
/// </summary>
public abstract class ManualJournalInBrowserTests<TApp>(TApp app) : BrowserTests<TApp>(app) where TApp : BrowserApp
{
    [Fact]
    public async Task The_zavuch_confirms_the_change_made_in_the_external_journal_entry_by_entry()
    {
        await using var db = Site.Db();
        var school = await db.Schools.SingleAsync(s => s.ShortName == "МБОУ СОШ № 1");
        var mode = await (await Site.ApiAs(Admin)).PutAsJsonAsync($"/api/v1/schools/{school.Id}/journal-mode", new { mode = "manual" });
        mode.EnsureSuccessStatusCode();
        var driver = new RequestDriver(Site);
        var id = (await driver.CreateDraftAsync()).GetProperty("id").GetGuid();
        await driver.StepAsync(id, Teacher, "submit", "submitted");
        await driver.StepAsync(id, Clerk, "register", "registered");
        await driver.StepAsync(id, Director, "approve", "unlocked");

        var page = await Site.NewPageAsync();
        await Site.SignInAsync(page, Zavuch);
        await page.GotoAsync($"/Requests/{id}");
        var entry = page.Locator("#act-apply fieldset[data-entry]");
        await Assertions.Expect(entry).ToHaveCountAsync(1);
        await Assertions.Expect(entry.Locator("[data-old]")).ToHaveValueAsync("2");
        await Site.ScreenshotAsync(page, "request-manual-apply");
        await Site.AssertAccessibleAsync(page, "request-manual-apply");

        await entry.Locator("[data-new]").FillAsync("5");
        await page.ClickAsync("#act-apply button[type=submit]");
        await Assertions.Expect(page.Locator("#act-apply [data-problem]")).ToContainTextAsync("4");
        await Assertions.Expect(page.Locator("#state[data-state='unlocked']")).ToBeVisibleAsync();
        Assert.NotEmpty(Site.TakeBrowserErrors(page));
        Assert.False(await db.ChangeTableRows.IgnoreQueryFilters().AnyAsync(r => r.RequestId == id));

        await entry.Locator("[data-new]").FillAsync("4");
        await page.ClickAsync("#act-apply button[type=submit]");
        await Assertions.Expect(page.Locator("#state[data-state='applied']")).ToBeVisibleAsync(new() { Timeout = 15_000 });
        var row = await db.ChangeTableRows.IgnoreQueryFilters().SingleAsync(r => r.RequestId == id);
        Assert.StartsWith("Отметка «2» изменена на «4»", row.Description, StringComparison.Ordinal);
    }
}

public sealed class ManualJournalInBrowserTests_OnPostgres(PostgresBrowserApp app) : ManualJournalInBrowserTests<PostgresBrowserApp>(app);
