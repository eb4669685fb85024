using System.Text.Json.Serialization;
using Corrections.Integrations.Storage;
using Corrections.Web.Demo;
using Corrections.Web.Features;
using Corrections.Web.Features.Notifications;
using Corrections.Web.Infrastructure.Timers;
using Corrections.Workflows.Accounts;
using Corrections.Workflows.Engine;
using Corrections.Workflows.Persistence;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using System.Globalization;

namespace Corrections.Web.Infrastructure;

public static class WebServiceCollectionExtensions
{
    public static WebApplicationBuilder AddCorrectionsWeb(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;

        if (!builder.Environment.IsDevelopment())
            builder.Logging.ClearProviders().AddJsonConsole(o => { o.IncludeScopes = true; o.UseUtcTimestamp = true; });
        else
            builder.Logging.AddSimpleConsole(o => o.IncludeScopes = false);

        var dataFolder = DataFolder.Prepare(configuration["DataFolder"], builder.Environment.ContentRootPath);
        services.AddSingleton(dataFolder);
        services.AddSingleton(TimeProvider.System);
        services.AddCorrectionsPersistence(configuration, dataFolder.Path);
        services.AddCorrectionsWorkflows(configuration["Workflows:Folder"] is { Length: > 0 } folder
            ? Path.GetFullPath(folder, builder.Environment.ContentRootPath)
            : Path.Combine(AppContext.BaseDirectory, "workflows"));
        services.AddWorkflowTimers();
        services.AddCorrectionsNotifications(configuration, builder.Environment, dataFolder);
        var scans = configuration.GetSection("Scans").Get<Features.Requests.ScanOptions>() ?? new Features.Requests.ScanOptions();
        services.AddSingleton(Microsoft.Extensions.Options.Options.Create(scans));
        services.AddHttpContextAccessor();
        services.AddScoped<Features.Documents.DocumentIssuer>();
        services.AddScoped<Ui.UiContext>();
        services.AddSingleton(sp => DocumentFonts.Check(sp.GetRequiredService<IHostEnvironment>(), sp.GetRequiredService<ILoggerFactory>().CreateLogger<DocumentFonts>()));
        services.Configure<Integrations.Journals.DnevnikOptions>(configuration.GetSection("Dnevnik"));
        services.AddHttpClient(Integrations.Journals.DnevnikRuAdapter.HttpClientName, c => c.Timeout = Timeout.InfiniteTimeSpan); // the adapter times each call itself
        services.AddSingleton<Workflows.Journal.IJournalAdapter, Integrations.Journals.DnevnikRuAdapter>();
        services.AddSingleton<Workflows.Records.IDocumentStorage>(new FolderDocumentStorage(
            scans.Folder is { Length: > 0 } scanFolder ? Path.GetFullPath(scanFolder, builder.Environment.ContentRootPath) : dataFolder.Combine("scans")));
        services.AddDataProtection().PersistKeysToFileSystem(new DirectoryInfo(dataFolder.Combine("keys"))).SetApplicationName("Corrections");

        services.AddIdentityCore<AppUser>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.Password.RequiredLength = 10;
                o.Password.RequireDigit = true;
                o.Password.RequireLowercase = true;
                o.Password.RequireUppercase = true;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 5;
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
            })
            .AddEntityFrameworkStores<CorrectionsDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders();

        // Pages sign in with the Identity cookie, programs with a bearer token; one default scheme
        // picks by header so the access scope is known before authorization runs.
        services.AddAuthentication(o =>
            {
                o.DefaultScheme = Policies.CookieOrBearer;
                o.DefaultChallengeScheme = Policies.CookieOrBearer;
            })
            .AddPolicyScheme(Policies.CookieOrBearer, "Cookie or bearer", o => o.ForwardDefaultSelector = context =>
                context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? IdentityConstants.BearerScheme
                    : IdentityConstants.ApplicationScheme)
            .AddBearerToken(IdentityConstants.BearerScheme, o => o.BearerTokenExpiration = TimeSpan.FromHours(1))
            .AddIdentityCookies();
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/Account/Login";
            o.LogoutPath = "/Account/Logout";
            o.AccessDeniedPath = "/Account/AccessDenied";
            o.Cookie.Name = "corrections.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
            // A program (or a page's script) calling the API gets a status, never the sign-in page.
            o.Events.OnRedirectToLogin = c => ApiOrRedirect(c, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = c => ApiOrRedirect(c, StatusCodes.Status403Forbidden);
        });
        services.AddAntiforgery(o => o.HeaderName = ApiAntiforgery.HeaderName);
        services.AddAuthorization(Policies.Add);
        services.AddScoped<IAuthorizationHandler, AccessHandler>();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, ApiAuthorizationResultHandler>();

        services.AddLocalization(o => o.ResourcesPath = "Resources");
        services.Configure<RequestLocalizationOptions>(o =>
        {
            // Russian is the only language today; English can be added as Resources/*.en.resx.
            var russian = new CultureInfo("ru-RU");
            o.DefaultRequestCulture = new RequestCulture(russian);
            o.SupportedCultures = [russian];
            o.SupportedUICultures = [russian];
        });
        services.AddRazorPages(o =>
        {
            o.Conventions.AuthorizeFolder("/");
            o.Conventions.AllowAnonymousToPage("/Account/Login");
            o.Conventions.AllowAnonymousToPage("/Account/AccessDenied");
            o.Conventions.AllowAnonymousToPage("/Error");
        }).AddViewLocalization();
        // Cyrillic as text, not as &#x…; entities: pages stay small and readable.
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));

        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        services.AddProblemDetails();
        services.AddExceptionHandler<KnownExceptionHandler>();
        services.AddOpenApi(o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Corrections API";
            document.Info.Description = "Correction requests to a school's electronic class journal. Sign in with POST /api/v1/auth/login and send the token as 'Authorization: Bearer …'.";
            return Task.CompletedTask;
        }));
        services.AddHealthChecks().AddCheck<DatabaseReadyCheck>("database", tags: ["ready"]);

        services.AddCorrectionsAccountsStartup(configuration, builder.Environment);
        return builder;
    }

    public static WebApplication UseCorrections(this WebApplication app)
    {
        app.Services.GetRequiredService<DocumentFonts>();
        // Programs get ProblemDetails; people get a page in Russian.
        app.UseWhen(IsApi, api => api.UseExceptionHandler());
        app.UseWhen(c => !IsApi(c), pages => pages.UseExceptionHandler("/Error"));
        app.UseMiddleware<RequestLogging>();
        app.UseWhen(IsApi, api => api.UseStatusCodePages());
        // A page that is not found or not allowed says so in Russian, not with the browser's own error.
        app.UseWhen(c => !IsApi(c), pages => pages.UseStatusCodePagesWithReExecute("/Error"));
        app.UseRequestLocalization();
        app.UseStaticFiles();
        app.UseRouting();
        app.UseAuthentication();
        app.UseMiddleware<AccessScopeMiddleware>();
        app.UseWhen(IsApi, api => api.UseMiddleware<ApiAntiforgery>());
        app.UseAuthorization();

        app.MapOpenApi();
        app.MapHealthEndpoints();
        app.MapApiV1();
        app.MapRazorPages();
        return app;
    }

    private static Task ApiOrRedirect(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, int status)
    {
        if (IsApi(context.HttpContext)) context.Response.StatusCode = status;
        else context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }

    private static bool IsApi(HttpContext context) => context.Request.Path.StartsWithSegments("/api");
}
