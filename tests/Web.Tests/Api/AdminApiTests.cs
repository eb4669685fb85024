using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Corrections.Web.Tests.Support;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Corrections.Web.Tests.Api;

/// <summary>The organisation and account admin API: what an administrator builds, and what it refuses.</summary>
public abstract class AdminApiTests<TApp>(TApp app) : IClassFixture<TApp>, IAsyncLifetime where TApp : AppFixture
{
    private Guid _municipality, _schoolA, _schoolB, _yearA, _yearB, _classA, _classB, _subjectA;
    private HttpClient _adminA = null!;

    public async Task InitializeAsync()
    {
        await using var db = app.Db();
        var schools = await db.Schools.ToDictionaryAsync(s => s.ShortName);
        (_schoolA, _schoolB) = (schools["МБОУ СОШ № 1"].Id, schools["МАОУ «Гимназия № 2»"].Id);
        _municipality = schools["МБОУ СОШ № 1"].MunicipalityId;
        _yearA = (await db.SchoolYears.FirstAsync(y => y.SchoolId == _schoolA)).Id;
        _yearB = (await db.SchoolYears.FirstAsync(y => y.SchoolId == _schoolB)).Id;
        _classA = (await db.Classes.FirstAsync(c => c.SchoolId == _schoolA)).Id;
        _classB = (await db.Classes.FirstAsync(c => c.SchoolId == _schoolB)).Id;
        _subjectA = (await db.Subjects.FirstAsync(s => s.SchoolId == _schoolA)).Id;
        _adminA = await app.ApiAs("admin@sosh1.demo");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private static async Task<JsonElement> Created(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, $"{(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement;
    }

    [Fact]
    public async Task An_administrator_builds_a_school_from_municipality_to_teaching_assignment_and_reads_each_back()
    {
        var root = await app.ApiAs(AppFixture.RootEmail, AppFixture.RootPassword);
        var municipality = await Created(await root.PostAsJsonAsync("/api/v1/municipalities", new
        {
            name = $"Елизовский муниципальный район {app.Provider}", departmentName = "Управление образования администрации Елизовского муниципального района",
        }));
        var m = municipality.GetProperty("id").GetGuid();
        var school = await Created(await root.PostAsJsonAsync($"/api/v1/municipalities/{m}/schools", new
        {
            fullName = "Муниципальное бюджетное общеобразовательное учреждение «Елизовская средняя школа № 3»", shortName = "МБОУ ЕСШ № 3",
            address = "684000, Камчатский край, г. Елизово, ул. Ленина, д. 3", inn = "4101001230", kpp = "410101001", ogrn = "1024101001231",
            timeZone = "Asia/Kamchatka",
        }));
        var s = school.GetProperty("id").GetGuid();
        Assert.Equal("Asia/Kamchatka", school.GetProperty("timeZone").GetString());

        var year = await Created(await root.PostAsJsonAsync($"/api/v1/schools/{s}/years", new
        {
            startDate = "2026-09-01", endDate = "2027-05-31", periodKind = "Halves",
            periods = new[] { new { startDate = "2026-09-01", endDate = "2026-12-28" }, new { startDate = "2027-01-12", endDate = "2027-05-31" } },
        }));
        Assert.Equal("2026/2027", year.GetProperty("name").GetString());
        Assert.Equal(["1 полугодие", "2 полугодие"], year.GetProperty("periods").EnumerateArray().Select(p => p.GetProperty("name").GetString()));

        var schoolClass = await Created(await root.PostAsJsonAsync($"/api/v1/schools/{s}/classes", new { schoolYearId = year.GetProperty("id").GetGuid(), grade = 7, letter = "б" }));
        Assert.Equal("7Б", schoolClass.GetProperty("name").GetString());
        var c = schoolClass.GetProperty("id").GetGuid();
        await Created(await root.PostAsJsonAsync($"/api/v1/schools/{s}/classes/{c}/students", new { surname = "Ёлкина", givenName = "Анна-Мария", patronymic = "Сергеевна" }));
        var subject = await Created(await root.PostAsJsonAsync($"/api/v1/schools/{s}/subjects", new { name = "Алгебра" }));
        var teacher = await Created(await root.PostAsJsonAsync($"/api/v1/schools/{s}/staff", new
        {
            email = $"ivanova.{app.Provider}@esh3.test", surname = "Иванова", givenName = "Мария", patronymic = "Петровна",
            roles = new[] { "Teacher", "Zavuch" }, password = "Nachalo-2026-x",
        }));
        Assert.Equal(["Teacher", "Zavuch"], teacher.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        var assignment = await Created(await root.PostAsJsonAsync($"/api/v1/schools/{s}/assignments", new
        {
            teacherId = teacher.GetProperty("id").GetGuid(), classId = c, subjectId = subject.GetProperty("id").GetGuid(),
        }));
        Assert.Equal("Иванова\u00A0М.\u00A0П.", assignment.GetProperty("teacherName").GetString());
        await Created(await root.PostAsJsonAsync($"/api/v1/municipalities/{m}/staff", new
        {
            email = $"officer.{app.Provider}@uo.test", surname = "Петров", givenName = "Олег", roles = new[] { "DepartmentOfficer" }, password = "Departament-2026",
        }));

        // Read back, and the new teacher signs in and sees only the new school.
        Assert.Single((await root.GetFromJsonAsync<JsonElement>($"/api/v1/schools/{s}/classes/{c}/students")).EnumerateArray());
        Assert.Single((await root.GetFromJsonAsync<JsonElement>($"/api/v1/schools/{s}/assignments")).EnumerateArray());
        Assert.Single((await root.GetFromJsonAsync<JsonElement>($"/api/v1/municipalities/{m}/staff")).EnumerateArray());
        var asTeacher = await app.ApiAs($"ivanova.{app.Provider}@esh3.test", "Nachalo-2026-x");
        var visible = await asTeacher.GetFromJsonAsync<JsonElement>("/api/v1/schools");
        Assert.Equal([s], visible.EnumerateArray().Select(x => x.GetProperty("id").GetGuid()));
        var officer = await app.ApiAs($"officer.{app.Provider}@uo.test", "Departament-2026");
        Assert.Equal([s], (await officer.GetFromJsonAsync<JsonElement>("/api/v1/schools")).EnumerateArray().Select(x => x.GetProperty("id").GetGuid()));
    }

    public static TheoryData<string, string, string, string, string> BadInput => new()
    {
        // name, url (with {A},{B},{M},{yearA},{yearB},{classA},{classB},{subjectA},{x}), body, field, Russian text
        { "municipality without fields", "/api/v1/municipalities", "{}", "name", "Обязательное поле" },
        { "school in an unknown time zone", "/api/v1/municipalities/{M}/schools", """{"fullName":"Школа","shortName":"Ш-{x}","address":"адрес","timeZone":"Mars/Olympus_Mons"}""", "timeZone", "Часовой пояс «Mars/Olympus_Mons» не найден" },
        { "school with a Windows time-zone name", "/api/v1/municipalities/{M}/schools", """{"fullName":"Школа","shortName":"Ш-{x}","address":"адрес","timeZone":"Russian Standard Time"}""", "timeZone", "IANA" },
        { "school with a wrong INN check digit", "/api/v1/municipalities/{M}/schools", """{"fullName":"Школа","shortName":"Ш-{x}","address":"адрес","timeZone":"Europe/Moscow","inn":"4101001231"}""", "inn", "контрольное число" },
        { "school without a full name", "/api/v1/municipalities/{M}/schools", """{"shortName":"Ш-{x}","address":"адрес","timeZone":"Europe/Moscow"}""", "fullName", "Обязательное поле" },
        { "year with the wrong number of quarters", "/api/v1/schools/{A}/years", """{"startDate":"2031-09-01","endDate":"2032-05-31","periodKind":"Quarters","periods":[{"startDate":"2031-09-01","endDate":"2031-12-28"}]}""", "periods", "ровно 4" },
        { "year with overlapping halves", "/api/v1/schools/{A}/years", """{"startDate":"2031-09-01","endDate":"2032-05-31","periodKind":"Halves","periods":[{"startDate":"2031-09-01","endDate":"2032-01-20"},{"startDate":"2032-01-12","endDate":"2032-05-31"}]}""", "periods[1]", "раньше, чем закончился" },
        { "year with an unknown period kind", "/api/v1/schools/{A}/years", """{"startDate":"2031-09-01","endDate":"2032-05-31","periodKind":"Semesters","periods":[]}""", "periodKind", "не удалось прочитать" },
        { "class in an unknown year", "/api/v1/schools/{A}/classes", """{"schoolYearId":"{x}","grade":5,"letter":"Г"}""", "schoolYearId", "Учебный год не найден в этой школе" },
        { "class in a year of another school", "/api/v1/schools/{A}/classes", """{"schoolYearId":"{yearB}","grade":5,"letter":"Г"}""", "schoolYearId", "Учебный год не найден в этой школе" },
        { "class of grade 12", "/api/v1/schools/{A}/classes", """{"schoolYearId":"{yearA}","grade":12,"letter":"А"}""", "grade", "от 1 до 11" },
        { "student without a surname", "/api/v1/schools/{A}/classes/{classA}/students", """{"givenName":"Иван"}""", "surname", "Обязательное поле" },
        { "student with digits in the name", "/api/v1/schools/{A}/classes/{classA}/students", """{"surname":"Иванов2","givenName":"Иван"}""", "surname", "только буквы" },
        { "subject with an empty name", "/api/v1/schools/{A}/subjects", """{"name":"   "}""", "name", "Обязательное поле" },
        { "assignment of someone who is not a teacher here", "/api/v1/schools/{A}/assignments", """{"teacherId":"{x}","classId":"{classA}","subjectId":"{subjectA}"}""", "teacherId", "не работает в этой школе" },
        { "assignment to a class of another school", "/api/v1/schools/{A}/assignments", """{"teacherId":"{x}","classId":"{classB}","subjectId":"{subjectA}"}""", "classId", "Класс не найден в этой школе" },
        { "staff with a municipal role in a school", "/api/v1/schools/{A}/staff", """{"email":"x{x}@t.test","surname":"Иванов","givenName":"Иван","roles":["DepartmentOfficer"],"password":"Good-Passw0rd"}""", "roles", "нельзя назначить здесь" },
        { "staff with an unknown role", "/api/v1/schools/{A}/staff", """{"email":"x{x}@t.test","surname":"Иванов","givenName":"Иван","roles":["Wizard"],"password":"Good-Passw0rd"}""", "roles[0]", "не удалось прочитать" },
        { "staff with a weak password", "/api/v1/schools/{A}/staff", """{"email":"x{x}@t.test","surname":"Иванов","givenName":"Иван","roles":["Teacher"],"password":"short"}""", "password", "не короче 10" },
        { "staff with a malformed email", "/api/v1/schools/{A}/staff", """{"email":"not an email","surname":"Иванов","givenName":"Иван","roles":["Teacher"],"password":"Good-Passw0rd"}""", "email", "Неверный адрес" },
        { "body that is not JSON", "/api/v1/schools/{A}/subjects", "name=Алгебра", "body", "не удалось прочитать" },
    };

    [Theory]
    [MemberData(nameof(BadInput))]
    public async Task Bad_input_gets_a_specific_problem_and_writes_nothing(string name, string url, string body, string field, string text)
    {
        _ = name;
        var root = await app.ApiAs(AppFixture.RootEmail, AppFixture.RootPassword);
        var before = await Rows.CountAsync(app);

        var response = await root.PostAsync(Fill(url), new StringContent(Fill(body), Encoding.UTF8, "application/json"));

        await Problems.AssertFieldErrorAsync(response, field, text);
        Assert.Equal(before, await Rows.CountAsync(app));
    }

    public static TheoryData<string, string, string, HttpStatusCode> Refused => new()
    {
        { "a class into another school's class list", "/api/v1/schools/{A}/classes/{classB}/students", """{"surname":"Иванов","givenName":"Иван"}""", HttpStatusCode.NotFound },
        { "a class into a school the caller does not administer", "/api/v1/schools/{B}/classes", """{"schoolYearId":"{yearB}","grade":5,"letter":"Г"}""", HttpStatusCode.NotFound },
        { "a school into the municipality by a school admin", "/api/v1/municipalities/{M}/schools", """{"fullName":"Школа","shortName":"Ш-{x}","address":"адрес","timeZone":"Europe/Moscow"}""", HttpStatusCode.Forbidden },
        { "a municipality by a school admin", "/api/v1/municipalities", """{"name":"Новый","departmentName":"Управление"}""", HttpStatusCode.Forbidden },
        { "a student into an unknown class", "/api/v1/schools/{A}/classes/{x}/students", """{"surname":"Иванов","givenName":"Иван"}""", HttpStatusCode.NotFound },
        { "a subject that exists already", "/api/v1/schools/{A}/subjects", """{"name":"Математика"}""", HttpStatusCode.Conflict },
        { "a class that exists already", "/api/v1/schools/{A}/classes", """{"schoolYearId":"{yearA}","grade":5,"letter":"А"}""", HttpStatusCode.Conflict },
        { "a year that overlaps the current one", "/api/v1/schools/{A}/years", """{"name":"другой","startDate":"2026-01-01","endDate":"2027-12-31","periodKind":"Halves","periods":[{"startDate":"2026-01-01","endDate":"2026-12-28"},{"startDate":"2027-01-12","endDate":"2027-12-31"}]}""", HttpStatusCode.Conflict },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task A_school_administrator_is_refused_outside_their_school_or_over_existing_data_and_nothing_is_written(string name, string url, string body, HttpStatusCode status)
    {
        _ = name;
        var before = await Rows.CountAsync(app);

        var response = await _adminA.PostAsync(Fill(url), new StringContent(Fill(body), Encoding.UTF8, "application/json"));

        var problem = await Problems.AssertProblemAsync(response, status);
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("title").GetString()));
        Assert.Equal(before, await Rows.CountAsync(app));
    }

    [Fact]
    public async Task A_teacher_can_read_their_school_but_not_administer_it()
    {
        var teacher = await app.ApiAs("teacher@sosh1.demo");

        var classes = await teacher.GetAsync($"/api/v1/schools/{_schoolA}/classes");
        var create = await teacher.PostAsJsonAsync($"/api/v1/schools/{_schoolA}/subjects", new { name = "Астрономия" });

        Assert.Equal(HttpStatusCode.OK, classes.StatusCode);
        var problem = await Problems.AssertProblemAsync(create, HttpStatusCode.Forbidden);
        Assert.Equal("Ваша роль не даёт права на это действие.", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task The_openapi_document_describes_every_api_endpoint()
    {
        var document = await app.App.CreateClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var paths = document.GetProperty("paths");
        var operations = app.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText!.StartsWith("/api/v1", StringComparison.Ordinal))
            .SelectMany(e => e.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods.Select(method => (
                Path: System.Text.RegularExpressions.Regex.Replace(e.RoutePattern.RawText!.TrimEnd('/'), @"\{(\w+):[^}]*\}", "{$1}"),
                Method: method.ToLowerInvariant())))
            .ToList();

        Assert.True(operations.Count >= 20, $"only {operations.Count} operations found");
        Assert.All(operations, o => Assert.True(paths.TryGetProperty(o.Path, out var path) && path.TryGetProperty(o.Method, out _),
            $"{o.Method} {o.Path} is missing from /openapi/v1.json"));
    }

    [Fact]
    public async Task Every_response_carries_a_request_id_for_support_calls()
    {
        var response = await app.App.CreateClient().GetAsync("/api/v1/schools");

        Assert.True(response.Headers.TryGetValues("X-Request-Id", out var ids));
        Assert.False(string.IsNullOrWhiteSpace(ids.Single()));
    }

    private string Fill(string text) => text
        .Replace("{A}", _schoolA.ToString(), StringComparison.Ordinal).Replace("{B}", _schoolB.ToString(), StringComparison.Ordinal)
        .Replace("{M}", _municipality.ToString(), StringComparison.Ordinal)
        .Replace("{yearA}", _yearA.ToString(), StringComparison.Ordinal).Replace("{yearB}", _yearB.ToString(), StringComparison.Ordinal)
        .Replace("{classA}", _classA.ToString(), StringComparison.Ordinal).Replace("{classB}", _classB.ToString(), StringComparison.Ordinal)
        .Replace("{subjectA}", _subjectA.ToString(), StringComparison.Ordinal)
        .Replace("{x}", Guid.NewGuid().ToString(), StringComparison.Ordinal);
}

public sealed class AdminApiTests_OnPostgres(PostgresApp app) : AdminApiTests<PostgresApp>(app);

public sealed class AdminApiTests_OnSqlite(SqliteApp app) : AdminApiTests<SqliteApp>(app);
