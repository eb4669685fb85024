using System.Text.Json;
using Corrections.Web.Tests.Support;
using Corrections.Workflows.Engine;
using Corrections.Workflows.Organisation;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using static Corrections.Web.Tests.Requests.RequestDriver;

namespace Corrections.Web.Tests.Requests;

/// <summary>Timers of the unlock, on Quartz: the window is measured on the injected clock; expiry happens once, also across restarts.</summary>
public abstract class TimerTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : AppFixture
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private async Task<Guid> UnlockedAsync(RequestDriver driver)
    {
        var id = (await driver.CreateDraftAsync()).GetProperty("id").GetGuid();
        await driver.StepAsync(id, Teacher, "submit", "submitted");
        await driver.StepAsync(id, Clerk, "register", "registered");
        await driver.StepAsync(id, Director, "approve", "unlocked");
        return id;
    }

    [Fact]
    public async Task The_unlock_window_is_48_hours_from_the_approval_on_the_injected_clock()
    {
        var clock = new TestClock(DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds() - 300));
        var driver = new RequestDriver(app, app.Create(clock: clock));
        var id = (await driver.CreateDraftAsync()).GetProperty("id").GetGuid();
        await driver.StepAsync(id, Teacher, "submit", "submitted");
        await driver.StepAsync(id, Clerk, "register", "registered");
        clock.Advance(TimeSpan.FromMinutes(3));
        var approvedAt = clock.GetUtcNow();
        await driver.StepAsync(id, Director, "approve", "unlocked");

        await using var db = app.Db();
        var timer = await db.WorkflowWaits.SingleAsync(w => w.InstanceId == id && w.Name == "unlock-end");
        var task = await db.WorkflowWaits.SingleAsync(w => w.InstanceId == id && w.Kind == WaitKind.Task);
        var reminder = await db.WorkflowWaits.SingleAsync(w => w.InstanceId == id && w.Name == "unlock-ending");
        Assert.Equal(approvedAt.AddHours(48), timer.DueAt);
        Assert.Equal(approvedAt.AddHours(48), task.DueAt);
        Assert.Equal(approvedAt.AddHours(44), reminder.DueAt);
    }

    [Fact]
    public async Task A_school_with_a_zero_hour_window_sees_the_unlock_expire_by_itself_exactly_once()
    {
        var driver = new RequestDriver(app);
        await using (var db = app.Db())
        {
            var school = await db.Schools.SingleAsync(s => s.ShortName == "МБОУ СОШ № 1");
            if (!await db.SchoolSettings.AnyAsync(s => s.SchoolId == school.Id && s.Name == "unlock-hours"))
                db.SchoolSettings.Add(new SchoolSetting { SchoolId = school.Id, Name = "unlock-hours", Value = "0" });
            await db.SaveChangesAsync();
        }
        try
        {
            var id = (await driver.CreateDraftAsync()).GetProperty("id").GetGuid();
            await driver.StepAsync(id, Teacher, "submit", "submitted");
            await driver.StepAsync(id, Clerk, "register", "registered");
            // With a zero window the unlock may end before the approval's answer is read back: only the approval's own answer is checked.
            Assert.Equal(System.Net.HttpStatusCode.OK, (await driver.ActAsync(id, Director, "approve")).StatusCode);

            var expired = await WaitForStateAsync(driver, id, "unlock-expired");

            Assert.Single(expired.GetProperty("history").EnumerateArray(), h => h.GetProperty("toState").GetString() == "unlock-expired");
            Assert.Null(expired.GetProperty("history").EnumerateArray().Last().GetProperty("actorId").GetString());
            // The timer revoked the zavuch's unlock of the journal with it.
            Assert.Equal("expired", expired.GetProperty("unlock").GetProperty("revokedBecause").GetString());
        }
        finally
        {
            await using var db = app.Db();
            await db.SchoolSettings.Where(s => s.Name == "unlock-hours").ExecuteDeleteAsync();
        }
    }

    [Fact]
    public async Task A_timer_that_fell_due_while_the_service_was_down_fires_once_on_start()
    {
        var driver = new RequestDriver(app);
        var id = await UnlockedAsync(driver);
        // The service "goes down": the window passes while no host watches this wait.
        await using (var db = app.Db())
        {
            var timer = await db.WorkflowWaits.SingleAsync(w => w.InstanceId == id && w.Name == "unlock-end");
            timer.DueAt = DateTimeOffset.UtcNow.AddHours(-1);
            await db.SaveChangesAsync();
        }

        var restarted = app.Create();
        restarted.CreateClient().Dispose();
        var expired = await WaitForStateAsync(new RequestDriver(app, restarted), id, "unlock-expired");
        var again = app.Create();
        again.CreateClient().Dispose();
        await Task.Delay(TimeSpan.FromSeconds(2));

        var after = await new RequestDriver(app, again).GetAsync(id);
        Assert.Equal("unlock-expired", after.GetProperty("state").GetString());
        Assert.Single(after.GetProperty("history").EnumerateArray(), h => h.GetProperty("toState").GetString() == "unlock-expired");
        Assert.Equal(expired.GetProperty("revision").GetInt32(), after.GetProperty("revision").GetInt32());
    }

    private static async Task<JsonElement> WaitForStateAsync(RequestDriver driver, Guid id, string state)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            var request = await driver.GetAsync(id);
            if (request.GetProperty("state").GetString() == state) return request;
            Assert.True(DateTime.UtcNow < deadline, $"the request stayed «{request.GetProperty("state").GetString()}» for {Patience.TotalSeconds} s");
            await Task.Delay(200);
        }
    }
}

public sealed class TimerTests_OnPostgres(PostgresApp app) : TimerTests<PostgresApp>(app);

public sealed class TimerTests_OnSqlite(SqliteApp app) : TimerTests<SqliteApp>(app);
