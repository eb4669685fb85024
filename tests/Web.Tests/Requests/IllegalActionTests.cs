using System.Net;
using System.Text.Json;
using Corrections.Web.Tests.Support;
using static Corrections.Web.Tests.Requests.RequestDriver;

namespace Corrections.Web.Tests.Requests;

/// <summary>Every illegal action gets a specific ProblemDetails and changes nothing, read back to prove it.</summary>
public abstract class IllegalActionTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : AppFixture
{
    private readonly RequestDriver _driver = new(app);

    private async Task<Guid> SubmittedAsync(string initiator = Teacher)
    {
        var id = (await _driver.CreateDraftAsync(initiator)).GetProperty("id").GetGuid();
        await _driver.StepAsync(id, initiator, "submit", "submitted");
        return id;
    }

    /// <summary>Takes the action, asserts the problem, and proves state, revision and history did not move.</summary>
    private async Task<JsonElement> RefusedAsync(Guid id, string who, string action, HttpStatusCode status, string code, object? body = null, int? revision = null)
    {
        var before = await _driver.GetAsync(id);
        var response = await _driver.ActAsync(id, who, action, body, revision);
        var problem = await Problems.AssertProblemAsync(response, status);
        if (code.Length > 0) Assert.Equal(code, problem.GetProperty("code").GetString());
        var after = await _driver.GetAsync(id);
        Assert.Equal(before.GetProperty("state").GetString(), after.GetProperty("state").GetString());
        Assert.Equal(before.GetProperty("revision").GetInt32(), after.GetProperty("revision").GetInt32());
        Assert.Equal(before.GetProperty("history").GetArrayLength(), after.GetProperty("history").GetArrayLength());
        return problem;
    }

    [Fact]
    public async Task A_wrong_role_is_forbidden()
    {
        var id = await SubmittedAsync();
        var problem = await RefusedAsync(id, Director, "register", HttpStatusCode.Forbidden, "NotAllowed");
        Assert.Contains("register", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_action_of_another_state_is_a_conflict_naming_the_state()
    {
        var id = await SubmittedAsync();
        var problem = await RefusedAsync(id, Director, "approve", HttpStatusCode.Conflict, "WrongState");
        Assert.Contains("«Подано, ожидает регистрации»", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_action_is_not_found()
        => await RefusedAsync(await SubmittedAsync(), Clerk, "approve-everything", HttpStatusCode.NotFound, "UnknownAction");

    [Fact]
    public async Task Nobody_decides_on_their_own_request()
    {
        // The zavuch files a request and later holds the unlock: applying it to their own request is refused.
        var id = await SubmittedAsync(Zavuch);
        await _driver.StepAsync(id, Clerk, "register", "registered");
        await _driver.StepAsync(id, Director, "approve", "unlocked");
        await _driver.AssertWhoMayActAsync(id, []);

        var problem = await RefusedAsync(id, Zavuch, "apply", HttpStatusCode.Forbidden, "OwnRequest");
        Assert.Equal("Нельзя принимать решение по собственному заявлению.", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_rejection_or_a_return_without_a_reason_is_refused()
    {
        var id = await SubmittedAsync();
        var problem = await RefusedAsync(id, Clerk, "return", HttpStatusCode.BadRequest, "ReasonRequired", new { reason = "   " });
        Assert.True(problem.GetProperty("errors").TryGetProperty("reason", out _));
        await _driver.StepAsync(id, Clerk, "register", "registered");
        await RefusedAsync(id, Director, "reject", HttpStatusCode.BadRequest, "ReasonRequired");
    }

    [Fact]
    public async Task A_stale_revision_is_a_conflict()
    {
        var id = await SubmittedAsync();
        var current = (await _driver.GetAsync(id)).GetProperty("revision").GetInt32();

        var problem = await RefusedAsync(id, Clerk, "register", HttpStatusCode.Conflict, "StaleRevision", revision: current - 1);
        Assert.Contains($"версию {current - 1}", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_schools_director_finds_no_such_request()
    {
        var id = await SubmittedAsync();
        await _driver.StepAsync(id, Clerk, "register", "registered");
        var client = await _driver.As(OtherDirector);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/requests/{id}")).StatusCode);
        await RefusedAsync(id, OtherDirector, "approve", HttpStatusCode.NotFound, "", revision: (await _driver.GetAsync(id)).GetProperty("revision").GetInt32());
    }

    [Fact]
    public async Task A_request_for_an_entry_that_can_still_be_edited_is_refused_with_the_date()
    {
        var draft = await _driver.CreateDraftAsync();
        var id = draft.GetProperty("id").GetGuid();
        // Make the entry yesterday's: under the Krasnodar letter it stays editable for two days.
        await using (var db = app.Db())
        {
            var entry = db.CorrectionEntries.Single(e => e.RequestId == id);
            entry.Date = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(3).AddDays(-1));
            await db.SaveChangesAsync();
        }

        var problem = await RefusedAsync(id, Teacher, "submit", HttpStatusCode.UnprocessableEntity, "GuardRefused");
        Assert.Contains("ещё можно исправить самостоятельно до", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_teacher_does_not_see_another_teachers_request()
    {
        // The zavuch files for mathematics, which the zavuch teaches: the other teacher has no part in it.
        var id = (await _driver.CreateDraftAsync(Zavuch, subject: "Математика")).GetProperty("id").GetGuid();
        var teacher = await _driver.As(Teacher);

        Assert.Equal(HttpStatusCode.NotFound, (await teacher.GetAsync($"/api/v1/requests/{id}")).StatusCode);
    }
}

public sealed class IllegalActionTests_OnPostgres(PostgresApp app) : IllegalActionTests<PostgresApp>(app);

public sealed class IllegalActionTests_OnSqlite(SqliteApp app) : IllegalActionTests<SqliteApp>(app);
