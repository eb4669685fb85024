using System.Text.Json;
using System.Text.Json.Nodes;
using Corrections.Web.Tests.Support;
using static Corrections.Web.Tests.Requests.RequestDriver;

namespace Corrections.Web.Tests.Requests;

/// <summary>Definitions at start-up: a broken file stops the start; a changed file is a new version that running requests do not follow.</summary>
public sealed class DefinitionVersionTests_OnSqlite(SqliteApp app) : IClassFixture<SqliteApp>, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("corrections-defs-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static string Shipped(string file) => Path.Combine(AppContext.BaseDirectory, "workflows", file);

    private async Task<JsonNode> CopyShippedAsync()
    {
        File.Copy(Shipped("schema.json"), Path.Combine(_folder, "schema.json"));
        return JsonNode.Parse(await File.ReadAllTextAsync(Shipped("correction-request.json")))!;
    }

    [Fact]
    public async Task A_broken_definition_stops_the_start_with_the_file_the_path_and_the_fault()
    {
        var definition = await CopyShippedAsync();
        definition["transitions"]![3]!["trigger"]!["roles"]![0] = "Secretary";
        await File.WriteAllTextAsync(Path.Combine(_folder, "correction-request.json"), definition.ToJsonString());

        var error = Assert.ThrowsAny<Exception>(() => app.Create(settings: new Dictionary<string, string> { ["Workflows:Folder"] = _folder }).CreateClient());

        var message = error.InnerException?.Message ?? error.Message;
        Assert.Equal("Workflow definition correction-request.json: at $.transitions[3].trigger.roles[0]: unknown role 'Secretary'", message);
    }

    [Fact]
    public async Task A_running_request_stays_on_its_version_when_the_file_changes()
    {
        var driver = new RequestDriver(app);
        var old = (await driver.CreateDraftAsync()).GetProperty("id").GetGuid();
        await driver.StepAsync(old, Teacher, "submit", "submitted");

        var definition = await CopyShippedAsync();
        definition["states"]!["registered"]!["title"] = "Зарегистрировано (новая редакция)";
        await File.WriteAllTextAsync(Path.Combine(_folder, "correction-request.json"), definition.ToJsonString());
        var updated = app.Create(settings: new Dictionary<string, string> { ["Workflows:Folder"] = _folder });
        var newDriver = new RequestDriver(app, updated);

        await newDriver.StepAsync(old, Clerk, "register", "registered");
        var fresh = (await newDriver.CreateDraftAsync()).GetProperty("id").GetGuid();
        await newDriver.StepAsync(fresh, Teacher, "submit", "submitted");
        await newDriver.StepAsync(fresh, Clerk, "register", "registered");

        Assert.Equal("Зарегистрировано, ожидает решения директора", (await newDriver.GetAsync(old)).GetProperty("stateTitle").GetString());
        Assert.Equal("Зарегистрировано (новая редакция)", (await newDriver.GetAsync(fresh)).GetProperty("stateTitle").GetString());
    }
}
