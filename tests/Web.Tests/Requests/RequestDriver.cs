using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Corrections.Web.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Corrections.Web.Tests.Requests;

/// <summary>Drives correction requests through the API as the demo people of school № 1.</summary>
public sealed class RequestDriver(AppFixture app, WebApplicationFactory<Program>? host = null)
{
    public const string Teacher = "teacher@sosh1.demo", Zavuch = "zavuch@sosh1.demo", Director = "director@sosh1.demo",
        Clerk = "clerk@sosh1.demo", Admin = "admin@sosh1.demo", Department = "department@okrug.demo", OtherDirector = "director@gimn2.demo";

    public static readonly string[] People = [Teacher, Zavuch, Director, Clerk, Department];

    private readonly Dictionary<string, HttpClient> _clients = [];

    /// <summary>Who reads the request back between steps: a director of the request's school.</summary>
    public string Viewer { get; init; } = Director;

    public async Task<HttpClient> As(string email)
    {
        if (!_clients.TryGetValue(email, out var client)) _clients[email] = client = await app.ApiAs(email, host: host);
        return client;
    }

    /// <summary>A draft by <paramref name="initiator"/> for one locked entry (the latest lesson at least ten days old) of the first 5А student in Russian.</summary>
    public async Task<JsonElement> CreateDraftAsync(string initiator = Teacher, string ground = "illness", string subject = "Русский язык",
        string schoolName = "МБОУ СОШ № 1", string className = "5А", DateOnly? date = null)
    {
        await using var db = app.Db();
        var school = await db.Schools.SingleAsync(s => s.ShortName == schoolName);
        var schoolClass = await db.Classes.SingleAsync(c => c.SchoolId == school.Id && c.Name == className);
        var student = await db.Students.Where(s => s.ClassId == schoolClass.Id).OrderBy(s => s.Surname).FirstAsync();
        var subjectId = await db.Subjects.Where(s => s.SchoolId == school.Id && s.Name == subject).Select(s => s.Id).SingleAsync();
        var groundId = await db.Grounds.Where(g => g.SchoolId == school.Id && g.Code == ground).Select(g => g.Id).SingleAsync();
        // By default the latest lesson at least ten days old: locked, and in the demo journal with the first student's «2».
        // Ten days before the host's own clock: a test on a fixed date must not pick a lesson that is still ahead of it.
        var now = ((host ?? app.App).Services.GetService<TimeProvider>() ?? TimeProvider.System).GetUtcNow();
        var tenDaysAgo = DateOnly.FromDateTime(now.UtcDateTime.AddDays(-10));
        date ??= await db.Lessons.Where(l => l.ClassId == schoolClass.Id && l.SubjectId == subjectId && l.Date <= tenDaysAgo)
            .OrderByDescending(l => l.Date).Select(l => (DateOnly?)l.Date).FirstOrDefaultAsync() ?? tenDaysAgo;
        var response = await (await As(initiator)).PostAsJsonAsync($"/api/v1/schools/{school.Id}/requests", new
        {
            classId = schoolClass.Id, subjectId, groundId, justification = "Ученик отсутствовал по болезни, справка прилагается.",
            entries = new[] { new { studentId = student.Id, date = date.Value.ToString("yyyy-MM-dd"), kind = "CurrentMark", currentValue = "2", requestedValue = "4" } },
        });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, body);
        return JsonDocument.Parse(body).RootElement;
    }

    public async Task<JsonElement> GetAsync(Guid id, string? who = null)
        => JsonDocument.Parse(await (await As(who ?? Viewer)).GetStringAsync($"/api/v1/requests/{id}")).RootElement;

    /// <summary>Takes an action with the current revision (or <paramref name="revision"/>) and a fresh idempotency key.</summary>
    public async Task<HttpResponseMessage> ActAsync(Guid id, string who, string action, object? body = null, int? revision = null, string? key = null)
    {
        var client = await As(who);
        var current = revision ?? (await GetAsync(id, who is Department ? Viewer : who)).GetProperty("revision").GetInt32();
        // A decision is signed with the decider's password; a test that means to leave it out passes "password": null.
        var json = JsonSerializer.SerializeToNode(body ?? new { })!.AsObject();
        if (Features.Requests.DecisionSignatures.Required(action) && !json.ContainsKey("password")) json["password"] = Demo.DemoSeeder.Password;
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/requests/{id}/actions/{action}")
        {
            Content = new StringContent(json.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("If-Match", $"\"{current}\"");
        request.Headers.TryAddWithoutValidation("Idempotency-Key", key ?? Guid.NewGuid().ToString());
        return await client.SendAsync(request);
    }

    /// <summary>Takes the action, asserts it succeeded into <paramref name="expectedState"/> and that the history records it.</summary>
    public async Task StepAsync(Guid id, string who, string action, string expectedState, object? body = null, string? role = null)
    {
        var before = await GetAsync(id);
        var response = await ActAsync(id, who, action, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{who} {action}: {(int)response.StatusCode} {text}");
        var after = await GetAsync(id);
        Assert.Equal(expectedState, after.GetProperty("state").GetString());
        Assert.Equal(before.GetProperty("revision").GetInt32() + 1, after.GetProperty("revision").GetInt32());
        var last = after.GetProperty("history").EnumerateArray().Last();
        Assert.Equal(action, last.GetProperty("action").GetString());
        Assert.Equal(before.GetProperty("state").GetString(), last.GetProperty("fromState").GetString());
        Assert.Equal(expectedState, last.GetProperty("toState").GetString());
        if (role is not null) Assert.Equal(role, last.GetProperty("actorRole").GetString());
    }

    /// <summary>Asserts exactly who may act now, and with which actions, across the school's people and the department.</summary>
    public async Task AssertWhoMayActAsync(Guid id, Dictionary<string, string[]> expected)
    {
        foreach (var person in People)
        {
            var response = await (await As(person)).GetAsync($"/api/v1/requests/{id}/actions");
            var actions = response.StatusCode == HttpStatusCode.NotFound
                ? []
                : JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.EnumerateArray().Select(a => a.GetProperty("action").GetString()!).Order().ToArray();
            Assert.True(expected.GetValueOrDefault(person, []).Order().SequenceEqual(actions),
                $"{person} may take [{string.Join(", ", actions)}], expected [{string.Join(", ", expected.GetValueOrDefault(person, []))}]");
        }
    }
}
