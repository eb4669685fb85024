using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Corrections.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Corrections.Web.Tests.Records;

/// <summary>The nomenclature of cases and the numerators, kept by the clerk or the administrator.</summary>
public abstract class NomenclatureTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : AppFixture
{
    private async Task<Guid> SchoolAsync()
    {
        await using var db = app.Db();
        return (await db.Schools.SingleAsync(s => s.ShortName == "МБОУ СОШ № 1")).Id;
    }

    [Fact]
    public async Task A_new_school_starts_with_the_default_cases_and_the_clerk_adds_one()
    {
        var school = await SchoolAsync();
        var clerk = await app.ApiAs("clerk@sosh1.demo");

        var cases = await clerk.GetFromJsonAsync<JsonElement>($"/api/v1/schools/{school}/cases");
        var requests = Assert.Single(cases.EnumerateArray(), c => c.GetProperty("index").GetString() == "01-12");
        Assert.Equal(25, requests.GetProperty("retentionYears").GetInt32());
        var year = requests.GetProperty("year").GetInt32();

        var added = await clerk.PostAsJsonAsync($"/api/v1/schools/{school}/cases", new { year, index = "01-20", title = "Акты о выделении к уничтожению документов", retentionYears = (int?)null });
        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        var duplicate = await clerk.PostAsJsonAsync($"/api/v1/schools/{school}/cases", new { year, index = "01-12", title = "Ещё одно дело" });
        var problem = await Problems.AssertProblemAsync(duplicate, HttpStatusCode.Conflict);
        Assert.Equal($"Дело с индексом «01-12» в номенклатуре {year} года уже есть.", problem.GetProperty("detail").GetString());
        await Problems.AssertFieldErrorAsync(await clerk.PostAsJsonAsync($"/api/v1/schools/{school}/cases", new { year, index = "12/аб", title = "x" }), "index", "Индекс дела");

        var teacher = await app.ApiAs("teacher@sosh1.demo");
        Assert.Equal(HttpStatusCode.Forbidden, (await teacher.PostAsJsonAsync($"/api/v1/schools/{school}/cases", new { year, index = "01-21", title = "x" })).StatusCode);
    }

    [Fact]
    public async Task A_numerator_format_needs_exactly_one_sequence_and_known_parts()
    {
        var school = await SchoolAsync();
        var admin = await app.ApiAs("admin@sosh1.demo");

        var saved = await admin.PutAsJsonAsync($"/api/v1/schools/{school}/numerators/OutgoingLetter", new { format = "исх. {case}/{seq}-{year}", caseIndex = "01-13" });
        var noSeq = await admin.PutAsJsonAsync($"/api/v1/schools/{school}/numerators/OutgoingLetter", new { format = "{case}", caseIndex = "01-13" });
        var unknown = await admin.PutAsJsonAsync($"/api/v1/schools/{school}/numerators/OutgoingLetter", new { format = "{seq}/{month}", caseIndex = "01-13" });

        Assert.Equal("исх. 01-13/45-2026", (await saved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("example").GetString());
        await Problems.AssertFieldErrorAsync(noSeq, "format", "{seq} ровно один раз");
        await Problems.AssertFieldErrorAsync(unknown, "format", "только {seq}, {case}, {year}");
        var list = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/schools/{school}/numerators");
        Assert.Equal("исх. {case}/{seq}-{year}", list.EnumerateArray().Single(n => n.GetProperty("kind").GetString() == "OutgoingLetter").GetProperty("format").GetString());
    }
}

public sealed class NomenclatureTests_OnPostgres(PostgresApp app) : NomenclatureTests<PostgresApp>(app);

public sealed class NomenclatureTests_OnSqlite(SqliteApp app) : NomenclatureTests<SqliteApp>(app);
