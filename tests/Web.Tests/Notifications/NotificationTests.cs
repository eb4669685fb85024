using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Corrections.Web.Features.Notifications;
using Corrections.Web.Tests.Requests;
using Corrections.Web.Tests.Support;
using Corrections.Workflows.Access;
using Corrections.Workflows.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Corrections.Web.Tests.Requests.RequestDriver;

namespace Corrections.Web.Tests.Notifications;

/// <summary>
/// Email from the outbox, received by a real SMTP server (aiosmtpd): who is told what after each step,
/// in Russian that survives the trip, never twice, and nothing lost while the server is down.
/// </summary>
public abstract class NotificationTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : MailApp
{
    [Fact]
    public async Task Every_step_emails_the_people_it_concerns_with_a_Russian_subject_and_body_and_a_link_to_the_request()
    {
        var driver = new RequestDriver(app);
        var id = (await driver.CreateDraftAsync()).GetProperty("id").GetGuid();
        await driver.StepAsync(id, Teacher, "submit", "submitted");
        await driver.StepAsync(id, Clerk, "register", "registered");
        var approvedAt = app.Clock.GetUtcNow();
        await driver.StepAsync(id, Director, "approve", "unlocked");
        await driver.StepAsync(id, Zavuch, "apply", "applied");
        await driver.StepAsync(id, Clerk, "file", "filed");

        // Who, for which kind: the regulation's list; the person who took a step is not told of it.
        var expected = new[]
        {
            (Clerk, NotificationKinds.Submitted), (Teacher, NotificationKinds.Registered), (Director, NotificationKinds.Registered),
            (Teacher, NotificationKinds.Decided), (Zavuch, NotificationKinds.UnlockGranted),
            (Teacher, NotificationKinds.ChangeApplied), (Clerk, NotificationKinds.ChangeApplied), (Teacher, NotificationKinds.Filed),
        };
        var rows = await WaitForRowsAsync(id, expected.Length);
        Assert.Equal(expected.Order(), rows.Select(r => (r.To, r.Kind)).Order());

        var received = await app.Smtp.WaitForAsync(m => rows.All(r => m.Any(x => x.MessageId == MessageId(r.Id))), "every email of the request");
        foreach (var row in rows)
        {
            var mail = Assert.Single(received, m => m.MessageId == MessageId(row.Id));
            // Encoded as UTF-8 words on the wire, and the same Russian text once decoded.
            Assert.StartsWith("=?utf-8?B?", mail.RawSubject, StringComparison.OrdinalIgnoreCase);
            Assert.Equal(row.Subject, mail.Subject);
            Assert.Matches("[а-яА-ЯёЁ]", mail.Subject);
            Assert.Contains(row.To, mail.To, StringComparison.OrdinalIgnoreCase);
            Assert.Contains($"{MailApp.PublicBaseUrl}/Requests/{id}", mail.Body);
            Assert.Contains("Здравствуйте", mail.Body);
            Assert.Equal(row.Body.Replace("\r\n", "\n").TrimEnd(), mail.Body.TrimEnd());
        }
        // The zavuch learns until when the journal is open, in the school's local time (Moscow, UTC+3).
        var until = TimeZoneInfo.ConvertTime(approvedAt.AddHours(48), TimeZoneInfo.FindSystemTimeZoneById("Europe/Moscow"));
        var unlock = received.Single(m => m.MessageId == MessageId(rows.Single(r => r.Kind == NotificationKinds.UnlockGranted).Id));
        Assert.Contains($"Срок: {until:dd.MM.yyyy HH:mm} (время школы, UTC+3)", unlock.Body);
        Assert.Equal("Разрешено внести изменение по заявлению № " + await NumberAsync(id) + " (5А, Русский язык)", unlock.Subject);

        await using var db = app.Db();
        Assert.All(await db.OutgoingMails.Where(m => m.RequestId == id).ToListAsync(), m => Assert.NotNull(m.SentAt));
    }

