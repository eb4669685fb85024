using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Corrections.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Corrections.Web.Tests.Requests;

/// <summary>Point 1 through the API: the policy set per municipality and school, and the status of one entry on the school's local date.</summary>
public abstract class LockPolicyApiTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : AppFixture
{
    private async Task<(Guid Moscow, Guid Kamchatka, Guid Municipality)> SchoolsAsync()
    {
        await using var db = app.Db();
        var schools = await db.Schools.ToDictionaryAsync(s => s.ShortName);
        return (schools["МБОУ СОШ № 1"].Id, schools["МАОУ «Гимназия № 2»"].Id, schools["МБОУ СОШ № 1"].MunicipalityId);
    }

    [Fact]
    public async Task The_municipality_sets_the_policy_and_a_school_overrides_it()
    {
        var (moscow, kamchatka, municipality) = await SchoolsAsync();
        var departmentAdmin = await app.ApiAs("admin@okrug.demo");
        var schoolAdmin = await app.ApiAs("admin@gimn2.demo");

        var set = await departmentAdmin.PutAsJsonAsync($"/api/v1/municipalities/{municipality}/lock-policy", new { preset = "KrasnodarSchool53" });
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        var own = await schoolAdmin.PutAsJsonAsync($"/api/v1/schools/{kamchatka}/lock-policy", new { preset = "EisuMoSchool14", eisuWindow = "OneMonth" });
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);

        var inMoscow = await departmentAdmin.GetFromJsonAsync<JsonElement>($"/api/v1/schools/{moscow}/lock-policy");
        var inKamchatka = await departmentAdmin.GetFromJsonAsync<JsonElement>($"/api/v1/schools/{kamchatka}/lock-policy");
        Assert.Equal("municipality", inMoscow.GetProperty("source").GetString());
        Assert.Equal(10, Rule(inMoscow, "CurrentMark").GetProperty("length").GetInt32());
        Assert.Equal("school", inKamchatka.GetProperty("source").GetString());
        Assert.Equal("Months", Rule(inKamchatka, "CurrentMark").GetProperty("unit").GetString());

        var teacher = await app.ApiAs("teacher@gimn2.demo");
        Assert.Equal(HttpStatusCode.Forbidden, (await teacher.PutAsJsonAsync($"/api/v1/schools/{kamchatka}/lock-policy", new { preset = "KrasnodarLetter2017" })).StatusCode);
        await Problems.AssertFieldErrorAsync(await schoolAdmin.PutAsJsonAsync($"/api/v1/schools/{kamchatka}/lock-policy", new { preset = "KrasnodarLetter2017", eisuWindow = "OneWeek" }),
            "eisuWindow", "только для набора правил ЕИСУ МО");

