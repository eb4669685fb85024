using System.Net.Http.Json;
using System.Text.Json;
using Corrections.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Corrections.Web.Tests.Records;

/// <summary>The audit log: every change is recorded before → after, secrets never; the chain shows tampering to the line.</summary>
public abstract class AuditTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : AppFixture
{
    [Fact]
    public async Task A_change_is_recorded_with_its_actor_and_values_and_no_password_hash_is_ever_logged()
    {
        await using (var db = app.Db())
        {
            var school = await db.Schools.SingleAsync(s => s.ShortName == "МБОУ СОШ № 1");
            var admin = await app.ApiAs("admin@sosh1.demo");
            var created = await admin.PostAsJsonAsync($"/api/v1/schools/{school.Id}/subjects", new { name = "Астрономия" });
            var subjectId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();

            var line = await db.AuditEntries.SingleAsync(a => a.ObjectType == "Subject" && a.ObjectId == subjectId);
            var adminId = await db.Users.Where(u => u.Email == "admin@sosh1.demo").Select(u => u.Id).SingleAsync();
            Assert.Equal(("create", adminId, school.Id), (line.Action, line.ActorId!.Value, line.SchoolId!.Value));
            Assert.Equal("Астрономия", JsonDocument.Parse(line.After!).RootElement.GetProperty("Name").GetString());
        }
        await using var check = app.Db();
        Assert.True(await check.AuditEntries.AnyAsync(a => a.ObjectType == "AppUser"));
        Assert.False(await check.AuditEntries.AnyAsync(a => (a.After ?? "").Contains("PasswordHash") || (a.Before ?? "").Contains("PasswordHash")));
    }

    [Fact]
    public async Task Editing_an_audit_line_in_the_database_makes_the_verifier_name_that_line()
    {
        var root = await app.ApiAs(AppFixture.RootEmail, AppFixture.RootPassword);
        var intact = await root.GetFromJsonAsync<JsonElement>("/api/v1/audit/verify");
        Assert.True(intact.GetProperty("isIntact").GetBoolean());
        Assert.True(intact.GetProperty("checked").GetInt64() > 10);

        long target;
        await using (var db = app.Db())
        {
            target = await db.AuditEntries.OrderBy(a => a.Sequence).Skip(5).Select(a => a.Sequence).FirstAsync();
            var forged = "{\"Name\":\"подделка\"}";
            await db.Database.ExecuteSqlAsync($"UPDATE \"AuditEntries\" SET \"After\" = {forged} WHERE \"Sequence\" = {target}");
        }
        var broken = await root.GetFromJsonAsync<JsonElement>("/api/v1/audit/verify");

        Assert.False(broken.GetProperty("isIntact").GetBoolean());
        Assert.Equal(target, broken.GetProperty("brokenAt").GetInt64());
        Assert.Equal($"line {target} was changed after it was written", broken.GetProperty("problem").GetString());
        var teacher = await app.ApiAs("teacher@sosh1.demo");
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, (await teacher.GetAsync("/api/v1/audit/verify")).StatusCode);
    }
}

public sealed class AuditTests_OnPostgres(PostgresApp app) : AuditTests<PostgresApp>(app);

public sealed class AuditTests_OnSqlite(SqliteApp app) : AuditTests<SqliteApp>(app);