    [Fact]
    public async Task No_subject_line_names_the_student_also_on_the_escalation_path()
    {
        var driver = new RequestDriver(app);
        var id = (await driver.CreateDraftAsync()).GetProperty("id").GetGuid();
        await driver.StepAsync(id, Teacher, "submit", "submitted");
        await driver.StepAsync(id, Clerk, "register", "registered");
        await driver.StepAsync(id, Director, "escalate", "escalated", new { reason = "Спорный случай: родители оспаривают отметку." });
        await driver.StepAsync(id, Department, "department-reject", "rejected", new { reason = "Оснований для изменения нет." });

        var rows = await WaitForRowsAsync(id, 7);
        Assert.Contains(rows, r => r.To == Department && r.Kind == NotificationKinds.Escalated);
        Assert.Equal([Director, Teacher, Zavuch], rows.Where(r => r.Kind == NotificationKinds.DepartmentDecision).Select(r => r.To).Order());
        var received = await app.Smtp.WaitForAsync(m => rows.All(r => m.Any(x => x.MessageId == MessageId(r.Id))), "the escalation's emails");

        await using var db = app.Db();
        var studentIds = await db.CorrectionEntries.Where(e => e.RequestId == id).Select(e => e.StudentId).ToListAsync();
        var students = await db.Students.Where(s => studentIds.Contains(s.Id)).ToListAsync();
        Assert.NotEmpty(students);
        foreach (var mail in received.Where(m => rows.Any(r => MessageId(r.Id) == m.MessageId)))
            foreach (var student in students)
            {
                Assert.DoesNotContain(student.Surname, mail.Subject, StringComparison.OrdinalIgnoreCase);
                Assert.DoesNotContain(student.GivenName, mail.Subject, StringComparison.OrdinalIgnoreCase);
            }
    }

    [Fact]
    public async Task With_the_mail_server_down_the_step_commits_its_emails_wait_and_arrive_exactly_once_when_it_is_back()
    {
        var driver = new RequestDriver(app);
        var id = (await driver.CreateDraftAsync()).GetProperty("id").GetGuid();
        List<OutgoingMail> waiting;
        app.Smtp.Stop();
        try
        {
            await driver.StepAsync(id, Teacher, "submit", "submitted");
            await driver.StepAsync(id, Clerk, "register", "registered");

            // The outbox job tried each email, failed, and put it off; the app's clock stands still, so none is tried again yet.
            waiting = await WaitForRowsAsync(id, 3, r => r.Attempts == 1 && r.LastError != null);
            Assert.All(waiting, r => { Assert.Null(r.SentAt); Assert.Null(r.ParkedAt); Assert.True(r.NextAttemptAt > app.Clock.GetUtcNow()); });
            Assert.Equal("registered", (await driver.GetAsync(id)).GetProperty("state").GetString());
        }
        finally
        {
            app.Smtp.Start();
        }
        Assert.DoesNotContain(app.Smtp.Messages(), m => waiting.Any(r => MessageId(r.Id) == m.MessageId));

        // Past the first backoff. Two senders race the background job for the same rows: the claims let each row go once.
        app.Clock.Advance(TimeSpan.FromMinutes(5));
        await Task.WhenAll(RunAsync<SendMail>(s => s.RunAsync(default)), RunAsync<SendMail>(s => s.RunAsync(default)));
        await app.Smtp.WaitForAsync(m => waiting.All(r => m.Any(x => x.MessageId == MessageId(r.Id))), "the emails that waited");
        await RunAsync<SendMail>(s => s.RunAsync(default));

        var received = app.Smtp.Messages();
        foreach (var row in waiting) Assert.Single(received, m => m.MessageId == MessageId(row.Id));
        await using var db = app.Db();
        Assert.All(await db.OutgoingMails.Where(m => m.RequestId == id).ToListAsync(), m => { Assert.NotNull(m.SentAt); Assert.Equal(2, m.Attempts); });
    }