        // Back to the defaults for the other tests of the class.
        await using var db = app.Db();
        await db.LockPolicySettings.ExecuteDeleteAsync();
    }

    [Fact]
    public async Task A_kamchatka_entry_locks_at_local_midnight_not_at_moscow_midnight()
    {
        var (moscow, kamchatka, _) = await SchoolsAsync();
        // 11:30 UTC on 12.11 is 23:30 in Kamchatka (UTC+12) and 14:30 in Moscow.
        var clock = new TestClock(new DateTimeOffset(2026, 11, 12, 11, 30, 0, TimeSpan.Zero));
        var host = app.Create(clock: clock);
        var client = await app.ApiAs("director@gimn2.demo", host: host);
        var moscowClient = await app.ApiAs("director@sosh1.demo", host: host);

        var before = await client.GetFromJsonAsync<JsonElement>($"/api/v1/schools/{kamchatka}/lock-status?kind=CurrentMark&date=2026-11-10");
        clock.Advance(TimeSpan.FromMinutes(45)); // 00:15 in Kamchatka, 15:15 in Moscow (the tokens last an hour on this clock too)
        var after = await client.GetFromJsonAsync<JsonElement>($"/api/v1/schools/{kamchatka}/lock-status?kind=CurrentMark&date=2026-11-10");
        var moscowAfter = await moscowClient.GetFromJsonAsync<JsonElement>($"/api/v1/schools/{moscow}/lock-status?kind=CurrentMark&date=2026-11-10");

        Assert.Equal("editable", before.GetProperty("status").GetString());
        Assert.Equal("Запись ещё можно исправить самостоятельно до 12.11.2026 включительно.", before.GetProperty("message").GetString());
        Assert.Equal("locked", after.GetProperty("status").GetString());
        Assert.Equal("2026-11-13", after.GetProperty("lockedSince").GetString());
        Assert.Equal("editable", moscowAfter.GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_mark_ahead_and_a_period_mark_without_its_period_are_answered_plainly()
    {
        var (moscow, _, _) = await SchoolsAsync();
        var client = await app.ApiAs("teacher@sosh1.demo");
        var tomorrow = DateTime.UtcNow.AddDays(2).ToString("yyyy-MM-dd");

        var ahead = await client.GetFromJsonAsync<JsonElement>($"/api/v1/schools/{moscow}/lock-status?kind=CurrentMark&date={tomorrow}");
        var noPeriod = await client.GetAsync($"/api/v1/schools/{moscow}/lock-status?kind=PeriodMark&date=2026-10-20");

        Assert.Equal("not-yet-allowed", ahead.GetProperty("status").GetString());
        await Problems.AssertFieldErrorAsync(noPeriod, "studyPeriodId", "укажите учебный период");
    }

    [Fact]
    public async Task Submitting_goes_by_the_schools_own_policy_else_by_its_municipalitys_else_by_the_letter()
    {
        var (moscow, _, municipality) = await SchoolsAsync();
        var departmentAdmin = await app.ApiAs("admin@okrug.demo");
        var schoolAdmin = await app.ApiAs("admin@sosh1.demo");
        var driver = new RequestDriver(app);
        // Five days ago in Moscow: locked after the letter's two days, still editable within School № 53's ten.
        var date = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(3).AddDays(-5));
        var id = (await driver.CreateDraftAsync(date: date)).GetProperty("id").GetGuid();
        async Task<string> RefusalAsync()
            => (await Problems.AssertProblemAsync(await driver.ActAsync(id, RequestDriver.Teacher, "submit"), HttpStatusCode.UnprocessableEntity)).GetProperty("detail").GetString()!;
        try
        {
            Assert.Equal(HttpStatusCode.OK, (await departmentAdmin.PutAsJsonAsync($"/api/v1/municipalities/{municipality}/lock-policy", new { preset = "KrasnodarSchool53" })).StatusCode);
            Assert.StartsWith($"Запись от {date:dd.MM.yyyy} ещё можно исправить самостоятельно до {date.AddDays(10):dd.MM.yyyy}", await RefusalAsync(), StringComparison.Ordinal);

            Assert.Equal(HttpStatusCode.OK, (await schoolAdmin.PutAsJsonAsync($"/api/v1/schools/{moscow}/lock-policy", new { preset = "EisuMoSchool14", eisuWindow = "Never" })).StatusCode);
            Assert.StartsWith($"Запись от {date:dd.MM.yyyy} не блокируется", await RefusalAsync(), StringComparison.Ordinal);

            Assert.Equal(HttpStatusCode.OK, (await schoolAdmin.PutAsJsonAsync($"/api/v1/schools/{moscow}/lock-policy", new { preset = "KrasnodarLetter2017" })).StatusCode);
            await driver.StepAsync(id, RequestDriver.Teacher, "submit", "submitted");
        }
        finally
        {
            // Back to the defaults for the other tests of the class.
            await using var db = app.Db();
            await db.LockPolicySettings.ExecuteDeleteAsync();
        }
    }

    private static JsonElement Rule(JsonElement policy, string kind)
        => policy.GetProperty("rules").EnumerateArray().Single(r => r.GetProperty("kind").GetString() == kind);
}

public sealed class LockPolicyApiTests_OnPostgres(PostgresApp app) : LockPolicyApiTests<PostgresApp>(app);

public sealed class LockPolicyApiTests_OnSqlite(SqliteApp app) : LockPolicyApiTests<SqliteApp>(app);
