using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Corrections.Web.Tests.Support;
using Corrections.Workflows.Accounts;
using Corrections.Workflows.Organisation;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Corrections.Web.Tests.Api;

/// <summary>
/// For every <c>/api/v1</c> endpoint in the routing table (so new endpoints are covered without
/// editing this test), users of another school get 403 or 404 for the first school's resources,
/// never its data, and nothing is written.
/// </summary>
public abstract partial class CrossSchoolTests<TApp>(TApp app) : IClassFixture<TApp>, IAsyncLifetime where TApp : AppFixture
{
    /// <summary>Route parameters that are words, not ids: the most consequential value of each.</summary>
    private static readonly Dictionary<string, string> Words = new() { ["action"] = "approve", ["kind"] = "IncomingRequest" };

    private const string OutsiderEmail = "outsider@other.test";
    private const string OutsiderPassword = "Outsider-Passw0rd";
    private Dictionary<string, Guid> _target = [];
    private string[] _secrets = [];

    public async Task InitializeAsync()
    {
        await using var db = app.Db();
        // The target: demo school № 1 and its municipality, with one resource of each kind.
        var school = await db.Schools.SingleAsync(s => s.ShortName == "МБОУ СОШ № 1");
        var schoolClass = await db.Classes.FirstAsync(c => c.SchoolId == school.Id);
        var teacher = await db.RoleAssignments.FirstAsync(a => a.SchoolId == school.Id && a.Role == Role.Teacher);
        _target = new()
        {
            ["schoolId"] = school.Id, ["municipalityId"] = school.MunicipalityId, ["classId"] = schoolClass.Id,
            ["schoolYearId"] = schoolClass.SchoolYearId, ["teacherId"] = teacher.UserId,
            ["subjectId"] = (await db.Subjects.FirstAsync(s => s.SchoolId == school.Id)).Id,
        };
        var student = await db.Students.FirstAsync(s => s.SchoolId == school.Id);
        _target["requestId"] = (await db.CorrectionRequests.AnyAsync(r => r.SchoolId == school.Id))
            ? (await db.CorrectionRequests.FirstAsync(r => r.SchoolId == school.Id)).Id
            : (await new Requests.RequestDriver(app).CreateDraftAsync()).GetProperty("id").GetGuid();
        _target["studentId"] = student.Id;
        _target["caseId"] = (await db.CaseFiles.FirstAsync(c => c.SchoolId == school.Id)).Id;
        _target["groundId"] = (await db.Grounds.FirstAsync(g => g.SchoolId == school.Id)).Id;
        if (!await db.ScanDocuments.AnyAsync(d => d.RequestId == _target["requestId"]))
        {
            db.ScanDocuments.Add(new Workflows.Records.ScanDocument
            {
                Id = Guid.NewGuid(), SchoolId = school.Id, RequestId = _target["requestId"], DocumentType = "medical-certificate", OriginalName = "справка.pdf",
                ContentType = "application/pdf", Size = 1, Sha256 = new string('a', 64), HealthData = true, UploadedById = teacher.UserId, UploadedAt = DateTimeOffset.UtcNow,
            });
            await db.SaveChangesAsync();
        }
        _target["documentId"] = (await db.ScanDocuments.FirstAsync(d => d.RequestId == _target["requestId"])).Id;
        if (!await db.DestructionActs.AnyAsync(a => a.SchoolId == school.Id))
        {
            db.DestructionActs.Add(new Workflows.Records.DestructionAct
            {
                Id = Guid.NewGuid(), SchoolId = school.Id, Number = "1", Year = 2026, Sequence = 1, Status = Workflows.Records.DestructionActStatus.Draft,
                DrawnUpOn = new(2026, 11, 1), DrawnUpById = teacher.UserId,
            });
            await db.SaveChangesAsync();
        }
        _target["actId"] = (await db.DestructionActs.FirstAsync(a => a.SchoolId == school.Id)).Id;
        _target["lessonId"] = (await db.Lessons.FirstAsync(l => l.SchoolId == school.Id)).Id;
        if (!await db.ChangeTableRows.AnyAsync(r => r.SchoolId == school.Id))
        {
            db.ChangeTableRows.Add(new Workflows.Journal.ChangeTableRow
            {
                Id = Guid.NewGuid(), SchoolId = school.Id, ClassId = schoolClass.Id, StudyPeriodId = (await db.StudyPeriods.FirstAsync(p => p.SchoolId == school.Id)).Id,
                Number = 1000, Student = student.Surname, Subject = "Предмет", Description = "Запись", Initiator = "И", SubjectTeacher = "У",
            });
            await db.SaveChangesAsync();
        }
        _target["rowId"] = (await db.ChangeTableRows.FirstAsync(r => r.SchoolId == school.Id)).Id;
        if (!await db.IssuedDocuments.AnyAsync(d => d.SchoolId == school.Id))
        {
            db.IssuedDocuments.Add(new Workflows.Records.IssuedDocument { Id = Guid.NewGuid(), SchoolId = school.Id, Title = "Заявление", TextSha256 = new string('0', 64) });
            await db.SaveChangesAsync();
        }
        _target["id"] = (await db.IssuedDocuments.FirstAsync(d => d.SchoolId == school.Id)).Id;
        if (!await db.OutgoingMails.AnyAsync(m => m.SchoolId == school.Id))
        {
            // Parked, so that a resend from the wrong school would have something to reset.
            db.OutgoingMails.Add(new Workflows.Notifications.OutgoingMail
            {
                Id = Guid.NewGuid(), SchoolId = school.Id, UserId = teacher.UserId, To = "teacher@sosh1.demo", Kind = "submitted", Subject = "Тема", Body = "Текст",
                Delivery = Workflows.Notifications.MailDelivery.Email, Attempts = 8, ParkedAt = DateTimeOffset.UtcNow,
            });
            await db.SaveChangesAsync();
        }
        _target["mailId"] = (await db.OutgoingMails.FirstAsync(m => m.SchoolId == school.Id)).Id;
        _secrets = [school.Id.ToString(), school.ShortName, schoolClass.Id.ToString(), student.Surname + "\",\"givenName\":\"" + student.GivenName, teacher.UserId.ToString()];

        // An outsider with every role of a school in another municipality, and that municipality's officer and admin roles.
        if (await db.Users.AnyAsync(u => u.Email == OutsiderEmail)) return;
        var municipality = new Municipality { Id = Guid.NewGuid(), Name = "Другой округ", DepartmentName = "Другое управление образования" };
        var other = new School { Id = Guid.NewGuid(), MunicipalityId = municipality.Id, FullName = "Другая школа", ShortName = "Другая школа", Address = "адрес", TimeZoneId = "Asia/Kamchatka" };
        db.AddRange(municipality, other);
        await db.SaveChangesAsync();
        using var scope = app.App.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<AppUser>>();
        var outsider = new AppUser { Id = Guid.NewGuid(), UserName = OutsiderEmail, Email = OutsiderEmail, Surname = "Чужой", GivenName = "Пётр" };
        Assert.True((await users.CreateAsync(outsider, OutsiderPassword)).Succeeded);
        db.RoleAssignments.AddRange(Enum.GetValues<Role>().Where(RoleAssignment.IsSchoolRole)
            .Select(r => new RoleAssignment { Id = Guid.NewGuid(), UserId = outsider.Id, Role = r, SchoolId = other.Id }));
        db.RoleAssignments.AddRange(new[] { Role.DepartmentOfficer, Role.Admin }
            .Select(r => new RoleAssignment { Id = Guid.NewGuid(), UserId = outsider.Id, Role = r, MunicipalityId = municipality.Id }));
        await db.SaveChangesAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_user_of_another_municipality_gets_403_or_404_from_every_endpoint_and_never_data()
    {
        var client = await app.ApiAs(OutsiderEmail, OutsiderPassword);
        var checkedEndpoints = await ProbeAllAsync(client, sameMunicipality: false);
        Assert.True(checkedEndpoints >= 20, $"only {checkedEndpoints} endpoints were found in the routing table");
    }

    [Fact]
    public async Task An_admin_of_another_school_in_the_same_municipality_gets_403_or_404_for_the_first_school()
    {
        var client = await app.ApiAs("admin@gimn2.demo");
        await ProbeAllAsync(client, sameMunicipality: true);
    }

    private async Task<int> ProbeAllAsync(HttpClient client, bool sameMunicipality)
    {
        var before = await Rows.CountAsync(app);
        var failures = new List<string>();
        var endpoints = app.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/v1", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => (Method: m, Route: e.RoutePattern.RawText!)))
            .Where(e => e.Route != "/api/v1/auth/login")
            .ToList();

        foreach (var (method, route) in endpoints)
        {
            var parameters = ParameterPattern().Matches(route).Select(m => m.Groups[1].Value).ToList();
            var unknown = parameters.Where(p => !_target.ContainsKey(p) && !Words.ContainsKey(p)).ToList();
            Assert.True(unknown.Count == 0, $"{method} {route}: add a target id for route parameter(s) {string.Join(", ", unknown)}");
            var url = ParameterPattern().Replace(route, m => _target.TryGetValue(m.Groups[1].Value, out var id) ? id.ToString() : Words[m.Groups[1].Value]);
            using var request = new HttpRequestMessage(new HttpMethod(method), url);
            if (method is "POST" or "PUT" or "PATCH") request.Content = new StringContent(Body(), Encoding.UTF8, "application/json");
            request.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
            request.Headers.TryAddWithoutValidation("Idempotency-Key", Guid.NewGuid().ToString());
            var response = await client.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();

            // The municipality itself is shared by the schools of the same municipality; its schools' data is not.
            var addressesTarget = parameters.Contains("schoolId") || parameters.Contains("requestId") || (parameters.Contains("municipalityId") && !sameMunicipality);
            if (addressesTarget && response.StatusCode is not (HttpStatusCode.Forbidden or HttpStatusCode.NotFound))
                failures.Add($"{method} {route}: {(int)response.StatusCode} {body[..Math.Min(200, body.Length)]}");
            if (_secrets.FirstOrDefault(s => body.Contains(s, StringComparison.Ordinal)) is { } leaked)
                failures.Add($"{method} {route}: response shows '{leaked}' of the other school");
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.Equal(before, await Rows.CountAsync(app));
        return endpoints.Count;
    }

    /// <summary>One plausible body for every write endpoint, aimed at the target school's resources.</summary>
    private string Body() => JsonSerializer.Serialize(new
    {
        name = "Проверка", departmentName = "Проверка", fullName = "Проверка", shortName = "Проверка", address = "Проверка",
        timeZone = "Europe/Moscow", startDate = "2030-09-01", endDate = "2031-05-31", periodKind = "Halves",
        periods = new[] { new { startDate = "2030-09-01", endDate = "2030-12-28" }, new { startDate = "2031-01-12", endDate = "2031-05-31" } },
        schoolYearId = _target["schoolYearId"], grade = 5, letter = "Я", surname = "Проверкин", givenName = "Пётр",
        email = "probe@probe.test", year = 2030, index = "99-99", format = "{seq}", caseIndex = "99-99", roles = new[] { "Teacher" }, password = "Probe-Passw0rd-1",
        teacherId = _target["teacherId"], classId = _target["classId"], subjectId = _target["subjectId"], reason = "Проверка",
        entries = new[] { new { studentId = _target["studentId"], date = "2026-09-10", kind = "CurrentMark", currentValue = "2", requestedValue = "4" } },
    });

    [GeneratedRegex(@"\{(\w+)(?::[^}]*)?\}")]
    private static partial Regex ParameterPattern();
}

public sealed class CrossSchoolTests_OnPostgres(PostgresApp app) : CrossSchoolTests<PostgresApp>(app);

public sealed class CrossSchoolTests_OnSqlite(SqliteApp app) : CrossSchoolTests<SqliteApp>(app);
