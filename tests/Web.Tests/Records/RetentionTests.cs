using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Corrections.Web.Tests.Requests;
using Corrections.Web.Tests.Support;
using Corrections.Workflows.Records;
using Microsoft.EntityFrameworkCore;
using static Corrections.Web.Tests.Requests.RequestDriver;

namespace Corrections.Web.Tests.Records;

/// <summary>
/// Retention: nothing is deleted before its case's period ends (counted from 1 January after the
/// case's year, by the school's local date); afterwards only under an act the director approved,
/// which keeps the log of what was destroyed.
/// </summary>
public abstract class RetentionTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : AppFixture
{
    // 20.11.2026 in Moscow; the 2026 requests case (01-12, 25 years) may be destroyed from 01.01.2052.
    private static readonly DateTimeOffset Start = new(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset LastMinuteOfRetention = new(2051, 12, 31, 20, 59, 0, TimeSpan.Zero); // 23:59 in Moscow
    private const string NotEnded = "Срок хранения дела 01-12 за 2026 год ещё не истёк: уничтожать его документы можно не раньше 01.01.2052.";

    private sealed record Setup(Guid SchoolId, Guid CaseId, Guid RequestId, Guid ScanId, string Sha256, int Documents);

    private static async Task<Setup> RegisterARejectedRequestWithAScanAsync(AppFixture app, RequestDriver driver)
    {
        var id = (await driver.CreateDraftAsync(date: new DateOnly(2026, 11, 10))).GetProperty("id").GetGuid();
        var bytes = new byte[4096];
        Encoding.ASCII.GetBytes("%PDF-1.4\n").CopyTo(bytes, 0);
        Random.Shared.NextBytes(bytes.AsSpan(16));
        var uploaded = await (await driver.As(Teacher)).PostAsync($"/api/v1/requests/{id}/documents?type=medical-certificate&name=Справка.pdf", new ByteArrayContent(bytes));
        Assert.Equal(HttpStatusCode.Created, uploaded.StatusCode);
        var scan = await uploaded.Content.ReadFromJsonAsync<JsonElement>();
        await driver.StepAsync(id, Teacher, "submit", "submitted");
        await driver.StepAsync(id, Clerk, "register", "registered");
        await driver.StepAsync(id, Director, "reject", "rejected", new { reason = "Справка не относится к дате урока." });

        await using var db = app.Db();
        var card = await db.RegisteredDocuments.SingleAsync(d => d.RequestId == id);
        var file = await db.CaseFiles.SingleAsync(c => c.SchoolId == card.SchoolId && c.Index == card.CaseIndex && c.Year == card.Year);
        Assert.Equal((DefaultCases.Requests, 2026, 25), (file.Index, file.Year, file.RetentionYears));
        var documents = await db.RegisteredDocuments.CountAsync(d => d.SchoolId == file.SchoolId && d.CaseIndex == file.Index && d.Year == file.Year);
        return new Setup(card.SchoolId, file.Id, id, scan.GetProperty("id").GetGuid(), await db.ScanDocuments.Where(s => s.RequestId == id).Select(s => s.Sha256).SingleAsync(), documents);
    }

    [Fact]
    public async Task Before_retention_ends_nothing_can_be_destroyed_and_afterwards_only_under_an_approved_act_that_keeps_the_log()
    {
        var clock = new TestClock(Start);
        var host = app.Create(clock: clock);
        var setup = await RegisterARejectedRequestWithAScanAsync(app, new RequestDriver(app, host));
        var acts = $"/api/v1/schools/{setup.SchoolId}/destruction-acts";

        // Today, and at 23:59 local time on the last day of retention: refused, nothing made.
        foreach (var moment in new[] { Start, LastMinuteOfRetention })
        {
            clock.Advance(moment - clock.GetUtcNow());
            var clerk = await app.ApiAs(Clerk, host: host);
            var problem = await Problems.AssertProblemAsync(await clerk.PostAsJsonAsync(acts, new { caseIds = new[] { setup.CaseId } }), HttpStatusCode.Conflict);
            Assert.Equal(NotEnded, problem.GetProperty("detail").GetString());
        }
        await using (var db = app.Db())
        {
            Assert.False(await db.DestructionActs.AnyAsync());
            Assert.True(await db.RegisteredDocuments.AnyAsync(d => d.RequestId == setup.RequestId));
        }

        // One minute later it is 1 January 2052 in Moscow: the case is past retention.
        clock.Advance(TimeSpan.FromMinutes(1));
        var driver = new RequestDriver(app, host);
        var retention = await (await driver.As(Clerk)).GetFromJsonAsync<JsonElement>($"/api/v1/schools/{setup.SchoolId}/retention");
        var line = Assert.Single(retention.EnumerateArray(), c => c.GetProperty("caseId").GetGuid() == setup.CaseId);
        Assert.True(line.GetProperty("pastRetention").GetBoolean());
        Assert.Equal("2052-01-01", line.GetProperty("retentionEndsOn").GetString());
        Assert.Equal(setup.Documents, line.GetProperty("documents").GetInt32());

        var drawn = await (await driver.As(Clerk)).PostAsJsonAsync(acts, new { caseIds = new[] { setup.CaseId } });
        Assert.Equal(HttpStatusCode.Created, drawn.StatusCode);
        var act = await drawn.Content.ReadFromJsonAsync<JsonElement>();
        var actUrl = $"{acts}/{act.GetProperty("id").GetGuid()}";
        Assert.Equal("Draft", act.GetProperty("status").GetString());
        Assert.Equal("2052-01-01", act.GetProperty("drawnUpOn").GetString());
        Assert.Equal(setup.Documents, Assert.Single(act.GetProperty("cases").EnumerateArray()).GetProperty("documents").GetInt32());

        // Not yet approved: nothing is destroyed. Only the director approves.
        var early = await Problems.AssertProblemAsync(await (await driver.As(Clerk)).PostAsync($"{actUrl}/execute", null), HttpStatusCode.Conflict);
        Assert.Contains("только по утверждённому", early.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await driver.As(Clerk)).PostAsync($"{actUrl}/approve", null)).StatusCode);
        await using (var db = app.Db())
            Assert.True(await db.ScanDocuments.AnyAsync(s => s.Id == setup.ScanId));
        var approved = await (await driver.As(Director)).PostAsync($"{actUrl}/approve", null);
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        Assert.Equal("Approved", (await approved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());

        var executed = await (await driver.As(Clerk)).PostAsync($"{actUrl}/execute", null);
        Assert.True(executed.StatusCode == HttpStatusCode.OK, await executed.Content.ReadAsStringAsync());
        var done = await executed.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Executed", done.GetProperty("status").GetString());
        var log = done.GetProperty("destroyed").EnumerateArray().ToList();
        Assert.Equal(setup.Documents, log.Count(r => r.GetProperty("objectType").GetString() == "registered-document"));
        var scanLine = Assert.Single(log, r => r.GetProperty("objectId").GetGuid() == setup.ScanId);
        Assert.Equal(setup.Sha256, scanLine.GetProperty("sha256").GetString());
        Assert.DoesNotContain("Справка.pdf", scanLine.GetProperty("description").GetString(), StringComparison.Ordinal);

        await using (var db = app.Db())
        {
            Assert.False(await db.RegisteredDocuments.AnyAsync(d => d.RequestId == setup.RequestId));
            Assert.False(await db.ScanDocuments.AnyAsync(s => s.RequestId == setup.RequestId));
            Assert.False(File.Exists(Path.Combine(app.DataFolder, "scans", setup.Sha256[..2], setup.Sha256)), "the stored content is destroyed too");
            Assert.Equal(act.GetProperty("id").GetGuid(), (await db.CaseFiles.SingleAsync(c => c.Id == setup.CaseId)).DestroyedByActId);
            var deletions = await db.AuditEntries.Where(a => a.Action == "delete" && a.ObjectType == nameof(ScanDocument)).ToListAsync();
            var deletion = Assert.Single(deletions, a => a.ObjectId.Contains(setup.ScanId.ToString(), StringComparison.OrdinalIgnoreCase));
            Assert.Equal(clock.GetUtcNow(), deletion.At); // the app's clock, not the machine's
        }
        Assert.True((await (await driver.As(Director)).GetFromJsonAsync<JsonElement>($"/api/v1/schools/{setup.SchoolId}/cases/{setup.CaseId}/inventory"))
            .GetProperty("destroyed").GetBoolean());

        // The act is spent, and the case cannot go into another.
        await Problems.AssertProblemAsync(await (await driver.As(Clerk)).PostAsync($"{actUrl}/execute", null), HttpStatusCode.Conflict);
        var again = await Problems.AssertProblemAsync(await (await driver.As(Clerk)).PostAsJsonAsync(acts, new { caseIds = new[] { setup.CaseId } }), HttpStatusCode.Conflict);
        Assert.Equal("Документы дела 01-12 за 2026 год уже уничтожены по акту.", again.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Deleting_a_card_or_a_scan_other_than_under_an_approved_act_is_refused_by_the_save_itself()
    {
        var setup = await RegisterARejectedRequestWithAScanAsync(app, new RequestDriver(app));

        await using (var db = app.Db())
        {
            db.RegisteredDocuments.Remove(await db.RegisteredDocuments.SingleAsync(d => d.RequestId == setup.RequestId));
            await Assert.ThrowsAsync<RecordsDestructionException>(() => db.SaveChangesAsync());
        }
        await using (var db = app.Db())
        {
            db.ScanDocuments.Remove(await db.ScanDocuments.SingleAsync(s => s.Id == setup.ScanId));
            await Assert.ThrowsAsync<RecordsDestructionException>(() => db.SaveChangesAsync());
        }
        await using (var db = app.Db())
        {
            var draft = new DestructionAct { Id = Guid.NewGuid(), SchoolId = setup.SchoolId, Number = "x", Status = DestructionActStatus.Draft };
            Assert.Throws<RecordsDestructionException>(() => db.AuthoriseDestruction(draft, [setup.ScanId]));
            Assert.True(await db.RegisteredDocuments.AnyAsync(d => d.RequestId == setup.RequestId));
            Assert.True(await db.ScanDocuments.AnyAsync(s => s.Id == setup.ScanId));
        }
    }

    [Fact]
    public async Task A_permanent_case_and_a_case_of_another_school_are_refused()
    {
        var driver = new RequestDriver(app);
        await using var db = app.Db();
        var school = await db.Schools.SingleAsync(s => s.ShortName == "МБОУ СОШ № 1");
        var permanent = await db.CaseFiles.FirstAsync(c => c.SchoolId == school.Id && c.Index == DefaultCases.DestructionActs);
        var elsewhere = await db.CaseFiles.FirstAsync(c => c.SchoolId != school.Id);
        var acts = $"/api/v1/schools/{school.Id}/destruction-acts";

        var problem = await Problems.AssertProblemAsync(await (await driver.As(Clerk)).PostAsJsonAsync(acts, new { caseIds = new[] { permanent.Id } }), HttpStatusCode.Conflict);
        Assert.Equal($"Дело 01-15 за {permanent.Year} год хранится постоянно и уничтожению не подлежит.", problem.GetProperty("detail").GetString());
        await Problems.AssertProblemAsync(await (await driver.As(Clerk)).PostAsJsonAsync(acts, new { caseIds = new[] { elsewhere.Id } }), HttpStatusCode.NotFound);
        await Problems.AssertFieldErrorAsync(await (await driver.As(Clerk)).PostAsJsonAsync(acts, new { caseIds = Array.Empty<Guid>() }), "caseIds", "хотя бы одно дело");
        Assert.Equal(HttpStatusCode.Forbidden, (await (await driver.As(Teacher)).PostAsJsonAsync(acts, new { caseIds = new[] { permanent.Id } })).StatusCode);
        Assert.False(await db.DestructionActs.AnyAsync(a => a.SchoolId == school.Id && a.Status == DestructionActStatus.Draft));
    }
}

public sealed class RetentionTests_OnPostgres(PostgresApp app) : RetentionTests<PostgresApp>(app);

public sealed class RetentionTests_OnSqlite(SqliteApp app) : RetentionTests<SqliteApp>(app);
