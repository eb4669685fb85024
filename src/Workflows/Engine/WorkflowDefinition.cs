namespace Corrections.Workflows.Engine;

/// <summary>
/// A process read from <c>workflows/*.json</c>. Its <see cref="Version"/> is the hash of the file's
/// content, so a running instance keeps the definition it started on even after the file changes.
/// </summary>
public sealed record WorkflowDefinition(
    string Id,
    string Title,
    string Initial,
    IReadOnlyDictionary<string, StateDefinition> States,
    IReadOnlyList<TransitionDefinition> Transitions,
    string Version,
    string Source)
{
    /// <summary>Transitions that leave <paramref name="state"/>, in file order: the first whose guards pass is taken.</summary>
    public IEnumerable<TransitionDefinition> From(string state) => Transitions.Where(t => t.From.Contains(state));

    public IEnumerable<string> Actions => Transitions.Where(t => t.Trigger.Action is not null).Select(t => t.Trigger.Action!).Distinct();
}

public sealed record StateDefinition(string Name, string Title, bool Final, IReadOnlyList<TaskDefinition> Tasks, IReadOnlyList<TimerDefinition> Timers);

/// <summary>Who must act while the instance is in a state, and by when.</summary>
public sealed record TaskDefinition(string Role, string Title, Duration? Due);

public enum TimerKind
{
    /// <summary>Non-interrupting: runs its effects, the state stays.</summary>
    Reminder,
    /// <summary>Interrupting: fires the transition whose trigger names this timer.</summary>
    Deadline,
}

/// <param name="After">Counted from entering the state.</param>
/// <param name="BeforeDeadline">For a reminder: counted back from the state's deadline timer, or else from its task's due date.</param>
public sealed record TimerDefinition(string Name, TimerKind Kind, Duration? After, Duration? BeforeDeadline, IReadOnlyList<string> Effects);

/// <summary>Working days of the school's calendar or hours; <see cref="Setting"/> names a per-school override.</summary>
public sealed record Duration(int? WorkingDays, int? Hours, string? Setting);

/// <summary>Exactly one of action (with roles), timer or signal.</summary>
public sealed record Trigger(string? Action, IReadOnlyList<string> Roles, string? Timer, string? Signal);

public sealed record TransitionDefinition(
    string Name,
    string? Title,
    IReadOnlyList<string> From,
    string To,
    Trigger Trigger,
    bool ReasonRequired,
    IReadOnlyList<string> Guards,
    IReadOnlyList<string> Effects,
    bool InitiatorMayAct = false);
