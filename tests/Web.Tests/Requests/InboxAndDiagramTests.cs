using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Corrections.Web.Demo;
using Corrections.Web.Tests.Support;
using static Corrections.Web.Tests.Requests.RequestDriver;

namespace Corrections.Web.Tests.Requests;

public abstract class InboxAndDiagramTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : AppFixture
{
    [Fact]
    public async Task The_directors_inbox_lists_overdue_decisions_first_with_their_due_dates()
    {
        // Monday 16.11.2026, 10:00 in Moscow. A decision is due three working days after registration.
        var clock = new TestClock(new DateTimeOffset(2026, 11, 16, 7, 0, 0, TimeSpan.Zero));
        var host = app.Create(clock: clock);
        var monday = new RequestDriver(app, host);
        var early = (await monday.CreateDraftAsync()).GetProperty("id").GetGuid();
        await monday.StepAsync(early, Teacher, "submit", "submitted");
        await monday.StepAsync(early, Clerk, "register", "registered");

        clock.Advance(TimeSpan.FromDays(2)); // Wednesday
        var wednesday = new RequestDriver(app, host);
        var late = (await wednesday.CreateDraftAsync()).GetProperty("id").GetGuid();
        await wednesday.StepAsync(late, Teacher, "submit", "submitted");
        await wednesday.StepAsync(late, Clerk, "register", "registered");

        clock.Advance(TimeSpan.FromDays(2)); // Friday: the Monday request was due on Thursday
        var friday = new RequestDriver(app, host);
        var inbox = (await (await friday.As(Director)).GetFromJsonAsync<JsonElement>("/api/v1/inbox")).EnumerateArray()
            .Where(i => i.GetProperty("requestId").GetGuid() == early || i.GetProperty("requestId").GetGuid() == late).ToList();

        Assert.Equal([early, late], inbox.Select(i => i.GetProperty("requestId").GetGuid()));
        Assert.True(inbox[0].GetProperty("overdue").GetBoolean());
        Assert.False(inbox[1].GetProperty("overdue").GetBoolean());
        Assert.Equal(new DateTimeOffset(2026, 11, 19, 7, 0, 0, TimeSpan.Zero), inbox[0].GetProperty("dueAt").GetDateTimeOffset());
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 7, 0, 0, TimeSpan.Zero), inbox[1].GetProperty("dueAt").GetDateTimeOffset());
        Assert.Equal(["approve", "escalate", "reject"], inbox[0].GetProperty("actions").EnumerateArray().Select(a => a.GetString()).Order());

        // Nobody else has these decisions in their inbox; the teacher who filed them has nothing to do now.
        var teacherInbox = await (await friday.As(Teacher)).GetFromJsonAsync<JsonElement>("/api/v1/inbox");
        Assert.DoesNotContain(teacherInbox.EnumerateArray(), i => i.GetProperty("requestId").GetGuid() == early && i.GetProperty("role").GetString() != "initiator");
        var clerkInbox = await (await friday.As(Clerk)).GetFromJsonAsync<JsonElement>("/api/v1/inbox");
        Assert.DoesNotContain(clerkInbox.EnumerateArray(), i => i.GetProperty("requestId").GetGuid() == early);
    }

    [Fact]
    public async Task The_inbox_page_counts_every_task_of_the_director_and_lists_overdue_ones_first()
    {
        // As above: registered on Monday and on Wednesday, looked at on Friday, when Monday's decision is overdue.
        var clock = new TestClock(new DateTimeOffset(2026, 11, 16, 7, 0, 0, TimeSpan.Zero));
        var host = app.Create(clock: clock);
        var monday = new RequestDriver(app, host);
        var early = (await monday.CreateDraftAsync()).GetProperty("id").GetGuid();
        await monday.StepAsync(early, Teacher, "submit", "submitted");
        await monday.StepAsync(early, Clerk, "register", "registered");
        clock.Advance(TimeSpan.FromDays(2));
        var wednesday = new RequestDriver(app, host);
        var late = (await wednesday.CreateDraftAsync()).GetProperty("id").GetGuid();
        await wednesday.StepAsync(late, Teacher, "submit", "submitted");
        await wednesday.StepAsync(late, Clerk, "register", "registered");
        clock.Advance(TimeSpan.FromDays(2));

        var (browser, _) = await Browser.SignInAsync(host, Director, DemoSeeder.Password);
        var page = WebUtility.HtmlDecode(await browser.GetStringAsync("/Inbox"));
        var api = (await (await new RequestDriver(app, host).As(Director)).GetFromJsonAsync<JsonElement>("/api/v1/inbox")).GetArrayLength();

        // The total and the menu's badge are one count: every task the API lists for the director.
        Assert.Contains($"Задач: {api},", page, StringComparison.Ordinal);
        Assert.Contains($"data-count=\"{api}\"", page, StringComparison.Ordinal);
        var earlyRow = page.IndexOf($"/Requests/{early}", StringComparison.Ordinal);
        var lateRow = page.IndexOf($"/Requests/{late}", StringComparison.Ordinal);
        Assert.True(earlyRow >= 0 && lateRow > earlyRow, "the overdue request comes first");
        Assert.Contains("просрочено</span>", page[earlyRow..lateRow], StringComparison.Ordinal);
        Assert.DoesNotContain("просрочено</span>", page[lateRow..], StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_diagram_marks_the_current_state_and_the_path_taken()
    {
        var driver = new RequestDriver(app);
        var id = (await driver.CreateDraftAsync()).GetProperty("id").GetGuid();
        await driver.StepAsync(id, Teacher, "submit", "submitted");
        await driver.StepAsync(id, Clerk, "register", "registered");

        var diagram = await (await driver.As(Director)).GetStringAsync($"/api/v1/requests/{id}/diagram");

        Assert.StartsWith("stateDiagram-v2\n", diagram, StringComparison.Ordinal);
        Assert.Contains("%% path: draft -> submitted -> registered\n", diagram, StringComparison.Ordinal);
        Assert.Contains("state \"Ожидает протокол пересдачи\" as awaiting_protocol", diagram.Replace("Разрешено, ожидает", "Ожидает", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("registered --> escalated : Направить в управление образования\n", diagram, StringComparison.Ordinal);
        Assert.Contains("class draft,submitted visited\n", diagram, StringComparison.Ordinal);
        Assert.EndsWith("class registered current\n", diagram, StringComparison.Ordinal);
    }
}

public sealed class InboxAndDiagramTests_OnPostgres(PostgresApp app) : InboxAndDiagramTests<PostgresApp>(app);

public sealed class InboxAndDiagramTests_OnSqlite(SqliteApp app) : InboxAndDiagramTests<SqliteApp>(app);
