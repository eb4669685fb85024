using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Corrections.Workflows.Organisation;
using Corrections.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Corrections.Workflows.Engine;

/// <summary>
/// Runs instances on their definitions. One step is one database transaction (lesson 2): the
/// instance's new state and revision, the replaced waits, the history entry and whatever the
/// effects write (outbox rows included) commit together or not at all.
/// </summary>
public sealed class WorkflowEngine(
    CorrectionsDbContext db, DefinitionRegistry definitions, IEnumerable<IWorkflowGuard> guards, IEnumerable<IWorkflowEffect> effects,
    TimeProvider clock, IWorkflowTimerScheduler scheduler, IEnumerable<IWorkflowParticipants> participants)
{
    /// <summary>The pseudo-role of the person who started an instance.</summary>
    public const string InitiatorRole = "initiator";

    private readonly Dictionary<string, IWorkflowGuard> _guards = guards.ToDictionary(g => g.Name, StringComparer.Ordinal);
    private readonly Dictionary<string, IWorkflowEffect> _effects = effects.ToDictionary(e => e.Name, StringComparer.Ordinal);
    private readonly List<IWorkflowParticipants> _participants = [.. participants];

    /// <summary>Creates an instance in the initial state (not yet committed: the caller saves it with its content).</summary>
    public async Task<WorkflowInstance> CreateAsync(string definitionId, Guid instanceId, Guid schoolId, Actor initiator, CancellationToken ct)
    {
        var definition = definitions.GetCurrent(definitionId);
        var now = clock.GetUtcNow();
        var instance = new WorkflowInstance
        {
            Id = instanceId, SchoolId = schoolId, DefinitionId = definition.Id, DefinitionVersion = definition.Version,
            State = definition.Initial, Revision = 1, InitiatorId = initiator.UserId, CreatedAt = now, UpdatedAt = now,
        };
        db.WorkflowInstances.Add(instance);
        db.WorkflowHistory.Add(new WorkflowHistoryEntry
        {
            Id = Guid.CreateVersion7(), SchoolId = schoolId, InstanceId = instance.Id, Revision = 1, At = now,
            ActorId = initiator.UserId, ActorRole = InitiatorRole, Action = "create", ToState = definition.Initial,
        });
        var school = NeedsSchool(definition.States[definition.Initial]) ? await new SchoolFactsReader(clock).ReadAsync(db, schoolId, ct) : null;
        EnterState(definition, instance, school, now);
        return instance;
    }

    /// <summary>The actions <paramref name="actor"/> may take now, each with the transition that would be taken.</summary>
    public async Task<IReadOnlyList<AvailableAction>> AvailableActionsAsync(WorkflowInstance instance, Actor actor, CancellationToken ct)
    {
        var definition = await definitions.GetAsync(instance.DefinitionId, instance.DefinitionVersion, db, ct);
        var result = new List<AvailableAction>();
        foreach (var group in definition.From(instance.State).Where(t => t.Trigger.Action is not null).GroupBy(t => t.Trigger.Action!))
        {
            var first = group.First();
            if (await RoleForAsync(first, instance, actor, ct) is not { } role || IsOwnRequestRefused(first, instance, actor, role)) continue;
            result.Add(new AvailableAction(group.Key, first.Title ?? group.Key, role, group.Any(t => t.ReasonRequired)));
        }
        return result;
    }

    /// <summary>
    /// Takes the user action <paramref name="action"/>. Refusals throw <see cref="StepRefusedException"/>
    /// and change nothing; a concurrent step that committed first makes this one stale.
    /// </summary>
    /// <param name="beforeCommit">Adds rows that must commit with the step (the API's idempotency record).</param>
    public async Task<WorkflowHistoryEntry> ExecuteAsync(WorkflowInstance instance, string action, Actor actor, int expectedRevision, string? reason, JsonElement? payload, CancellationToken ct, Action<WorkflowHistoryEntry>? beforeCommit = null)
    {
        var definition = await definitions.GetAsync(instance.DefinitionId, instance.DefinitionVersion, db, ct);
        var candidates = definition.From(instance.State).Where(t => t.Trigger.Action == action).ToList();
        if (candidates.Count == 0)
            throw definition.Actions.Contains(action)
                ? new StepRefusedException(StepFault.WrongState, "Step.WrongState", action, definition.States[instance.State].Title)
                : new StepRefusedException(StepFault.UnknownAction, "Step.UnknownAction", action);
        var role = await RoleForAsync(candidates[0], instance, actor, ct) ?? throw new StepRefusedException(StepFault.NotAllowed, "Step.NotAllowed", action);
        if (IsOwnRequestRefused(candidates[0], instance, actor, role)) throw new StepRefusedException(StepFault.OwnRequest, "Step.OwnRequest");
        if (candidates.Any(t => t.ReasonRequired) && string.IsNullOrWhiteSpace(reason)) throw new StepRefusedException(StepFault.ReasonRequired, "Step.ReasonRequired");
        if (expectedRevision != instance.Revision) throw new StepRefusedException(StepFault.StaleRevision, "Step.Stale", expectedRevision, instance.Revision);

        GuardResult? refusal = null;
        var school = new SchoolFactsReader(clock);
        foreach (var transition in candidates)
        {
            var step = Context(definition, instance, transition, actor, role, reason, payload, school);
            refusal = await CheckGuardsAsync(transition, step, ct);
            if (refusal is null) return await CommitAsync(definition, step, ct, beforeCommit);
        }
        throw new StepRefusedException(StepFault.GuardRefused, refusal!.RefusalKey!, refusal.Args);
    }

    /// <summary>
    /// Fires a timer wait. A firing whose wait is gone or whose token differs (the instance moved on,
    /// or this is a duplicate) does nothing and returns false (lesson 4).
    /// </summary>
    public async Task<bool> FireTimerAsync(Guid waitId, Guid token, CancellationToken ct)
    {
        var wait = await db.WorkflowWaits.SingleOrDefaultAsync(w => w.Id == waitId && w.Kind == WaitKind.Timer, ct);
        if (wait is null || wait.Token != token) return false;
        var instance = await db.WorkflowInstances.SingleAsync(i => i.Id == wait.InstanceId, ct);
        if (instance.State != wait.State) return false;
        var definition = await definitions.GetAsync(instance.DefinitionId, instance.DefinitionVersion, db, ct);
        var timer = definition.States[instance.State].Timers.Single(t => t.Name == wait.Name);

        if (timer.Kind == TimerKind.Deadline)
        {
            var transition = definition.From(instance.State).First(t => t.Trigger.Timer == timer.Name);
            var step = Context(definition, instance, transition, null, null, null, null, new SchoolFactsReader(clock));
            if (await CheckGuardsAsync(transition, step, ct) is not null) return false;
            await CommitAsync(definition, step, ct);
            return true;
        }

        // A reminder does not interrupt: it runs its effects, is used up, and the revision stays.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // Used up with a set-based delete: if a step or another node got there first, nothing is left to do.
        if (await db.WorkflowWaits.Where(w => w.Id == wait.Id && w.Token == token).ExecuteDeleteAsync(ct) == 0) return false;
        db.Entry(wait).State = EntityState.Detached;
        var now = clock.GetUtcNow();
        var reminder = new TransitionDefinition($"timer:{timer.Name}", null, [instance.State], instance.State, new Trigger(null, [], timer.Name, null), false, [], timer.Effects);
        var context = Context(definition, instance, reminder, null, null, null, null, new SchoolFactsReader(clock));
        foreach (var effect in timer.Effects) await _effects[effect].RunAsync(context, ct);
        db.WorkflowHistory.Add(new WorkflowHistoryEntry
        {
            Id = Guid.CreateVersion7(), SchoolId = instance.SchoolId, InstanceId = instance.Id, Revision = instance.Revision, At = now,
            Action = reminder.Name, FromState = instance.State, ToState = instance.State,
        });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return true;
    }

    private async Task<WorkflowHistoryEntry> CommitAsync(WorkflowDefinition definition, StepContext step, CancellationToken ct, Action<WorkflowHistoryEntry>? beforeCommit = null)
    {
        var instance = step.Instance;
        // Read before the transaction (if no guard has read it yet), so the transaction only writes;
        // a state whose tasks have no due dates and that has no timers needs nothing of the school.
        var school = NeedsSchool(definition.States[step.Transition.To]) ? await step.SchoolAsync(ct) : null;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // The state's waits go with the save, before the new ones are inserted; the instance's
        // revision is what guards the step against a concurrent one.
        db.DeleteWaitsOnSave(instance);
        foreach (var tracked in db.ChangeTracker.Entries<WorkflowWait>().ToList()) tracked.State = EntityState.Detached;
        instance.State = step.Transition.To;
        instance.Revision++;
        instance.UpdatedAt = step.Now;
        var entry = new WorkflowHistoryEntry
        {
            Id = Guid.CreateVersion7(), SchoolId = instance.SchoolId, InstanceId = instance.Id, Revision = instance.Revision, At = step.Now,
            ActorId = step.Actor?.UserId, ActorRole = step.ActorRole, Action = step.Transition.Trigger.Action ?? step.Transition.Name,
            FromState = step.FromState, ToState = instance.State, Comment = string.IsNullOrWhiteSpace(step.Reason) ? null : step.Reason.Trim(),
            PayloadHash = step.Payload is { } p ? Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(p.GetRawText()))) : null,
        };
        db.WorkflowHistory.Add(entry);
        var timers = EnterState(definition, instance, school, step.Now);
        foreach (var effect in step.Transition.Effects) await _effects[effect].RunAsync(step, ct);
        beforeCommit?.Invoke(entry);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new StepRefusedException(StepFault.StaleRevision, "Step.StaleConcurrent");
        }
        await tx.CommitAsync(ct);
        // Scheduling follows the commit, so a trigger never exists for a wait that was rolled back.
        await scheduler.ScheduleAsync(timers, ct);
        return entry;
    }

    /// <summary>Whether entering <paramref name="state"/> computes a time: a due date (zone, settings) or a timer.</summary>
    private static bool NeedsSchool(StateDefinition state) => state.Timers.Count > 0 || state.Tasks.Any(t => t.Due is not null);

    /// <summary>Creates the tasks and timers of the instance's (new) state and returns the timers.</summary>
    /// <param name="school">Read whenever <see cref="NeedsSchool"/> says the state computes a time.</param>
    private List<WorkflowWait> EnterState(WorkflowDefinition definition, WorkflowInstance instance, SchoolFacts? school, DateTimeOffset now)
    {
        var state = definition.States[instance.State];
        // sign: +1 counts forward from entering the state, -1 counts back from its deadline.
        DateTimeOffset? At(Duration? duration, DateTimeOffset from, int sign = 1)
        {
            if (duration is null) return null;
            var facts = school ?? throw new InvalidOperationException($"State {state.Name} computes a time without its school.");
            var amount = duration.Setting is { } name && facts.Settings.TryGetValue(name, out var value) && int.TryParse(value, out var configured)
                ? configured
                : duration.WorkingDays ?? duration.Hours ?? 0;
            return duration.WorkingDays is not null
                ? facts.Calendar.AddWorkingDays(from, sign * amount)
                : from.AddHours(sign * amount);
        }

        foreach (var task in state.Tasks)
            db.WorkflowWaits.Add(new WorkflowWait
            {
                Id = Guid.CreateVersion7(), SchoolId = instance.SchoolId, InstanceId = instance.Id, Kind = WaitKind.Task,
                State = state.Name, Name = task.Role, Title = task.Title, DueAt = At(task.Due, now), Token = Guid.NewGuid(), CreatedAt = now,
            });
        // A reminder counts back from the state's deadline timer, or else from the due date of its task
        // (the director's decision is due, not forced: nothing fires at the due date itself).
        var deadline = state.Timers.Where(t => t.Kind == TimerKind.Deadline).Select(t => At(t.After, now)).FirstOrDefault()
            ?? state.Tasks.Where(t => t.Due is not null).Select(t => At(t.Due, now)).FirstOrDefault();
        var timers = new List<WorkflowWait>();
        foreach (var timer in state.Timers)
        {
            var fireAt = timer.After is not null ? At(timer.After, now)!.Value : At(timer.BeforeDeadline, deadline!.Value, -1)!.Value;
            var wait = new WorkflowWait
            {
                Id = Guid.CreateVersion7(), SchoolId = instance.SchoolId, InstanceId = instance.Id, Kind = WaitKind.Timer,
                State = state.Name, Name = timer.Name, DueAt = fireAt, Token = Guid.NewGuid(), CreatedAt = now,
            };
            db.WorkflowWaits.Add(wait);
            timers.Add(wait);
        }
        return timers;
    }

    private async Task<GuardResult?> CheckGuardsAsync(TransitionDefinition transition, StepContext step, CancellationToken ct)
    {
        foreach (var name in transition.Guards)
        {
            var result = await _guards[name].CheckAsync(step, ct);
            if (!result.Passed) return result;
        }
        return null;
    }

    private StepContext Context(WorkflowDefinition definition, WorkflowInstance instance, TransitionDefinition transition, Actor? actor, string? role, string? reason, JsonElement? payload, SchoolFactsReader school)
        => new()
        {
            Db = db, Definition = definition, Instance = instance, Transition = transition, FromState = instance.State,
            Actor = actor, ActorRole = role, Reason = reason, Payload = payload, Now = clock.GetUtcNow(), SchoolReader = school,
        };

    /// <summary>
    /// The first of the trigger's roles the actor holds for this instance, or null: a role in the
    /// instance's school, «initiator», or a participant role the domain resolves («subject-teacher»).
    /// </summary>
    private async Task<string?> RoleForAsync(TransitionDefinition transition, WorkflowInstance instance, Actor actor, CancellationToken ct)
    {
        foreach (var role in transition.Trigger.Roles)
        {
            if (role == InitiatorRole ? actor.UserId == instance.InitiatorId
                : Enum.TryParse<Accounts.Role>(role, out var r) ? actor.Scope.HasSchoolRole(instance.SchoolId, r)
                : await HoldsParticipantRoleAsync(instance, role, actor.UserId, ct))
                return role;
        }
        return null;
    }

    private async Task<bool> HoldsParticipantRoleAsync(WorkflowInstance instance, string role, Guid userId, CancellationToken ct)
    {
        foreach (var resolver in _participants.Where(p => p.Roles.Contains(role)))
            if (await resolver.HoldsAsync(db, instance, role, userId, ct)) return true;
        return false;
    }

    /// <summary>Nobody decides on their own request: the initiator acts only as initiator, or where the definition allows it.</summary>
    private static bool IsOwnRequestRefused(TransitionDefinition transition, WorkflowInstance instance, Actor actor, string role)
        => actor.UserId == instance.InitiatorId && role != InitiatorRole && !transition.InitiatorMayAct;
}

public sealed record AvailableAction(string Action, string Title, string Role, bool ReasonRequired);

/// <summary>
/// Roles that belong to one instance rather than to a school, such as the subject teacher of a
/// request; the domain that owns the data answers who holds them.
/// </summary>
public interface IWorkflowParticipants
{
    IReadOnlyCollection<string> Roles { get; }

    Task<bool> HoldsAsync(CorrectionsDbContext db, WorkflowInstance instance, string role, Guid userId, CancellationToken ct);
}

/// <summary>Makes timer waits fire at their time; the Quartz implementation lives in the host.</summary>
public interface IWorkflowTimerScheduler
{
    Task ScheduleAsync(IReadOnlyCollection<WorkflowWait> timers, CancellationToken ct);
}
