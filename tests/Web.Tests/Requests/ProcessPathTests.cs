using System.Net;
using System.Text.Json;
using Corrections.Web.Tests.Support;
using Corrections.Workflows.Access;
using Corrections.Workflows.Engine;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Corrections.Web.Tests.Requests.RequestDriver;

namespace Corrections.Web.Tests.Requests;

/// <summary>
/// Every path of point 2 through the API, as the people of school № 1 and the department: at each step
/// the state, the history entry, and exactly who may act.
/// </summary>
public abstract class ProcessPathTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : AppFixture
{
    private readonly RequestDriver _driver = new(app);

    private static Guid Id(JsonElement request) => request.GetProperty("id").GetGuid();

    /// <summary>Draft → submitted → registered, asserting who may act at each stop.</summary>
    private async Task<Guid> RegisteredAsync(string ground = "illness", string initiator = Teacher)
    {
        var id = Id(await _driver.CreateDraftAsync(initiator, ground));
        await _driver.AssertWhoMayActAsync(id, new() { [initiator] = ["submit", "withdraw"] });
        await _driver.StepAsync(id, initiator, "submit", "submitted", role: "initiator");
        await _driver.AssertWhoMayActAsync(id, new() { [initiator] = ["withdraw"], [Clerk] = ["register", "return"] });
        await _driver.StepAsync(id, Clerk, "register", "registered", role: "Clerk");
        await _driver.AssertWhoMayActAsync(id, new() { [initiator] = ["withdraw"], [Director] = ["approve", "escalate", "reject"] });
        return id;
    }

    [Fact]
    public async Task Approve_grants_the_unlock_and_the_zavuch_applies_and_the_clerk_files()
    {
        var id = await RegisteredAsync();
        await _driver.StepAsync(id, Director, "approve", "unlocked", role: "Director");
        await _driver.AssertWhoMayActAsync(id, new() { [Zavuch] = ["apply"] });
        await _driver.StepAsync(id, Zavuch, "apply", "applied", role: "Zavuch");
        await _driver.AssertWhoMayActAsync(id, new() { [Clerk] = ["file"] });
        await _driver.StepAsync(id, Clerk, "file", "filed", role: "Clerk");
        await _driver.AssertWhoMayActAsync(id, []);
    }

    [Fact]
    public async Task Reject_ends_the_request_with_the_reason_in_the_history()
    {
        var id = await RegisteredAsync();
        await _driver.StepAsync(id, Director, "reject", "rejected", new { reason = "Справка не подтверждает отсутствие в этот день." });

        var history = (await _driver.GetAsync(id)).GetProperty("history").EnumerateArray().Last();
        Assert.Equal("Справка не подтверждает отсутствие в этот день.", history.GetProperty("comment").GetString());
        await _driver.AssertWhoMayActAsync(id, []);
    }

    [Fact]
    public async Task Escalate_then_the_department_approves()
    {
        var id = await RegisteredAsync();
        await _driver.StepAsync(id, Director, "escalate", "escalated", new { reason = "Спорный случай: родители оспаривают отметку." });
        await _driver.AssertWhoMayActAsync(id, new() { [Department] = ["department-approve", "department-reject"] });
        await _driver.StepAsync(id, Department, "department-approve", "unlocked", role: "DepartmentOfficer");
        await _driver.AssertWhoMayActAsync(id, new() { [Zavuch] = ["apply"] });
    }

    [Fact]
    public async Task Escalate_then_the_department_rejects()
    {
        var id = await RegisteredAsync();
        await _driver.StepAsync(id, Director, "escalate", "escalated", new { reason = "Спорный случай." });
        await _driver.StepAsync(id, Department, "department-reject", "rejected", new { reason = "Оснований для изменения нет." });
        await _driver.AssertWhoMayActAsync(id, []);
    }

    [Fact]
    public async Task Return_then_edit_and_resubmit_then_approve()
    {
        var draft = await _driver.CreateDraftAsync();
        var id = Id(draft);
        await _driver.StepAsync(id, Teacher, "submit", "submitted");
        await _driver.StepAsync(id, Clerk, "return", "returned", new { reason = "Не приложена справка." }, role: "Clerk");
        await _driver.AssertWhoMayActAsync(id, new() { [Teacher] = ["submit", "withdraw"] });

        await _driver.StepAsync(id, Teacher, "submit", "submitted");
        await _driver.StepAsync(id, Clerk, "register", "registered");
        await _driver.StepAsync(id, Director, "approve", "unlocked");
    }

    [Fact]
    public async Task The_initiator_withdraws_before_a_decision()
    {
        var id = Id(await _driver.CreateDraftAsync());
        await _driver.StepAsync(id, Teacher, "submit", "submitted");
        await _driver.StepAsync(id, Teacher, "withdraw", "withdrawn", role: "initiator");
        await _driver.AssertWhoMayActAsync(id, []);
    }

    [Fact]
    public async Task A_retake_waits_for_its_protocol_before_the_unlock()
    {
        var id = await RegisteredAsync(ground: "retake");
        await _driver.StepAsync(id, Director, "approve", "awaiting-protocol");
        await _driver.AssertWhoMayActAsync(id, new() { [Teacher] = ["upload-protocol"] });

        var missing = await _driver.ActAsync(id, Teacher, "upload-protocol", new { protocolNumber = "3" });
        var problem = await Problems.AssertProblemAsync(missing, HttpStatusCode.UnprocessableEntity);
        Assert.Contains("дату протокола", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);

        await _driver.StepAsync(id, Teacher, "upload-protocol", "unlocked", new { protocolNumber = "3", protocolDate = DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-dd") });
        var request = await _driver.GetAsync(id);
        Assert.Equal("3", request.GetProperty("protocolNumber").GetString());
        await _driver.AssertWhoMayActAsync(id, new() { [Zavuch] = ["apply"] });
    }

    [Fact]
    public async Task An_expired_unlock_fires_once_and_the_director_grants_it_again()
    {
        var id = await RegisteredAsync();
        await _driver.StepAsync(id, Director, "approve", "unlocked");
        WorkflowWait timer;
        await using (var db = app.Db())
            timer = await db.WorkflowWaits.SingleAsync(w => w.InstanceId == id && w.Kind == WaitKind.Timer && w.Name == "unlock-end");
        var window = timer.DueAt!.Value - timer.CreatedAt;
        Assert.Equal(TimeSpan.FromHours(48), window);

        Assert.True(await FireAsync(timer));
        Assert.False(await FireAsync(timer)); // a duplicate firing does nothing
        var expired = await _driver.GetAsync(id);
        Assert.Equal("unlock-expired", expired.GetProperty("state").GetString());
        Assert.Single(expired.GetProperty("history").EnumerateArray(), h => h.GetProperty("toState").GetString() == "unlock-expired");
        await _driver.AssertWhoMayActAsync(id, new() { [Director] = ["regrant-unlock"] });

        await _driver.StepAsync(id, Director, "regrant-unlock", "unlocked");
        await _driver.AssertWhoMayActAsync(id, new() { [Zavuch] = ["apply"] });
    }

    private async Task<bool> FireAsync(WorkflowWait timer)
    {
        using var scope = app.App.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<AccessScopeHolder>().Current = AccessScope.System;
        return await scope.ServiceProvider.GetRequiredService<WorkflowEngine>().FireTimerAsync(timer.Id, timer.Token, default);
    }
}

public sealed class ProcessPathTests_OnPostgres(PostgresApp app) : ProcessPathTests<PostgresApp>(app);

public sealed class ProcessPathTests_OnSqlite(SqliteApp app) : ProcessPathTests<SqliteApp>(app);
