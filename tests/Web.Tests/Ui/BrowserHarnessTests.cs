using System.Buffers.Binary;
using Corrections.Web.Tests.Support;
using Microsoft.Playwright;
using Xunit.Sdk;

namespace Corrections.Web.Tests.Ui;

/// <summary>
/// The browser helpers themselves: each check fails when it should, so a green browser test means
/// the page was really clean and not that nothing looked.
/// </summary>
public abstract class BrowserHarnessTests<TApp>(TApp app) : BrowserTests<TApp>(app) where TApp : BrowserApp
{
    [Fact]
    public async Task A_refused_sign_in_fails_with_what_the_login_page_says()
    {
        var page = await Site.NewPageAsync();

        var failure = await Assert.ThrowsAsync<FailException>(() => Site.SignInAsync(page, "teacher@sosh1.demo", "not-the-password"));

        Assert.Contains("Неверный адрес электронной почты или пароль.", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Script_errors_console_errors_and_failed_same_origin_requests_are_reported_once_each()
    {
        var page = await Site.NewPageAsync();
        await page.GotoAsync("/Account/Login");

        await page.EvaluateAsync("() => { console.error('logged by the page'); setTimeout(() => { throw new Error('thrown by the page'); }); }");
        await page.WaitForTimeoutAsync(200); // the uncaught error is thrown on the next turn of the event loop

        var failure = Assert.Throws<TrueException>(() => Site.AssertNoBrowserErrors(page));
        Assert.Contains("console error: logged by the page", failure.Message, StringComparison.Ordinal);
        Assert.Contains("script error: Error: thrown by the page", failure.Message, StringComparison.Ordinal);
        Site.AssertNoBrowserErrors(page); // already reported: a later check does not repeat them

        await page.RunAndWaitForResponseAsync(() => page.EvaluateAsync("() => fetch('/no-such-resource')"), "**/no-such-resource");
        var taken = Site.TakeBrowserErrors(page);
        Assert.Contains(taken, p => p.StartsWith("response 404", StringComparison.Ordinal) && p.EndsWith("/no-such-resource", StringComparison.Ordinal));
        Site.AssertNoBrowserErrors(page); // taken on purpose, so no longer a failure
    }

    [Fact]
    public async Task An_error_after_the_last_check_is_caught_when_the_pages_are_closed()
    {
        var page = await Site.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        Site.AssertNoBrowserErrors(page);

        await page.EvaluateAsync("() => console.error('too late to be checked by the test')");

        var failure = await Assert.ThrowsAsync<TrueException>(Site.CloseAndCheckPagesAsync);
        Assert.Contains("too late to be checked by the test", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Axe_fails_on_a_serious_violation_and_names_the_rule_and_the_element()
    {
        var page = await Site.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        // An image without any text alternative: axe's image-alt rule, impact critical.
        await page.EvaluateAsync("() => { const img = document.createElement('img'); img.id = 'no-alt'; img.src = 'data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7'; document.querySelector('main, body').append(img); }");

        var failure = await Assert.ThrowsAsync<TrueException>(() => Site.AssertAccessibleAsync(page, "harness-image-without-alt"));

        Assert.Contains("image-alt", failure.Message, StringComparison.Ordinal);
        Assert.Contains("#no-alt", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Screenshots_are_full_page_pngs_at_both_sizes_and_the_page_keeps_its_own_viewport()
    {
        var page = await Site.NewPageAsync(new ViewportSize { Width = 800, Height = 600 });
        await page.GotoAsync("/Account/Login");

        await Site.ScreenshotAsync(page, "harness-login");

        var widths = new List<int>();
        foreach (var (size, file) in new[] { (BrowserApp.Desktop, "harness-login-1366x768.png"), (BrowserApp.Phone, "harness-login-390x844.png") })
        {
            var png = await File.ReadAllBytesAsync(Path.Combine(BrowserApp.ScreenshotFolder, file));
            Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
            // The PNG header's width and height (big-endian, at bytes 16 and 20). A full-page shot is at least the
            // viewport in both directions; wider only if the page scrolls sideways, which is the page's business.
            var (width, height) = (BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)));
            Assert.True(width >= size.Width && height >= size.Height, $"{file} is {width}×{height}");
            widths.Add(width);
        }
        Assert.True(widths[1] < widths[0], $"the phone shot ({widths[1]} px) is not narrower than the desktop one ({widths[0]} px): the viewport did not change");
        Assert.Equal(800, page.ViewportSize!.Width);
        Assert.Equal(600, page.ViewportSize!.Height);
    }
}

public sealed class BrowserHarnessTests_OnPostgres(PostgresBrowserApp app) : BrowserHarnessTests<PostgresBrowserApp>(app);
