using System.Text.Json;
using Corrections.Workflows.Engine;
using Microsoft.EntityFrameworkCore;

namespace Corrections.Workflows.Corrections;

/// <summary>
/// «notify»: writes an outbox row in the step's transaction, naming the process, the step and the
/// new state; the notifications issue turns these into emails to the right people. Nothing is sent
/// from inside the step, so a failed mail server never blocks or undoes a decision.
/// </summary>
public sealed class NotifyEffect : IWorkflowEffect
{
    public string Name => "notify";

    public async Task RunAsync(StepContext step, CancellationToken ct)
    {
        // The due date people are told about (the decision, the end of the unlock): the new state's task,
        // entered in this step and not yet saved, or for a reminder the task of the state it stays in.
        var reminder = step.FromState == step.Transition.To && step.Transition.Trigger.Timer is not null && step.Transition.Trigger.Action is null;
        var dueAt = reminder
            ? await step.Db.WorkflowWaits.Where(w => w.InstanceId == step.Instance.Id && w.Kind == WaitKind.Task && w.DueAt != null)
                .OrderBy(w => w.DueAt).Select(w => w.DueAt).FirstOrDefaultAsync(ct)
            : step.Db.WorkflowWaits.Local.Where(w => w.InstanceId == step.Instance.Id && w.Kind == WaitKind.Task && w.DueAt != null).Min(w => w.DueAt);
        step.Db.OutboxMessages.Add(new OutboxMessage
        {
            Id = Guid.CreateVersion7(),
            SchoolId = step.Instance.SchoolId,
            InstanceId = step.Instance.Id,
            Kind = $"{step.Definition.Id}.{step.Transition.Name}",
            Payload = JsonSerializer.Serialize(new
            {
                instanceId = step.Instance.Id,
                step = step.Transition.Name,
                from = step.FromState,
                to = step.Transition.To,
                actorId = step.Actor?.UserId,
                revision = step.Instance.Revision,
                dueAt,
            }),
            CreatedAt = step.Now,
        });
    }
}
