using Corrections.Web.Demo;
using Corrections.Web.Tests.Support;

namespace Corrections.Web.Tests.Ui;

/// <summary>The login page and the home page in a real browser: the smallest path every person takes.</summary>
public abstract class LoginPageTests<TApp>(TApp app) : BrowserTests<TApp>(app) where TApp : BrowserApp
{
    [Fact]
    public async Task A_director_signs_in_on_the_login_page_and_is_greeted_by_name_on_an_accessible_home_page()
    {
        var director = DemoSeeder.Accounts.Single(a => a.Email == "director@sosh1.demo");
        var page = await Site.NewPageAsync();

        await page.GotoAsync("/Account/Login");
        Assert.Equal("Вход в систему — Исправления в электронном журнале", await page.TitleAsync());
        Assert.Equal("Вход в систему", (await page.Locator("h1").InnerTextAsync()).Trim());
        // Pictures before the accessibility check, so that a page that fails it can still be looked at.
        await Site.ScreenshotAsync(page, "login");
        await Site.AssertAccessibleAsync(page, "login");

        await Site.SignInAsync(page, director.Email);

        Assert.Equal("/", new Uri(page.Url).AbsolutePath);
        Assert.Equal("Главная — Исправления в электронном журнале", await page.TitleAsync());
        Assert.Equal($"Здравствуйте, {director.Surname} {director.GivenName} {director.Patronymic}!", (await page.Locator("h1").InnerTextAsync()).Trim());
        await Site.ScreenshotAsync(page, "home-director");
        await Site.AssertAccessibleAsync(page, "home-director");
    }
}

public sealed class LoginPageTests_OnPostgres(PostgresBrowserApp app) : LoginPageTests<PostgresBrowserApp>(app);
