using System.Text.Json;
using Corrections.Workflows.Engine;

namespace Corrections.Workflows.Corrections;

/// <summary>
/// «notify»: writes an outbox row in the step's transaction, naming the process, the step and the
/// new state; the notifications issue turns these into emails to the right people. Nothing is sent
/// from inside the step, so a failed mail server never blocks or undoes a decision.
/// </summary>
public sealed class NotifyEffect : IWorkflowEffect
{
    public string Name => "notify";

    public Task RunAsync(StepContext step, CancellationToken ct)
    {
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
            }),
            CreatedAt = step.Now,
        });
        return Task.CompletedTask;
    }
}
