using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Corrections.Web.Demo;
using Corrections.Web.Tests.Support;
using Corrections.Workflows.Accounts;

namespace Corrections.Web.Tests.Accounts;

public abstract class SignInTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : AppFixture
{
    private static readonly Dictionary<Role, string> RoleNames = new()
    {
        [Role.Teacher] = "Учитель", [Role.Zavuch] = "Заместитель директора (завуч)", [Role.Director] = "Директор",
        [Role.Clerk] = "Делопроизводитель", [Role.DepartmentOfficer] = "Специалист управления образования", [Role.Admin] = "Администратор",
    };

    public static TheoryData<string> DemoEmails => [.. DemoSeeder.Accounts.Select(a => a.Email)];

    [Theory]
    [MemberData(nameof(DemoEmails))]
    public async Task Every_demo_account_signs_in_on_the_page_and_sees_its_roles_and_school(string email)
    {
        var account = DemoSeeder.Accounts.Single(a => a.Email == email);

        var (_, response) = await Browser.SignInAsync(app.App, email, DemoSeeder.Password);
        var page = await Browser.TextAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("/", response.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains($"Здравствуйте, {account.Surname} {account.GivenName} {account.Patronymic}!", page, StringComparison.Ordinal);
        foreach (var role in account.Roles)
            Assert.Contains($"<td>{RoleNames[role]}</td><td>{account.Where}</td>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task In_demo_mode_the_login_page_lists_every_demo_login_with_the_password()
    {
        var page = WebUtility.HtmlDecode(await app.App.CreateClient().GetStringAsync("/Account/Login"));

        Assert.Contains(DemoSeeder.Password, page, StringComparison.Ordinal);
        Assert.All(DemoSeeder.Accounts, a => Assert.Contains($"<code>{a.Email}</code>", page, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_wrong_password_on_the_page_says_so_in_russian_and_keeps_the_email()
    {
        var (_, response) = await Browser.SignInAsync(app.App, "teacher@sosh1.demo", "not-the-password");
        var page = await Browser.TextAsync(response);

        Assert.Equal("/Account/Login", response.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains("Неверный адрес электронной почты или пароль.", page, StringComparison.Ordinal);
        Assert.Contains("value=\"teacher@sosh1.demo\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_need_a_sign_in_and_send_a_stranger_to_the_login_page()
    {
        var client = app.App.CreateClient(new() { AllowAutoRedirect = false });

        var response = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Signing_out_ends_the_session()
    {
        var (client, _) = await Browser.SignInAsync(app.App, "clerk@sosh1.demo", DemoSeeder.Password);

        await client.PostAsync("/Account/Logout", await Browser.FormAsync(client, "/Account/Logout", []));
        var after = await client.GetAsync("/");

        Assert.Equal("/Account/Login", after.RequestMessage!.RequestUri!.AbsolutePath);
    }

    [Fact]
    public async Task The_api_hands_out_a_bearer_token_that_identifies_the_user()
    {
        var client = await app.ApiAs("zavuch@gimn2.demo");

        var me = await client.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/v1/me");

        Assert.Equal("zavuch@gimn2.demo", me.GetProperty("email").GetString());
        Assert.Equal(["Teacher", "Zavuch"], me.GetProperty("roles").EnumerateArray().Select(r => r.GetProperty("role").GetString()).Order());
        Assert.All(me.GetProperty("roles").EnumerateArray(), r => Assert.Equal("МАОУ «Гимназия № 2»", r.GetProperty("schoolName").GetString()));
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_for_the_right_one()
    {
        var client = app.App.CreateClient();
        for (var i = 0; i < 5; i++)
        {
            var wrong = await client.PostAsJsonAsync("/api/v1/auth/login", new { email = "clerk@gimn2.demo", password = "Wrong-Passw0rd" });
            var problem = await Problems.AssertProblemAsync(wrong, i < 4 ? HttpStatusCode.Unauthorized : (HttpStatusCode)423);
        }

        var right = await client.PostAsJsonAsync("/api/v1/auth/login", new { email = "clerk@gimn2.demo", password = DemoSeeder.Password });

        var locked = await Problems.AssertProblemAsync(right, (HttpStatusCode)423);
        Assert.Contains("временно заблокирована", locked.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_api_refuses_an_anonymous_caller_and_takes_a_write_by_page_cookie_only_with_the_pages_antiforgery_token()
    {
        var anonymous = await app.App.CreateClient().GetAsync("/api/v1/schools");
        await Problems.AssertProblemAsync(anonymous, HttpStatusCode.Unauthorized);

        var (cookieClient, _) = await Browser.SignInAsync(app.App, "teacher@sosh1.demo", DemoSeeder.Password);
        var schools = await cookieClient.GetAsync("/api/v1/schools");
        Assert.Equal(HttpStatusCode.OK, schools.StatusCode);
        var schoolId = JsonDocument.Parse(await schools.Content.ReadAsStringAsync()).RootElement[0].GetProperty("id").GetString();

        // A write with only the cookie, as another site could make the browser send it: refused, nothing created.
        var count = await CountRequestsAsync();
        var forged = await cookieClient.PostAsJsonAsync($"/api/v1/schools/{schoolId}/requests", new { });
        var problem = await Problems.AssertProblemAsync(forged, HttpStatusCode.BadRequest);
        Assert.Contains("Обновите страницу", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(count, await CountRequestsAsync());

        // The same write with the token of a page the teacher opened reaches the endpoint (which validates the body).
        var token = await Browser.TokenAsync(cookieClient, "/");
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/schools/{schoolId}/requests") { Content = JsonContent.Create(new { }) };
        request.Headers.Add("RequestVerificationToken", token);
        var reached = await cookieClient.SendAsync(request);
        var validation = await Problems.AssertProblemAsync(reached, HttpStatusCode.BadRequest);
        Assert.True(validation.TryGetProperty("errors", out var errors) && errors.TryGetProperty("classId", out _), validation.ToString());
    }

    private async Task<int> CountRequestsAsync()
    {
        await using var db = app.Db();
        return await db.CorrectionRequests.IgnoreQueryFilters().CountAsync();
    }
}

public sealed class SignInTests_OnPostgres(PostgresApp app) : SignInTests<PostgresApp>(app);

public sealed class SignInTests_OnSqlite(SqliteApp app) : SignInTests<SqliteApp>(app);
