using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Corrections.Web.Tests.Requests;
using Corrections.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Corrections.Web.Tests.Requests.RequestDriver;

namespace Corrections.Web.Tests.Records;

/// <summary>Registration (point 2.3): the clerk's «register» step gives the number, the date and the card.</summary>
public abstract class RegistrationTests<TApp>(TApp app, int parallel) : IClassFixture<TApp> where TApp : AppFixture
{
    [Fact]
    public async Task Registering_gives_the_number_from_the_numerator_the_local_date_and_the_card()
    {
        var driver = new RequestDriver(app);
        var id = (await driver.CreateDraftAsync()).GetProperty("id").GetGuid();
        await driver.StepAsync(id, Teacher, "submit", "submitted");
        await driver.StepAsync(id, Clerk, "register", "registered", new { sheets = 1, attachmentsCount = 1, attachmentsSheets = 2 });

        var request = await driver.GetAsync(id);
        var number = request.GetProperty("registrationNumber").GetString()!;
        Assert.Matches(@"^01-12/\d+$", number);
        var register = await (await driver.As(Clerk)).GetFromJsonAsync<JsonElement>($"/api/v1/schools/{request.GetProperty("schoolId").GetGuid()}/register?text={Uri.EscapeDataString(number)}");
        var card = Assert.Single(register.EnumerateArray(), r => r.GetProperty("number").GetString() == number);
        Assert.Equal("IncomingRequest", card.GetProperty("kind").GetString());
        Assert.Equal("Директору МБОУ СОШ № 1", card.GetProperty("addressee").GetString());
        Assert.Equal("О внесении изменений в электронный журнал: 5А, Русский язык", card.GetProperty("summary").GetString());
        Assert.Equal((1, 2), (card.GetProperty("attachmentsCount").GetInt32(), card.GetProperty("attachmentsSheets").GetInt32()));
        Assert.Equal("Содержит персональные данные", card.GetProperty("accessRestriction").GetString());
        Assert.Equal("registered", card.GetProperty("state").GetString());
        Assert.Equal(request.GetProperty("registeredOn").GetString(), card.GetProperty("registeredOn").GetString());
    }

    [Fact]
    public async Task A_card_with_impossible_sheets_is_refused_and_nothing_is_registered()
    {
        var driver = new RequestDriver(app);
        var id = (await driver.CreateDraftAsync()).GetProperty("id").GetGuid();
        await driver.StepAsync(id, Teacher, "submit", "submitted");

        var response = await driver.ActAsync(id, Clerk, "register", new { sheets = 0 });

        var problem = await Problems.AssertProblemAsync(response, HttpStatusCode.UnprocessableEntity);
        Assert.Equal("Количество листов документа — от 1 до 500.", problem.GetProperty("detail").GetString());
        await using var db = app.Db();
        Assert.False(await db.RegisteredDocuments.AnyAsync(d => d.RequestId == id));
        Assert.Equal("submitted", (await driver.GetAsync(id)).GetProperty("state").GetString());
    }

    [Fact]
    public async Task Parallel_registrations_in_one_school_get_distinct_consecutive_numbers()
    {
        var driver = new RequestDriver(app);
        var ids = new List<Guid>();
        for (var i = 0; i < parallel; i++)
        {
            var id = (await driver.CreateDraftAsync()).GetProperty("id").GetGuid();
            var submitted = await driver.ActAsync(id, Teacher, "submit", revision: 1);
            Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
            ids.Add(id);
        }
        await driver.As(Clerk);

        var responses = await Task.WhenAll(ids.Select(id => driver.ActAsync(id, Clerk, "register", revision: 2)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        await using var db = app.Db();
        var sequences = await db.RegisteredDocuments.Where(d => ids.Contains(d.RequestId!.Value)).Select(d => d.Sequence).ToListAsync();
        Assert.Equal(parallel, sequences.Distinct().Count());
        Assert.Equal(sequences.Max() - sequences.Min() + 1, parallel);
    }

    [Fact]
    public async Task The_sequence_restarts_at_local_midnight_on_the_first_of_january_in_kamchatka()
    {
        // 31.12.2026, 11:58 UTC is 23:58 in Kamchatka (UTC+12); two minutes later it is 2027 there, 14:00 in Moscow.
        var clock = new TestClock(new DateTimeOffset(2026, 12, 31, 11, 58, 0, TimeSpan.Zero));
        var host = app.Create(clock: clock);
        var driver = new RequestDriver(app, host) { Viewer = "director@gimn2.demo" };
        var entry = new DateOnly(2026, 12, 10);
        var first = (await driver.CreateDraftAsync("teacher@gimn2.demo", schoolName: "МАОУ «Гимназия № 2»", className: "6А", date: entry)).GetProperty("id").GetGuid();
        var second = (await driver.CreateDraftAsync("teacher@gimn2.demo", schoolName: "МАОУ «Гимназия № 2»", className: "6А", date: entry)).GetProperty("id").GetGuid();
        await driver.StepAsync(first, "teacher@gimn2.demo", "submit", "submitted");
        await driver.StepAsync(second, "teacher@gimn2.demo", "submit", "submitted");

        await driver.StepAsync(first, "clerk@gimn2.demo", "register", "registered");
        clock.Advance(TimeSpan.FromMinutes(3));
        await driver.StepAsync(second, "clerk@gimn2.demo", "register", "registered");

        await using var db = app.Db();
        var before = await db.RegisteredDocuments.SingleAsync(d => d.RequestId == first);
        var after = await db.RegisteredDocuments.SingleAsync(d => d.RequestId == second);
        Assert.Equal((2026, new DateOnly(2026, 12, 31)), (before.Year, before.RegisteredOn));
        Assert.Equal((2027, 1, "01-12/1", new DateOnly(2027, 1, 1)), (after.Year, after.Sequence, after.Number, after.RegisteredOn));
    }
}

public sealed class RegistrationTests_OnPostgres(PostgresApp app) : RegistrationTests<PostgresApp>(app, parallel: 50);

public sealed class RegistrationTests_OnSqlite(SqliteApp app) : RegistrationTests<SqliteApp>(app, parallel: 10);
