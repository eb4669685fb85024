using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Corrections.Web.Tests.Support;
using Corrections.Workflows.Access;
using Corrections.Workflows.Engine;
using Corrections.Workflows.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Corrections.Web.Tests.Requests.RequestDriver;

namespace Corrections.Web.Tests.Requests;

/// <summary>
/// Deadlines in the school's working-day calendar, on an injected clock: a request registered on a
/// Friday, with the following Saturday a transferred working day and Monday and Tuesday public
/// holidays, is due on Thursday; the director is reminded on Wednesday; afterwards it is overdue in
/// the director's inbox and in the department's summary.
/// </summary>
public abstract class DeadlineTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : AppFixture
{
    private static readonly TimeZoneInfo Moscow = TimeZoneInfo.FindSystemTimeZoneById("Europe/Moscow");

    /// <summary>The next Friday (from tomorrow on) at <paramref name="hour"/> in Moscow, school № 1's zone.</summary>
    private static DateTimeOffset NextFriday(int hour)
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Moscow).DateTime);
        var friday = today.AddDays((int)DayOfWeek.Friday - (int)today.DayOfWeek is var d && d <= 0 ? d + 7 : d);
        return At(friday, hour);
    }

    private static DateTimeOffset At(DateOnly date, int hour)
    {
        var wall = date.ToDateTime(new TimeOnly(hour, 0));
        return new DateTimeOffset(wall, Moscow.GetUtcOffset(wall)).ToUniversalTime();
    }

    [Fact]
    public async Task The_decision_is_due_in_working_days_of_the_schools_calendar_and_the_reminder_comes_one_working_day_before()
    {
        var registeredAt = NextFriday(10);
        var friday = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(registeredAt, Moscow).DateTime);
        var clock = new TestClock(registeredAt);
        var host = app.Create(clock: clock);
        var driver = new RequestDriver(app, host);
        Guid schoolId, municipalityId;
        await using (var db = app.Db())
        {
            var school = await db.Schools.SingleAsync(s => s.ShortName == "МБОУ СОШ № 1");
            (schoolId, municipalityId) = (school.Id, school.MunicipalityId);
        }

        var admin = await driver.As(Admin);
        var put = await admin.PutAsJsonAsync($"/api/v1/schools/{schoolId}/calendar", new
        {
            weekDays = 5,
            days = new object[]
            {
                new { date = friday.AddDays(1), kind = "WorkingDay", note = "Перенос рабочего дня" },
                new { date = friday.AddDays(3), kind = "Holiday", note = "Праздник" },
                new { date = friday.AddDays(4), kind = "Holiday", note = "Праздник" },
            },
        });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var calendar = await (await driver.As(Director)).GetFromJsonAsync<JsonElement>($"/api/v1/schools/{schoolId}/calendar");
        Assert.Equal(3, calendar.GetProperty("days").GetArrayLength());
        Assert.Equal(HttpStatusCode.Forbidden, (await (await driver.As(Director)).PutAsJsonAsync($"/api/v1/schools/{schoolId}/calendar", new { weekDays = 6 })).StatusCode);

        var id = (await driver.CreateDraftAsync()).GetProperty("id").GetGuid();
        await driver.StepAsync(id, Teacher, "submit", "submitted");
        await using (var db = app.Db())
        {
            // The clerk's one working day falls on the transferred Saturday.
            var clerkTask = await db.WorkflowWaits.SingleAsync(w => w.InstanceId == id && w.Kind == WaitKind.Task);
            Assert.Equal(At(friday.AddDays(1), 10), clerkTask.DueAt);
        }
        await driver.StepAsync(id, Clerk, "register", "registered");

        WorkflowWait reminder;
        await using (var db = app.Db())
        {
            // Saturday (1), Sunday off, Monday and Tuesday holidays, Wednesday (2), Thursday (3).
            var decision = await db.WorkflowWaits.SingleAsync(w => w.InstanceId == id && w.Kind == WaitKind.Task);
            Assert.Equal(At(friday.AddDays(6), 10), decision.DueAt);
            reminder = await db.WorkflowWaits.SingleAsync(w => w.InstanceId == id && w.Name == "decision-reminder");
            Assert.Equal(At(friday.AddDays(5), 10), reminder.DueAt);
        }

        // Wednesday 10:00: the reminder fires and tells the director by when, in the school's time.
        clock.Advance(reminder.DueAt!.Value - clock.GetUtcNow());
        driver = new RequestDriver(app, host); // signed in afresh: the tokens of Friday have expired
        await using (var scope = host.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<AccessScopeHolder>().Current = AccessScope.System;
            Assert.True(await scope.ServiceProvider.GetRequiredService<WorkflowEngine>().FireTimerAsync(reminder.Id, reminder.Token, default));
        }
        var mail = await WaitForAsync(async db => await db.OutgoingMails.SingleOrDefaultAsync(m => m.RequestId == id && m.Kind == NotificationKinds.DecisionReminder));
        Assert.Equal(Director, mail.To);
        Assert.EndsWith($"до {friday.AddDays(6):dd.MM.yyyy} 10:00 (время школы, UTC+3)", mail.Subject);
        // Without a mail server the message is written as an .eml file into the data folder.
        var eml = await WaitForAsync(_ => Task.FromResult(Directory.Exists(Path.Combine(app.DataFolder, "mail"))
            ? Directory.GetFiles(Path.Combine(app.DataFolder, "mail"), "*.eml").FirstOrDefault(f => File.ReadAllText(f).Contains($"<{mail.Id:N}@corrections.outbox>"))
            : null));
        Assert.Contains("Subject: =?utf-8?B?", File.ReadAllText(eml), StringComparison.OrdinalIgnoreCase);

        // Not overdue on Thursday at 09:59, overdue from 10:00 on: in the director's inbox and in the department's summary.
        clock.Advance(At(friday.AddDays(6), 9).AddMinutes(59) - clock.GetUtcNow());
        driver = new RequestDriver(app, host);
        Assert.False(await OverdueInInboxAsync(driver, id));
        Assert.DoesNotContain((await OverdueAsync(driver, municipalityId)).EnumerateArray(), s => s.GetProperty("schoolId").GetGuid() == schoolId);
        clock.Advance(TimeSpan.FromMinutes(2));
        driver = new RequestDriver(app, host);
        Assert.True(await OverdueInInboxAsync(driver, id));
        var summary = Assert.Single((await OverdueAsync(driver, municipalityId)).EnumerateArray(), s => s.GetProperty("schoolId").GetGuid() == schoolId);
        Assert.Equal(1, summary.GetProperty("overdue").GetInt32());
        Assert.Equal(At(friday.AddDays(6), 10), summary.GetProperty("oldestDueAt").GetDateTimeOffset());
        // The summary is the department's: a school's director may not read it.
        Assert.Equal(HttpStatusCode.Forbidden, (await (await driver.As(Director)).GetAsync($"/api/v1/municipalities/{municipalityId}/overdue")).StatusCode);
    }

    [Fact]
    public async Task A_calendar_with_a_seven_day_week_or_a_date_given_twice_is_refused_and_changes_nothing()
    {
        var driver = new RequestDriver(app);
        await using var db = app.Db();
        var schoolId = (await db.Schools.SingleAsync(s => s.ShortName == "МАОУ «Гимназия № 2»")).Id;
        var admin = await app.ApiAs("admin@gimn2.demo");
        var before = await admin.GetStringAsync($"/api/v1/schools/{schoolId}/calendar");
        var week = await admin.PutAsJsonAsync($"/api/v1/schools/{schoolId}/calendar", new { weekDays = 7 });
        var twice = await admin.PutAsJsonAsync($"/api/v1/schools/{schoolId}/calendar", new
        {
            weekDays = 6, days = new[] { new { date = "2027-01-07", kind = "Holiday" }, new { date = "2027-01-07", kind = "WorkingDay" } },
        });
        Assert.Equal(HttpStatusCode.BadRequest, week.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, twice.StatusCode);
        Assert.Contains("07.01.2027", await twice.Content.ReadAsStringAsync());
        Assert.Equal(before, await admin.GetStringAsync($"/api/v1/schools/{schoolId}/calendar"));
    }

    private static async Task<bool> OverdueInInboxAsync(RequestDriver driver, Guid id)
    {
        var inbox = await (await driver.As(Director)).GetFromJsonAsync<JsonElement>("/api/v1/inbox");
        return inbox.EnumerateArray().Single(i => i.GetProperty("requestId").GetGuid() == id).GetProperty("overdue").GetBoolean();
    }

    private static async Task<JsonElement> OverdueAsync(RequestDriver driver, Guid municipalityId)
        => await (await driver.As(Department)).GetFromJsonAsync<JsonElement>($"/api/v1/municipalities/{municipalityId}/overdue");

    private async Task<T> WaitForAsync<T>(Func<Workflows.Persistence.CorrectionsDbContext, Task<T?>> probe)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            await using var db = app.Db();
            if (await probe(db) is { } found) return found;
            Assert.True(DateTime.UtcNow < deadline, $"the outbox did not produce it within 60 s: {string.Join("; ", await db.OutgoingMails.Select(m => m.Kind + " " + m.To + " " + m.SentAt + " " + m.LastError).ToListAsync())}");
            await Task.Delay(100);
        }
    }
}

public sealed class DeadlineTests_OnPostgres(PostgresApp app) : DeadlineTests<PostgresApp>(app);

public sealed class DeadlineTests_OnSqlite(SqliteApp app) : DeadlineTests<SqliteApp>(app);