    [Fact]
    public async Task After_the_last_attempt_an_email_is_parked_for_the_admin_who_resends_it_once()
    {
        var driver = new RequestDriver(app);
        var id = (await driver.CreateDraftAsync()).GetProperty("id").GetGuid();
        var schoolId = (await driver.GetAsync(id)).GetProperty("schoolId").GetGuid();
        OutgoingMail parked;
        app.Smtp.Stop();
        try
        {
            await driver.StepAsync(id, Teacher, "submit", "submitted");
            for (var attempt = 1; attempt <= MailApp.MaxAttempts; attempt++)
            {
                await WaitForRowsAsync(id, 1, r => r.Attempts == attempt && r.ClaimedUntil == null);
                app.Clock.Advance(TimeSpan.FromMinutes(10));
            }
            parked = Assert.Single(await WaitForRowsAsync(id, 1, r => r.ParkedAt != null));
            // Parked stays parked: a day later, nothing tries it again.
            app.Clock.Advance(TimeSpan.FromDays(1));
            await RunAsync<SendMail>(s => s.RunAsync(default));
            await using (var db = app.Db()) Assert.Equal(MailApp.MaxAttempts, (await db.OutgoingMails.SingleAsync(m => m.Id == parked.Id)).Attempts);
        }
        finally
        {
            app.Smtp.Start();
        }

        // Signed in after the clock moved on by a day, or the token would have expired.
        var admin = await app.ApiAs(Admin);
        var list = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/schools/{schoolId}/mail/parked");
        var shown = Assert.Single(list.EnumerateArray(), m => m.GetProperty("id").GetGuid() == parked.Id);
        Assert.Equal(Clerk, shown.GetProperty("to").GetString());
        Assert.False(string.IsNullOrEmpty(shown.GetProperty("lastError").GetString()));
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ApiAs(Teacher)).PostAsync($"/api/v1/schools/{schoolId}/mail/{parked.Id}/resend", null)).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync($"/api/v1/schools/{schoolId}/mail/{parked.Id}/resend", null)).StatusCode);
        await app.Smtp.WaitForAsync(m => m.Any(x => x.MessageId == MessageId(parked.Id)), "the resent email");
        // Sent now, so a second resend is refused rather than sending it twice.
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsync($"/api/v1/schools/{schoolId}/mail/{parked.Id}/resend", null)).StatusCode);
        await RunAsync<SendMail>(s => s.RunAsync(default));
        Assert.Single(app.Smtp.Messages(), m => m.MessageId == MessageId(parked.Id));
        Assert.DoesNotContain((await admin.GetFromJsonAsync<JsonElement>($"/api/v1/schools/{schoolId}/mail/parked")).EnumerateArray(), m => m.GetProperty("id").GetGuid() == parked.Id);
    }

    [Fact]
    public async Task A_person_who_chose_the_digest_gets_one_email_on_the_schools_morning_and_nothing_of_a_kind_switched_off()
    {
        var teacher = await app.ApiAs(Teacher);
        var put = await teacher.PutAsJsonAsync("/api/v1/me/notifications", new[]
        {
            new { kind = NotificationKinds.Returned, mode = "Digest" }, new { kind = NotificationKinds.Decided, mode = "Digest" },
            new { kind = NotificationKinds.Registered, mode = "Off" },
        });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        try
        {
            var settings = await teacher.GetFromJsonAsync<JsonElement>("/api/v1/me/notifications");
            Assert.Equal("Digest", settings.EnumerateArray().Single(s => s.GetProperty("kind").GetString() == NotificationKinds.Decided).GetProperty("mode").GetString());
            Assert.Equal("Email", settings.EnumerateArray().Single(s => s.GetProperty("kind").GetString() == NotificationKinds.Filed).GetProperty("mode").GetString());

            var driver = new RequestDriver(app);
            var id = (await driver.CreateDraftAsync()).GetProperty("id").GetGuid();
            await driver.StepAsync(id, Teacher, "submit", "submitted");
            await driver.StepAsync(id, Clerk, "return", "returned", new { reason = "Не приложена справка." });
            await driver.StepAsync(id, Teacher, "submit", "submitted");
            await driver.StepAsync(id, Clerk, "register", "registered");
            await driver.StepAsync(id, Director, "reject", "rejected", new { reason = "Нет оснований." });
            // Clerk ×2 (submitted), the teacher's «returned», the director's «registered» (the teacher's is off), «decided» for the teacher and the zavuch.
            var rows = await WaitForRowsAsync(id, 6);
            Assert.DoesNotContain(rows, r => r.To == Teacher && r.Kind == NotificationKinds.Registered);
            var items = rows.Where(r => r.To == Teacher).ToList();
            Assert.Equal([NotificationKinds.Decided, NotificationKinds.Returned], items.Select(i => i.Kind).Order());
            Assert.All(items, i => Assert.Equal(MailDelivery.Digest, i.Delivery));

            // The next morning in the school's zone (Moscow), 08:30.
            var zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Moscow");
            var local = TimeZoneInfo.ConvertTime(app.Clock.GetUtcNow(), zone);
            var morning = new DateTimeOffset(local.Date.AddDays(1).AddHours(8.5), zone.GetUtcOffset(local.Date.AddDays(1)));
            app.Clock.Advance(morning - app.Clock.GetUtcNow());
            Assert.Equal(1, await RunAsync<ComposeDigests, int>(d => d.RunAsync(default)));
            Assert.Equal(0, await RunAsync<ComposeDigests, int>(d => d.RunAsync(default)));

            await using var db = app.Db();
            var digest = await db.OutgoingMails.SingleAsync(m => m.Kind == NotificationKinds.Digest && m.To == Teacher && m.CreatedAt == app.Clock.GetUtcNow());
            var received = await app.Smtp.WaitForAsync(m => m.Any(x => x.MessageId == MessageId(digest.Id)), "the digest");
            var mail = received.Single(m => m.MessageId == MessageId(digest.Id));
            Assert.StartsWith($"Сводка уведомлений на {morning:dd.MM.yyyy}", mail.Subject);
            foreach (var item in items) Assert.Contains(item.Subject, mail.Body);
            Assert.Contains($"{MailApp.PublicBaseUrl}/Requests/{id}", mail.Body);
            // The items went out in the digest only; the kind switched off was not even composed for the teacher.
            Assert.DoesNotContain(received, m => items.Any(i => MessageId(i.Id) == m.MessageId));
            Assert.All(await db.OutgoingMails.Where(m => items.Select(i => i.Id).Contains(m.Id)).ToListAsync(), i => Assert.Equal(digest.Id, i.DigestId));
        }
        finally
        {
            // A fresh sign-in: the clock moved past the first token's hour.
            var again = await app.ApiAs(Teacher);
            Assert.Equal(HttpStatusCode.OK, (await again.PutAsJsonAsync("/api/v1/me/notifications", NotificationKinds.All.Select(k => new { kind = k, mode = "Email" }))).StatusCode);
        }
    }

    [Fact]
    public async Task An_unknown_kind_of_notification_is_refused_and_nothing_is_saved()
    {
        var teacher = await app.ApiAs(Zavuch);
        var response = await teacher.PutAsJsonAsync("/api/v1/me/notifications", new[] { new { kind = "lottery", mode = "Off" }, new { kind = NotificationKinds.Filed, mode = "Off" } });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.All((await teacher.GetFromJsonAsync<JsonElement>("/api/v1/me/notifications")).EnumerateArray(), s => Assert.Equal("Email", s.GetProperty("mode").GetString()));
    }

    private static string MessageId(Guid id) => $"<{id:N}@corrections.outbox>";

    private async Task<string> NumberAsync(Guid requestId)
    {
        await using var db = app.Db();
        return await db.RegisteredDocuments.Where(d => d.RequestId == requestId && d.Kind == Workflows.Records.DocumentKind.IncomingRequest).Select(d => d.Number).SingleAsync();
    }

    /// <summary>The request's email rows once the outbox job has composed <paramref name="count"/> of them (and they satisfy <paramref name="condition"/>).</summary>
    private async Task<List<OutgoingMail>> WaitForRowsAsync(Guid requestId, int count, Func<OutgoingMail, bool>? condition = null)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            await using var db = app.Db();
            var rows = await db.OutgoingMails.AsNoTracking().Where(m => m.RequestId == requestId).ToListAsync();
            if (rows.Count == count && rows.All(condition ?? (_ => true))) return rows;
            Assert.True(rows.Count <= count, $"{rows.Count} emails for the request, expected {count}: {string.Join(", ", rows.Select(r => $"{r.To} {r.Kind}"))}");
            Assert.True(DateTime.UtcNow < deadline, $"within 60 s the outbox had {rows.Count} of {count} emails in the expected condition");
            await Task.Delay(100);
        }
    }

    private Task<int> RunAsync<T>(Func<T, Task<int>> run) where T : notnull => RunAsync<T, int>(run);

    /// <summary>Runs one of the outbox's parts now, as the background job does (as the system).</summary>
    private async Task<TResult> RunAsync<T, TResult>(Func<T, Task<TResult>> run) where T : notnull
    {
        await using var scope = app.App.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<AccessScopeHolder>().Current = AccessScope.System;
        return await run(scope.ServiceProvider.GetRequiredService<T>());
    }
}

public sealed class NotificationTests_OnPostgres(PostgresMailApp app) : NotificationTests<PostgresMailApp>(app);

public sealed class NotificationTests_OnSqlite(SqliteMailApp app) : NotificationTests<SqliteMailApp>(app);
