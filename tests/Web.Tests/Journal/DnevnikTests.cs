using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using Corrections.Web.Tests.Requests;
using Corrections.Web.Tests.Support;
using Corrections.Workflows.Journal;
using Corrections.Workflows.Organisation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Corrections.Web.Tests.Journal;

/// <summary>
/// A stand-in for the Дневник.ру partner API on loopback, inside the test process: the mark and
/// attendance endpoints the adapter uses, the «Access-Token» check, and switchable failures.
/// </summary>
public sealed class FakeDnevnik : IAsyncDisposable
{
    public const string Token = "test-access-token";

    public enum Behaviour { Normal, Unauthorized, ServerError, Slow }

    private readonly WebApplication _app;

    public ConcurrentDictionary<(string Person, string Work), string> Marks { get; } = new();
    public Behaviour Mode { get; set; } = Behaviour.Normal;
    /// <summary>Writes after this many succeed answer 503: a failure halfway through a request.</summary>
    public int WritesAllowed { get; set; } = int.MaxValue;
    private int _writes;
    private int _calls;

    public int Calls { get => Volatile.Read(ref _calls); set => Volatile.Write(ref _calls, value); }
    public string BaseUrl { get; private set; } = "";

    private FakeDnevnik(WebApplication app) => _app = app;

    public static async Task<FakeDnevnik> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var fake = new FakeDnevnik(app);
        app.Use(async (http, next) =>
        {
            Interlocked.Increment(ref fake._calls);
            switch (fake.Mode)
            {
                case Behaviour.ServerError: http.Response.StatusCode = 503; return;
                case Behaviour.Slow: await Task.Delay(TimeSpan.FromSeconds(3), http.RequestAborted); return;
            }
            if (fake.Mode == Behaviour.Unauthorized || http.Request.Headers["Access-Token"] != Token) { http.Response.StatusCode = 401; return; }
            await next(http);
        });
        app.MapGet("/v2.0/persons/{person}/works/{work}/mark", (string person, string work)
            => fake.Marks.TryGetValue((person, work), out var value) ? Results.Ok(new { value }) : Results.NotFound());
        app.MapPut("/v2.0/persons/{person}/works/{work}/mark", (string person, string work, MarkBody body) =>
        {
            if (Interlocked.Increment(ref fake._writes) > fake.WritesAllowed) return Results.StatusCode(503);
            fake.Marks[(person, work)] = body.Value;
            return Results.Ok(new { value = body.Value });
        });
        await app.StartAsync();
        fake.BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return fake;
    }

    public sealed record MarkBody(string Value);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>(c) The Дневник.ру adapter against the fake: success, an expired token, server errors, a timeout; a failed apply appends nothing and can be retried.</summary>
public abstract class DnevnikTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : AppFixture
{
    private const string GTeacher = "teacher@gimn2.demo", GClerk = "clerk@gimn2.demo", GDirector = "director@gimn2.demo", GZavuch = "zavuch@gimn2.demo";

    private async Task<(FakeDnevnik Fake, RequestDriver Driver)> SetUpAsync()
    {
        var fake = await FakeDnevnik.StartAsync();
        var host = app.Create(settings: new Dictionary<string, string> { ["Dnevnik:BackoffMilliseconds"] = "10", ["Dnevnik:TimeoutSeconds"] = "1", ["Dnevnik:Attempts"] = "3" });
        await using var db = app.Db();
        var school = await db.Schools.SingleAsync(s => s.ShortName == "МАОУ «Гимназия № 2»");
        db.SchoolSettings.RemoveRange(db.SchoolSettings.Where(s => s.SchoolId == school.Id && (s.Name == JournalModes.Setting || s.Name.StartsWith("dnevnik-"))));
        db.SchoolSettings.AddRange(
            new SchoolSetting { SchoolId = school.Id, Name = JournalModes.Setting, Value = JournalModes.Dnevnik },
            new SchoolSetting { SchoolId = school.Id, Name = "dnevnik-base-url", Value = fake.BaseUrl },
            new SchoolSetting { SchoolId = school.Id, Name = "dnevnik-token", Value = FakeDnevnik.Token });
        await db.SaveChangesAsync();
        return (fake, new RequestDriver(app, host) { Viewer = GDirector });
    }

