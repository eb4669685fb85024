using System.Net;
using System.Text.Json;
using Corrections.Web.Demo;
using Corrections.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Corrections.Web.Tests.Requests.RequestDriver;

namespace Corrections.Web.Tests.Requests;

/// <summary>
/// A decision is confirmed by re-entering the password (a simple electronic signature): refused
/// without it or with a wrong one (nothing changes), recorded with the hash of the application text
/// when right, and the password itself is kept nowhere.
/// </summary>
public abstract class SignatureTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : AppFixture
{
    private readonly RequestDriver _driver = new(app);

    private async Task<Guid> RegisteredAsync()
    {
        var id = (await _driver.CreateDraftAsync()).GetProperty("id").GetGuid();
        await _driver.StepAsync(id, Teacher, "submit", "submitted");
        await _driver.StepAsync(id, Clerk, "register", "registered");
        return id;
    }

    [Fact]
    public async Task A_decision_without_the_password_or_with_a_wrong_one_is_refused_beside_the_field_and_changes_nothing()
    {
        var id = await RegisteredAsync();
        var missing = await _driver.ActAsync(id, Director, "approve", new { password = (string?)null });
        var wrong = await _driver.ActAsync(id, Director, "reject", new { reason = "Нет оснований", password = "Wrong-Password-1" });

        var missingProblem = await Problems.AssertProblemAsync(missing, HttpStatusCode.BadRequest);
        Assert.Contains("пароль", missingProblem.GetProperty("errors").GetProperty("password")[0].GetString(), StringComparison.Ordinal);
        var wrongProblem = await Problems.AssertProblemAsync(wrong, HttpStatusCode.BadRequest);
        Assert.Contains("Неверный пароль", wrongProblem.GetProperty("errors").GetProperty("password")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal("registered", (await _driver.GetAsync(id)).GetProperty("state").GetString());
        await using var db = app.Db();
        Assert.False(await db.DecisionSignatures.IgnoreQueryFilters().AnyAsync(s => s.RequestId == id));
        var director = await db.Users.SingleAsync(u => u.Email == Director);
        Assert.Equal(1, director.AccessFailedCount);
    }

    [Fact]
    public async Task A_signed_decision_records_the_signer_and_the_hash_of_the_application_they_saw_and_keeps_no_password()
    {
        var id = await RegisteredAsync();
        // The director reads the application: the issued paper's text hash is what the decision signs.
        var paper = await (await _driver.As(Director)).GetAsync($"/api/v1/requests/{id}/papers/application?format=docx");
        Assert.Equal(HttpStatusCode.OK, paper.StatusCode);
        await _driver.StepAsync(id, Director, "approve", "unlocked");

        await using var db = app.Db();
        var issued = await db.IssuedDocuments.IgnoreQueryFilters().Where(d => d.RequestId == id).OrderByDescending(d => d.IssuedAt).FirstAsync();
        var signature = await db.DecisionSignatures.IgnoreQueryFilters().SingleAsync(s => s.RequestId == id);
        var director = await db.Users.SingleAsync(u => u.Email == Director);
        Assert.Equal((director.Id, "approve"), (signature.SignerId, signature.Action));
        Assert.Equal(issued.TextSha256, signature.DocumentSha256);
        var revision = (await _driver.GetAsync(id)).GetProperty("revision").GetInt32();
        Assert.Equal(revision, signature.Revision);
        Assert.Equal(0, director.AccessFailedCount);

        // Neither the kept first result nor the history's payload hash carries the password.
        var kept = await db.IdempotencyRecords.IgnoreQueryFilters().Where(r => r.UserId == director.Id).Select(r => r.Body).ToListAsync();
        Assert.DoesNotContain(kept, b => b.Contains(DemoSeeder.Password, StringComparison.Ordinal));
        var step = await db.WorkflowHistory.IgnoreQueryFilters().SingleAsync(h => h.InstanceId == id && h.Action == "approve");
        var withPassword = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(
            JsonSerializer.Serialize(new { password = DemoSeeder.Password }))));
        Assert.NotEqual(withPassword, step.PayloadHash);
    }
}

public sealed class SignatureTests_OnPostgres(PostgresApp app) : SignatureTests<PostgresApp>(app);

public sealed class SignatureTests_OnSqlite(SqliteApp app) : SignatureTests<SqliteApp>(app);
