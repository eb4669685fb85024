using Corrections.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;
using NJsonSchema;

namespace Corrections.Workflows.Engine;

/// <summary>
/// The definitions loaded at start-up, and every older version that running instances still use.
/// A new version is stored on first load, so an instance can always be resumed on its own version.
/// </summary>
public sealed class DefinitionRegistry
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(string Id, string Version), WorkflowDefinition> _versions = new();
    private readonly Dictionary<string, WorkflowDefinition> _current = new(StringComparer.Ordinal);
    private readonly DefinitionLoader _loader;
    private JsonSchema? _schema;

    public DefinitionRegistry(IEnumerable<IWorkflowGuard> guards, IEnumerable<IWorkflowEffect> effects, IEnumerable<IWorkflowParticipants> participants)
    {
        IReadOnlySet<string> roles = new HashSet<string>(
            Enum.GetNames<Accounts.Role>().Append(WorkflowEngine.InitiatorRole).Concat(participants.SelectMany(p => p.Roles)), StringComparer.Ordinal);
        _loader = new DefinitionLoader(roles, guards.Select(g => g.Name).ToHashSet(), effects.Select(e => e.Name).ToHashSet());
    }

    public IReadOnlyCollection<WorkflowDefinition> Current => _current.Values;

    /// <summary>Loads the folder (a fault throws <see cref="WorkflowDefinitionException"/>) and stores new versions.</summary>
    public async Task LoadAsync(string folder, CorrectionsDbContext db, TimeProvider clock, CancellationToken ct)
    {
        _schema = await JsonSchema.FromFileAsync(Path.Combine(folder, DefinitionLoader.SchemaFile), ct);
        foreach (var definition in (await _loader.LoadFolderAsync(folder)).Values)
        {
            _current[definition.Id] = definition;
            _versions[(definition.Id, definition.Version)] = definition;
            if (!await db.StoredDefinitions.AnyAsync(s => s.DefinitionId == definition.Id && s.Version == definition.Version, ct))
            {
                var content = await File.ReadAllTextAsync(Path.Combine(folder, definition.Source), ct);
                db.StoredDefinitions.Add(new StoredDefinition { DefinitionId = definition.Id, Version = definition.Version, Source = definition.Source, Content = content, StoredAt = clock.GetUtcNow() });
            }
        }
        await db.SaveChangesAsync(ct);
    }

    public WorkflowDefinition GetCurrent(string id)
        => _current.TryGetValue(id, out var definition) ? definition : throw new InvalidOperationException($"No workflow definition '{id}' is loaded.");

    /// <summary>The exact version an instance runs on, read back from the database if the file has moved on.</summary>
    public async Task<WorkflowDefinition> GetAsync(string id, string version, CorrectionsDbContext db, CancellationToken ct)
    {
        if (_versions.TryGetValue((id, version), out var known)) return known;
        var stored = await db.StoredDefinitions.AsNoTracking().SingleOrDefaultAsync(s => s.DefinitionId == id && s.Version == version, ct)
            ?? throw new InvalidOperationException($"Workflow definition '{id}' version {version} is neither loaded nor stored.");
        var definition = _loader.Load(stored.Source, stored.Content, _schema ?? throw new InvalidOperationException("Definitions are not loaded yet."));
        return _versions.GetOrAdd((id, version), definition);
    }
}
