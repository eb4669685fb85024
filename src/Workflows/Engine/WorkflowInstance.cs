using Corrections.Workflows.Organisation;

namespace Corrections.Workflows.Engine;

/// <summary>
/// One running process. Kept small (lesson 10): state, revision and who started it; the request's
/// content lives in its own tables, the trail in <see cref="WorkflowHistoryEntry"/>.
/// </summary>
public sealed class WorkflowInstance : ISchoolOwned
{
    public Guid Id { get; set; }
    public Guid SchoolId { get; set; }
    public required string DefinitionId { get; set; }
    /// <summary>The content hash of the definition it started on; it stays on it (lesson 7).</summary>
    public required string DefinitionVersion { get; set; }
    public required string State { get; set; }
    /// <summary>Increases by one per step; commands carry the revision they saw (If-Match).</summary>
    public int Revision { get; set; }
    public Guid InitiatorId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

public enum WaitKind
{
    Task = 1,
    Timer = 2,
}

/// <summary>
/// What an instance waits for in its current state (lesson 1): a person's task or a timer. The inbox
/// and the scheduler are views of these rows. They are replaced on every state change, and a timer's
/// <see cref="Token"/> lets a late or duplicate firing recognise that its wait is gone.
/// </summary>
public sealed class WorkflowWait : ISchoolOwned
{
    public Guid Id { get; set; }
    public Guid SchoolId { get; set; }
    public Guid InstanceId { get; set; }
    public WaitKind Kind { get; set; }
    public required string State { get; set; }
    /// <summary>Task: the role that must act («initiator» included). Timer: its name.</summary>
    public required string Name { get; set; }
    public string? Title { get; set; }
    /// <summary>Task: when it is due (null: no due date). Timer: when it fires.</summary>
    public DateTimeOffset? DueAt { get; set; }
    public Guid Token { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>
/// One step of an instance, append-only and never pruned (lesson 9): who, in which role, when,
/// which action, from which state to which, the comment and a hash of the payload.
/// </summary>
public sealed class WorkflowHistoryEntry : ISchoolOwned
{
    public Guid Id { get; set; }
    public Guid SchoolId { get; set; }
    public Guid InstanceId { get; set; }
    /// <summary>The instance's revision after this step.</summary>
    public int Revision { get; set; }
    public DateTimeOffset At { get; set; }
    /// <summary>Null for the system (timers, signals).</summary>
    public Guid? ActorId { get; set; }
    public string? ActorRole { get; set; }
    public required string Action { get; set; }
    public string? FromState { get; set; }
    public required string ToState { get; set; }
    public string? Comment { get; set; }
    public string? PayloadHash { get; set; }
}

/// <summary>Something to send after the step commits (email, letters), written in the step's transaction.</summary>
public sealed class OutboxMessage : ISchoolOwned
{
    public Guid Id { get; set; }
    public Guid SchoolId { get; set; }
    public Guid? InstanceId { get; set; }
    public required string Kind { get; set; }
    public required string Payload { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public int Attempts { get; set; }
}

/// <summary>The first result of a command sent with an Idempotency-Key; a replay gets it back unchanged.</summary>
public sealed class IdempotencyRecord
{
    public Guid Id { get; set; }
    public Guid UserId { get; set; }
    public required string Key { get; set; }
    /// <summary>What the key was used for («POST /api/v1/requests/…/actions/approve»); another use of the key is refused.</summary>
    public required string Scope { get; set; }
    public int StatusCode { get; set; }
    public required string Body { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>Every definition version ever started, so an instance can be resumed on its own version after the file changed.</summary>
public sealed class StoredDefinition
{
    public required string DefinitionId { get; set; }
    public required string Version { get; set; }
    public required string Source { get; set; }
    public required string Content { get; set; }
    public DateTimeOffset StoredAt { get; set; }
}
