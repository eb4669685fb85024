using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Corrections.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Corrections.Web.Tests.Requests.RequestDriver;

namespace Corrections.Web.Tests.Api;

/// <summary>The school's administrator keeps the grounds and their required documents; teachers see the active ones.</summary>
public abstract class GroundsTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : AppFixture
{
    [Fact]
    public async Task An_admin_adds_a_ground_with_its_documents_teachers_see_it_and_it_leaves_their_list_when_put_out_of_use()
    {
        var schoolId = await SchoolAsync();
        var admin = await app.ApiAs(Admin);
        var created = await admin.PostAsJsonAsync($"/api/v1/schools/{schoolId}/grounds",
            new { code = "family-circumstances", title = "Семейные обстоятельства", requiredDocuments = new[] { "parent-application", "order" } });
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        var ground = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = ground.GetProperty("id").GetGuid();

        var teacher = await app.ApiAs(Teacher);
        var listed = (await teacher.GetFromJsonAsync<JsonElement>($"/api/v1/schools/{schoolId}/grounds")).EnumerateArray().Single(g => g.GetProperty("id").GetGuid() == id);
        Assert.Equal(["parent-application", "order"], listed.GetProperty("requiredDocuments").EnumerateArray().Select(d => d.GetString()!).ToArray());

        var retired = await admin.PutAsJsonAsync($"/api/v1/schools/{schoolId}/grounds/{id}", new { title = "Семейные обстоятельства", requiredDocuments = Array.Empty<string>(), isActive = false });
        Assert.Equal(HttpStatusCode.OK, retired.StatusCode);
        Assert.DoesNotContain((await teacher.GetFromJsonAsync<JsonElement>($"/api/v1/schools/{schoolId}/grounds")).EnumerateArray(), g => g.GetProperty("id").GetGuid() == id);
    }

    [Fact]
    public async Task Bad_grounds_are_refused_field_by_field_and_only_the_admin_may_write_and_nothing_is_saved()
    {
        var schoolId = await SchoolAsync();
        await using var db = app.Db();
        var before = await db.Grounds.IgnoreQueryFilters().CountAsync();
        var admin = await app.ApiAs(Admin);

        var bad = await admin.PostAsJsonAsync($"/api/v1/schools/{schoolId}/grounds", new { code = "Не латиница", title = "", requiredDocuments = new[] { "passport" } });
        var problem = await Problems.AssertProblemAsync(bad, HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty("code", out _) && errors.TryGetProperty("title", out _) && errors.TryGetProperty("requiredDocuments", out _), problem.ToString());
        var taken = await admin.PostAsJsonAsync($"/api/v1/schools/{schoolId}/grounds", new { code = "illness", title = "Болезнь" });
        Assert.Contains("уже есть", (await Problems.AssertProblemAsync(taken, HttpStatusCode.BadRequest)).GetProperty("errors").GetProperty("code")[0].GetString(), StringComparison.Ordinal);
        var byTeacher = await (await app.ApiAs(Teacher)).PostAsJsonAsync($"/api/v1/schools/{schoolId}/grounds", new { code = "x", title = "Икс" });
        await Problems.AssertProblemAsync(byTeacher, HttpStatusCode.Forbidden);

        Assert.Equal(before, await db.Grounds.IgnoreQueryFilters().CountAsync());
    }

    private async Task<Guid> SchoolAsync()
    {
        await using var db = app.Db();
        return (await db.Schools.IgnoreQueryFilters().SingleAsync(s => s.ShortName == "МБОУ СОШ № 1")).Id;
    }
}

public sealed class GroundsTests_OnPostgres(PostgresApp app) : GroundsTests<PostgresApp>(app);

public sealed class GroundsTests_OnSqlite(SqliteApp app) : GroundsTests<SqliteApp>(app);
