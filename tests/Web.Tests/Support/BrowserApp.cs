using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;
using Corrections.Web.Demo;
using Corrections.Workflows.Persistence;
using Microsoft.Playwright;

namespace Corrections.Web.Tests.Support;

/// <summary>
/// The application as a person meets it: served by Kestrel on a loopback port (besides the in-memory
/// <see cref="AppFixture.App"/> on the same database, for set-up through the API) and driven by Debian's
/// headless Chromium through Playwright. One server, one Playwright driver and one browser per test class;
/// each page gets a fresh browser context, so no cookie leaks from one page to the next.
/// Every page is watched: a console error, an uncaught script error, a failed same-origin request or a
/// same-origin response of 400 or more fails the test (see <see cref="BrowserTests{TApp}"/>).
/// </summary>
public abstract partial class BrowserApp(DatabaseProvider provider) : AppFixture(provider)
{
    /// <summary>Debian's chromium: Playwright's own browser builds cannot be downloaded here, and CI installs this one (scripts/test.sh).</summary>
    public const string ChromiumPath = "/usr/bin/chromium";

    public static readonly ViewportSize Desktop = new() { Width = 1366, Height = 768 };
    public static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };

    private static readonly string[] ChromiumArgs =
    [
        // The tests run as root in CI, where Chromium's sandbox refuses to start.
        "--no-sandbox",
        // No GPU on these machines or in CI: render in software from the start.
        "--disable-gpu",
        // The machine reaches no network but loopback: keep Chromium from trying (and from slow time-outs).
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
    ];

    private readonly Lock _gate = new();
    private readonly List<WatchedPage> _open = [];
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    /// <summary>test-output/screenshots at the repository root (git-ignored), where <see cref="ScreenshotAsync"/> writes.</summary>
    public static string ScreenshotFolder => Path.Combine(RepositoryRoot.Value, "test-output", "screenshots");

    /// <summary>Where the served host listens, e.g. http://127.0.0.1:41234/.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        BaseAddress = await CreateServedAsync();

        if (!File.Exists(ChromiumPath))
            throw new InvalidOperationException($"Chromium is not installed at {ChromiumPath}: run scripts/test.sh (it installs Debian's chromium) or apt-get install chromium.");
        // Playwright starts its node driver from .playwright/ in the test output (copied there from the NuGet
        // package at build). With ExecutablePath it never looks for, nor downloads, a browser of its own.
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new() { ExecutablePath = ChromiumPath, Headless = true, Args = ChromiumArgs });
    }

    public override async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
        await base.DisposeAsync();
    }

    /// <summary>A new page in its own browser context (no cookies), at <paramref name="viewport"/> (default <see cref="Desktop"/>), with relative URLs resolved against the served host.</summary>
    public async Task<IPage> NewPageAsync(ViewportSize? viewport = null)
    {
        var context = await _browser!.NewContextAsync(new()
        {
            BaseURL = BaseAddress.ToString(),
            ViewportSize = viewport ?? Desktop,
            // As a Russian school's browser would be, and the same on every machine whatever its own settings.
            Locale = "ru-RU",
            TimezoneId = "Europe/Moscow",
        });
        var page = await context.NewPageAsync();
        var watched = new WatchedPage(page, BaseAddress);
        lock (_gate) _open.Add(watched);
        return page;
    }

    /// <summary>Signs in through the login page as a person would, and fails unless the app lets the user in.</summary>
    public async Task SignInAsync(IPage page, string email, string password = DemoSeeder.Password)
    {
        await page.GotoAsync("/Account/Login");
        var form = page.Locator("form:has(input[name='Email'])");
        await form.Locator("input[name='Email']").FillAsync(email);
        await form.Locator("input[name='Password']").FillAsync(password);
        await form.Locator("button[type='submit']").ClickAsync();
        try
        {
            // Either the app lets the user in (another page) or the login page comes back with its error; on a
            // loaded machine the first sign-in of a fresh host can take a while (password hashing, first requests).
            var signedIn = page.WaitForURLAsync(url => !IsLoginPage(url), new() { Timeout = 60_000 });
            var refused = page.Locator("#login-error").WaitForAsync(new() { Timeout = 60_000 });
            // The error wait fails on its own when the page navigates away (a sign-in that worked):
            // only a completed error wait means refused; otherwise the outcome is the navigation's.
            if (await Task.WhenAny(signedIn, refused) == refused && refused.IsCompletedSuccessfully) throw new TimeoutException();
            await signedIn;
        }
        catch (TimeoutException)
        {
            var error = string.Join(" ", await page.Locator("#login-error").AllInnerTextsAsync()).Trim();
            Assert.Fail($"{email} was not signed in; the login page says: {(error.Length > 0 ? error : "(no error shown)")}");
        }
        AssertNoBrowserErrors(page);
    }

    /// <summary>
    /// Runs axe-core on the page as it is now and fails listing every serious or critical violation
    /// (rule, help text, target selectors). The full axe result goes to test-output/axe/{name}.json for review,
    /// moderate and minor findings included.
    /// </summary>
    public async Task AssertAccessibleAsync(IPage page, string name)
    {
        CheckName(name);
        await page.AddScriptTagAsync(new() { Path = AxeScript.Value });
        // Returned as a JSON string: Playwright's own object mapping would add reference ids ("$id") to the report.
        var json = await page.EvaluateAsync<string>(
            """
            async () => {
              const result = await axe.run(document, { resultTypes: ['violations'] });
              return JSON.stringify(result.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
                nodes: v.nodes.map(n => ({
                  target: n.target.map(t => Array.isArray(t) ? t.join(' >>> ') : t).join(' '),
                  summary: (n.failureSummary || '').replace(/\s+/g, ' ').trim(),
                })),
              })));
            }
            """);
        var violations = JsonDocument.Parse(json).RootElement;
        var folder = Directory.CreateDirectory(Path.Combine(RepositoryRoot.Value, "test-output", "axe")).FullName;
        await File.WriteAllTextAsync(Path.Combine(folder, name + ".json"), JsonSerializer.Serialize(violations, AxeReportJson));

        var blocking = violations.EnumerateArray()
            .Where(v => v.GetProperty("impact").GetString() is "serious" or "critical")
            .Select(v => $"- [{v.GetProperty("impact").GetString()}] {v.GetProperty("id").GetString()}: {v.GetProperty("help").GetString()}\n    "
                         + string.Join("\n    ", v.GetProperty("nodes").EnumerateArray().Select(n => $"{n.GetProperty("target").GetString()}: {n.GetProperty("summary").GetString()}")))
            .ToList();
        Assert.True(blocking.Count == 0, $"axe found {blocking.Count} serious or critical violation(s) on {name} ({page.Url}):\n{string.Join("\n", blocking)}");
        AssertNoBrowserErrors(page);
    }

    /// <summary>
    /// Full-page PNGs of the page at 1366×768 and 390×844, as test-output/screenshots/{name}-1366x768.png and
    /// {name}-390x844.png, for a person to look at; the page's own viewport is restored afterwards.
    /// </summary>
    public async Task ScreenshotAsync(IPage page, string name)
    {
        CheckName(name);
        var folder = Directory.CreateDirectory(ScreenshotFolder).FullName;
        var original = page.ViewportSize is { } current ? new ViewportSize { Width = current.Width, Height = current.Height } : Desktop;
        try
        {
            foreach (var size in (ViewportSize[])[Desktop, Phone])
            {
                await page.SetViewportSizeAsync(size.Width, size.Height);
                await page.ScreenshotAsync(new() { Path = Path.Combine(folder, $"{name}-{size.Width}x{size.Height}.png"), FullPage = true });
            }
        }
        finally
        {
            await page.SetViewportSizeAsync(original.Width, original.Height);
        }
        AssertNoBrowserErrors(page);
    }

    /// <summary>Fails with every console error, script error and failed request the page has shown and that no earlier check reported.</summary>
    public void AssertNoBrowserErrors(IPage page)
    {
        var problems = TakeBrowserErrors(page);
        Assert.True(problems.Count == 0, $"the browser reported problems on {page.Url}:\n{string.Join("\n", problems.Select(p => "- " + p))}");
    }

    /// <summary>
    /// The problems the page has shown since the last check, which then count as reported: for a test that provokes
    /// an error on purpose (a forbidden page, say) and asserts exactly that one, instead of letting it fail the test.
    /// </summary>
    public IReadOnlyList<string> TakeBrowserErrors(IPage page)
    {
        WatchedPage watched;
        lock (_gate) watched = _open.Single(w => w.Page == page);
        return watched.TakeUnreported();
    }

    /// <summary>
    /// Closes every page opened since the last call and fails with whatever they reported that no check has yet:
    /// run after each test by <see cref="BrowserTests{TApp}"/>, so errors after a test's last check count too.
    /// </summary>
    public async Task CloseAndCheckPagesAsync()
    {
        List<WatchedPage> pages;
        lock (_gate) { pages = [.. _open]; _open.Clear(); }
        var problems = new List<string>();
        foreach (var watched in pages)
        {
            // Closing first lets in-flight requests and late console messages land before the last look.
            await watched.Page.Context.CloseAsync();
            problems.AddRange(watched.TakeUnreported().Select(p => $"- {p}"));
        }
        Assert.True(problems.Count == 0, $"the browser reported problems after the test's last check:\n{string.Join("\n", problems)}");
    }

    // Readable Cyrillic in the report; it is a file for people, never embedded in HTML.
    private static readonly JsonSerializerOptions AxeReportJson = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static bool IsLoginPage(string url) => new Uri(url).AbsolutePath.Equals("/Account/Login", StringComparison.OrdinalIgnoreCase);

    private static void CheckName(string name) =>
        Assert.True(FileName().IsMatch(name), $"'{name}' must be a plain file name (letters, digits, '.', '_', '-'): it names files in test-output");

    [GeneratedRegex("^[A-Za-z0-9._-]+$")]
    private static partial Regex FileName();

    private static readonly Lazy<string> RepositoryRoot = new(() =>
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Corrections.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException($"Corrections.sln not found above {AppContext.BaseDirectory}");
    });

    // Installed by src/Web's build from its package.json (devDependencies), like the pages' own libraries.
    private static readonly Lazy<string> AxeScript = new(() =>
    {
        var path = Path.Combine(RepositoryRoot.Value, "src", "Web", "node_modules", "axe-core", "axe.min.js");
        return File.Exists(path) ? path : throw new InvalidOperationException($"axe-core is missing at {path}: build src/Web, which runs npm ci there");
    });

    /// <summary>One page and what it reported, in order.</summary>
    private sealed class WatchedPage
    {
        private readonly Lock _gate = new();
        private readonly List<string> _problems = [];
        private int _reported;

        public WatchedPage(IPage page, Uri origin)
        {
            Page = page;
            page.Console += (_, message) =>
            {
                if (message.Type == "error" && !IsBrowsersOwnIconGuess(message, origin)) Add($"console error: {message.Text} (at {message.Location})");
            };
            page.PageError += (_, error) => Add($"script error: {error}");
            page.RequestFailed += (_, request) =>
            {
                // A request the page itself abandoned (a navigation away, a download) is no fault of the app.
                if (IsSameOrigin(request.Url, origin) && request.Failure != "net::ERR_ABORTED")
                    Add($"request failed: {request.Method} {request.Url}: {request.Failure}");
            };
            page.Response += (_, response) =>
            {
                if (IsSameOrigin(response.Url, origin) && response.Status >= 400)
                    Add($"response {response.Status} {response.StatusText}: {response.Request.Method} {response.Url}");
            };
        }

        public IPage Page { get; }

        public List<string> TakeUnreported()
        {
            lock (_gate)
            {
                var fresh = _problems.Skip(_reported).ToList();
                _reported = _problems.Count;
                return fresh;
            }
        }

        private void Add(string problem)
        {
            lock (_gate) _problems.Add(problem);
        }

        // Chromium asks for /favicon.ico by itself when a page names no icon, and logs the 404. No page asked for
        // it, so it says nothing about a procedure; only that one address is let through, every other one counts.
        private static bool IsBrowsersOwnIconGuess(IConsoleMessage message, Uri origin) =>
            message.Location.StartsWith(new Uri(origin, "/favicon.ico").ToString(), StringComparison.Ordinal)
            && message.Text.StartsWith("Failed to load resource", StringComparison.Ordinal);

        private static bool IsSameOrigin(string url, Uri origin) =>
            Uri.TryCreate(url, UriKind.Absolute, out var uri) && Uri.Compare(uri, origin, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0;
    }
}

public sealed class PostgresBrowserApp() : BrowserApp(DatabaseProvider.Postgres);

/// <summary>
/// Base of a browser test class: the browser fixture per class, and after every test the pages it opened
/// are closed and checked for errors. xunit reports a failure there together with the test's own.
/// Derived classes reach the fixture as <see cref="Site"/> (a primary-constructor parameter of their own
/// would be captured twice, which the compiler warns about).
/// </summary>
public abstract class BrowserTests<TApp>(TApp app) : IClassFixture<TApp>, IAsyncLifetime where TApp : BrowserApp
{
    /// <summary>The served site, its database and its browser.</summary>
    protected TApp Site => app;

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => app.CloseAndCheckPagesAsync();
}
