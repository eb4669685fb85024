using System.Net;
using Corrections.Web.Tests.Support;
using static Corrections.Web.Tests.Requests.RequestDriver;

namespace Corrections.Web.Tests.Requests;

public abstract class ConcurrencyTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : AppFixture
{
    private readonly RequestDriver _driver = new(app);

    [Fact]
    public async Task Two_concurrent_identical_actions_exactly_one_succeeds()
    {
        var id = (await _driver.CreateDraftAsync()).GetProperty("id").GetGuid();
        await _driver.StepAsync(id, Teacher, "submit", "submitted");
        var revision = (await _driver.GetAsync(id)).GetProperty("revision").GetInt32();
        await _driver.As(Clerk);

        var responses = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => _driver.ActAsync(id, Clerk, "register", revision: revision)));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Conflict);
        var after = await _driver.GetAsync(id);
        Assert.Equal(revision + 1, after.GetProperty("revision").GetInt32());
        Assert.Single(after.GetProperty("history").EnumerateArray(), h => h.GetProperty("action").GetString() == "register");
    }

    [Fact]
    public async Task A_replayed_idempotency_key_returns_the_first_result_and_acts_once()
    {
        var id = (await _driver.CreateDraftAsync()).GetProperty("id").GetGuid();
        var revision = (await _driver.GetAsync(id, Teacher)).GetProperty("revision").GetInt32();
        var key = Guid.NewGuid().ToString();

        var first = await _driver.ActAsync(id, Teacher, "submit", revision: revision, key: key);
        var replay = await _driver.ActAsync(id, Teacher, "submit", revision: revision, key: key);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await replay.Content.ReadAsStringAsync());
        var after = await _driver.GetAsync(id, Teacher);
        Assert.Single(after.GetProperty("history").EnumerateArray(), h => h.GetProperty("action").GetString() == "submit");
    }

    [Fact]
    public async Task A_replayed_refusal_is_the_same_refusal()
    {
        var id = (await _driver.CreateDraftAsync()).GetProperty("id").GetGuid();
        var key = Guid.NewGuid().ToString();

        var first = await _driver.ActAsync(id, Teacher, "submit", revision: 99, key: key);
        var replay = await _driver.ActAsync(id, Teacher, "submit", key: key);

        Assert.Equal(HttpStatusCode.Conflict, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, replay.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await replay.Content.ReadAsStringAsync());
        Assert.Equal("draft", (await _driver.GetAsync(id, Teacher)).GetProperty("state").GetString());
    }

    [Fact]
    public async Task An_action_without_if_match_or_idempotency_key_is_refused()
    {
        var id = (await _driver.CreateDraftAsync()).GetProperty("id").GetGuid();
        var client = await _driver.As(Teacher);

        using var noKey = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/requests/{id}/actions/submit");
        noKey.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
        using var noRevision = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/requests/{id}/actions/submit");
        noRevision.Headers.TryAddWithoutValidation("Idempotency-Key", Guid.NewGuid().ToString());

        await Problems.AssertProblemAsync(await client.SendAsync(noKey), HttpStatusCode.BadRequest);
        await Problems.AssertProblemAsync(await client.SendAsync(noRevision), (HttpStatusCode)428);
        Assert.Equal("draft", (await _driver.GetAsync(id, Teacher)).GetProperty("state").GetString());
    }
}

public sealed class ConcurrencyTests_OnPostgres(PostgresApp app) : ConcurrencyTests<PostgresApp>(app);

public sealed class ConcurrencyTests_OnSqlite(SqliteApp app) : ConcurrencyTests<SqliteApp>(app);
