using Corrections.Workflows.Engine;
using Quartz;

namespace Corrections.Web.Infrastructure.Timers;

/// <summary>
/// One Quartz job and trigger per timer wait, keyed by the wait's id, so scheduling a wait again
/// replaces rather than duplicates it. A time already past fires at once, once.
/// </summary>
public sealed class QuartzTimerScheduler(QuartzHost host, TimeProvider clock) : IWorkflowTimerScheduler
{
    public const string Group = "workflow-timers";

    public async Task ScheduleAsync(IReadOnlyCollection<WorkflowWait> timers, CancellationToken ct)
    {
        var scheduler = await host.GetAsync(ct);
        foreach (var wait in timers.Where(w => w.Kind == WaitKind.Timer && w.DueAt is not null))
        {
            var job = JobBuilder.Create<FireTimerJob>()
                .WithIdentity(wait.Id.ToString(), Group)
                .UsingJobData(FireTimerJob.WaitIdKey, wait.Id.ToString())
                .UsingJobData(FireTimerJob.TokenKey, wait.Token.ToString())
                .Build();
            var at = wait.DueAt!.Value < clock.GetUtcNow() ? clock.GetUtcNow() : wait.DueAt.Value;
            var trigger = TriggerBuilder.Create()
                .WithIdentity(wait.Id.ToString(), Group)
                .StartAt(at)
                .WithSimpleSchedule(s => s.WithMisfireHandlingInstructionFireNow())
                .Build();
            await scheduler.ScheduleJob(job, [trigger], replace: true, ct);
        }
    }
}