    /// <summary>An approved request for the <paramref name="nth"/> locked 6А Russian lesson, linked to the fake's ids, with «2» there.</summary>
    private async Task<Guid> ApprovedAsync(RequestDriver driver, FakeDnevnik fake, int nth)
    {
        DateOnly date;
        await using (var db = app.Db())
        {
            var tenDaysAgo = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-10));
            var school = await db.Schools.SingleAsync(s => s.ShortName == "МАОУ «Гимназия № 2»");
            var schoolClass = await db.Classes.SingleAsync(c => c.SchoolId == school.Id && c.Name == "6А");
            var subject = await db.Subjects.SingleAsync(s => s.SchoolId == school.Id && s.Name == "Русский язык");
            var lesson = await db.Lessons.Where(l => l.ClassId == schoolClass.Id && l.SubjectId == subject.Id && l.Date <= tenDaysAgo)
                .OrderByDescending(l => l.Date).Skip(nth).FirstAsync();
            date = lesson.Date;
            var work = await db.Works.FirstAsync(w => w.LessonId == lesson.Id);
            var student = await db.Students.Where(s => s.ClassId == schoolClass.Id).OrderBy(s => s.Surname).ThenBy(s => s.GivenName).FirstAsync();
            if (!await db.ExternalJournalLinks.AnyAsync(l => l.LocalId == student.Id))
                db.ExternalJournalLinks.Add(new ExternalJournalLink { SchoolId = school.Id, LocalType = "student", LocalId = student.Id, ExternalId = "person-1" });
            db.ExternalJournalLinks.Add(new ExternalJournalLink { SchoolId = school.Id, LocalType = "work", LocalId = work.Id, ExternalId = $"work-{nth}" });
            await db.SaveChangesAsync();
            fake.Marks[("person-1", $"work-{nth}")] = "2";
        }
        var id = (await driver.CreateDraftAsync(GTeacher, schoolName: "МАОУ «Гимназия № 2»", className: "6А", date: date)).GetProperty("id").GetGuid();
        await driver.StepAsync(id, GTeacher, "submit", "submitted");
        await driver.StepAsync(id, GClerk, "register", "registered");
        await driver.StepAsync(id, GDirector, "approve", "unlocked");
        return id;
    }

    private async Task<int> RowsAsync(Guid id)
    {
        await using var db = app.Db();
        return await db.ChangeTableRows.CountAsync(r => r.RequestId == id);
    }

    private async Task AssertFailsThenRetriesAsync(RequestDriver driver, FakeDnevnik fake, Guid id, int nth, string message, int expectedCalls)
    {
        fake.Calls = 0;
        var failed = await driver.ActAsync(id, GZavuch, "apply");
        var problem = await Problems.AssertProblemAsync(failed, HttpStatusCode.UnprocessableEntity);
        Assert.Contains(message, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(expectedCalls, fake.Calls);
        Assert.Equal(0, await RowsAsync(id));
        var request = await driver.GetAsync(id);
        Assert.Equal("unlocked", request.GetProperty("state").GetString());
        Assert.Contains(message, request.GetProperty("applyFailure").GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal("2", fake.Marks[("person-1", $"work-{nth}")]);

        fake.Mode = FakeDnevnik.Behaviour.Normal;
        await driver.StepAsync(id, GZavuch, "apply", "applied", role: "Zavuch");
        Assert.Equal("4", fake.Marks[("person-1", $"work-{nth}")]);
        Assert.Equal(1, await RowsAsync(id));
        Assert.Equal(JsonValueKindNull, (await driver.GetAsync(id)).GetProperty("applyFailure").ValueKind);
    }

    [Fact]
    public async Task A_failure_halfway_keeps_the_record_of_what_was_already_written_to_the_external_journal()
    {
        var (fake, driver) = await SetUpAsync();
        await using var _ = fake;
        // Two cells of one request: links for both, then a request naming both.
        var first = await ApprovedAsync(driver, fake, 4);
        await using (var db = app.Db())
        {
            var entry = await db.CorrectionEntries.SingleAsync(e => e.RequestId == first);
            var request = await db.CorrectionRequests.SingleAsync(r => r.Id == first);
            var earlier = await db.Lessons.Where(l => l.ClassId == request.ClassId && l.SubjectId == request.SubjectId && l.Date < entry.Date).OrderByDescending(l => l.Date).FirstAsync();
            var work = await db.Works.FirstAsync(w => w.LessonId == earlier.Id);
            db.ExternalJournalLinks.Add(new ExternalJournalLink { SchoolId = request.SchoolId, LocalType = "work", LocalId = work.Id, ExternalId = "work-earlier" });
            db.CorrectionEntries.Add(new Workflows.Corrections.CorrectionEntry
            {
                Id = Guid.CreateVersion7(), SchoolId = request.SchoolId, RequestId = first, StudentId = entry.StudentId, Date = earlier.Date,
                Kind = entry.Kind, CurrentValue = "2", RequestedValue = "4",
            });
            await db.SaveChangesAsync();
            fake.Marks[("person-1", "work-earlier")] = "2";
        }
        fake.WritesAllowed = 1;

        var failed = await driver.ActAsync(first, GZavuch, "apply");
        await Problems.AssertProblemAsync(failed, HttpStatusCode.UnprocessableEntity);
        Assert.Equal(1, fake.Marks.Count(m => m.Key.Person == "person-1" && (m.Key.Work == "work-4" || m.Key.Work == "work-earlier") && m.Value == "4"));
        await using (var db = app.Db())
        {
            var kept = Assert.Single(await db.JournalChanges.Where(c => c.RequestId == first).ToListAsync());
            Assert.Equal(("2", "4", JournalChangeVia.Apply), (kept.OldValue, kept.NewValue, kept.Via));
            Assert.Equal(0, await db.ChangeTableRows.CountAsync(r => r.RequestId == first));
        }

        fake.WritesAllowed = int.MaxValue;
        await driver.StepAsync(first, GZavuch, "apply", "applied", role: "Zavuch");
        Assert.Equal(2, await RowsAsync(first));
        await using (var db = app.Db())
            Assert.Equal(2, await db.JournalChanges.CountAsync(c => c.RequestId == first)); // the retry wrote only the cell still at «2»
    }

    private const System.Text.Json.JsonValueKind JsonValueKindNull = System.Text.Json.JsonValueKind.Null;

    [Fact]
    public async Task Apply_writes_the_mark_through_the_partner_api_and_survives_an_expired_token_server_errors_and_a_timeout()
    {
        var (fake, driver) = await SetUpAsync();
        await using var _ = fake;

        await using (var db = app.Db())
            Assert.False(await db.AuditEntries.AnyAsync(a => a.After != null && a.After.Contains(FakeDnevnik.Token)), "the access token never enters the audit chain");

        var ok = await ApprovedAsync(driver, fake, 0);
        await driver.StepAsync(ok, GZavuch, "apply", "applied", role: "Zavuch");
        Assert.Equal("4", fake.Marks[("person-1", "work-0")]);
        Assert.Equal(1, await RowsAsync(ok));

        // 401: permanent, one call, no retry.
        var expired = await ApprovedAsync(driver, fake, 1);
        fake.Mode = FakeDnevnik.Behaviour.Unauthorized;
        await AssertFailsThenRetriesAsync(driver, fake, expired, 1, "отклонил токен доступа (ошибка 401)", expectedCalls: 1);

        // 503 every time: retried up to the configured three attempts, then failed.
        var down = await ApprovedAsync(driver, fake, 2);
        fake.Mode = FakeDnevnik.Behaviour.ServerError;
        await AssertFailsThenRetriesAsync(driver, fake, down, 2, "Дневник.ру недоступен: неудачных попыток — 3 (последняя: 503)", expectedCalls: 3);

        // No answer within the time limit: three attempts of one second each.
        var slow = await ApprovedAsync(driver, fake, 3);
        fake.Mode = FakeDnevnik.Behaviour.Slow;
        await AssertFailsThenRetriesAsync(driver, fake, slow, 3, "Дневник.ру не ответил за 1 с (попыток: 3)", expectedCalls: 3);
    }
}

public sealed class DnevnikTests_OnPostgres(PostgresApp app) : DnevnikTests<PostgresApp>(app);

public sealed class DnevnikTests_OnSqlite(SqliteApp app) : DnevnikTests<SqliteApp>(app);
