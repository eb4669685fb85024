using System.Text.Json.Nodes;
using Corrections.Workflows.Engine;

namespace Corrections.Workflows.Tests.Engine;

/// <summary>
/// The definition files of <c>workflows/</c> load, and each kind of broken file stops the loading
/// with a message that names the file, the JSON path and the fault.
/// </summary>
public sealed class DefinitionLoaderTests : IDisposable
{
    private static readonly HashSet<string> Roles = ["initiator", "subject-teacher", "Teacher", "Zavuch", "Director", "Clerk", "DepartmentOfficer", "Admin"];
    private static readonly HashSet<string> Guards = ["request-complete", "entries-locked", "retake-protocol-missing", "protocol-given", "registration-card", "filing-case", "unlock-active"];
    private static readonly HashSet<string> Effects = ["notify", "register-document", "file-to-case", "register-outgoing-letter", "register-department-decision", "grant-unlock", "revoke-unlock", "apply-to-journal"];

    private readonly string _folder = Directory.CreateTempSubdirectory("corrections-workflows-").FullName;

    public DefinitionLoaderTests() => File.Copy(Path.Combine(RepositoryWorkflows, DefinitionLoader.SchemaFile), Path.Combine(_folder, DefinitionLoader.SchemaFile));

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    public static string RepositoryWorkflows
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Corrections.sln"))) dir = dir.Parent;
            return Path.Combine(dir?.FullName ?? throw new InvalidOperationException("Corrections.sln not found above the test folder"), "workflows");
        }
    }

    private static DefinitionLoader Loader() => new(Roles, Guards, Effects);

    [Fact]
    public async Task The_correction_request_process_loads_with_the_states_and_actions_of_the_regulation()
    {
        var definitions = await Loader().LoadFolderAsync(RepositoryWorkflows);

        var process = definitions["correction-request"];
        Assert.Equal(
            ["applied", "awaiting-protocol", "draft", "escalated", "filed", "registered", "rejected", "returned", "submitted", "unlock-expired", "unlocked", "withdrawn"],
            process.States.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(
            ["apply", "approve", "department-approve", "department-reject", "escalate", "file", "register", "regrant-unlock", "reject", "return", "submit", "upload-protocol", "withdraw"],
            process.Actions.Order(StringComparer.Ordinal));
        Assert.Equal("draft", process.Initial);
        Assert.Equal(16, process.Version.Length);
    }

    [Fact]
    public async Task The_version_is_the_hash_of_the_content_so_an_edited_file_is_a_new_version()
    {
        var original = await File.ReadAllTextAsync(Path.Combine(RepositoryWorkflows, "correction-request.json"));
        await Write("a.json", original);
        var first = (await Loader().LoadFolderAsync(_folder))["correction-request"].Version;
        await Write("a.json", original.Replace("\"Черновик\"", "\"Черновик заявления\"", StringComparison.Ordinal));
        var second = (await Loader().LoadFolderAsync(_folder))["correction-request"].Version;

        Assert.NotEqual(first, second);
    }

    public static TheoryData<string, Func<JsonNode, JsonNode>, string, string> Broken => new()
    {
        { "unknown state in a transition", d => Set(d, n => n["transitions"]![1]!["to"] = "abandoned"), "$.transitions[1].to", "unknown state 'abandoned'" },
        { "unknown initial state", d => Set(d, n => n["initial"] = "start"), "$.initial", "unknown state 'start'" },
        { "unreachable state", d => Set(d, n => n["states"]!.AsObject().Add("archived", new JsonObject { ["title"] = "Архив", ["final"] = true })), "$.states.archived", "cannot be reached from 'draft'" },
        { "unknown role", d => Set(d, n => n["transitions"]![3]!["trigger"]!["roles"]![0] = "Secretary"), "$.transitions[3].trigger.roles[0]", "unknown role 'Secretary'" },
        { "unknown task role", d => Set(d, n => n["states"]!["submitted"]!["tasks"]![0]!["role"] = "Janitor"), "$.states.submitted.tasks[0].role", "unknown role 'Janitor'" },
        { "guard not registered", d => Set(d, n => n["transitions"]![0]!["guards"]![1] = "moon-is-full"), "$.transitions[0].guards[1]", "guard 'moon-is-full' is not registered" },
        { "effect not registered", d => Set(d, n => n["transitions"]![2]!["effects"]![0] = "send-pigeon"), "$.transitions[2].effects[0]", "effect 'send-pigeon' is not registered" },
        { "timer effect not registered", d => Set(d, n => n["states"]!["registered"]!["timers"]![0]!["effects"]![0] = "ring-bell"), "$.states.registered.timers[0].effects[0]", "effect 'ring-bell' is not registered" },
        { "transition on a timer the state lacks", d => Set(d, n => n["transitions"]![12]!["trigger"]!["timer"] = "never-set"), "$.transitions[12].trigger.timer", "no state this transition leaves has a timer 'never-set'" },
        { "property the schema does not know", d => Set(d, n => n["transitions"]![0]!["colour"] = "red"), "$.transitions[0].colour", "does not match schema.json" },
        { "trigger with two kinds", d => Set(d, n => n["transitions"]![0]!["trigger"]!["timer"] = "unlock-end"), "$.transitions[0].trigger", "does not match schema.json" },
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public async Task A_broken_definition_stops_loading_naming_the_file_the_path_and_the_fault(string name, Func<JsonNode, JsonNode> breakIt, string path, string fault)
    {
        _ = name;
        var document = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(RepositoryWorkflows, "correction-request.json")))!;
        await Write("correction-request.json", breakIt(document).ToJsonString());

        var error = await Assert.ThrowsAsync<WorkflowDefinitionException>(() => Loader().LoadFolderAsync(_folder));

        Assert.Equal("correction-request.json", error.File);
        Assert.Equal(path, error.JsonPath);
        Assert.Contains(fault, error.Fault, StringComparison.Ordinal);
        Assert.StartsWith($"Workflow definition correction-request.json: at {path}: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_that_is_not_json_names_the_line()
    {
        await Write("broken.json", "{\n  \"id\": \"x\",\n  \"title\": \"y\"\n  \"initial\": \"draft\"\n}");

        var error = await Assert.ThrowsAsync<WorkflowDefinitionException>(() => Loader().LoadFolderAsync(_folder));

        Assert.Equal("broken.json", error.File);
        Assert.Contains("not valid JSON (line 4", error.Fault, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_files_with_one_id_are_refused()
    {
        var text = await File.ReadAllTextAsync(Path.Combine(RepositoryWorkflows, "correction-request.json"));
        await Write("a.json", text);
        await Write("b.json", text);

        var error = await Assert.ThrowsAsync<WorkflowDefinitionException>(() => Loader().LoadFolderAsync(_folder));

        Assert.Equal(("b.json", "$.id"), (error.File, error.JsonPath));
    }

    private static JsonNode Set(JsonNode document, Action<JsonNode> change)
    {
        change(document);
        return document;
    }

    private Task Write(string file, string text) => File.WriteAllTextAsync(Path.Combine(_folder, file), text);
}
