using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using NJsonSchema;

namespace Corrections.Workflows.Engine;

/// <summary>A broken definition file: the message names the file, the JSON path and the fault.</summary>
public sealed class WorkflowDefinitionException(string file, string path, string fault)
    : Exception($"Workflow definition {file}: at {path}: {fault}")
{
    public string File { get; } = file;
    public string JsonPath { get; } = path;
    public string Fault { get; } = fault;
}

/// <summary>
/// Reads and checks definition files: JSON syntax, then <c>schema.json</c>, then what a schema cannot
/// say (states that exist and are reachable, roles that exist, guards and effects that are registered).
/// Any fault stops the start-up: a process that half-loads is worse than one that does not start.
/// </summary>
public sealed class DefinitionLoader(IReadOnlySet<string> roles, IReadOnlySet<string> guards, IReadOnlySet<string> effects)
{
    public const string SchemaFile = "schema.json";

    /// <summary>Every <c>*.json</c> of the folder except the schema, by id.</summary>
    public async Task<IReadOnlyDictionary<string, WorkflowDefinition>> LoadFolderAsync(string folder)
    {
        var schemaPath = Path.Combine(folder, SchemaFile);
        if (!File.Exists(schemaPath))
            throw new WorkflowDefinitionException(schemaPath, "$", "the schema file is missing");
        var schema = await JsonSchema.FromFileAsync(schemaPath);
        var definitions = new Dictionary<string, WorkflowDefinition>(StringComparer.Ordinal);
        foreach (var file in Directory.GetFiles(folder, "*.json").Where(f => Path.GetFileName(f) != SchemaFile).Order(StringComparer.Ordinal))
        {
            var definition = Load(file, await File.ReadAllTextAsync(file), schema);
            if (!definitions.TryAdd(definition.Id, definition))
                throw new WorkflowDefinitionException(Path.GetFileName(file), "$.id", $"the id '{definition.Id}' is used by another file too");
        }
        return definitions;
    }

    public WorkflowDefinition Load(string file, string text, JsonSchema schema)
    {
        var name = Path.GetFileName(file);
        JsonNode root;
        try
        {
            root = JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip })
                ?? throw new WorkflowDefinitionException(name, "$", "the file is empty");
        }
        catch (JsonException e)
        {
            throw new WorkflowDefinitionException(name, e.Path ?? "$", $"not valid JSON (line {e.LineNumber + 1}, position {e.BytePositionInLine + 1}): {FirstSentence(e.Message)}");
        }

        var schemaErrors = schema.Validate(text);
        if (schemaErrors.Count > 0)
        {
            var error = Deepest(schemaErrors.First());
            throw new WorkflowDefinitionException(name, ToJsonPath(error.Path), $"does not match {SchemaFile}: {error.Kind}{(error.Property is null ? "" : $" ({error.Property})")}");
        }

        var definition = Build(root, name, text);
        Check(definition, name);
        return definition;
    }

    private static WorkflowDefinition Build(JsonNode root, string name, string text)
    {
        static IReadOnlyList<string> Strings(JsonNode? node) => node?.AsArray().Select(n => n!.GetValue<string>()).ToList() ?? [];
        static Duration? DurationOf(JsonNode? node) => node is null ? null
            : new Duration(node["workingDays"]?.GetValue<int>(), node["hours"]?.GetValue<int>(), node["setting"]?.GetValue<string>());

        var states = root["states"]!.AsObject().ToDictionary(
            s => s.Key,
            s => new StateDefinition(
                s.Key,
                s.Value!["title"]!.GetValue<string>(),
                s.Value["final"]?.GetValue<bool>() ?? false,
                s.Value["tasks"]?.AsArray().Select(t => new TaskDefinition(t!["role"]!.GetValue<string>(), t["title"]!.GetValue<string>(), DurationOf(t["due"]))).ToList() ?? [],
                s.Value["timers"]?.AsArray().Select(t => new TimerDefinition(
                    t!["name"]!.GetValue<string>(),
                    t["kind"]!.GetValue<string>() == "deadline" ? TimerKind.Deadline : TimerKind.Reminder,
                    DurationOf(t["after"]), DurationOf(t["beforeDeadline"]), Strings(t["effects"]))).ToList() ?? []),
            StringComparer.Ordinal);
        var transitions = root["transitions"]!.AsArray().Select(t => new TransitionDefinition(
            t!["name"]!.GetValue<string>(),
            t["title"]?.GetValue<string>(),
            Strings(t["from"]),
            t["to"]!.GetValue<string>(),
            new Trigger(t["trigger"]!["action"]?.GetValue<string>(), Strings(t["trigger"]!["roles"]), t["trigger"]!["timer"]?.GetValue<string>(), t["trigger"]!["signal"]?.GetValue<string>()),
            t["reasonRequired"]?.GetValue<bool>() ?? false,
            Strings(t["guards"]),
            Strings(t["effects"]),
            t["initiatorMayAct"]?.GetValue<bool>() ?? false)).ToList();

        var version = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ReplaceLineEndings("\n"))))[..16];
        return new WorkflowDefinition(root["id"]!.GetValue<string>(), root["title"]!.GetValue<string>(), root["initial"]!.GetValue<string>(), states, transitions, version, name);
    }

    private void Check(WorkflowDefinition d, string name)
    {
        void Fail(string path, string fault) => throw new WorkflowDefinitionException(name, path, fault);

        if (!d.States.ContainsKey(d.Initial)) Fail("$.initial", $"unknown state '{d.Initial}'");
        var timers = d.States.Values.SelectMany(s => s.Timers.Select(t => (State: s.Name, Timer: t))).ToList();
        foreach (var (transition, i) in d.Transitions.Select((x, i) => (x, i)))
        {
            var path = $"$.transitions[{i}]";
            foreach (var (from, f) in transition.From.Select((x, j) => (x, j)))
                if (!d.States.ContainsKey(from)) Fail($"{path}.from[{f}]", $"unknown state '{from}'");
            if (!d.States.ContainsKey(transition.To)) Fail($"{path}.to", $"unknown state '{transition.To}'");
            foreach (var (role, r) in transition.Trigger.Roles.Select((x, j) => (x, j)))
                if (!roles.Contains(role)) Fail($"{path}.trigger.roles[{r}]", $"unknown role '{role}'");
            if (transition.Trigger.Timer is { } timerName && !timers.Any(t => t.Timer.Name == timerName && transition.From.Contains(t.State)))
                Fail($"{path}.trigger.timer", $"no state this transition leaves has a timer '{timerName}'");
            foreach (var (guard, g) in transition.Guards.Select((x, j) => (x, j)))
                if (!guards.Contains(guard)) Fail($"{path}.guards[{g}]", $"guard '{guard}' is not registered");
            foreach (var (effect, e) in transition.Effects.Select((x, j) => (x, j)))
                if (!effects.Contains(effect)) Fail($"{path}.effects[{e}]", $"effect '{effect}' is not registered");
        }

        foreach (var (state, index) in d.States.Values.Select((s, i) => (s, i)))
        {
            foreach (var (task, t) in state.Tasks.Select((x, i) => (x, i)))
                if (!roles.Contains(task.Role)) Fail($"$.states.{state.Name}.tasks[{t}].role", $"unknown role '{task.Role}'");
            foreach (var (timer, t) in state.Timers.Select((x, i) => (x, i)))
            {
                foreach (var (effect, e) in timer.Effects.Select((x, i) => (x, i)))
                    if (!effects.Contains(effect)) Fail($"$.states.{state.Name}.timers[{t}].effects[{e}]", $"effect '{effect}' is not registered");
                if (timer.BeforeDeadline is not null && !state.Timers.Any(x => x.Kind == TimerKind.Deadline) && !state.Tasks.Any(x => x.Due is not null))
                    Fail($"$.states.{state.Name}.timers[{t}].beforeDeadline", "the state has no deadline timer or task due date to count back from");
                if (timer.Kind == TimerKind.Deadline && !d.Transitions.Any(x => x.Trigger.Timer == timer.Name && x.From.Contains(state.Name)))
                    Fail($"$.states.{state.Name}.timers[{t}]", $"deadline '{timer.Name}' has no transition from '{state.Name}' triggered by it");
            }
            if (state.Final && d.Transitions.Any(x => x.From.Contains(state.Name)))
                Fail($"$.states.{state.Name}.final", "a final state cannot have outgoing transitions");
            _ = index;
        }
        // Every state must be reachable from the initial one; an unreachable state is a typo or dead rules.
        var reached = new HashSet<string>(StringComparer.Ordinal) { d.Initial };
        var queue = new Queue<string>([d.Initial]);
        while (queue.TryDequeue(out var state))
            foreach (var next in d.From(state).Select(t => t.To))
                if (reached.Add(next)) queue.Enqueue(next);
        if (d.States.Keys.FirstOrDefault(s => !reached.Contains(s)) is { } unreachable)
            Fail($"$.states.{unreachable}", $"state '{unreachable}' cannot be reached from '{d.Initial}'");
    }

    /// <summary>
    /// The most specific error: through references and nested objects, but not into the branches of a
    /// oneOf/anyOf, whose own errors would blame one arbitrary branch instead of the choice.
    /// </summary>
    private static NJsonSchema.Validation.ValidationError Deepest(NJsonSchema.Validation.ValidationError error)
        => error is NJsonSchema.Validation.ChildSchemaValidationError child
           && error.Kind is not (NJsonSchema.Validation.ValidationErrorKind.NotOneOf or NJsonSchema.Validation.ValidationErrorKind.NotAnyOf)
           && child.Errors.Values.SelectMany(e => e).FirstOrDefault() is { } inner
            ? Deepest(inner)
            : error;

    /// <summary>NJsonSchema reports «#/transitions[0].trigger»; we speak JSONPath, «$.transitions[0].trigger».</summary>
    private static string ToJsonPath(string? path) => string.IsNullOrEmpty(path) || path == "#" ? "$" : "$." + path.TrimStart('#', '/');

    private static string FirstSentence(string message) => message.Split(". ")[0];
}
